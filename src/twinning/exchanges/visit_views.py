"""Delegation visits as records of their own: list, page with JSON-LD, and a calendar entry."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from twinning.common.ical import CalendarItem, build_calendar
from twinning.common.linked_data import json_ld
from twinning.common.views import paginate
from twinning.directory.access import visible_organisations
from twinning.exchanges.access import access_visit, visible_visits
from twinning.programmes.models import Visit


def visit_list(request: HttpRequest) -> HttpResponse:
    visible = visible_organisations(request.user)
    visits = (
        visible_visits(request.user)
        .prefetch_related(Prefetch("visitors", queryset=visible), "topics")
        .order_by("-date", "pk")
    )
    return render(
        request, "exchanges/visits.html", {"page": paginate(request, visits, per_page=30)}
    )


def visit_title(visit: Visit) -> str:
    return _("Delegation visit to %(host)s") % {"host": visit.host.name}


def visit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visit = access_visit(request.user, pk)
    visible = set(visible_organisations(request.user).values_list("pk", flat=True))
    visitors = [o for o in visit.visitors.all() if o.pk in visible]
    participants = list(
        visit.participants.select_related("person", "organisation").order_by("-is_leader", "pk")
    )
    for participant in participants:
        if participant.organisation_id not in visible:
            participant.organisation = None
    topics = list(visit.topics.all())
    url = settings.TWINNING_SITE_URL + request.path
    linked = json_ld(
        {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": visit_title(visit),
            "url": url,
            "startDate": visit.date.isoformat(),
            "location": {
                "@type": "Place",
                "name": visit.host.name,
                "address": visit.host.city or None,
            },
            "organizer": {"@type": "Organization", "name": visit.host.name},
            "attendee": [{"@type": "Organization", "name": o.name} for o in visitors]
            + [
                {
                    "@type": "Person",
                    "name": p.person.name,
                    "jobTitle": p.role or None,
                    "affiliation": {"@type": "Organization", "name": p.organisation.name}
                    if p.organisation
                    else None,
                }
                for p in participants
            ],
            "about": [topic.name for topic in topics],
            "description": visit.summary,
        }
    )
    context = {
        "visit": visit,
        "visitors": visitors,
        "participants": participants,
        "topics": topics,
        "json_ld": linked,
        "title": visit_title(visit),
    }
    return render(request, "exchanges/visit.html", context)


def visit_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    visit = access_visit(request.user, pk)
    site = settings.TWINNING_SITE_URL
    item = CalendarItem(
        key=f"visit-{visit.pk}",
        summary=visit_title(visit),
        start=visit.date,
        end=visit.date,
        sequence=0,
        modified=None,
        url=site + request.path.removesuffix(".ics") + "/",
        description=visit.summary,
        location=", ".join(part for part in (visit.host.name, visit.host.city) if part),
    )
    body = build_calendar([item], name=visit_title(visit), site_url=site)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="visit-{visit.pk}.ics"'
    return response
