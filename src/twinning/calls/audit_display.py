"""The audit log as people read it: named records, labelled fields, values in their language.

The stored entries stay as they are (ids, slugs, codes); this module only turns them into
text for the audit page, with every name looked up in a few queries for the whole page.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from twinning.calls.enums import (
    ApplicationKind,
    ApplicationStatus,
    CallStatus,
    Outcome,
    PartnerStatus,
)
from twinning.calls.models import AuditEntry, Call, Decision, Review
from twinning.common.dates import in_zone
from twinning.directory.models import Organisation

FIELD_LABELS = {
    "organisation": gettext_lazy("Organisation"),
    "kind": gettext_lazy("Kind"),
    "partner": gettext_lazy("Partner"),
    "partner_status": gettext_lazy("Partner's answer"),
    "proposed_partner": gettext_lazy("Proposed partner"),
    "application": gettext_lazy("Application"),
    "reviewer": gettext_lazy("Reviewer"),
    "automatic": gettext_lazy("Assigned automatically"),
    "scores": gettext_lazy("Scores"),
    "submitted": gettext_lazy("Submitted"),
    "status": gettext_lazy("Status"),
    "pair": gettext_lazy("Pair"),
    "outcome": gettext_lazy("Decision"),
    "paired_with": gettext_lazy("Pair with"),
    "deadline": gettext_lazy("Deadline"),
    "decision_on": gettext_lazy("Decision expected on"),
    "answers": gettext_lazy("Answers"),
    "staff_is_permanent": gettext_lazy("The staff member is a permanent employee"),
}
RECORD_LABELS = {
    "call": gettext_lazy("Call"),
    "application": gettext_lazy("Application"),
    "review": gettext_lazy("Review"),
    "decision": gettext_lazy("Decision"),
}
CODE_LABELS = {
    **dict(ApplicationStatus.choices),
    **dict(CallStatus.choices),
    **dict(Outcome.choices),
    **{code: label for code, label in PartnerStatus.choices if code},
    **dict(ApplicationKind.choices),
}
ORGANISATION_FIELDS = {"organisation", "partner", "proposed_partner"}
APPLICATION_FIELDS = {"application", "paired_with"}


@dataclass
class AuditLine:
    entry: AuditEntry
    record: str
    changes: list[tuple[str, str]]


class _Names:
    """Every name the page needs, looked up once: organisations, applications, records."""

    def __init__(self, call: Call, entries: list[AuditEntry]) -> None:
        self.call = call
        applications = call.applications.select_related("organisation")
        self.applications = {a.pk: a.organisation.display_name for a in applications}
        slugs = {
            value
            for entry in entries
            for key, value in entry.changes.items()
            if key in ORGANISATION_FIELDS and isinstance(value, str)
        }
        self.organisations = {
            o.slug: o.display_name for o in Organisation.objects.filter(slug__in=slugs)
        }
        self.criteria = {str(c.pk): c.display_name for c in call.criteria.all()}
        self.reviews = {
            r.pk: (r.reviewer.username, r.application_id)
            for r in Review.objects.filter(application__call=call).select_related("reviewer")
        }
        self.decisions = dict(
            Decision.objects.filter(application__call=call).values_list("pk", "application_id")
        )

    def record(self, entry: AuditEntry) -> str:
        kind = str(RECORD_LABELS.get(entry.subject_type, entry.subject_type))
        if entry.subject_type == "call":
            return kind
        if entry.subject_type == "application":
            name = self.applications.get(entry.subject_id)
        elif entry.subject_type == "decision":
            name = self.applications.get(self.decisions.get(entry.subject_id, -1))
        elif entry.subject_type == "review" and entry.subject_id in self.reviews:
            reviewer, application_id = self.reviews[entry.subject_id]
            name = f"{self.applications.get(application_id, '')} · {reviewer}"
        else:
            name = None
        return _("%(kind)s: %(name)s") % {"kind": kind, "name": name} if name else kind

    def value(self, key: str, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, list) and len(value) == 2 and key in {"deadline", "decision_on"}:
            return f"{self.value(key, value[0])} → {self.value(key, value[1])}"
        if key == "answers" and isinstance(value, list):
            return _("%(count)d answers changed") % {"count": len(value)}
        if key == "scores" and isinstance(value, dict):
            return ", ".join(
                f"{self.criteria.get(str(criterion), criterion)}: {score}"
                for criterion, score in value.items()
            )
        if key in ORGANISATION_FIELDS:
            return self.organisations.get(str(value), str(value))
        if key in APPLICATION_FIELDS:
            return self.applications.get(value, str(value))
        if key in {"deadline", "decision_on"}:
            return self._moment(str(value))
        if isinstance(value, str) and value in CODE_LABELS:
            return str(CODE_LABELS[value])
        return str(value)

    def _moment(self, text: str) -> str:
        try:
            moment = datetime.datetime.fromisoformat(text)
        except ValueError:
            return text
        if moment.tzinfo is None:
            return formats.date_format(moment.date(), "DATE_FORMAT")
        local = in_zone(moment, self.call.time_zone)
        return f"{formats.date_format(local, 'DATETIME_FORMAT')} {local.strftime('%Z')}"


def audit_lines(call: Call, entries: Iterable[AuditEntry]) -> list[AuditLine]:
    """The entries with their record named and each change as (label, readable value)."""
    entries = list(entries)
    names = _Names(call, entries)
    return [
        AuditLine(
            entry=entry,
            record=names.record(entry),
            changes=[
                (str(FIELD_LABELS.get(key, key.replace("_", " "))), names.value(key, value))
                for key, value in entry.changes.items()
                if key != "pair"
            ],
        )
        for entry in entries
    ]
