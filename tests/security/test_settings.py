"""Safe defaults: no debug pages, and HTTPS-only cookies when the deployment says it runs on HTTPS."""

from __future__ import annotations

from twinning import config


def test_debug_is_off_and_cookies_work_over_http_by_default(monkeypatch):
    for name in ("TWINNING_DEBUG", "TWINNING_HTTPS", "TWINNING_ALLOWED_HOSTS"):
        monkeypatch.delenv(name, raising=False)

    loaded = config.load()

    assert loaded.debug is False and loaded.https is False
    assert loaded.allowed_hosts == ["127.0.0.1", "localhost", "testserver"]


def test_twinning_https_turns_on_secure_cookies(monkeypatch):
    monkeypatch.setenv("TWINNING_HTTPS", "1")

    assert config.load().https is True
