"""The home page: what the platform holds, in figures, and where to go next."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import translation
from django.views.i18n import set_language

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


def switch_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language, with `next` resolved in the language its own prefix names.

    Django resolves `next` in the request's language, so `/zh-hans/…` did not resolve
    while switching from Chinese to English and the user stayed on the Chinese page.
    """
    next_url = str(request.POST.get("next") or request.GET.get("next") or "")
    path_language = translation.get_language_from_path(urlsplit(next_url).path)
    with translation.override(path_language or settings.LANGUAGE_CODE):
        return set_language(request)


def favicon(request: HttpRequest) -> HttpResponse:
    """Clients that ask for /favicon.ico without reading the page get the site's icon."""
    return redirect(static("twinning/favicon.svg"), permanent=True)
