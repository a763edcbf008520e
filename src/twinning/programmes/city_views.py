"""Public pages of cities: the list by country, and one city with everything tied to it."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from twinning.common.linked_data import json_ld
from twinning.directory.access import access_city, visible_organisations
from twinning.directory.enums import OrganisationType
from twinning.directory.models import City
from twinning.programmes.linked_data import city_linked_data
from twinning.programmes.models import CityPair


def city_list(request: HttpRequest) -> HttpResponse:
    """Every city with what it holds: organisations a visitor may see, events, city pairs."""
    visible = visible_organisations(request.user).values("pk")
    cities = City.objects.annotate(
        organisation_count=Count(
            "organisations", filter=Q(organisations__in=visible), distinct=True
        ),
        event_count=Count("events", distinct=True),
        pair_count=Count("pairs_as_a", distinct=True) + Count("pairs_as_b", distinct=True),
    ).order_by("country", "name")
    return render(request, "programmes/cities.html", {"cities": cities})


def city_detail(request: HttpRequest, slug: str) -> HttpResponse:
    city = access_city(slug)
    organisations = (
        visible_organisations(request.user)
        .filter(locality=city)
        .prefetch_related("topics")
        .order_by("name")
    )
    pairs = (
        CityPair.objects.filter(Q(city_a=city) | Q(city_b=city))
        .select_related("city_a", "city_b", "programme")
        .prefetch_related("topics")
        .order_by("start_year", "pk")
    )
    context = {
        "city": city,
        "municipalities": [o for o in organisations if o.type == OrganisationType.MUNICIPALITY],
        "organisations": [o for o in organisations if o.type != OrganisationType.MUNICIPALITY],
        "city_pairs": [(pair, pair.partner_of(city)) for pair in pairs],
        "pilot_programmes": city.pilot_programmes.all(),
        "activities": city.activities.select_related("programme")
        .prefetch_related("topics")
        .order_by("year", "name"),
        "events": city.events.select_related("programme").order_by("start", "name"),
        "json_ld": json_ld(city_linked_data(request, city)),
    }
    return render(request, "programmes/city.html", context)
