"""Public pages come from the cache for anonymous visitors until the data behind them changes."""

import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import OrganisationFactory
from twinning.common.cache import current_generation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.TWINNING_PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db(transaction=True)  # real commits: the counter moves after them
def test_a_cached_page_costs_one_query_and_a_committed_change_refreshes_it(
    client, django_assert_num_queries
):
    organisation = OrganisationFactory(name="Blue Delta Water Alliance")
    url = organisation.get_absolute_url()
    assert "Blue Delta Water Alliance" in client.get(url).content.decode()
    with django_assert_num_queries(1):  # the generation counter
        assert "Blue Delta Water Alliance" in client.get(url).content.decode()
    before = current_generation()
    organisation.name = "Blue Delta Alliance"
    organisation.save()
    assert current_generation() == before + 1
    assert "Blue Delta Alliance</h1>" in client.get(url).content.decode()


def test_each_visitor_gets_their_own_csrf_token_from_a_cached_page():
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get("/")
    page = second.get("/")
    assert "@@twinning-csrf-token@@" not in page.content.decode()
    token = page.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    switched = second.post("/i18n/setlang/", {"language": "zh-hans", "csrfmiddlewaretoken": token})
    assert switched.status_code == 302


def test_signed_in_users_never_get_the_cached_page(client, member_client):
    client.get("/")
    page = member_client.get("/").content.decode()
    assert "Sign out" in page
