"""Where people start: my page (who I am and what is due) and the coordinator's dashboard."""

from __future__ import annotations

import datetime
from itertools import islice

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from twinning.calls.access import applications_of, listed_reviews, organisations_of
from twinning.calls.enums import ApplicationStatus, CallStatus
from twinning.calls.models import Application
from twinning.directory.access import is_coordinator
from twinning.directory.models import StaffMembership
from twinning.exchanges.access import visible_placements, visible_reports
from twinning.exchanges.calendars import personal_items
from twinning.exchanges.enums import MilestoneStatus, PlacementStatus, ReportStatus
from twinning.exchanges.models import CalendarFeed, Milestone, SentReminder
from twinning.ingest.enums import CandidateStatus
from twinning.ingest.models import Candidate

DUE_DATES_SHOWN = 12
LIST_LIMIT = 50


@login_required
def my_page(request: HttpRequest) -> HttpResponse:
    """Who I am, my organisations, applications, reviews, placements, reports and due dates."""
    user = request.user
    mine = organisations_of(user)
    today = timezone.localdate()
    placements = visible_placements(user).filter(
        Q(fellow=user) | Q(home__in=mine) | Q(host__in=mine)
    )
    reports = visible_reports(user).filter(
        Q(pair__organisation_a__in=mine) | Q(pair__organisation_b__in=mine)
    )
    upcoming = (item for item in personal_items(user, "") if item.end >= today)
    feed = CalendarFeed.objects.filter(user_id=user.pk or 0).first()
    context = {
        "memberships": StaffMembership.objects.filter(user_id=user.pk or 0)
        .select_related("organisation")
        .order_by("organisation__name"),
        "applications": applications_of(user).order_by("-call__deadline", "pk")[:LIST_LIMIT],
        "reviews": listed_reviews(user).filter(submitted_at=None).order_by("pk")[:LIST_LIMIT],
        "placements": placements.order_by("planned_start", "pk")[:LIST_LIMIT],
        "reports": reports.order_by("due_on", "pk")[:LIST_LIMIT],
        "due_dates": sorted(islice(upcoming, 200), key=lambda item: item.start)[:DUE_DATES_SHOWN],
        "feed_url": settings.TWINNING_SITE_URL + feed.get_absolute_url() if feed else "",
        "is_coordinator": is_coordinator(user),
    }
    return render(request, "exchanges/mine.html", context)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """What needs a coordinator now, each line a link to act on it."""
    if not is_coordinator(request.user):
        raise PermissionDenied("Only coordinators have the dashboard.")
    today = timezone.localdate()
    short_of_reviews = (
        Application.objects.filter(status=ApplicationStatus.SUBMITTED, call__status=CallStatus.OPEN)
        .annotate(
            reviews_done=Count("reviews", filter=Q(reviews__submitted_at__isnull=False)),
            reviews_assigned=Count("reviews"),
        )
        .filter(reviews_done__lt=F("call__reviews_per_application"))
        .select_related("call", "organisation")
        .order_by("call__deadline", "organisation__name")
    )
    reports = visible_reports(request.user)
    context = {
        "short_of_reviews": short_of_reviews[:LIST_LIMIT],
        "candidates_waiting": Candidate.objects.filter(status=CandidateStatus.PENDING).count(),
        "under_way": visible_placements(request.user)
        .filter(status=PlacementStatus.UNDER_WAY)
        .order_by("planned_end", "pk")[:LIST_LIMIT],
        "starting_soon": visible_placements(request.user)
        .filter(
            status__in=(PlacementStatus.PLANNED, PlacementStatus.CONFIRMED),
            planned_start__range=(today, today + datetime.timedelta(days=30)),
        )
        .order_by("planned_start", "pk")[:LIST_LIMIT],
        "overdue": reports.filter(
            status__in=(ReportStatus.DUE, ReportStatus.RETURNED), due_on__lt=today
        ).order_by("due_on", "pk")[:LIST_LIMIT],
        "to_review": reports.filter(status=ReportStatus.SUBMITTED).order_by("filed_at", "pk")[
            :LIST_LIMIT
        ],
        "milestones_overdue": Milestone.objects.filter(
            status=MilestoneStatus.PLANNED, due_on__lt=today
        )
        .select_related("project__pair__organisation_a", "project__pair__organisation_b")
        .order_by("due_on", "pk")[:LIST_LIMIT],
        "sent": SentReminder.objects.order_by("-sent_at", "-pk")[:20],
    }
    return render(request, "exchanges/dashboard.html", context)
