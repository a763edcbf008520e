"""Writing the audit log: `record` (the one writer) and the helpers that make its `changes`.

`changes` is always `{field: [old, new]}` with plain JSON values: `snapshot` turns a model
instance into such values, `diff` keeps only what changed between two snapshots."""

from __future__ import annotations

import datetime
import decimal
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from twinning.audit.channel import current_channel
from twinning.audit.models import AuditRecord

# Never copied into the log: secrets, and bookkeeping every save touches.
SKIPPED_FIELDS = {"password", "token", "token_hash", "secret", "updated_at", "created_at"}
LABEL_LENGTH = 300


def plain(value: Any) -> Any:
    """A stored value as plain JSON (dates ISO 8601, decimals and UUIDs as text)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [plain(item) for item in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if hasattr(value, "name") and isinstance(getattr(value, "name", None), str):  # a file
        return value.name
    return str(value)


def snapshot(
    instance: models.Model,
    fields: Iterable[str] | None = None,
    *,
    many: Iterable[str] = (),
) -> dict[str, Any]:
    """The instance's field values as plain JSON, keyed by field name (foreign keys as ids);
    `many` names many-to-many fields to include as sorted id lists."""
    wanted = set(fields) if fields is not None else None
    values: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.primary_key or field.name in SKIPPED_FIELDS:
            continue
        if wanted is not None and field.name not in wanted:
            continue
        if wanted is None and not field.editable:  # derived (sort keys, regions): noise
            continue
        if isinstance(field, models.BinaryField):
            continue
        raw = getattr(instance, field.attname)
        values[field.name] = plain(raw)
    for name in many:
        values[name] = sorted(getattr(instance, name).values_list("pk", flat=True))
    return values


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Only the fields whose value differs, as `{field: [old, new]}`."""
    return {
        key: [before.get(key), after.get(key)]
        for key in dict.fromkeys([*before, *after])
        if before.get(key) != after.get(key)
    }


def created(instance: models.Model, *, many: Iterable[str] = ()) -> dict[str, list[Any]]:
    """A new record's filled-in fields as changes from nothing."""
    return {
        key: [None, value]
        for key, value in snapshot(instance, many=many).items()
        if value not in (None, "", [], {}, False)
    }


def removed(instance: models.Model) -> dict[str, list[Any]]:
    """A deleted record's filled-in fields as changes to nothing."""
    return {
        key: [value, None]
        for key, value in snapshot(instance).items()
        if value not in (None, "", [], {}, False)
    }


def as_changes(values: Mapping[str, Any], *, pairs: Iterable[str] = ()) -> dict[str, list[Any]]:
    """Older `{field: value}` notes as `{field: [None, value]}`; the keys in `pairs` already
    hold `[old, new]`."""
    keep = set(pairs)
    changes: dict[str, list[Any]] = {}
    for key, value in values.items():
        if key in keep and isinstance(value, list | tuple) and len(value) == 2:
            changes[key] = [plain(value[0]), plain(value[1])]
        else:
            changes[key] = [None, plain(value)]
    return changes


# Foreign keys naming the organisations a record concerns, the first found being its own.
ORGANISATION_FIELDS = ("organisation", "organisation_a", "organisation_b", "host")


def organisations_of(instance: models.Model) -> list[int]:
    """The ids of the organisations `instance` concerns, read from its foreign keys without
    a query: itself, its organisation, both ends of a pair, a visit's host."""
    from twinning.directory.models import Organisation

    if isinstance(instance, Organisation):
        return [instance.pk]
    found: list[int] = []
    for name in ORGANISATION_FIELDS:
        try:
            field = instance._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not (field.many_to_one and field.related_model is Organisation):
            continue
        value = getattr(instance, field.attname)  # type: ignore[union-attr]
        if value is not None and value not in found:
            found.append(value)
    return found


def _organisation_ids(organisations: Iterable[Any]) -> list[int]:
    ids: list[int] = []
    for organisation in organisations:
        pk = organisation if isinstance(organisation, int) else getattr(organisation, "pk", None)
        if pk is not None and pk not in ids:
            ids.append(pk)
    return ids


def record(
    *,
    actor: Any,
    verb: str,
    record: models.Model,
    changes: Mapping[str, Any] | None = None,
    organisation: Any = None,
    organisations: Iterable[Any] | None = None,
    label: str | None = None,
    record_id: int | None = None,
) -> AuditRecord:
    """Append one entry to the audit log (never updated, except to anonymise a person).

    Called by the actions, inside their transaction, after the change. `organisations`
    (instances or ids; default `[organisation]`, else `organisations_of(record)`) are whose
    histories it shows in, the first being its `organisation`."""
    if organisations is None:
        organisations = [organisation] if organisation is not None else organisations_of(record)
    concerned = _organisation_ids(organisations)
    pk = record_id if record_id is not None else record.pk
    if pk is None:
        raise ValueError(f"{record!r} has no id; record after saving, or pass record_id")
    entry = AuditRecord.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        verb=str(verb),
        record_type=ContentType.objects.get_for_model(record, for_concrete_model=True),
        record_id=pk,
        record_label=(label if label is not None else str(record))[:LABEL_LENGTH],
        organisation_id=concerned[0] if concerned else None,
        changes=plain(dict(changes or {})),
        channel=current_channel(),
    )
    if concerned:
        concern = AuditRecord.organisations.through
        concern.objects.bulk_create(
            [concern(auditrecord_id=entry.pk, organisation_id=each) for each in concerned]
        )
    return entry
