"""What goes into the calendars: a user's own dates, and the public dates of a programme or cohort."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.calls.access import listed_reviews, organisations_of, visible_calls
from twinning.calls.enums import AuditVerb, CallStatus
from twinning.calls.models import Call
from twinning.common.ical import CalendarItem, Person
from twinning.exchanges.access import visible_placements
from twinning.exchanges.enums import MilestoneStatus, PlacementStatus, ReportStatus
from twinning.exchanges.models import Milestone, PairReport, Placement, Workshop
from twinning.programmes.access import visible_pairs
from twinning.programmes.calendar import event_items
from twinning.programmes.models import Cohort, Programme

PUBLIC_PLACEMENT_STATUSES = (
    PlacementStatus.CONFIRMED,
    PlacementStatus.UNDER_WAY,
    PlacementStatus.COMPLETED,
    PlacementStatus.REPORTED,
)


def _person(user: Any) -> Person | None:
    return Person(str(user), user.email) if user is not None and user.email else None


def placement_item(placement: Placement, site_url: str, *, personal: bool) -> CalendarItem:
    """A personal entry names the fellow and the work plan; a public one only the organisations."""
    if personal:
        summary = _("Placement: %(fellow)s at %(host)s") % {
            "fellow": placement.fellow,
            "host": placement.host.name,
        }
    else:
        summary = _("Staff exchange: %(home)s at %(host)s") % {
            "home": placement.home.name,
            "host": placement.host.name,
        }
    contact = (
        Person(placement.host_contact_name, placement.host_contact_email)
        if placement.host_contact_email
        else None
    )
    return CalendarItem(
        key=f"placement-{placement.pk}",
        summary=summary,
        start=placement.start,
        end=placement.end,
        sequence=placement.sequence,
        modified=placement.updated_at,
        url=site_url
        + (placement.get_absolute_url() if personal else placement.pair.get_absolute_url()),
        description=placement.work_plan if personal else "",
        location=placement.city,
        organizer=contact if personal else None,
        attendees=tuple(p for p in [_person(placement.fellow)] if p) if personal else (),
        categories=(placement.get_status_display(),),
    )


def report_item(report: PairReport, site_url: str) -> CalendarItem:
    return CalendarItem(
        key=f"report-{report.pk}",
        summary=_("Report due: %(title)s (%(pair)s)")
        % {"title": report.title, "pair": report.pair},
        start=report.due_on,
        end=report.due_on,
        sequence=report.sequence,
        modified=report.updated_at,
        url=site_url + report.get_absolute_url(),
        is_deadline=True,
    )


def milestone_item(milestone: Milestone, site_url: str) -> CalendarItem:
    pair = milestone.project.pair
    return CalendarItem(
        key=f"milestone-{milestone.pk}",
        summary=_("%(kind)s due: %(title)s (%(pair)s)")
        % {"kind": milestone.get_kind_display(), "title": milestone.title, "pair": pair},
        start=milestone.due_on,
        end=milestone.due_on,
        sequence=milestone.sequence,
        modified=milestone.updated_at,
        url=site_url + milestone.get_absolute_url(),
        is_deadline=True,
    )


def _milestones() -> QuerySet[Milestone]:
    return Milestone.objects.filter(status=MilestoneStatus.PLANNED).select_related(
        "project__pair__organisation_a", "project__pair__organisation_b"
    )


def workshop_item(workshop: Workshop, site_url: str) -> CalendarItem:
    return CalendarItem(
        key=f"workshop-{workshop.pk}",
        summary=f"{workshop.get_kind_display()}: {workshop.title}",
        start=workshop.starts_on,
        end=workshop.ends_on,
        sequence=workshop.sequence,
        modified=workshop.updated_at,
        url=site_url + workshop.get_absolute_url(),
        description=workshop.description,
        location=workshop.place,
    )


def _calls_with_revisions(calls: QuerySet[Call]) -> QuerySet[Call]:
    """Each call with how often its dates changed: the SEQUENCE of its deadline entry."""
    return calls.annotate(
        revisions=Count(
            "audit_entries",
            filter=Q(audit_entries__subject_type="call", audit_entries__verb=AuditVerb.UPDATED),
        )
    )


def call_item(call: Call, site_url: str) -> CalendarItem:
    return CalendarItem(
        key=f"call-deadline-{call.pk}",
        summary=_("Call deadline: %(call)s") % {"call": call.title},
        start=call.deadline.date(),
        end=call.deadline.date(),
        sequence=getattr(call, "revisions", 0),
        modified=call.created_at,
        url=site_url + call.get_absolute_url(),
        is_deadline=True,
    )


def personal_items(user: Any, site_url: str) -> Iterator[CalendarItem]:
    """My placements, my pairs' report due dates, my review deadlines, deadlines of open calls."""
    mine = organisations_of(user)
    placements = (
        visible_placements(user)
        .filter(Q(fellow=user) | Q(home__in=mine) | Q(host__in=mine))
        .exclude(status=PlacementStatus.CANCELLED)
        .order_by("planned_start", "pk")
    )
    for placement in placements:
        yield placement_item(placement, site_url, personal=True)
    reports = (
        PairReport.objects.filter(
            Q(pair__organisation_a__in=mine) | Q(pair__organisation_b__in=mine)
        )
        .filter(status__in=(ReportStatus.DUE, ReportStatus.RETURNED))
        .select_related("pair__organisation_a", "pair__organisation_b")
        .order_by("due_on", "pk")
    )
    for report in reports:
        yield report_item(report, site_url)
    milestones = _milestones().filter(
        Q(project__pair__organisation_a__in=mine) | Q(project__pair__organisation_b__in=mine)
    )
    for milestone in milestones.order_by("due_on", "pk"):
        yield milestone_item(milestone, site_url)
    for workshop in Workshop.objects.filter(registrations__user_id=user.pk).order_by(
        "starts_on", "pk"
    ):
        yield workshop_item(workshop, site_url)
    reviews = listed_reviews(user).filter(
        submitted_at=None, application__call__status=CallStatus.OPEN
    )
    for review in reviews.order_by("application__call__decision_on", "pk"):
        call = review.application.call
        yield CalendarItem(
            key=f"review-{review.pk}",
            summary=_("Review due: %(organisation)s (%(call)s)")
            % {"organisation": review.application.organisation.name, "call": call.title},
            start=call.decision_on,
            end=call.decision_on,
            sequence=0,
            modified=review.assigned_at,
            url=site_url + review.get_absolute_url(),
            is_deadline=True,
        )
    open_calls = _calls_with_revisions(
        visible_calls(user).filter(status=CallStatus.OPEN, deadline__gte=timezone.now())
    )
    for call in open_calls.order_by("deadline"):
        yield call_item(call, site_url)


def _public_placements(user: Any) -> QuerySet[Placement]:
    return Placement.objects.filter(
        pair__in=visible_pairs(user), status__in=PUBLIC_PLACEMENT_STATUSES
    ).select_related("pair", "home", "host")


def cohort_items(cohort: Cohort, user: Any, site_url: str) -> Iterator[CalendarItem]:
    """The cohort's confirmed placements (organisations only), report due dates and call deadlines."""
    for placement in (
        _public_placements(user).filter(pair__cohort=cohort).order_by("planned_start", "pk")
    ):
        yield placement_item(placement, site_url, personal=False)
    reports = (
        PairReport.objects.filter(pair__cohort=cohort, pair__in=visible_pairs(user))
        .select_related("pair__organisation_a", "pair__organisation_b")
        .order_by("due_on", "pk")
    )
    for report in reports:
        yield report_item(report, site_url)
    milestones = _milestones().filter(
        project__pair__cohort=cohort, project__pair__in=visible_pairs(user)
    )
    for milestone in milestones.order_by("due_on", "pk"):
        yield milestone_item(milestone, site_url)
    for workshop in cohort.workshops.order_by("starts_on", "pk"):
        yield workshop_item(workshop, site_url)
    for call in _calls_with_revisions(visible_calls(user).filter(cohort=cohort)).order_by(
        "deadline"
    ):
        yield call_item(call, site_url)


def programme_items(programme: Programme, user: Any, site_url: str) -> Iterator[CalendarItem]:
    """The programme's events (to the day or month), call deadlines and confirmed placements."""
    yield from event_items(programme.events.order_by("start", "pk"), base_url=site_url)
    calls = _calls_with_revisions(visible_calls(user).filter(programme=programme))
    for call in calls.order_by("deadline"):
        yield call_item(call, site_url)
    placements = _public_placements(user).filter(pair__cohort__programme=programme)
    for placement in placements.order_by("planned_start", "pk"):
        yield placement_item(placement, site_url, personal=False)
