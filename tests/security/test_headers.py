"""Every answer carries the Content Security Policy (scripts from this site only, never inline)
and a Permissions-Policy that switches off the browser features no page uses."""

from __future__ import annotations

import re

import pytest

from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

EXECUTABLE_INLINE_SCRIPT = re.compile(
    r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I
)

INLINE_STYLE = re.compile(r"<style\b|<[a-z][^>]*\sstyle\s*=", re.I)


def directives(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    parsed = {}
    for directive in policy.split(";"):
        name, *values = directive.split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/organisations/",
        "/zh-hans/organisations/",
        "/api/organisations",
        "/api/openapi.json",
        "/api/docs",
    ],
)
def test_pages_and_api_answers_carry_the_policies(client, path):
    response = client.get(path)

    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert (
        "'unsafe-inline'" not in policy["script-src"]
        and "'unsafe-eval'" not in policy["script-src"]
    )
    assert policy["style-src"] == ["'self'"]  # no style attributes, no <style> blocks
    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera=()", "geolocation=()", "microphone=()", "payment=()", "usb=()"):
        assert feature in permissions


def test_a_cached_public_page_and_an_htmx_fragment_carry_the_policy(client, settings):
    settings.TWINNING_PAGE_CACHE_SECONDS = 600
    organisation = OrganisationFactory(name="Green Cities Lab", is_published=True)

    first = client.get(organisation.get_absolute_url())
    cached = client.get(organisation.get_absolute_url())
    fragment = client.get("/organisations/", headers={"HX-Request": "true"})

    for response in (first, cached, fragment):
        assert response.status_code == 200
        assert directives(response)["script-src"] == ["'self'"]
        assert directives(response)["style-src"] == ["'self'"]
        assert "camera=()" in response.headers["Permissions-Policy"]


def test_error_answers_carry_the_policy(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert directives(response)["script-src"] == ["'self'"]
    assert directives(response)["style-src"] == ["'self'"]


@pytest.mark.parametrize(
    "path", ["/", "/organisations/", "/api/docs", "/programmes/graph/", "/programmes/map/"]
)
def test_rendered_pages_hold_no_inline_script(client, path):
    """What the policy would block never reaches the browser (the templates test covers our own
    templates; this one covers what libraries render, such as the API docs)."""
    OrganisationFactory(name="Green Cities Lab", is_published=True)
    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assert EXECUTABLE_INLINE_SCRIPT.findall(html) == []
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html, re.I)
    assert "javascript:" not in html
    assert INLINE_STYLE.findall(html) == []
