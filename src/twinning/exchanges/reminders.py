"""Reminders a week before and on the day of every exchange due date, each sent once, logged in the outbox.

Due dates: reports (due or returned) and placements about to start (planned or confirmed). Each
recipient gets the message in their own language; links start with TWINNING_SITE_URL.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from twinning.calls.notifications import staff_of
from twinning.exchanges.enums import MilestoneStatus, PlacementStatus, ReminderKind, ReportStatus
from twinning.exchanges.messages import fill
from twinning.exchanges.models import (
    MessageTemplate,
    Milestone,
    PairReport,
    Placement,
    SentReminder,
)

WEEK = datetime.timedelta(days=7)
SUBJECTS = {
    "pairreport": gettext_noop("Report due %(when)s: %(title)s"),
    "placement": gettext_noop("Placement starts %(when)s: %(title)s"),
    "milestone": gettext_noop("Milestone due %(when)s: %(title)s"),
}


@dataclass(frozen=True)
class DueDate:
    record: models.Model
    due_on: datetime.date
    title: str
    recipients: list[Any]


def kind_due(due_on: datetime.date, today: datetime.date) -> str | None:
    """On the day: the day reminder; within the week before: the week reminder; else none."""
    if due_on == today:
        return ReminderKind.DAY
    if today < due_on <= today + WEEK:
        return ReminderKind.WEEK
    return None


def due_dates(today: datetime.date) -> Iterator[DueDate]:
    window = (today, today + WEEK)
    reports = PairReport.objects.filter(
        status__in=(ReportStatus.DUE, ReportStatus.RETURNED), due_on__range=window
    ).select_related("pair__organisation_a", "pair__organisation_b")
    for report in reports:
        pair = report.pair
        yield DueDate(
            report,
            report.due_on,
            report.title,
            staff_of([pair.organisation_a, pair.organisation_b]),
        )
    milestones = Milestone.objects.filter(
        status=MilestoneStatus.PLANNED, due_on__range=window
    ).select_related("project__pair__organisation_a", "project__pair__organisation_b")
    for milestone in milestones:
        pair = milestone.project.pair
        yield DueDate(
            milestone,
            milestone.due_on,
            milestone.title,
            staff_of([pair.organisation_a, pair.organisation_b]),
        )
    placements = Placement.objects.filter(
        status__in=(PlacementStatus.PLANNED, PlacementStatus.CONFIRMED), planned_start__range=window
    ).select_related("fellow", "home", "host")
    for placement in placements:
        people = {user.pk: user for user in staff_of([placement.home, placement.host])}
        if placement.fellow.is_active and placement.fellow.email:
            people.setdefault(placement.fellow.pk, placement.fellow)
        title = f"{placement.fellow} → {placement.host.name}"
        yield DueDate(placement, placement.planned_start, title, list(people.values()))


def _message(due: DueDate, kind: str, user: Any) -> EmailMessage:
    subject_type = due.record._meta.model_name or ""
    with translation.override(getattr(user, "language", "en") or "en"):
        when = _("today") if kind == ReminderKind.DAY else _("in a week")
        context = {
            "user": user,
            "due": due,
            "kind": kind,
            "kind_of_record": subject_type,
            "url": settings.TWINNING_SITE_URL + due.record.get_absolute_url(),  # type: ignore[attr-defined]
        }
        template = MessageTemplate.objects.filter(key=subject_type).first()
        if template is not None:
            subject, body = template.wording(translation.get_language() or "en")
            values = {
                "name": user.display_name or user.username,
                "title": due.title,
                "date": due.due_on.isoformat(),
                "when": when,
                "url": context["url"],
            }
            return EmailMessage(
                subject=fill(subject, values), body=fill(body, values), to=[user.email]
            )
        body = render_to_string("exchanges/email/reminder.txt", context)
        subject = _(SUBJECTS[subject_type]) % {"when": when, "title": due.title}
    return EmailMessage(subject=subject, body=body, to=[user.email])


def _sender(messages: list[EmailMessage]) -> Callable[[], None]:
    def send() -> None:
        for message in messages:
            message.send()

    return send


def send_exchange_reminders(*, now: datetime.datetime | None = None) -> int:
    """Send every reminder due at `now` that was not sent before; returns how many due dates were reminded."""
    today = timezone.localdate(now) if now else timezone.localdate()
    sent = 0
    for due in due_dates(today):
        kind = kind_due(due.due_on, today)
        if kind is None or not due.recipients:
            continue
        messages = [_message(due, kind, user) for user in due.recipients]
        try:
            with transaction.atomic():
                SentReminder.objects.create(
                    subject_type=due.record._meta.model_name or "",
                    subject_id=due.record.pk,
                    due_on=due.due_on,
                    kind=kind,
                    subject_line=str(messages[0].subject),
                    recipients=[user.email for user in due.recipients],
                )
                transaction.on_commit(_sender(messages))
        except IntegrityError:
            continue  # sent before: the unique outbox row keeps every reminder to one sending
        sent += 1
    return sent
