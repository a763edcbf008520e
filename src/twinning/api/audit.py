"""The audit log in the API: what the signed-in person may read, newest first, readable."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from twinning.api.bounds import LARGEST_ID
from twinning.audit.access import may_read_some_history, records_visible_to
from twinning.audit.display import readable
from twinning.audit.queries import AuditFilter, AuditFilterError, filter_records

router = Router(tags=["audit"])


class Detail(Schema):
    detail: str


class AuditChangeOut(Schema):
    field: str
    label: str
    old: Any
    new: Any
    old_text: str
    new_text: str


class AuditRecordOut(Schema):
    id: int
    created_at: str
    actor: str | None
    verb: str
    verb_text: str
    kind: str
    kind_text: str
    record_id: int
    record: str
    organisation: str | None
    organisations: list[str]
    channel: str
    changes: list[AuditChangeOut]


class AuditListOut(Schema):
    items: list[AuditRecordOut]
    count: int


class AuditQuery(Schema):
    kind: str = Field("", max_length=120, description="app.model, e.g. directory.organisation")
    record_id: int | None = Field(None, ge=1, le=LARGEST_ID)
    actor: str = Field("", max_length=150, description="a user name")
    organisation: str = Field(
        "", max_length=200, description="an organisation's slug: only its history"
    )
    since: datetime.date | None = None
    until: datetime.date | None = None
    limit: int = Field(100, ge=1, le=100, description="1–100")
    offset: int = Field(0, ge=0, le=10**9, description="0–1,000,000,000")


@router.get(
    "/audit",
    response={200: AuditListOut, 401: Detail, 403: Detail},
    auth=django_auth,
)
def list_audit_records(request: HttpRequest, query: Query[AuditQuery]) -> dict[str, Any]:
    """Audit log entries the signed-in person may read, newest first, changes readable.

    Coordinators read every change, an organisation's approved staff its history; others
    get 403. Filters: `kind` (app.model), `record_id`, `actor` (user name), `organisation`
    (a slug: every entry that concerns it, a pair's at both ends), `since`/`until`."""
    if not may_read_some_history(request.user):
        raise PermissionDenied("Only coordinators and organisation staff read the audit log.")
    wanted = AuditFilter(
        kind=query.kind,
        record_id=query.record_id,
        actor=query.actor,
        since=query.since,
        until=query.until,
        organisation=query.organisation,
    )
    try:
        records = filter_records(records_visible_to(request.user), wanted)
    except AuditFilterError as error:
        raise HttpError(422, str(error)) from None
    count = records.count()
    window = list(
        records.select_related("organisation").prefetch_related("organisations")[
            query.offset : query.offset + query.limit
        ]
    )
    items = []
    for line in readable(window):
        entry = line.entry
        content_type = ContentType.objects.get_for_id(entry.record_type_id)
        changes = entry.changes if isinstance(entry.changes, dict) else {}
        items.append(
            {
                "id": entry.pk,
                "created_at": entry.created_at.isoformat(),
                "actor": entry.actor.username if entry.actor else None,
                "verb": entry.verb,
                "verb_text": line.verb,
                "kind": f"{content_type.app_label}.{content_type.model}",
                "kind_text": line.kind,
                "record_id": entry.record_id,
                "record": line.name,
                "organisation": entry.organisation.slug if entry.organisation else None,
                "organisations": sorted(each.slug for each in entry.organisations.all()),
                "channel": entry.channel,
                "changes": [
                    {
                        "field": key,
                        "label": change.label,
                        "old": value[0] if isinstance(value, list) else None,
                        "new": value[1] if isinstance(value, list) else value,
                        "old_text": change.old,
                        "new_text": change.new,
                    }
                    for (key, value), change in zip(changes.items(), line.changes, strict=True)
                ],
            }
        )
    return {"items": items, "count": count}
