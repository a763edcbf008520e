"""Deadline reminders a week and a day before, sent once per application and kind."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from twinning.calls import notifications
from twinning.calls.enums import ApplicationStatus, CallStatus, ReminderKind
from twinning.calls.models import Application, Reminder

WINDOWS = {
    ReminderKind.DAY: datetime.timedelta(days=1),
    ReminderKind.WEEK: datetime.timedelta(days=7),
}


def due_kind(deadline: datetime.datetime, now: datetime.datetime) -> str | None:
    """The reminder due at `now`: the day one inside the last day, the week one inside the last week."""
    if now >= deadline:
        return None
    for kind in (ReminderKind.DAY, ReminderKind.WEEK):
        if deadline - now <= WINDOWS[kind]:
            return kind
    return None


def send_deadline_reminders(*, now: datetime.datetime | None = None) -> int:
    """Remind the staff of every draft application whose reminder is due; returns how many were sent now."""
    now = now or timezone.now()
    drafts = Application.objects.filter(
        status=ApplicationStatus.DRAFT,
        call__status=CallStatus.OPEN,
        call__deadline__gt=now,
        call__deadline__lte=now + WINDOWS[ReminderKind.WEEK],
    ).select_related("call", "organisation", "partner")
    sent = 0
    for application in drafts:
        kind = due_kind(application.call.deadline, now)
        if kind is None:
            continue
        try:
            with transaction.atomic():
                Reminder.objects.create(application=application, kind=kind)
                notifications.notify_reminder(application, kind=kind)
        except IntegrityError:
            continue  # already sent: the unique (application, kind) row makes this idempotent
        sent += 1
    return sent
