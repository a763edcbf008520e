"""Public pages: the list of calls and a call's page (dates, eligibility, windows, criteria)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from twinning.calls.access import access_call, can_see_ranking, organisations_of, visible_calls
from twinning.calls.enums import CallStatus
from twinning.directory.access import is_coordinator
from twinning.directory.enums import OrganisationType
from twinning.programmes.access import visible_pairs


def call_list(request: HttpRequest) -> HttpResponse:
    calls = visible_calls(request.user).order_by("-deadline")
    return render(
        request,
        "calls/list.html",
        {
            "calls": calls,
            "open_status": CallStatus.OPEN,
            "is_coordinator": is_coordinator(request.user),
        },
    )


def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    call = access_call(request.user, slug)
    mine = organisations_of(request.user)
    own_applications = call.applications.filter(organisation__in=mine).select_related(
        "organisation"
    )
    decided_pairs = (
        visible_pairs(request.user)
        .filter(cohort=call.cohort)
        .select_related("organisation_a", "organisation_b")
        if call.status == CallStatus.DECIDED
        else []
    )
    context = {
        "call": call,
        "questions": call.questions.all(),
        "criteria": call.criteria.all(),
        "windows": call.windows.select_related("call"),
        "types": [
            OrganisationType(t).label
            for t in call.organisation_types
            if t in OrganisationType.values
        ],
        "own_applications": own_applications,
        "can_apply": call.accepts_changes and request.user.is_authenticated,
        "is_coordinator": is_coordinator(request.user),
        "can_see_ranking": can_see_ranking(request.user, call),
        "decided_pairs": decided_pairs,
        "has_organisation": mine.exists(),
    }
    return render(request, "calls/detail.html", context)
