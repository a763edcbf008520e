"""The OpenAPI schema is built once per process and language, not on every request."""

import ninja.main
import pytest

from twinning.api.urls import api

pytestmark = pytest.mark.django_db


def test_the_schema_is_built_once_and_served_the_same(client, monkeypatch):
    built = []
    real = ninja.main.get_schema

    def counting(**kwargs):
        built.append(kwargs["path_prefix"])
        return real(**kwargs)

    monkeypatch.setattr(ninja.main, "get_schema", counting)
    api.__dict__.pop("_schemas", None)
    first = client.get("/api/openapi.json").json()
    second = client.get("/api/openapi.json").json()
    assert (first == second, built) == (True, ["/api/"])
    assert "/api/organisations" in first["paths"]
