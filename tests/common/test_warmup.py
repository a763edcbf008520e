"""A fresh web process renders the common pages once before it takes visitors."""

import pytest
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application

from tests.factories import OrganisationFactory
from twinning.common.warmup import warm_up

pytestmark = pytest.mark.django_db(transaction=True)  # warming closes its connections


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.TWINNING_PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def test_warming_answers_each_page_and_fills_the_page_cache(client, django_assert_num_queries):
    OrganisationFactory(name="Blue Delta Water Alliance", is_published=True)
    statuses = warm_up(get_wsgi_application(), ["/", "/organisations/", "/no-such-page/"])
    assert statuses == {
        "/": "200 OK",
        "/organisations/": "200 OK",
        "/no-such-page/": "404 Not Found",
    }
    with django_assert_num_queries(1):  # the generation counter only: the page was cached
        page = client.get("/organisations/")
    assert "Blue Delta Water Alliance" in page.content.decode()


def test_a_failing_page_is_reported_and_the_others_still_warm():
    def broken(environ, start_response):
        if environ["PATH_INFO"] == "/broken/":
            raise RuntimeError("the page is broken")
        start_response("200 OK", [])
        return [b"fine"]

    assert warm_up(broken, ["/broken/", "/"]) == {"/broken/": "failed", "/": "200 OK"}
