import datetime
import json

import pytest

from tests.factories import OrganisationFactory, PairFactory
from twinning.directory.actions import affiliate
from twinning.programmes.graph import GraphFilters, cooperation_edges, graph_elements
from twinning.programmes.models import Visit
from twinning.programmes.network import pair_network, text_width, wrap_label

pytestmark = pytest.mark.django_db


def _network():
    french = OrganisationFactory(name="Lyon Eco Building", acronym="LEB", country="FR")
    chinese = OrganisationFactory(name="Chengdu Low Carbon", name_zh="成都低碳", country="CN")
    iclei = OrganisationFactory(name="ICLEI", acronym="ICLEI", country="DE")
    hidden = OrganisationFactory(name="Quiet Society", country="CN", is_published=False)
    PairFactory(organisation_a=french, organisation_b=chinese, cohort__year=2017)
    affiliate(kind="membership", organisation=french, other=iclei, start_year=2015)
    affiliate(kind="partner", organisation=iclei, other=hidden)
    visit = Visit.objects.create(date=datetime.date(2023, 11, 28), host=chinese)
    visit.visitors.add(french, hidden)
    return french, chinese, iclei


def test_graph_has_every_kind_of_link_between_visible_organisations():
    _network()
    edges = cooperation_edges(None, GraphFilters())
    assert [(e.kind, e.source.name, e.target.name) for e in edges] == [
        ("pair", "Lyon Eco Building", "Chengdu Low Carbon"),
        ("membership", "Lyon Eco Building", "ICLEI"),
        ("visit", "Lyon Eco Building", "Chengdu Low Carbon"),
    ]


def test_graph_elements_for_cytoscape():
    french, chinese, iclei = _network()
    elements = graph_elements(cooperation_edges(None, GraphFilters()))
    assert [n["data"]["label"] for n in elements["nodes"]] == ["Chengdu Low Carbon", "ICLEI", "LEB"]
    node = elements["nodes"][2]["data"]
    assert (node["id"], node["url"], node["region"], node["degree"]) == (
        f"o{french.pk}",
        french.get_absolute_url(),
        "europe",
        3,
    )
    assert elements["edges"][1]["data"] == {
        "id": "l1",
        "source": f"o{french.pk}",
        "target": f"o{iclei.pk}",
        "kind": "membership",
        "label": "Member of",
        "url": iclei.get_absolute_url(),
    }


def test_graph_filters_by_year_kind_and_programme():
    _network()
    assert [e.kind for e in cooperation_edges(None, GraphFilters(year=2023))] == [
        "membership",
        "visit",
    ]
    assert [e.kind for e in cooperation_edges(None, GraphFilters(year=2014))] == []
    assert [e.kind for e in cooperation_edges(None, GraphFilters(kinds=("visit",)))] == ["visit"]


def test_coordinators_see_links_to_unpublished_organisations(coordinator):
    _network()
    kinds = [e.kind for e in cooperation_edges(coordinator, GraphFilters())]
    assert kinds == ["pair", "membership", "partner", "visit", "visit"]


def test_graph_page_carries_a_data_island_and_no_inline_script(client):
    _network()
    page = client.get("/programmes/graph/?kind=pair&kind=bogus").content.decode()
    island = page.split('<script id="graph-data" type="application/json">', 1)[1].split(
        "</script>"
    )[0]
    data = json.loads(island)
    assert [e["data"]["kind"] for e in data["edges"]] == ["pair"]
    assert "twinning/vendor/cytoscape/cytoscape.min.js" in page and "twinning/graph.js" in page
    assert 'id="graph-list"' in page and "Chengdu Low Carbon" in page
    scripts = [chunk.split(">", 1)[0] for chunk in page.split("<script")[1:]]
    assert all("src=" in s or 'type="application/' in s for s in scripts)
    chinese = client.get("/zh-hans/programmes/graph/").content.decode()
    assert "成都低碳" in chinese


def test_printable_diagram_fits_every_full_name():
    long_name = "Environmental Scientific Society of Sichuan Province and Friends of Rivers"
    pair = PairFactory(organisation_a__name=long_name, organisation_b__name="Chengdu Low Carbon")
    network = pair_network([pair])
    (left,) = network.left
    assert left.label == f"{long_name} (FR)"
    assert left.lines == (
        "Environmental Scientific Society of Sichuan Province",
        "and Friends of Rivers (FR)",
    )
    assert min(left.x - 10 - text_width(line) for line in left.lines) >= 0
    (right,) = network.right
    assert right.lines == ("Chengdu Low Carbon (CN)",)
    assert right.x + 10 + text_width(right.label) <= network.width
    assert network.height == 30 * 2 + 22 + 15


def test_labels_wrap_between_words_and_between_chinese_characters():
    assert wrap_label("Ville de Lyon (FR)") == ("Ville de Lyon (FR)",)
    assert wrap_label("Alpha Beta Gamma", width=text_width("Alpha Beta")) == (
        "Alpha Beta",
        "Gamma",
    )
    assert wrap_label("广东省流域管理协会", width=text_width("广东省流域")) == (
        "广东省流域",
        "管理协会",
    )
    assert wrap_label("M" * 50, width=100) == ("M" * 50,)  # one word keeps its line
    assert text_width("WWW") > text_width("iii")


def test_printable_diagram_page_shows_full_names(client):
    long_name = "Environmental Scientific Society of Sichuan Province and Friends of Rivers"
    PairFactory(organisation_a__name=long_name)
    page = client.get("/programmes/network/").content.decode()
    assert "Environmental Scientific Society of Sichuan Province</tspan> <tspan" in page
    assert ">and Friends of Rivers (FR)</tspan>" in page


def test_text_width_counts_chinese_characters_as_wide():
    assert text_width("成都") > text_width("ab")


def test_programmes_and_events_join_the_graph_through_their_organisers():
    import datetime as dt

    from tests.factories import EventFactory, ProgrammeFactory

    giz = OrganisationFactory(name="GIZ", acronym="GIZ", country="DE")
    iclei = OrganisationFactory(name="ICLEI", acronym="ICLEI", country="DE")
    programme = ProgrammeFactory(name="Europe-China Eco Cities Link", acronym="EC-LINK")
    programme.organisers.add(giz)
    forum = EventFactory(name="Eco-Forum Global 2013", start=dt.date(2013, 1, 1))
    forum.participants.add(iclei)
    edges = cooperation_edges(None, GraphFilters(kinds=("organiser", "participant")))
    assert [(e.kind, e.source.name, e.target.name) for e in edges] == [
        ("organiser", "GIZ", "Europe-China Eco Cities Link"),
        ("participant", "ICLEI", "Eco-Forum Global 2013"),
    ]
    elements = graph_elements(edges)
    assert [
        (n["data"]["id"][0], n["data"]["kind"], n["data"]["label"]) for n in elements["nodes"]
    ] == [
        ("e", "event", "Eco-Forum Global 2013"),
        ("o", "organisation", "GIZ"),
        ("o", "organisation", "ICLEI"),
        ("p", "programme", "EC-LINK"),
    ]
    ids = [n["data"]["id"] for n in elements["nodes"]] + [
        e["data"]["id"] for e in elements["edges"]
    ]
    assert len(ids) == len(set(ids))
    assert [
        e.kind for e in cooperation_edges(None, GraphFilters(year=2014, kinds=("participant",)))
    ] == []
