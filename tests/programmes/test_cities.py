import json

import pytest
from django.core.exceptions import PermissionDenied

from tests.city_factories import CityFactory, CityPairFactory
from tests.factories import EventFactory, OrganisationFactory, ProgrammeFactory
from twinning.directory.enums import OrganisationType
from twinning.programmes.city_actions import (
    CityCooperationError,
    add_pilot_city,
    pair_cities,
    place_programme_records,
    set_activity_cities,
)
from twinning.programmes.models import Activity, CityPair

pytestmark = pytest.mark.django_db


def test_pair_cities_puts_the_european_city_on_side_a(coordinator):
    chengdu = CityFactory(name="Chengdu", country="CN")
    lyon = CityFactory(name="Lyon", country="FR")
    pair = pair_cities(
        actor=coordinator,
        city_a=chengdu,
        city_b=lyon,
        start_year=2019,
        end_year=2022,
        topics=["green-buildings"],
    )
    assert (pair.city_a, pair.city_b, pair.years_label) == (lyon, chengdu, "2019–2022")
    assert list(pair.topics.values_list("slug", flat=True)) == ["green-buildings"]


def test_pair_cities_refuses_bad_input_and_changes_nothing(coordinator):
    lyon = CityFactory(name="Lyon", country="FR")
    wuhan = CityFactory(name="Wuhan", country="CN")
    with pytest.raises(CityCooperationError):
        pair_cities(actor=coordinator, city_a=lyon, city_b=lyon, start_year=2019)
    with pytest.raises(CityCooperationError):
        pair_cities(actor=coordinator, city_a=lyon, city_b=wuhan, start_year=2020, end_year=2018)
    with pytest.raises(ValueError, match="Unknown topic"):
        pair_cities(actor=coordinator, city_a=lyon, city_b=wuhan, start_year=2020, topics=["x"])
    assert CityPair.objects.count() == 0
    pair_cities(actor=coordinator, city_a=lyon, city_b=wuhan, start_year=2020)
    with pytest.raises(CityCooperationError):
        pair_cities(actor=coordinator, city_a=wuhan, city_b=lyon, start_year=2021)
    assert CityPair.objects.count() == 1


def test_only_coordinators_pair_cities_or_name_pilot_cities(member):
    programme = ProgrammeFactory()
    lyon, wuhan = CityFactory(country="FR"), CityFactory(country="CN")
    with pytest.raises(PermissionDenied):
        pair_cities(actor=member, city_a=lyon, city_b=wuhan, start_year=2020)
    with pytest.raises(PermissionDenied):
        add_pilot_city(actor=member, programme=programme, city=wuhan)
    activity = Activity.objects.create(programme=programme, kind="lab", name="Lab", year=2017)
    with pytest.raises(PermissionDenied):
        set_activity_cities(actor=member, activity=activity, cities=[wuhan])
    assert CityPair.objects.count() == 0
    assert programme.pilot_cities.count() == 0
    assert activity.cities.count() == 0


def test_pilot_cities_and_activity_cities(coordinator):
    programme = ProgrammeFactory()
    wuhan, harbin = (
        CityFactory(name="Wuhan", country="CN"),
        CityFactory(name="Harbin", country="CN"),
    )
    add_pilot_city(actor=coordinator, programme=programme, city=wuhan)
    add_pilot_city(actor=coordinator, programme=programme, city=wuhan)
    activity = Activity.objects.create(programme=programme, kind="lab", name="Lab", year=2017)
    set_activity_cities(actor=coordinator, activity=activity, cities=[wuhan, harbin])
    assert list(programme.pilot_cities.all()) == [wuhan]
    assert set(activity.cities.all()) == {wuhan, harbin}


def test_place_programme_records_reads_event_and_activity_places():
    event = EventFactory(place="Guiyang", country="CN")
    vague = EventFactory(place="Chinese pilot cities")
    activity = Activity.objects.create(
        programme=ProgrammeFactory(), kind="lab", name="Lab", place="Wuhan"
    )
    assert place_programme_records() == {"events": 1, "activities": 1}
    event.refresh_from_db()
    vague.refresh_from_db()
    assert event.locality.name_zh == "贵阳"
    assert vague.locality is None
    assert [c.name for c in activity.cities.all()] == ["Wuhan"]


@pytest.mark.parametrize("rows", [1, 3])
def test_city_list_query_count(client, django_assert_num_queries, rows):
    for _ in range(rows):
        CityFactory()
    with django_assert_num_queries(1):
        response = client.get("/cities/")
    assert response.status_code == 200
    assert response.content.decode().count("<tr>") == rows + 1


@pytest.mark.parametrize("rows", [1, 3])
def test_city_page_query_count(client, django_assert_num_queries, rows):
    city = CityFactory(name="Lyon", name_zh="里昂", country="FR")
    for index in range(rows):
        OrganisationFactory(country="FR", locality=city)
        EventFactory(locality=city, place="Lyon")
        CityPairFactory(city_a=city, start_year=2019 + index)
    with django_assert_num_queries(8):
        response = client.get(city.get_absolute_url())
    assert response.status_code == 200


def test_city_page_shows_everything_tied_to_the_city_in_both_languages(client):
    lyon = CityFactory(name="Lyon", name_zh="里昂", country="FR", slug="lyon-fr")
    chengdu = CityFactory(name="Chengdu", name_zh="成都", country="CN", province="Sichuan")
    OrganisationFactory(name="Lyon Eco Building", country="FR", locality=lyon)
    OrganisationFactory(
        name="City of Lyon", country="FR", locality=lyon, type=OrganisationType.MUNICIPALITY
    )
    OrganisationFactory(name="Hidden Lyon Group", country="FR", locality=lyon, is_published=False)
    EventFactory(name="Lyon Climate Forum", locality=lyon, place="Lyon")
    CityPairFactory(city_a=lyon, city_b=chengdu, description="Housing retrofits.")
    page = client.get("/cities/lyon-fr/").content.decode()
    assert "Lyon Eco Building" in page
    assert "City government" in page and "City of Lyon" in page
    assert "Hidden Lyon Group" not in page
    assert "Lyon Climate Forum" in page
    assert "Chengdu" in page and "2019–2022" in page and "Housing retrofits." in page
    assert '"@type": "City"' in page and '"addressCountry": "FR"' in page
    chinese = client.get("/zh-hans/cities/lyon-fr/").content.decode()
    assert "<title>里昂" in chinese and "成都" in chinese


def test_unknown_city_is_404(client):
    assert client.get("/cities/nowhere/").status_code == 404


def test_place_command_prints_what_it_tied(capsys, monkeypatch):
    from twinning.cli import main

    monkeypatch.setattr("twinning.cli.setup_django", lambda: None)
    OrganisationFactory(country="CN", city="Chengdu")
    EventFactory(place="Nanjing", country="CN")
    assert main(["place", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "organisations": 1,
        "events": 1,
        "activities": 0,
        "cities": 2,
    }
    assert main(["place", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["organisations"] == 0
