"""Public pages of programmes: programmes, cohorts, pairs and events."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from twinning.common.cache import public_page
from twinning.common.linked_data import json_ld
from twinning.common.views import paginate, query_without_page
from twinning.directory.access import visible_organisations
from twinning.library.queries import sources_for
from twinning.programmes.access import (
    access_cohort,
    access_pair,
    access_programme,
    visible_pairs,
    visible_pairs_condition,
)
from twinning.programmes.calendar import calendar_of
from twinning.programmes.linked_data import (
    cohort_linked_data,
    event_linked_data,
    pair_linked_data,
    programme_linked_data,
)
from twinning.programmes.models import Event, Programme
from twinning.programmes.network import pair_network

PAIR_RELATED = ("cohort__programme", "organisation_a", "organisation_b")


@public_page
def programme_list(request: HttpRequest) -> HttpResponse:
    programmes = Programme.objects.annotate(
        cohort_count=Count("cohorts", distinct=True),
        pair_count=Count(
            "cohorts__pairs",
            distinct=True,
            filter=visible_pairs_condition(request.user, "cohorts__pairs"),
        ),
    ).prefetch_related("topics")
    return render(request, "programmes/list.html", {"programmes": programmes})


@public_page
def programme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    programme = access_programme(slug)
    cohorts = programme.cohorts.annotate(
        pair_count=Count("pairs", filter=visible_pairs_condition(request.user, "pairs"))
    ).order_by("-year")
    context = {
        "programme": programme,
        "cohorts": cohorts,
        "activities": programme.activities.prefetch_related("topics", "cities"),
        "pilot_cities": programme.pilot_cities.order_by("country", "name"),
        "city_pairs": programme.city_pairs.select_related("city_a", "city_b").prefetch_related(
            "topics"
        ),
        "organisers": programme.organisers.filter(
            pk__in=visible_organisations(request.user).values("pk")
        ),
        "events": programme.events.order_by("-start")[:20],
        "json_ld": json_ld(programme_linked_data(request, programme)),
    }
    return render(request, "programmes/detail.html", context)


@public_page
def cohort_detail(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    cohort = access_cohort(slug, year)
    pairs = (
        visible_pairs(request.user)
        .filter(cohort=cohort)
        .select_related(*PAIR_RELATED)
        .prefetch_related("topics")
        .order_by("organisation_a__name")
    )
    context = {
        "cohort": cohort,
        "pairs": pairs,
        "json_ld": json_ld(cohort_linked_data(request, cohort, pairs)),
    }
    return render(request, "programmes/cohort.html", context)


@public_page
def pair_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pair = access_pair(request.user, pk)
    topics = pair.topics.all()
    linked = json_ld(pair_linked_data(request, pair, topics))
    context = {"pair": pair, "topics": topics, "sources": sources_for(pair), "json_ld": linked}
    return render(request, "programmes/pair.html", context)


@public_page
def network(request: HttpRequest) -> HttpResponse:
    """Who is paired with whom, as a diagram, filtered by programme and cohort year."""
    pairs = visible_pairs(request.user).select_related(*PAIR_RELATED).exclude(status="withdrawn")
    programme = request.GET.get("programme", "")
    year = request.GET.get("year", "")
    if programme:
        pairs = pairs.filter(cohort__programme__slug=programme)
    if year.isdigit():
        pairs = pairs.filter(cohort__year=int(year))
    context = {
        "network": pair_network(pairs.order_by("pk")),
        "programmes": Programme.objects.order_by("name"),
        "years": sorted(
            {y for y in visible_pairs(request.user).values_list("cohort__year", flat=True)},
            reverse=True,
        ),
        "programme": programme,
        "year": year,
    }
    return render(request, "programmes/network.html", context)


@public_page
def event_list(request: HttpRequest) -> HttpResponse:
    events = (
        Event.objects.select_related("programme")
        .prefetch_related(Prefetch("organisers", queryset=visible_organisations(request.user)))
        .order_by("-start", "name")
    )
    year = request.GET.get("year", "")
    if year.isdigit():
        events = events.filter(start__year=int(year))
    page = paginate(request, events, per_page=30)
    years = Event.objects.exclude(start=None).dates("start", "year", order="DESC")
    return render(
        request,
        "programmes/events.html",
        {
            "page": page,
            "query": query_without_page(request),
            "years": [d.year for d in years],
            "year": year,
        },
    )


def events_calendar(request: HttpRequest) -> HttpResponse:
    """All events known to the day as an iCalendar feed (optionally one programme's)."""
    events = Event.objects.order_by("start", "pk")
    name = "Twinning events"
    programme = request.GET.get("programme", "")
    if programme:
        events = events.filter(programme__slug=programme)
        name = f"Twinning events: {programme}"
    body = calendar_of(
        events.iterator(chunk_size=500),
        base_url=settings.TWINNING_SITE_URL,
        name=name,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="twinning-events.ics"'
    return response


def event_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event(slug)
    body = calendar_of([event], base_url=settings.TWINNING_SITE_URL, name=event.name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


def _event(slug: str) -> Event:
    try:
        return Event.objects.select_related("programme", "locality").get(slug=slug)
    except Event.DoesNotExist:
        raise Http404("No such event.") from None


@public_page
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event(slug)
    visible = visible_organisations(request.user)
    organisers = event.organisers.filter(pk__in=visible.values("pk"))
    linked = json_ld(event_linked_data(request, event, organisers))
    context = {
        "event": event,
        "organisers": organisers,
        "participants": event.participants.filter(pk__in=visible.values("pk")),
        "topics": event.topics.all(),
        "json_ld": linked,
    }
    return render(request, "programmes/event.html", context)
