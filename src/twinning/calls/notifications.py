"""E-mails about applications, sent in each recipient's language once the transaction commits."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from twinning.calls.models import Application, Decision
from twinning.directory.models import Organisation, StaffMembership

SITE_URL_SETTING = "TWINNING_SITE_URL"
_muted: ContextVar[bool] = ContextVar("calls_notifications_muted", default=False)


@contextlib.contextmanager
def muted() -> Iterator[None]:
    """Send nothing inside this block (the demo loader replays a cycle nobody should be mailed about)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def site_url() -> str:
    return getattr(settings, SITE_URL_SETTING, "http://127.0.0.1:8000").rstrip("/")


def staff_of(organisations: Iterable[Organisation]) -> list[Any]:
    """Approved staff of the organisations, each once, in a stable order."""
    memberships = (
        StaffMembership.objects.filter(organisation__in=list(organisations), is_approved=True)
        .select_related("user")
        .order_by("user__pk")
    )
    users = {m.user.pk: m.user for m in memberships if m.user.is_active and m.user.email}
    return list(users.values())


def _send(users: Iterable[Any], template: str, subject: str, context: dict[str, Any]) -> None:
    """Render and queue one message per user; nothing leaves if the surrounding transaction fails."""
    if _muted.get():
        return
    messages = []
    for user in users:
        with translation.override(getattr(user, "language", "en") or "en"):
            body = render_to_string(
                f"calls/email/{template}.txt", {**context, "user": user, "site_url": site_url()}
            )
            messages.append(
                EmailMessage(
                    subject=_(subject) % context.get("subject_values", {}),
                    body=body,
                    to=[user.email],
                )
            )
    if messages:
        transaction.on_commit(lambda: [message.send() for message in messages])


def _context(application: Application, **extra: Any) -> dict[str, Any]:
    values = {"call": application.call.title}
    return {"application": application, "call": application.call, "subject_values": values, **extra}


def notify_partner_invited(application: Application) -> None:
    if application.partner is None:
        raise ValueError(f"Application {application.pk} invites no partner.")
    _send(
        staff_of([application.partner]),
        "invitation",
        gettext_noop("Tandem invitation: %(call)s"),
        _context(application),
    )


def notify_partner_answered(application: Application) -> None:
    _send(
        staff_of([application.organisation]),
        "partner_answer",
        gettext_noop("Your tandem partner answered: %(call)s"),
        _context(application),
    )


def notify_submitted(application: Application) -> None:
    _send(
        staff_of(application.organisations),
        "submitted",
        gettext_noop("Application received: %(call)s"),
        _context(application),
    )


def notify_reminder(application: Application, *, kind: str, users: list[Any] | None = None) -> None:
    _send(
        users if users is not None else staff_of(application.organisations),
        "reminder",
        gettext_noop("Deadline approaching: %(call)s"),
        _context(application, kind=kind),
    )


def notify_decision(decision: Decision) -> None:
    application = decision.application
    partner = (
        decision.paired_with.organisation
        if decision.paired_with is not None
        else application.partner
    )
    _send(
        staff_of(application.organisations),
        "decision",
        gettext_noop("Decision on your application: %(call)s"),
        _context(application, decision=decision, partner=partner),
    )
