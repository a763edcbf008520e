"""Calendar feeds: my own behind a secret token, and public ones per programme and cohort."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinning.common.ical import build_calendar
from twinning.exchanges import actions
from twinning.exchanges.calendars import cohort_items, personal_items, programme_items
from twinning.exchanges.models import CalendarFeed
from twinning.programmes.access import access_cohort, access_programme


def _calendar(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=300"
    return response


def personal_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """The token is the only key (calendar apps send no cookie); a renewed or revoked token is 404."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404("No such calendar.")
    site = settings.TWINNING_SITE_URL
    body = build_calendar(
        personal_items(feed.user, site),
        name=_("Twinning: %(user)s") % {"user": feed.user},
        site_url=site,
    )
    return _calendar(body, "twinning-mine.ics")


def cohort_calendar(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    cohort = access_cohort(slug, year)
    site = settings.TWINNING_SITE_URL
    body = build_calendar(
        cohort_items(cohort, request.user, site),
        name=f"{cohort.programme.display_name} {cohort.year}",
        site_url=site,
    )
    return _calendar(body, f"{slug}-{year}.ics")


def programme_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    programme = access_programme(slug)
    site = settings.TWINNING_SITE_URL
    body = build_calendar(
        programme_items(programme, request.user, site), name=programme.display_name, site_url=site
    )
    return _calendar(body, f"{slug}.ics")


@login_required
@require_POST
def renew_token(request: HttpRequest) -> HttpResponse:
    actions.renew_calendar_token(user=request.user)
    messages.success(request, _("Your calendar has a new address; the old one no longer works."))
    return redirect("exchanges:mine")


@login_required
@require_POST
def revoke_token(request: HttpRequest) -> HttpResponse:
    actions.revoke_calendar_token(user=request.user)
    messages.success(request, _("Your calendar address no longer works."))
    return redirect("exchanges:mine")
