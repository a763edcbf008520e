import datetime

import pytest

from tests.factories import DocumentFactory, EventFactory, OrganisationFactory, PairFactory
from twinning.library.actions import add_document
from twinning.library.search.engine import more_like_this, search
from twinning.library.search.retrieval import SearchFilters

pytestmark = pytest.mark.django_db


def ids(hits):
    return [hit.id for hit in hits]


@pytest.fixture
def library(index):
    compost = add_document(
        title="Courtyard composting",
        text="Residents bring kitchen peelings to shared compost bins.",
        source="reports/compost.txt",
        kind="report",
        published=datetime.date(2016, 5, 1),
    )
    sorting = add_document(
        title="社区垃圾分类",
        text="志愿者在小区指导居民开展垃圾分类和堆肥。",
        source="https://example.org/zh",
        kind="news",
        language="zh",
        published=datetime.date(2019, 3, 1),
    )
    river = add_document(
        title="River monitoring",
        text="Citizen scientists sample rivers for nitrate every month.",
        source="reports/river.pdf",
        published=datetime.date(2015, 1, 1),
    )
    index()
    return compost, sorting, river


def test_a_two_character_chinese_word_inside_a_sentence_is_found(library):
    assert ids(search("堆肥", mode="text")) == [library[1].slug]
    assert ids(search("分类", mode="text")) == [library[1].slug]


def test_full_text_matches_plurals_and_mixed_queries(library):
    compost, sorting, river = library
    assert ids(search("river", mode="text")) == [river.slug]
    assert ids(search("compost 垃圾分类", mode="text")) == [sorting.slug, compost.slug]


def test_results_follow_the_contract_shape(library):
    compost = library[0]
    [hit] = [hit for hit in search("kitchen peelings") if hit.id == compost.slug]
    assert hit.as_json() == {
        "type": "document",
        "id": compost.slug,
        "title": "Courtyard composting",
        "source": "reports/compost.txt",
        "score": hit.score,
        "snippet": "Residents bring kitchen peelings to shared compost bins.",
    }
    assert (
        str(hit.snippet_html)
        == "Residents bring <mark>kitchen</mark> <mark>peelings</mark> to shared compost bins."
    )
    assert hit.url == f"/library/{compost.slug}/"


def test_hybrid_ranks_the_document_found_by_words_and_meaning_first(library):
    assert ids(search("compost bins", limit=1)) == [library[0].slug]


def test_filters_by_type_year_and_language(library):
    compost, sorting, river = library
    assert ids(search("compost 堆肥 river", SearchFilters(year=2019), mode="text")) == [
        sorting.slug
    ]
    assert ids(search("compost 堆肥 river", SearchFilters(language="zh"), mode="text")) == [
        sorting.slug
    ]
    assert set(ids(search("compost 堆肥 river", SearchFilters(kind="document"), mode="text"))) == {
        compost.slug,
        sorting.slug,
        river.slug,
    }
    assert search("compost 堆肥 river", SearchFilters(kind="event"), mode="text") == []


def test_filters_by_topic_country_and_programme(index):
    organisation = OrganisationFactory(name="Water Watchers", country="FI", topics=["water"])
    pair = PairFactory(
        organisation_a=organisation, focus="River restoration and water quality", topics=["water"]
    )
    document = DocumentFactory(
        title="Water notes", text="River restoration report.", programme=pair.cohort.programme
    )
    document.topics.set(pair.topics.all())
    document.organisations.add(organisation)
    index()
    query = "river restoration water"
    assert set(ids(search(query, SearchFilters(topic="water"), mode="text"))) == {
        organisation.slug,
        str(pair.pk),
        document.slug,
    }
    assert set(ids(search(query, SearchFilters(country="FI"), mode="text"))) == {
        organisation.slug,
        str(pair.pk),
        document.slug,
    }
    in_programme = {organisation.slug, pair.organisation_b.slug, str(pair.pk), document.slug}
    assert (
        set(ids(search(query, SearchFilters(programme=pair.cohort.programme.slug), mode="text")))
        == in_programme
    )
    assert search(query, SearchFilters(country="BR"), mode="text") == []


def test_search_covers_organisations_pairs_and_events(index):
    organisation = OrganisationFactory(
        name="Zero Waste Lyon", name_zh="里昂零废弃", description="Campaigns for zero waste."
    )
    pair = PairFactory(focus="Neighbourhood zero waste campaigns")
    event = EventFactory(name="Zero Waste Forum", description="Two days on zero waste cities.")
    index()
    hits = search("zero waste", limit=10)
    assert {(hit.type, hit.id) for hit in hits} >= {
        ("organisation", organisation.slug),
        ("pair", str(pair.pk)),
        ("event", event.slug),
    }
    assert [hit.source for hit in hits if hit.type != "document"] == [None] * len(
        [h for h in hits if h.type != "document"]
    )
    assert ids(search("里昂零废弃", SearchFilters(kind="organisation"), mode="text")) == [
        organisation.slug
    ]


def test_unpublished_records_are_found_only_without_the_public_filter(index):
    hidden = add_document(
        title="Draft compost plan", text="Compost everywhere.", is_published=False
    )
    index()
    assert search("compost", SearchFilters()) == []
    assert ids(search("compost", SearchFilters(public_only=False))) == [hidden.slug]


def test_more_like_this_finds_the_closest_record_and_never_itself(library):
    compost, sorting, river = library
    twin = add_document(
        title="Compost bins in courtyards",
        text="Residents bring peelings to compost bins in the courtyard.",
    )
    from twinning.library.search.indexing import drain_pending

    drain_pending()
    similar = more_like_this("document", compost.pk)
    assert similar[0].id == twin.slug
    assert compost.slug not in ids(similar)


def test_empty_query_finds_nothing(library):
    assert search("   ") == []


def test_a_record_unpublished_since_it_was_indexed_is_not_shown_to_visitors(index):
    from django.contrib.auth.models import AnonymousUser

    from twinning.directory.models import Organisation
    from twinning.library.access import search_library

    OrganisationFactory(name="Compost Commons", description="Runs community compost gardens.")
    index()
    assert [hit.title for hit in search_library(AnonymousUser(), "compost gardens")] == [
        "Compost Commons"
    ]
    Organisation.objects.update(is_published=False)  # a bulk update: no signal, no re-index
    assert search_library(AnonymousUser(), "compost gardens") == []
