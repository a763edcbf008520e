"""The refusal the actions raise, and the log writer they share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import models

from twinning.exchanges.models import ExchangeLogEntry
from twinning.programmes.models import Pair


class ExchangeError(ValueError):
    """A change refused; `reasons` are sentences for the person who asked."""

    def __init__(self, reasons: str | Sequence[str]) -> None:
        self.reasons = [reasons] if isinstance(reasons, str) else list(reasons)
        super().__init__(" ".join(self.reasons))


def log(
    *,
    pair: Pair | None,
    actor: Any,
    verb: str,
    subject: models.Model,
    changes: dict[str, Any] | None = None,
) -> ExchangeLogEntry:
    """Append one entry to the exchanges log (never updated or deleted)."""
    entry = ExchangeLogEntry.objects.create(
        pair=pair,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        verb=verb,
        subject_type=subject._meta.model_name or "",
        subject_id=subject.pk,
        changes=changes or {},
    )
    # The pair's exchange page reads ExchangeLogEntry; the site-wide log gets the same change.
    from twinning.audit.log import as_changes, record

    record(
        actor=actor,
        verb=verb,
        record=subject,
        changes=as_changes(changes or {}),
        # Both ends of the pair read it in their history; without a pair, the subject's own.
        organisations=[pair.organisation_a_id, pair.organisation_b_id]
        if pair is not None
        else None,
    )
    return entry
