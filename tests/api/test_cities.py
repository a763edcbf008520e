import json

import pytest

from tests.city_factories import CityFactory, CityPairFactory
from tests.factories import EventFactory, OrganisationFactory, ProgrammeFactory
from twinning.programmes.models import CityPair

pytestmark = pytest.mark.django_db


def test_list_and_get_a_city(client):
    city = CityFactory(name="Guiyang", name_zh="贵阳", country="CN", slug="guiyang-cn")
    OrganisationFactory(slug="eco-forum", locality=city, country="CN")
    OrganisationFactory(slug="hidden", locality=city, country="CN", is_published=False)
    EventFactory(slug="eco-forum-2013", locality=city)
    CityFactory(country="FR")
    listed = client.get("/api/cities?country=cn").json()
    assert listed["count"] == 1
    assert listed["items"][0]["name_zh"] == "贵阳"
    detail = client.get("/api/cities/guiyang-cn").json()
    assert (detail["organisations"], detail["events"], detail["pilot_of"]) == (
        ["eco-forum"],
        ["eco-forum-2013"],
        [],
    )
    assert client.get("/api/cities/nowhere").status_code == 404


def test_city_pairs_filtered_by_year(client):
    CityPairFactory(start_year=2019, end_year=2020)
    ongoing = CityPairFactory(start_year=2021, end_year=None)
    items = client.get("/api/city-pairs?year=2022").json()["items"]
    assert [item["id"] for item in items] == [ongoing.pk]


def test_coordinator_creates_a_city_pair(coordinator_client):
    lyon = CityFactory(slug="lyon-fr", country="FR")
    CityFactory(slug="wuhan-cn", country="CN")
    programme = ProgrammeFactory(slug="gcd")
    response = coordinator_client.post(
        "/api/city-pairs",
        json.dumps(
            {
                "a": "wuhan-cn",
                "b": "lyon-fr",
                "start_year": 2019,
                "programme": "gcd",
                "topics": ["water"],
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["a"], body["b"], body["programme"], body["topics"]) == (
        "lyon-fr",
        "wuhan-cn",
        "gcd",
        ["water"],
    )
    assert CityPair.objects.get().programme == programme
    assert lyon.pairs_as_a.count() == 1


def test_bad_city_pair_is_refused_with_a_reason(coordinator_client):
    CityFactory(slug="lyon-fr", country="FR")
    response = coordinator_client.post(
        "/api/city-pairs",
        json.dumps({"a": "lyon-fr", "b": "lyon-fr", "start_year": 2019}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "A city cannot be paired with itself."
    assert CityPair.objects.count() == 0


def test_members_cannot_create_city_pairs(member_client):
    CityFactory(slug="lyon-fr", country="FR")
    CityFactory(slug="wuhan-cn", country="CN")
    response = member_client.post(
        "/api/city-pairs",
        json.dumps({"a": "lyon-fr", "b": "wuhan-cn", "start_year": 2019}),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert CityPair.objects.count() == 0


def test_map_layers_as_json(client):
    pair = CityPairFactory(city_a__slug="lyon-fr", city_b__slug="chengdu-cn", start_year=2019)
    body = client.get("/api/map?year=2020").json()
    assert [c["slug"] for c in body["cities"]] == ["chengdu-cn", "lyon-fr"]
    assert body["lines"] == [
        {
            "kind": "city-pair",
            "a": "lyon-fr",
            "b": "chengdu-cn",
            "label": f"{pair.city_a.name} – {pair.city_b.name} (2019–2022)",
            "url": "/cities/lyon-fr/",
        }
    ]
