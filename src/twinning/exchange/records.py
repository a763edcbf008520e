"""Records ↔ rows: natural keys, field values as JSON, and finding a record by its key."""

from __future__ import annotations

import datetime
import decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from twinning.exchange.kinds import Kind, kind_of


class ExchangeRefused(Exception):
    """An exchange file that cannot be imported; nothing of it was written."""


def natural_key(obj: models.Model) -> Any:
    """A slug, or a list of the key's parts (other records as their own natural keys)."""
    kind = kind_of(type(obj))
    parts = [_part(kind, obj, name) for name in kind.key]
    return parts[0] if kind.key == ("slug",) else parts


def _part(kind: Kind, obj: models.Model, name: str) -> Any:
    field = kind.field(name)
    if field.is_relation:
        related = getattr(obj, name)
        return None if related is None else natural_key(related)
    return encode(getattr(obj, field.attname))


def encode(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def record_of(
    kind: Kind, obj: models.Model, fields: tuple[str, ...] | None = None
) -> dict[str, Any]:
    """The exchange record of one row: key and fields (or only `fields`), references and lists
    as natural keys."""
    chosen = (*kind.key, *kind.fields, *kind.many) if fields is None else fields
    record: dict[str, Any] = {}
    for name in (*kind.key, *kind.fields):
        if name in chosen:
            record[name] = _part(kind, obj, name)
    for name in kind.many:
        if name not in chosen:
            continue
        record[name] = sorted(
            (natural_key(other) for other in getattr(obj, name).all()),
            key=lambda key: str(key),
        )
    return record


def decode(kind: Kind, name: str, value: Any, where: str) -> Any:
    """A plain field's value from a record, checked by the model field."""
    field = kind.field(name)
    if value is None or (value == "" and field.null):
        if not field.null:
            if isinstance(field, models.CharField | models.TextField):
                return ""
            raise ExchangeRefused(f"{where}: {name} cannot be empty.")
        return None
    if isinstance(field, models.JSONField):
        return value
    if isinstance(field, models.BooleanField) and value == "":
        return False
    if isinstance(field, models.IntegerField) and isinstance(value, str | float):
        text = str(value).strip()
        if text.endswith(".0"):
            text = text[:-2]
        value = text
    try:
        return field.to_python(value)
    except ValidationError as error:
        raise ExchangeRefused(f"{where}: {name} {value!r}: {' '.join(error.messages)}") from None


def find(kind: Kind, key: Any, where: str) -> models.Model | None:
    """The row with this natural key, or None; a malformed key is refused."""
    lookups = key_lookups(kind, key, where)
    if lookups is None:
        return None
    return kind.model._base_manager.filter(**lookups).first()


def key_lookups(kind: Kind, key: Any, where: str) -> dict[str, Any] | None:
    """Field lookups for a natural key (None when a record it points to does not exist)."""
    parts = [key] if kind.key == ("slug",) else key
    if not isinstance(parts, list) or len(parts) != len(kind.key):
        raise ExchangeRefused(f"{where}: a {kind.name} key must have {len(kind.key)} parts.")
    lookups: dict[str, Any] = {}
    for name, part in zip(kind.key, parts, strict=True):
        field = kind.field(name)
        if field.is_relation:
            if part is None:
                lookups[f"{name}__isnull"] = True
                continue
            related = find(kind_of(field.related_model), part, where)
            if related is None:
                return None
            lookups[name] = related
        else:
            lookups[name] = decode(kind, name, part, where)
    return lookups


def resolve(kind: Kind, name: str, key: Any, where: str) -> models.Model | None:
    """The record a reference field names; one that exists nowhere is refused."""
    if key is None or key == "":
        return None
    target = kind_of(kind.field(name).related_model)
    found = find(target, key, where)
    if found is None:
        raise ExchangeRefused(
            f"{where}: {name} {key!r} is neither in the file nor in the database."
        )
    return found
