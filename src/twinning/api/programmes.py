"""API endpoints of programmes, cohorts, pairs and events."""

from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from twinning.api.bounds import BoundedPagination, Identifier, Year
from twinning.api.schemas import EventOut, PairOut, ProgrammeOut
from twinning.common.cache import public_page
from twinning.directory.access import visible_organisations
from twinning.programmes.access import (
    access_pair,
    access_programme,
    visible_pairs,
    visible_pairs_condition,
)
from twinning.programmes.figures import network_figures
from twinning.programmes.models import Cohort, Event, Pair, Programme

router = Router(tags=["programmes"])
PAIR_RELATED = ("cohort__programme", "organisation_a", "organisation_b")
PAIR_PREFETCH = ("topics", "organisation_a__topics", "organisation_b__topics")


def _with_cohorts(programmes: QuerySet[Programme], user: Any) -> QuerySet[Programme]:
    counted = Count("pairs", filter=visible_pairs_condition(user, "pairs"))
    return programmes.prefetch_related(
        Prefetch("cohorts", queryset=Cohort.objects.annotate(pair_count=counted))
    )


@router.get("/programmes", response=list[ProgrammeOut])
@decorate_view(public_page)
@paginate(BoundedPagination)
def list_programmes(request: HttpRequest) -> QuerySet[Programme]:
    return _with_cohorts(Programme.objects.all(), request.user)


@router.get("/programmes/{slug}", response=ProgrammeOut)
@decorate_view(public_page)
def get_programme(request: HttpRequest, slug: str) -> Programme:
    access_programme(slug)
    return _with_cohorts(Programme.objects.filter(slug=slug), request.user).get()


@router.get("/pairs", response=list[PairOut])
@decorate_view(public_page)
@paginate(BoundedPagination)
def list_pairs(
    request: HttpRequest, programme: str = "", year: Year | None = None
) -> QuerySet[Pair]:
    pairs = (
        visible_pairs(request.user)
        .select_related(*PAIR_RELATED)
        .prefetch_related(*PAIR_PREFETCH)
        .order_by("-cohort__year", "pk")
    )
    if programme:
        pairs = pairs.filter(cohort__programme__slug=programme)
    if year:
        pairs = pairs.filter(cohort__year=year)
    return pairs


@router.get("/pairs/{pair_id}", response=PairOut)
@decorate_view(public_page)
def get_pair(request: HttpRequest, pair_id: Identifier) -> Pair:
    return access_pair(request.user, pair_id)


@router.get("/events", response=list[EventOut])
@decorate_view(public_page)
@paginate(BoundedPagination)
def list_events(request: HttpRequest, year: Year | None = None) -> QuerySet[Event]:
    events = Event.objects.prefetch_related(
        Prefetch("organisers", queryset=visible_organisations(request.user))
    ).order_by("-start", "name")
    if year:
        events = events.filter(start__year=year)
    return events


class FiguresOut(Schema):
    by_year: list[dict[str, Any]]
    by_topic: list[dict[str, Any]]
    by_country: list[dict[str, Any]]


@router.get("/figures", response=FiguresOut)
@decorate_view(public_page)
def figures(request: HttpRequest) -> dict[str, list[dict[str, Any]]]:
    """Pairs per programme and cohort year, per exchange topic, and organisations per country."""
    found = network_figures(visible_pairs(request.user), visible_organisations(request.user))
    return {"by_year": found.by_year, "by_topic": found.by_topic, "by_country": found.by_country}
