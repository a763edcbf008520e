"""Every page in Chinese, as every demo role: no Latin-only word outside names and data.

Words of the data itself (organisation names, English descriptions without a Chinese one,
user names) are allowed: they are what people wrote. What is left came from a template or the
code and is an untranslated string. Option texts of selects are read like any other text.
"""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.test import Client
from django.utils import translation

from tests.e2e.walk import ROLES, START, page_kind
from twinning.demo.load import load_demo

pytestmark = pytest.mark.django_db

WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
# Words that are the same in a Chinese interface: formats, standards, the product's acronyms.
ALLOWED = {
    "API", "CSV", "JSON", "XLSX", "PDF", "HTML", "ISO", "NGO", "SDG", "SDGs", "IANA", "UTC",
    "CET", "CEST", "English", "ID", "URL", "OpenAPI", "e-mail", "iCalendar", "iCal", "SVG",
    "org-id",  # the org-id.guide register of identifier lists, a name
    "a", "b",  # side letters of a call: "A 方", "B 方"
}  # fmt: skip


class _VisibleText(HTMLParser):
    """The text a reader sees, without scripts, code, and parts marked as another language."""

    SKIPPED = {"script", "style", "code", "pre", "noscript"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col"}:
            return
        attributes = dict(attrs)
        hidden = (
            tag in self.SKIPPED
            or (attributes.get("lang") or "").startswith("en")
            or attributes.get("translate") == "no"
        )
        self.stack.append(hidden or (bool(self.stack) and self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        if tag in {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col"}:
            return
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def test_option_texts_are_read_and_identifiers_marked_translate_no_are_not() -> None:
    html = (
        '<select><option value="q">Queued</option><option translate="no">Europe/Paris</option>'
        "</select><p>排队</p>"
    )
    assert WORD.findall(visible_text(html)) == ["Queued"]


def data_words() -> set[str]:
    """Every word stored in the project's own tables: names, descriptions, titles, user names."""
    words: set[str] = set()
    for model in apps.get_models():
        if not model.__module__.startswith(("twinning.", "django.contrib.auth")):
            continue
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | models.JSONField)
        ]
        for row in model.objects.values_list(*fields):
            for value in row:
                words.update(WORD.findall(str(value or "")))
    return words


def latin_words(path: str, html: str, allowed: set[str]) -> list[str]:
    return sorted({w for w in WORD.findall(visible_text(html)) if w not in allowed})


def test_every_chinese_page_is_in_chinese(settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_demo()
    allowed = ALLOWED | data_words()
    users = get_user_model().objects
    problems: dict[str, list[str]] = {}
    seen: set[str] = set()
    for role, username in ROLES:
        client = Client()
        if username:
            client.force_login(users.get(username=username))
        queue = deque(START.get(role, ("/",)))
        visited: set[str] = set()
        while queue:
            path = queue.popleft()
            with translation.override("en"):  # the prefix-free path resolves in English
                kind = page_kind(urlsplit(path).path)
            key = f"{role}:{kind}"
            if path in visited or kind is None or key in seen:
                continue
            visited.add(path)
            response = client.get("/zh-hans" + path, follow=True)
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue
            seen.add(key)
            html = response.content.decode()
            words = latin_words(path, html, allowed)
            if words:
                problems[f"{role} /zh-hans{path}"] = words
            for href in re.findall(r'href="(/zh-hans/[^"#]*)"', html):
                queue.append(href.removeprefix("/zh-hans"))
    assert len(seen) > 40, sorted(seen)
    assert problems == {}, "\n".join(f"{page}: {words}" for page, words in problems.items())
