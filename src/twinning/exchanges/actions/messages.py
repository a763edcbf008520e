"""E-mails a coordinator words and sends: reminder templates in English and Chinese, and bulk messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils.translation import gettext as _

from twinning.calls.models import CommitteeMember
from twinning.directory.access import is_coordinator
from twinning.directory.models import StaffMembership
from twinning.exchanges.actions.base import ExchangeError, log
from twinning.exchanges.enums import Audience, ExchangeVerb, MessageKey
from twinning.exchanges.messages import PLACEHOLDERS, fill, unknown_placeholders
from twinning.exchanges.models import BulkMessage, MessageTemplate, Placement
from twinning.programmes.models import Cohort, Pair


def _require_coordinator(actor: Any) -> None:
    if not is_coordinator(actor):
        raise PermissionDenied(_("Only coordinators word and send messages."))


def _wording_problems(texts: dict[str, str], allowed: tuple[str, ...]) -> list[str]:
    problems = []
    if not all(text.strip() for text in texts.values()):
        problems.append(_("Fill in every subject and text, in English and Chinese."))
    for text in texts.values():
        problems.extend(unknown_placeholders(text, allowed))
    return list(dict.fromkeys(problems))


@transaction.atomic
def save_message_template(
    *, key: str, subject_en: str, body_en: str, subject_zh: str, body_zh: str, actor: Any
) -> MessageTemplate:
    """Reword a reminder e-mail; placeholders: {name} {title} {date} {when} {url}."""
    _require_coordinator(actor)
    if key not in MessageKey.values:
        raise ExchangeError(_("There is no such e-mail."))
    texts = {
        "subject_en": subject_en,
        "body_en": body_en,
        "subject_zh": subject_zh,
        "body_zh": body_zh,
    }
    problems = _wording_problems(texts, PLACEHOLDERS["reminder"])
    if problems:
        raise ExchangeError(problems)
    template, _created = MessageTemplate.objects.update_or_create(
        key=key, defaults={**{k: v.strip() for k, v in texts.items()}, "updated_by": actor}
    )
    log(pair=None, actor=actor, verb=ExchangeVerb.TEMPLATE, subject=template, changes={"key": key})
    return template


def _recipients(cohort: Cohort, audience: str) -> list[tuple[Any, dict[str, str]]]:
    """(user, values) for everyone in the audience; each person's own organisation and its partner."""
    pairs = list(
        Pair.objects.filter(cohort=cohort).select_related("organisation_a", "organisation_b")
    )
    people: dict[int, tuple[Any, dict[str, str]]] = {}
    if audience in (Audience.PAIRS, Audience.FELLOWS):
        by_organisation = {}
        for pair in pairs:
            by_organisation[pair.organisation_a_id] = (pair.organisation_a, pair.organisation_b)
            by_organisation[pair.organisation_b_id] = (pair.organisation_b, pair.organisation_a)
        memberships = StaffMembership.objects.filter(
            organisation_id__in=list(by_organisation), is_approved=True
        ).select_related("user")
        if audience == Audience.FELLOWS:
            fellows = Placement.objects.filter(pair__cohort=cohort).values("fellow")
            memberships = memberships.filter(user__in=fellows)
        for membership in memberships.order_by("user__pk", "organisation__name"):
            own, partner = by_organisation[membership.organisation_id]
            people.setdefault(
                membership.user.pk,
                (membership.user, {"organisation": own.name, "partner": partner.name}),
            )
    else:
        seats = CommitteeMember.objects.filter(call__cohort=cohort).select_related("user")
        for seat in seats.order_by("user__pk"):
            people.setdefault(seat.user.pk, (seat.user, {"organisation": "", "partner": ""}))
    return [(user, values) for user, values in people.values() if user.is_active and user.email]


def _sender(messages: list[EmailMessage]) -> Callable[[], None]:
    def send() -> None:
        for message in messages:
            message.send()

    return send


@transaction.atomic
def send_bulk_message(
    *,
    cohort: Cohort,
    audience: str,
    subject_en: str,
    body_en: str,
    subject_zh: str,
    body_zh: str,
    actor: Any,
) -> BulkMessage:
    """One e-mail to each person of the audience, in their language; {partner} is their own organisation's partner."""
    _require_coordinator(actor)
    if audience not in Audience.values:
        raise ExchangeError(_("Choose who gets the message."))
    texts = {
        "subject_en": subject_en,
        "body_en": body_en,
        "subject_zh": subject_zh,
        "body_zh": body_zh,
    }
    problems = _wording_problems(texts, PLACEHOLDERS["bulk"])
    recipients = _recipients(cohort, audience)
    if not recipients:
        problems.append(_("Nobody in this audience has an e-mail address."))
    if problems:
        raise ExchangeError(problems)
    url = settings.TWINNING_SITE_URL + cohort.get_absolute_url()
    emails = []
    for user, values in recipients:
        chinese = (getattr(user, "language", "") or "").startswith("zh")
        subject, body = (subject_zh, body_zh) if chinese else (subject_en, body_en)
        filled = {**values, "name": str(user), "cohort": str(cohort), "url": url}
        emails.append(
            EmailMessage(subject=fill(subject, filled), body=fill(body, filled), to=[user.email])
        )
    message = BulkMessage.objects.create(
        cohort=cohort,
        audience=audience,
        sender=actor,
        recipients=[user.email for user, _values in recipients],
        **{k: v.strip() for k, v in texts.items()},
    )
    transaction.on_commit(_sender(emails))
    log(
        pair=None,
        actor=actor,
        verb=ExchangeVerb.MESSAGE,
        subject=message,
        changes={"recipients": len(emails)},
    )
    return message
