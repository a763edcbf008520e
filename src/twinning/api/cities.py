"""API endpoints of cities and city-to-city cooperation, the map's layers, and the Popolo export."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.security import django_auth

from twinning.api.bounds import BoundedPagination, Year
from twinning.directory.access import access_city, visible_organisations
from twinning.directory.actions import DirectoryError
from twinning.directory.models import City
from twinning.programmes.access import access_programme
from twinning.programmes.city_actions import CityCooperationError, pair_cities
from twinning.programmes.map_data import MapFilters, network_map
from twinning.programmes.models import CityPair
from twinning.programmes.popolo import popolo_network

router = Router(tags=["cities"])


class CityOut(Schema):
    slug: str
    name: str
    name_zh: str
    country: str
    province: str
    province_zh: str
    latitude: float | None
    longitude: float | None
    population: int | None
    population_band: str
    geonameid: int | None


class CityDetailOut(CityOut):
    organisations: list[str]
    events: list[str]
    pilot_of: list[str]


class CityPairOut(Schema):
    id: int
    programme: str | None
    a: str
    b: str
    topics: list[str]
    start_year: int
    end_year: int | None
    description: str
    description_zh: str
    is_sample: bool

    @staticmethod
    def resolve_programme(pair: CityPair) -> str | None:
        return pair.programme.slug if pair.programme else None

    @staticmethod
    def resolve_a(pair: CityPair) -> str:
        return pair.city_a.slug

    @staticmethod
    def resolve_b(pair: CityPair) -> str:
        return pair.city_b.slug

    @staticmethod
    def resolve_topics(pair: CityPair) -> list[str]:
        return [topic.slug for topic in pair.topics.all()]


class CityPairIn(Schema):
    a: str
    b: str
    start_year: Year
    end_year: Year | None = None
    programme: str | None = None
    topics: list[str] = []
    description: str = ""
    description_zh: str = ""


class Refusal(Schema):
    detail: str


@router.get("/cities", response=list[CityOut])
@paginate(BoundedPagination)
def list_cities(request: HttpRequest, country: str = "") -> QuerySet[City]:
    cities = City.objects.order_by("country", "name")
    if country:
        cities = cities.filter(country=country.upper())
    return cities


@router.get("/cities/{slug}", response=CityDetailOut)
def get_city(request: HttpRequest, slug: str) -> dict[str, Any]:
    city = access_city(slug)
    organisations = visible_organisations(request.user).filter(locality=city).order_by("slug")
    return {
        **{field: getattr(city, field) for field in CityOut.model_fields},
        "organisations": list(organisations.values_list("slug", flat=True)),
        "events": list(city.events.order_by("start", "slug").values_list("slug", flat=True)),
        "pilot_of": list(city.pilot_programmes.order_by("slug").values_list("slug", flat=True)),
    }


@router.get("/city-pairs", response=list[CityPairOut])
@paginate(BoundedPagination)
def list_city_pairs(
    request: HttpRequest, programme: str = "", year: Year | None = None, city: str = ""
) -> QuerySet[CityPair]:
    pairs = (
        CityPair.objects.select_related("programme", "city_a", "city_b")
        .prefetch_related("topics")
        .order_by("start_year", "pk")
    )
    if programme:
        pairs = pairs.filter(programme__slug=programme)
    if year:
        pairs = pairs.filter(start_year__lte=year).filter(
            Q(end_year__gte=year) | Q(end_year__isnull=True)
        )
    if city:
        pairs = pairs.filter(Q(city_a__slug=city) | Q(city_b__slug=city))
    return pairs


@router.post("/city-pairs", response={201: CityPairOut, 400: Refusal}, auth=django_auth)
def create_city_pair(request: HttpRequest, payload: CityPairIn) -> tuple[int, Any]:
    """A coordinator records two cities cooperating; anyone else gets 403."""
    city_a = get_object_or_404(City, slug=payload.a)
    city_b = get_object_or_404(City, slug=payload.b)
    programme = access_programme(payload.programme) if payload.programme else None
    try:
        pair = pair_cities(
            actor=request.user,
            city_a=city_a,
            city_b=city_b,
            programme=programme,
            start_year=payload.start_year,
            end_year=payload.end_year,
            topics=payload.topics,
            description=payload.description,
            description_zh=payload.description_zh,
        )
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None
    except (CityCooperationError, DirectoryError) as error:
        return 400, {"detail": str(error)}
    return 201, pair


class MapCityOut(Schema):
    slug: str
    name: str
    name_zh: str
    country: str
    latitude: float | None
    longitude: float | None
    organisations: list[str]
    events: list[str]
    activities: list[str]


class MapLineOut(Schema):
    kind: str
    a: str
    b: str
    label: str
    url: str


class MapOut(Schema):
    cities: list[MapCityOut]
    lines: list[MapLineOut]


@router.get("/map", response=MapOut)
def get_map(
    request: HttpRequest,
    programme: str = "",
    year: Year | None = None,
    topic: str = "",
    country: str = "",
) -> dict[str, Any]:
    """The map's layers: cities with what is there, and the lines between them."""
    found = network_map(
        request.user,
        MapFilters(programme=programme, year=year, topic=topic, country=country.upper()),
    )
    cities = [
        {
            "slug": m.city.slug,
            "name": m.city.name,
            "name_zh": m.city.name_zh,
            "country": m.city.country,
            "latitude": m.city.latitude,
            "longitude": m.city.longitude,
            "organisations": [o.slug for o in m.organisations],
            "events": [e.slug for e in m.events],
            "activities": [a.name for a in m.activities],
        }
        for m in found.markers
    ]
    lines = [
        {
            "kind": line.kind,
            "a": line.start.slug,
            "b": line.end.slug,
            "label": line.label,
            "url": line.url,
        }
        for line in found.lines
    ]
    return {"cities": cities, "lines": lines}


@router.get("/popolo", response=dict[str, list[dict[str, Any]]], tags=["exports"])
def get_popolo(request: HttpRequest) -> dict[str, list[dict[str, Any]]]:
    """The public network as Popolo JSON: organizations (pairs among them), persons with
    public positions, memberships and events."""
    return popolo_network(request.user, base_url=request.build_absolute_uri("/").rstrip("/"))
