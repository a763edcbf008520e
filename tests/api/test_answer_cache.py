"""Public API reads come from the page cache for anonymous callers, never across users or edits."""

import pytest
from django.core.cache import cache

from tests.factories import OrganisationFactory
from twinning.directory.actions import update_organisation

pytestmark = pytest.mark.django_db(transaction=True)  # real commits: the counter moves after them


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.TWINNING_PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def names(answer) -> list[str]:
    return sorted(item["name"] for item in answer.json()["items"])


def test_an_anonymous_list_is_served_from_the_cache_with_one_query(
    client, django_assert_num_queries
):
    OrganisationFactory(name="Blue Delta Water Alliance", is_published=True)
    assert names(client.get("/api/organisations?limit=20")) == ["Blue Delta Water Alliance"]
    with django_assert_num_queries(1):  # the generation counter
        again = client.get("/api/organisations?limit=20")
    assert (again["Content-Type"].split(";")[0], names(again)) == (
        "application/json",
        ["Blue Delta Water Alliance"],
    )
    assert "csrftoken" not in again.cookies  # a JSON answer hands out no token


def test_an_edit_is_visible_in_the_next_answer(client):
    organisation = OrganisationFactory(name="Blue Delta Water Alliance", is_published=True)
    client.get("/api/organisations?limit=20")
    client.get(f"/api/organisations/{organisation.slug}")
    update_organisation(organisation=organisation, name="Blue Delta Alliance")
    OrganisationFactory(name="Amber Coast Trust", is_published=True)
    assert names(client.get("/api/organisations?limit=20")) == [
        "Amber Coast Trust",
        "Blue Delta Alliance",
    ]
    assert client.get(f"/api/organisations/{organisation.slug}").json()["name"] == (
        "Blue Delta Alliance"
    )


def test_what_a_coordinator_sees_is_never_served_to_anyone_else(client, coordinator_client):
    OrganisationFactory(name="Blue Delta Water Alliance", is_published=True)
    OrganisationFactory(name="Hidden Reed Circle", is_published=False)
    assert names(coordinator_client.get("/api/organisations?limit=20")) == [
        "Blue Delta Water Alliance",
        "Hidden Reed Circle",
    ]
    assert names(client.get("/api/organisations?limit=20")) == ["Blue Delta Water Alliance"]
    # and the other way round: the anonymous answer, now cached, is not the coordinator's
    assert names(coordinator_client.get("/api/organisations?limit=20")) == [
        "Blue Delta Water Alliance",
        "Hidden Reed Circle",
    ]
