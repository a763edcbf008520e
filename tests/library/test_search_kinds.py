"""Every public kind is found; no name of an unpublished record shows in any result, for any kind."""

import datetime
import json
from collections import Counter

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import (
    DocumentFactory,
    EventFactory,
    OrganisationFactory,
    PairFactory,
    PersonFactory,
    PositionFactory,
    ProgrammeFactory,
    UserFactory,
)
from twinning.cli import main
from twinning.library.access import find_in_library, search_library
from twinning.library.actions import add_document
from twinning.library.search.retrieval import SearchFilters
from twinning.programmes.models import Activity, Visit, VisitParticipant

pytestmark = pytest.mark.django_db
HIDDEN = "Quillfeather Hidden Trust"
VISITOR = AnonymousUser()


def shown(hits) -> str:
    """Everything a reader sees of the results: titles, snippets, ids."""
    return " ".join(f"{hit.title} {hit.snippet} {hit.snippet_html} {hit.id}" for hit in hits)


@pytest.fixture
def hidden(db):
    return OrganisationFactory(name=HIDDEN, slug="quillfeather", is_published=False)


def test_a_person_with_a_public_role_is_found_by_name_and_links_to_the_organisation(index):
    society = OrganisationFactory(name="Eco Canton", slug="eco-canton")
    nancy = PersonFactory(name="Nancy Ning", slug="nancy-ning")
    PositionFactory(person=nancy, organisation=society, title="Director")
    index()
    hits = search_library(VISITOR, "Nancy Ning")
    assert [(hit.type, hit.id, hit.title, hit.url) for hit in hits[:1]] == [
        ("person", "nancy-ning", "Nancy Ning", "/organisations/eco-canton/#people")
    ]
    assert "Director" in hits[0].snippet


def test_a_person_without_a_public_role_is_not_found_and_no_unpublished_employer_shows(
    hidden, index
):
    PositionFactory(person=PersonFactory(name="Ottilie Brandvold"), organisation=hidden)
    private = PersonFactory(name="Ottilie Brandvold Junior")
    PositionFactory(person=private, organisation=OrganisationFactory(), is_public=False)
    index()
    for query in ("Ottilie Brandvold", HIDDEN):
        hits = search_library(VISITOR, query)
        assert [hit for hit in hits if hit.type == "person"] == []
        assert "Quillfeather" not in shown(hits)


def test_a_visit_is_found_and_an_unpublished_visiting_organisation_is_not_named(hidden, index):
    host = OrganisationFactory(name="Rhine Water Watch", slug="rhine-water-watch")
    visit = Visit.objects.create(
        date=datetime.date(2019, 5, 14), host=host, summary="Delegation studied tidal wetlands."
    )
    visit.visitors.set([hidden, OrganisationFactory(name="Shanghai Wetland Friends")])
    VisitParticipant.objects.create(visit=visit, person=PersonFactory(name="Li Wen"), role="lead")
    index()
    hits = search_library(VISITOR, "tidal wetlands delegation", SearchFilters(kind="visit"))
    assert [(hit.type, hit.id, hit.url) for hit in hits] == [
        ("visit", str(visit.pk), "/organisations/rhine-water-watch/#visits")
    ]
    named = search_library(VISITOR, "Shanghai Wetland Friends", SearchFilters(kind="visit"))
    assert "Shanghai Wetland Friends" in named[0].snippet
    assert "Quillfeather" not in shown(named)
    assert "Quillfeather" not in shown(search_library(VISITOR, HIDDEN))
    assert "Quillfeather" not in shown(hits)


def test_a_visit_to_an_unpublished_host_is_not_found_by_visitors(hidden, index):
    Visit.objects.create(date=datetime.date(2020, 1, 2), host=hidden, summary="Mangrove tour.")
    index()
    assert search_library(VISITOR, "mangrove tour") == []
    coordinator = UserFactory(is_staff=True)
    assert [hit.type for hit in search_library(coordinator, "mangrove tour")][:1] == ["visit"]


def test_an_activity_is_found_and_links_to_its_programme(index):
    programme = ProgrammeFactory(slug="urban-labs")
    activity = Activity.objects.create(
        programme=programme, kind="lab", name="Inter-city lab on heat waves", place="Milan"
    )
    index()
    hits = search_library(VISITOR, "heat waves lab", SearchFilters(kind="activity"))
    assert [(hit.type, hit.id, hit.url) for hit in hits] == [
        ("activity", str(activity.pk), "/programmes/urban-labs/#activities")
    ]


def test_an_event_snippet_never_names_an_unpublished_organiser(hidden, index):
    event = EventFactory(name="Zero Waste Forum", slug="zero-waste-forum")
    event.organisers.set([hidden, OrganisationFactory(name="Eco Canton")])
    index()
    hits = search_library(VISITOR, "Zero Waste Forum")
    assert [hit.id for hit in hits if hit.type == "event"] == ["zero-waste-forum"]
    assert "Eco Canton" in shown(hits)
    assert "Quillfeather" not in shown(hits)
    assert "Quillfeather" not in shown(search_library(VISITOR, HIDDEN))


def test_a_pair_with_an_unpublished_partner_shows_nowhere(hidden, index):
    PairFactory(organisation_a=hidden, focus="Compost in schools")
    index()
    assert "Quillfeather" not in shown(search_library(VISITOR, f"{HIDDEN} compost schools"))
    assert [hit for hit in search_library(VISITOR, "compost schools") if hit.type == "pair"] == []


def test_an_unpublished_organisation_and_document_are_not_found(hidden, index):
    DocumentFactory(title="Quillfeather annual plan", is_published=False)
    index()
    found = find_in_library(VISITOR, HIDDEN)
    assert "Quillfeather" not in shown(found.hits)
    assert found.kinds == {}


def test_facets_count_each_kind_found(index):
    society = OrganisationFactory(name="Zero Waste Society", description="Zero waste in towns.")
    add_document(title="Zero waste towns report", text="How towns reached zero waste.")
    PairFactory(organisation_a=society, focus="Zero waste in towns")
    index()
    found = find_in_library(VISITOR, "zero waste towns", limit=100)
    assert found.kinds == dict(Counter(hit.type for hit in found.hits))
    assert (found.kinds["document"], found.kinds["pair"]) == (1, 1)
    only_pairs = find_in_library(VISITOR, "zero waste towns", SearchFilters(kind="pair"))
    assert (only_pairs.kinds, [hit.type for hit in only_pairs.hits]) == ({"pair": 1}, ["pair"])


def test_a_report_is_not_buried_under_ten_pairs(index):
    for number in range(10):
        PairFactory(focus=f"Zero waste neighbourhoods, phase {number}")
    report = add_document(
        title="Zero waste neighbourhoods: what worked",
        text="The report compares zero waste neighbourhoods in four cities.",
    )
    index()
    ranked = [(hit.type, hit.id) for hit in search_library(VISITOR, "zero waste neighbourhoods")]
    assert ("document", report.slug) in ranked[:3]


def test_web_api_and_cli_return_the_same_ranking(client, index, capsys):
    for title in ("River water quality", "Rivers and wetlands", "Water kiosks"):
        add_document(title=title, text=f"{title}: volunteers sample water monthly.")
    OrganisationFactory(name="River Friends", description="Volunteers sample river water.")
    index()
    query = "volunteers sample river water"
    api = [(r["type"], r["id"]) for r in client.get("/api/search", {"q": query}).json()["results"]]
    page = client.get("/library/search/", {"q": query}).content.decode()
    assert main(["search", query, "--json"]) == 0
    cli = [(r["type"], r["id"]) for r in json.loads(capsys.readouterr().out)["results"]]
    library = [(hit.type, hit.id) for hit in search_library(VISITOR, query, limit=10)]
    assert api == cli == library
    positions = [page.index(f'href="{hit.url}"') for hit in search_library(VISITOR, query)]
    assert positions == sorted(positions)
