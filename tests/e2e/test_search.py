"""Search in the browser: English and Chinese from the home page, a filter, and opening a result."""

from __future__ import annotations

import datetime

import pytest

from tests.factories import OrganisationFactory
from twinning.library.actions import add_document
from twinning.library.search.indexing import drain_pending
from twinning.library.search.retrieval import vector_cache

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def library(settings):
    settings.TWINNING_SEARCH_EMBEDDER = "hashing"
    vector_cache.clear()
    compost = add_document(
        title="Courtyard composting",
        text="Residents bring kitchen peelings to shared compost bins.",
        published=datetime.date(2016, 1, 1),
    )
    sorting = add_document(
        title="社区垃圾分类经验",
        text="志愿者在小区指导居民开展垃圾分类和堆肥。",
        language="zh",
        published=datetime.date(2019, 1, 1),
    )
    OrganisationFactory(name="Compost Collective", description="A compost cooperative.")
    drain_pending()
    yield compost, sorting
    vector_cache.clear()


def test_search_from_home_in_english_and_chinese_filter_and_open(page, live_server, library):
    compost, sorting = library
    page.goto(live_server.url + "/")
    page.get_by_role("search").get_by_role("searchbox").fill("compost")
    page.get_by_role("search").get_by_role("button").click()
    page.wait_for_url("**/library/search/?q=compost*")
    titles = page.locator(".search-result h3").all_inner_texts()
    assert "Courtyard composting" in titles and "Compost Collective" in titles
    assert page.locator(".search-result mark").first.inner_text().lower().startswith("compost")

    page.select_option("select[name=type]", "document")  # htmx swaps the results in place
    page.wait_for_function("() => !document.body.innerText.includes('Compost Collective')")
    assert "type=document" in page.url
    assert page.locator(".search-result h3").all_inner_texts()[0] == "Courtyard composting"

    page.goto(live_server.url + "/")
    page.get_by_role("search").get_by_role("searchbox").fill("堆肥")
    page.keyboard.press("Enter")
    page.wait_for_selector(".search-result")
    assert page.locator(".search-result h3").all_inner_texts()[0] == "社区垃圾分类经验"
    assert page.locator(".search-result mark").first.inner_text() == "堆肥"
    page.locator(".search-result h3 a").first.click()
    page.wait_for_url(f"**{sorting.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "社区垃圾分类经验"
    page.wait_for_selector(".more-like-this h2")
