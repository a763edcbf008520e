"""Errors the actions raise and the audit-log writer they share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import models

from twinning.calls.models import AuditEntry, Call


class CallError(ValueError):
    """A change refused; `reasons` are sentences for the person who asked."""

    def __init__(self, reasons: str | Sequence[str]) -> None:
        self.reasons = [reasons] if isinstance(reasons, str) else list(reasons)
        super().__init__(" ".join(self.reasons))


class EditConflict(CallError):
    """Someone else changed what the user edited since they loaded it; `questions` are the keys."""

    def __init__(self, reasons: str | Sequence[str], *, questions: Sequence[str] = ()) -> None:
        super().__init__(reasons)
        self.questions = list(questions)


class ConflictOfInterest(CallError):
    """The reviewer has a conflict of interest with the application."""


def audit(
    *,
    call: Call,
    actor: Any,
    verb: str,
    subject: models.Model,
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to the call's audit log (never updated or deleted)."""
    model_name = subject._meta.model_name
    if model_name is None:
        raise TypeError(f"{subject!r} is not an instance of a concrete model")
    entry = AuditEntry.objects.create(
        call=call,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        verb=verb,
        subject_type=model_name,
        subject_id=subject.pk,
        changes=changes or {},
    )
    # The call's own page reads AuditEntry; the site-wide log gets the same change.
    from twinning.audit.log import as_changes, record

    record(
        actor=actor,
        verb=verb,
        record=subject,
        changes=as_changes(changes or {}, pairs=("deadline", "decision_on")),
    )
    return entry


def require_open(call: Call) -> None:
    from django.utils.translation import gettext as _

    if not call.accepts_changes:
        raise CallError(
            _(
                "The call “%(call)s” does not accept changes: its deadline has passed or it is not open."
            )
            % {"call": call.title}
        )
