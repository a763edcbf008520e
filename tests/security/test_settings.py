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


def _settings_with(environment: dict[str, str]) -> dict:
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    code = (
        "import json; from twinning import settings as s; print(json.dumps({"
        "'proxy': s.__dict__.get('SECURE_PROXY_SSL_HEADER'), 'origins': s.__dict__.get('CSRF_TRUSTED_ORIGINS'),"
        "'hsts': s.SECURE_HSTS_SECONDS, 'secure_cookies': s.SESSION_COOKIE_SECURE}))"
    )
    finished = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(root / "src"), **environment},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(finished.stdout)


def test_behind_a_tls_proxy_the_forwarded_scheme_and_the_https_origins_are_trusted():
    loaded = _settings_with(
        {"TWINNING_HTTPS": "1", "TWINNING_ALLOWED_HOSTS": "twinning.example.org,.example.net"}
    )
    assert loaded == {
        "proxy": ["HTTP_X_FORWARDED_PROTO", "https"],
        "origins": ["https://twinning.example.org"],
        "hsts": 31536000,
        "secure_cookies": True,
    }
    assert _settings_with({"TWINNING_HTTPS": "0"})["proxy"] is None


def test_sign_in_through_a_tls_proxy_passes_the_origin_check(db, settings, django_user_model):
    from django.test import Client

    settings.ALLOWED_HOSTS = ["twinning.example.org"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.CSRF_TRUSTED_ORIGINS = ["https://twinning.example.org"]
    django_user_model.objects.create_user(username="lea", password="a-long-password-1")
    browser = Client(enforce_csrf_checks=True, HTTP_HOST="twinning.example.org")
    page = browser.get("/accounts/login/", HTTP_X_FORWARDED_PROTO="https")
    token = page.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = browser.post(
        "/accounts/login/",
        {"username": "lea", "password": "a-long-password-1", "csrfmiddlewaretoken": token},
        HTTP_X_FORWARDED_PROTO="https",
        HTTP_ORIGIN="https://twinning.example.org",
        HTTP_REFERER="https://twinning.example.org/accounts/login/",
    )
    assert response.status_code == 302
