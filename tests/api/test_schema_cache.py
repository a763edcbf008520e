"""The OpenAPI schema is built once per process and language, not on every request."""

import json

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
    api.__dict__.pop("_encoded", None)
    first = client.get("/api/openapi.json").json()
    second = client.get("/api/openapi.json").json()
    assert (first == second, built) == (True, ["/api/"])
    assert "/api/organisations" in first["paths"]


def test_the_schema_answer_is_the_encoded_schema(client):
    answer = client.get("/api/openapi.json")
    assert answer["Content-Type"] == "application/json"
    assert json.loads(answer.content) == json.loads(
        json.dumps(api.get_openapi_schema(path_params={}))
    )


def test_the_schema_json_has_no_duplicate_keys(client):
    """Swagger UI's parser refuses a document with a key twice (ninja's int status keys beside
    the string ones added for the error answers did that)."""
    duplicates = []

    def no_duplicates(pairs):
        keys = [key for key, _value in pairs]
        duplicates.extend(key for key in set(keys) if keys.count(key) > 1)
        return dict(pairs)

    json.loads(client.get("/api/openapi.json").content, object_pairs_hook=no_duplicates)

    assert duplicates == []
