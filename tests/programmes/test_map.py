import datetime

import pytest

from tests.city_factories import CityFactory, CityPairFactory
from tests.factories import EventFactory, OrganisationFactory, PairFactory
from twinning.programmes.cartography import Frame, country_rings, decode_arcs, frame_around
from twinning.programmes.map_data import MapFilters, network_map
from twinning.programmes.models import Visit

# A two-country topology in the world-atlas layout: quantised, delta-encoded arcs.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [1.0, 1.0], "translate": [100.0, 20.0]},
    "arcs": [[[0, 0], [10, 0], [0, 10]], [[10, 10], [-10, 0], [0, -10]], [[10, 0], [5, 5]]],
    "objects": {
        "countries": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "Squareland"}},
                {"type": "MultiPolygon", "arcs": [[[~2]]], "properties": {"name": "Edge"}},
            ],
        }
    },
}


def test_decode_arcs_undoes_quantisation_and_deltas():
    assert decode_arcs(TOPOLOGY)[0] == [(100.0, 20.0), (110.0, 20.0), (110.0, 30.0)]


def test_country_rings_join_arcs_and_reverse_negative_ones():
    rings = dict(country_rings(TOPOLOGY))
    assert rings["Squareland"] == [
        [(100.0, 20.0), (110.0, 20.0), (110.0, 30.0), (100.0, 30.0), (100.0, 20.0)]
    ]
    assert rings["Edge"] == [[(115.0, 25.0), (110.0, 20.0)]]


def test_frame_projects_north_west_to_the_origin():
    frame = Frame(0.0, 0.0, 40.0, 20.0)
    assert frame.project(0.0, 20.0) == (0.0, 0.0)
    assert frame.project(40.0, 0.0)[0] == 1000.0
    assert frame.height == round(20 * frame.scale)


def test_frame_around_one_point_keeps_some_surroundings():
    frame = frame_around([(116.4, 39.9)])
    assert frame.east - frame.west >= 20 and frame.north - frame.south >= 12


def _network(db):
    lyon = CityFactory(name="Lyon", name_zh="里昂", country="FR", latitude=45.75, longitude=4.85)
    chengdu = CityFactory(
        name="Chengdu", name_zh="成都", country="CN", latitude=30.66, longitude=104.07
    )
    guiyang = CityFactory(name="Guiyang", country="CN", latitude=26.58, longitude=106.72)
    french = OrganisationFactory(name="Lyon Eco Building", country="FR", locality=lyon)
    chinese = OrganisationFactory(name="Chengdu Low Carbon", country="CN", locality=chengdu)
    PairFactory(organisation_a=french, organisation_b=chinese, cohort__year=2017, topics=["waste"])
    EventFactory(
        name="Eco-Forum Global 2013",
        locality=guiyang,
        start=datetime.date(2013, 1, 1),
        place="Guiyang",
    )
    CityPairFactory(city_a=lyon, city_b=chengdu, start_year=2019, end_year=2022)
    visit = Visit.objects.create(date=datetime.date(2023, 11, 28), host=chinese)
    visit.visitors.add(french)
    return lyon, chengdu, guiyang


@pytest.mark.django_db
def test_map_without_filters_shows_every_layer(db):
    _network(db)
    found = network_map(None, MapFilters())
    assert [m.city.name for m in found.markers] == ["Chengdu", "Guiyang", "Lyon"]
    assert sorted(line.kind for line in found.lines) == ["city-pair", "pair", "visit"]


@pytest.mark.django_db
def test_map_filtered_by_year_and_topic(db):
    _network(db)
    in_2017 = network_map(None, MapFilters(year=2017, topic="waste"))
    assert [line.kind for line in in_2017.lines] == ["pair"]
    assert {m.city.name for m in in_2017.markers} == {"Lyon", "Chengdu"}
    in_2013 = network_map(None, MapFilters(year=2013))
    assert [m.city.name for m in in_2013.markers] == ["Guiyang"]
    assert in_2013.lines == []
    in_2020 = network_map(None, MapFilters(year=2020))
    assert [line.kind for line in in_2020.lines] == ["city-pair"]


@pytest.mark.django_db
def test_map_filtered_by_country(db):
    _network(db)
    found = network_map(None, MapFilters(country="FR"))
    assert "Guiyang" not in {m.city.name for m in found.markers}
    assert sorted(line.kind for line in found.lines) == ["city-pair", "pair", "visit"]


@pytest.mark.django_db
def test_map_hides_unpublished_organisations_and_their_pairs(db):
    lyon, chengdu, _ = _network(db)
    hidden = OrganisationFactory(name="Quiet Society", country="CN", locality=chengdu)
    hidden.is_published = False
    hidden.save()
    PairFactory(organisation_a=lyon.organisations.first(), organisation_b=hidden)
    found = network_map(None, MapFilters())
    names = {o.name for m in found.markers for o in m.organisations}
    assert "Quiet Society" not in names
    assert [line.kind for line in found.lines].count("pair") == 1


@pytest.mark.django_db
def test_map_page_draws_filters_svg_and_list_in_both_languages(client):
    _network(None)
    page = client.get("/programmes/map/?year=2017&topic=waste").content.decode()
    assert page.count("<circle") == 2
    assert 'class="pair"' in page
    assert 'id="map-list"' in page and "Lyon Eco Building" in page
    assert '<option value="2017" selected>' in page
    # Pan and zoom come from static files only: no inline script.
    scripts = page.split("</header>", 1)[-1].replace('<script type="application/ld+json">', "")
    assert scripts.count("<script") == 2
    assert scripts.count("<script src=") == 2
    assert "panzoom/panzoom.min.js" in scripts
    chinese = client.get("/zh-hans/programmes/map/").content.decode()
    assert "里昂" in chinese and "成都" in chinese


@pytest.mark.django_db
def test_map_page_ignores_a_bad_year(client):
    _network(None)
    response = client.get("/programmes/map/?year=soon")
    assert response.status_code == 200
    assert response.content.decode().count("<circle") == 3


@pytest.mark.parametrize("rows", [1, 3])
@pytest.mark.django_db
def test_map_page_query_count(client, django_assert_num_queries, rows):
    for index in range(rows):
        city = CityFactory(latitude=40.0 + index, longitude=10.0 + index)
        OrganisationFactory(locality=city)
        EventFactory(locality=city, place=city.name)
    with django_assert_num_queries(14):
        assert client.get("/programmes/map/").status_code == 200


@pytest.mark.django_db
def test_activities_without_a_named_city_are_listed_beside_the_map(client):
    from tests.factories import ProgrammeFactory
    from twinning.programmes.models import Activity

    programme = ProgrammeFactory(name="Europe-China Eco Cities Link")
    Activity.objects.create(
        programme=programme,
        kind="lab",
        name="Inter-city lab: green buildings",
        year=2017,
        place="Chinese pilot cities",
    )
    found = network_map(None, MapFilters(year=2017))
    assert [a.name for a in found.unplaced] == ["Inter-city lab: green buildings"]
    assert network_map(None, MapFilters(year=2018)).unplaced == []
    page = client.get("/programmes/map/?year=2017").content.decode()
    assert "Inter-city lab: green buildings" in page and "(Chinese pilot cities)" in page
