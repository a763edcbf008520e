"""The home page: what the platform holds, in figures, and where to go next."""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from twinning.common.cache import public_page
from twinning.directory.access import visible_organisations
from twinning.programmes.access import visible_pairs, visible_pairs_condition
from twinning.programmes.models import Event, Programme


@public_page
def home(request: HttpRequest) -> HttpResponse:
    organisations = visible_organisations(request.user)
    figures = {
        "organisations": organisations.count(),
        "countries": organisations.exclude(country="").values("country").distinct().count(),
        "pairs": visible_pairs(request.user).count(),
        "programmes": Programme.objects.count(),
        "events": Event.objects.count(),
    }
    recent_pairs = (
        visible_pairs(request.user)
        .select_related("cohort__programme", "organisation_a", "organisation_b")
        .prefetch_related("topics")
        .order_by("-cohort__year", "-pk")[:6]
    )
    programmes = Programme.objects.annotate(
        pair_count=Count(
            "cohorts__pairs", filter=visible_pairs_condition(request.user, "cohorts__pairs")
        )
    ).order_by("-pair_count")[:4]
    return render(
        request,
        "home.html",
        {"figures": figures, "recent_pairs": recent_pairs, "programmes": programmes},
    )
