"""The map of the cooperation network: server-drawn SVG with a plain list beside it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from twinning.directory import geography
from twinning.directory.models import City, Topic
from twinning.programmes.cartography import has_borders
from twinning.programmes.graph import (
    GraphFilters,
    cooperation_edges,
    edge_kind_choices,
    graph_elements,
)
from twinning.programmes.map_data import MapFilters, network_map
from twinning.programmes.models import Activity, Cohort, Event, Programme


def _years() -> list[int]:
    """Every year something on the map happened, newest first."""
    years = set(Cohort.objects.values_list("year", flat=True))
    years.update(d.year for d in Event.objects.exclude(start=None).dates("start", "year"))
    years.update(y for y in Activity.objects.values_list("year", flat=True) if y)
    return sorted(years, reverse=True)


def network_map_page(request: HttpRequest) -> HttpResponse:
    """Organisations, events and activities by city; pairs, city pairs and visits as lines."""
    filters = MapFilters.from_query(request.GET)
    countries = sorted(
        {code for code in City.objects.values_list("country", flat=True) if code},
        key=geography.country_name,
    )
    context = {
        "map": network_map(request.user, filters),
        "filters": filters,
        "has_borders": has_borders(),
        "programmes": Programme.objects.order_by("name"),
        "years": _years(),
        "topics": Topic.objects.order_by("position"),
        "countries": [(code, geography.country_name(code)) for code in countries],
    }
    return render(request, "programmes/map.html", context)


def cooperation_graph_page(request: HttpRequest) -> HttpResponse:
    """Organisations linked by pairs, memberships, partnerships and visits, laid out in the browser."""
    filters = GraphFilters.from_query(request.GET)
    edges = cooperation_edges(request.user, filters)
    context = {
        "filters": filters,
        "edges": edges,
        "elements": graph_elements(edges),
        "programmes": Programme.objects.order_by("name"),
        "years": _years(),
        "kinds": edge_kind_choices(),
    }
    return render(request, "programmes/graph.html", context)
