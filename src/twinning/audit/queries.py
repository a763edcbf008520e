"""Filtering the audit log the same way for the page, the API and the command line."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from twinning.audit.models import AuditRecord
from twinning.directory.models import Organisation


class AuditFilterError(ValueError):
    """A filter that names nothing that exists; `str(error)` says which."""


@dataclass(frozen=True)
class AuditFilter:
    kind: str = ""  # "app_label.model", e.g. "directory.organisation"
    record_id: int | None = None
    actor: str = ""  # a username
    since: datetime.date | None = None
    until: datetime.date | None = None
    organisation: str = ""  # a slug: only that organisation's history


def kind_of(kind: str) -> ContentType:
    """The content type a `kind` ("directory.organisation") names, or AuditFilterError."""
    app_label, _dot, model = kind.strip().lower().partition(".")
    try:
        return ContentType.objects.get_by_natural_key(app_label, model)
    except ContentType.DoesNotExist:
        raise AuditFilterError(
            _(
                "Unknown kind of record %(kind)r (write it as app.model, e.g. directory.organisation)."
            )
            % {"kind": kind}
        ) from None


def organisation_named(slug: str) -> Organisation:
    """The organisation with this slug, or AuditFilterError."""
    found = Organisation.objects.filter(slug=slug.strip()).first()
    if found is None:
        raise AuditFilterError(_("Unknown organisation %(slug)r.") % {"slug": slug})
    return found


def filter_records(records: QuerySet[AuditRecord], wanted: AuditFilter) -> QuerySet[AuditRecord]:
    """`records` narrowed by every filter given; the newest first, with actors loaded."""
    if wanted.kind:
        records = records.filter(record_type=kind_of(wanted.kind))
    if wanted.organisation:
        records = records.filter(organisations=organisation_named(wanted.organisation))
    if wanted.record_id is not None:
        records = records.filter(record_id=wanted.record_id)
    if wanted.actor:
        records = records.filter(actor__username=wanted.actor)
    if wanted.since:
        records = records.filter(created_at__date__gte=wanted.since)
    if wanted.until:
        records = records.filter(created_at__date__lte=wanted.until)
    return records.select_related("actor").order_by("-created_at", "-pk")


def kind_choices() -> list[tuple[str, str]]:
    """Every kind of record the log mentions, as ("app.model", readable name)."""
    type_ids = AuditRecord.objects.order_by().values_list("record_type_id", flat=True).distinct()
    choices = []
    for type_id in type_ids:
        content_type = ContentType.objects.get_for_id(type_id)
        model = content_type.model_class()
        name = capfirst(str(model._meta.verbose_name)) if model else content_type.model
        choices.append((f"{content_type.app_label}.{content_type.model}", name))
    return sorted(choices, key=lambda choice: choice[1])
