"""The API docs and the favicon come from our own static files: no CDN, no 404."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

pytestmark = pytest.mark.django_db


def test_api_docs_load_swagger_ui_from_our_static_files() -> None:
    html = Client().get("/api/docs").content.decode()
    assert "cdn" not in html.lower()
    sources = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
    assert any(source.endswith("swagger-ui-bundle.js") for source in sources)
    for source in sources:
        assert finders.find(source.removeprefix("/static/")), source


def test_every_page_names_a_favicon_that_exists() -> None:
    html = Client().get("/").content.decode()
    assert '<link rel="icon" href="/static/twinning/favicon.svg" type="image/svg+xml">' in html
    assert finders.find("twinning/favicon.svg")
    response = Client().get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/twinning/favicon.svg"


def test_the_picker_library_is_linked_only_when_vendored(monkeypatch) -> None:
    from twinning.common.templatetags import vendored

    vendored._is_present.cache_clear()
    monkeypatch.setattr(vendored.finders, "find", lambda path: None)
    assert vendored.vendored_static("tom-select/tom-select.complete.min.js") == ""
    vendored._is_present.cache_clear()
    monkeypatch.setattr(vendored.finders, "find", lambda path: "/somewhere/" + path)
    assert (
        vendored.vendored_static("tom-select/tom-select.complete.min.js")
        == "/static/twinning/vendor/tom-select/tom-select.complete.min.js"
    )
    vendored._is_present.cache_clear()


def test_the_build_step_copies_the_picker_from_npm_not_by_hand() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    makefile = (root / "Makefile").read_text(encoding="utf-8")
    script = (root / "scripts" / "vendor_static.py").read_text(encoding="utf-8")
    assert "scripts/vendor_static.py" in makefile
    assert '[npm, "ci"' in script
    assert "dist/js/tom-select.complete.min.js" in script
    gitignore = (root / ".gitignore").read_text(encoding="utf-8")
    assert "/src/twinning/static/twinning/vendor/" in gitignore
