"""The language switch keeps the page and changes only the language prefix, both ways."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("next_path", "language", "expected"),
    [
        ("/zh-hans/organisations/", "en", "/organisations/"),
        ("/organisations/", "zh-hans", "/zh-hans/organisations/"),
        ("/zh-hans/calls/?page=2", "en", "/calls/?page=2"),
        ("/zh-hans/", "en", "/"),
    ],
)
def test_switch_keeps_the_page(next_path: str, language: str, expected: str) -> None:
    client = Client()
    response = client.post(reverse("set_language"), {"language": language, "next": next_path})
    assert response.status_code == 302
    assert response["Location"] == expected
    assert response.cookies["django_language"].value == language


def test_chinese_user_gets_back_to_english_and_stays() -> None:
    client = Client()
    client.post(reverse("set_language"), {"language": "zh-hans", "next": "/organisations/"})
    response = client.post(
        reverse("set_language"), {"language": "en", "next": "/zh-hans/organisations/"}
    )
    assert response["Location"] == "/organisations/"
    page = client.get("/organisations/")
    assert page.status_code == 200
    assert '<html lang="en">' in page.content.decode()


def test_switch_refuses_foreign_next() -> None:
    response = Client().post(
        reverse("set_language"), {"language": "en", "next": "https://evil.example/zh-hans/"}
    )
    assert response["Location"] == "/"
