import pytest

from tests.factories import OrganisationFactory, PairFactory
from twinning.directory.models import Topic

pytestmark = pytest.mark.django_db


def test_openapi_schema_is_served_and_lists_the_directory_paths(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/organisations", "/api/organisations/{slug}", "/api/pairs", "/api/topics"} <= set(
        schema["paths"]
    )
    assert client.get("/api/docs").status_code == 200


def test_organisation_list_filters_and_paginates(client):
    OrganisationFactory(name="River Keepers", country="FI", topics=["water"])
    OrganisationFactory(name="Compost Circle", country="IT", topics=["waste"])
    body = client.get("/api/organisations", {"country": "FI"}).json()
    assert body["count"] == 1
    assert body["items"][0]["name"] == "River Keepers"
    assert body["items"][0]["topics"] == ["water"]


def test_organisation_detail_and_404_for_unpublished(client):
    organisation = OrganisationFactory(name="Eco Canton", name_zh="宜居广州")
    assert client.get(f"/api/organisations/{organisation.slug}").json()["name_zh"] == "宜居广州"
    hidden = OrganisationFactory(is_published=False)
    response = client.get(f"/api/organisations/{hidden.slug}")
    assert response.status_code == 404
    assert response.json() == {"detail": "No such organisation."}


@pytest.mark.parametrize("rows", [1, 3])
def test_pair_list_query_count(client, django_assert_num_queries, rows):
    for _ in range(rows):
        PairFactory(topics=["waste"])
    with django_assert_num_queries(5):
        body = client.get("/api/pairs").json()
    assert body["count"] == rows
    assert body["items"][0]["topics"] == ["waste"]


def test_figures_endpoint(client):
    PairFactory(cohort__year=2017, topics=["energy"])
    body = client.get("/api/figures").json()
    assert [(row["cohort__year"], row["pairs"]) for row in body["by_year"]] == [(2017, 1)]
    assert [(row["slug"], row["pair_count"]) for row in body["by_topic"]] == [("energy", 1)]
    assert {row["country"] for row in body["by_country"]} == {"FR", "CN"}


def test_an_access_refusal_anywhere_in_the_api_is_a_403_with_its_reason(rf):
    import json

    from django.core.exceptions import PermissionDenied

    from twinning.api.urls import forbidden

    response = forbidden(rf.get("/api/anything"), PermissionDenied("Only coordinators open calls."))
    assert (response.status_code, json.loads(response.content)) == (
        403,
        {"detail": "Only coordinators open calls."},
    )


def test_every_list_has_one_shape(client):
    """No read answers a bare array: lists are `{"items": [...], "count": n}` pages with
    `limit` and `offset`."""
    schema = client.get("/api/openapi.json").json()
    components = schema["components"]["schemas"]
    bare, unpaged = [], []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method != "get":
                continue
            body = (
                operation["responses"]["200"]
                .get("content", {})
                .get("application/json", {})
                .get("schema", {})
            )
            if body.get("type") == "array":
                bare.append(f"{method} {path}")
            reference = body.get("$ref", "")
            if reference and set(components[reference.split("/")[-1]].get("properties", {})) == {
                "items",
                "count",
            }:
                names = {parameter["name"] for parameter in operation.get("parameters", [])}
                if not {"limit", "offset"} <= names:
                    unpaged.append(f"{method} {path}")
    assert (bare, unpaged) == ([], [])


def test_a_page_of_topics(client, db):
    first = client.get("/api/topics?limit=2").json()
    second = client.get("/api/topics?limit=2&offset=2").json()

    assert first["count"] == second["count"] == Topic.objects.count()
    assert len(first["items"]) == 2
    assert [t["slug"] for t in first["items"] + second["items"]] == list(
        Topic.objects.values_list("slug", flat=True)[:4]
    )
