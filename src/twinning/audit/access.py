"""Who may read the audit log: the one place pages, the API and the CLI ask.

Coordinators read everything; an organisation's approved staff read that organisation's
history (every record that concerns it); everyone else reads nothing."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from twinning.audit.models import AuditRecord
from twinning.directory.access import is_coordinator, speaks_for


def records_visible_to(user: Any) -> QuerySet[AuditRecord]:
    """The audit records `user` may read (none for anonymous visitors)."""
    records = AuditRecord.objects.all()
    if is_coordinator(user):
        return records
    if not (user and getattr(user, "is_authenticated", False)):
        return records.none()
    from twinning.directory.models import StaffMembership

    spoken_for = StaffMembership.objects.filter(user=user, is_approved=True).values(
        "organisation_id"
    )
    concerning = AuditRecord.organisations.through.objects.filter(
        organisation_id__in=spoken_for
    ).values("auditrecord_id")
    return records.filter(pk__in=concerning)


def may_read_whole_log(user: Any) -> bool:
    """The site-wide audit page and unfiltered CLI listing are for coordinators."""
    return is_coordinator(user)


def may_read_some_history(user: Any) -> bool:
    """Coordinators, and users who speak for at least one organisation."""
    if is_coordinator(user):
        return True
    if not (user and getattr(user, "is_authenticated", False)):
        return False
    return bool(user.staff_memberships.filter(is_approved=True).exists())


def may_read_history(user: Any, organisation: Any) -> bool:
    """An organisation's history: its approved staff and coordinators."""
    return speaks_for(user, organisation)


def access_whole_log(user: Any) -> QuerySet[AuditRecord]:
    if not may_read_whole_log(user):
        raise PermissionDenied(_("Only coordinators read the audit log."))
    return records_visible_to(user)


def history_of(organisation: Any) -> QuerySet[AuditRecord]:
    """Every record that concerns `organisation` (its own, its pairs', its events'…), each once."""
    return AuditRecord.objects.filter(organisations=organisation)


def access_history(user: Any, organisation: Any) -> QuerySet[AuditRecord]:
    """The organisation's history, or PermissionDenied."""
    if not may_read_history(user, organisation):
        raise PermissionDenied(
            _("Only the organisation's staff and coordinators read its history.")
        )
    return history_of(organisation)
