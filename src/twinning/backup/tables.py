"""Which tables a backup holds, in what order, and how a row's values become JSON and back.

Every concrete, managed model is one table, through tables of many-to-many fields included,
ordered so that a table comes after the tables it points to. Values go through the model
fields themselves (`to_python` on the way back), so a backup from SQLite restores into
PostgreSQL and the other way round.
"""

from __future__ import annotations

import base64
import datetime
import decimal
import uuid
from typing import Any

from django.apps import apps
from django.db import models

# Rows `migrate` writes by itself (the topic vocabulary it syncs also bumps the public-page
# cache counter): the target's copies are replaced by the backup's.
MIGRATE_WRITTEN = (
    "contenttypes.contenttype",
    "auth.permission",
    "directory.topic",
    "common.cachegeneration",
)


def label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def backed_up_models() -> list[type[models.Model]]:
    """Every table a backup holds, each after the tables its foreign keys point to."""
    candidates = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and not model._meta.swapped
    ]
    candidates.sort(key=label)
    ordered: list[type[models.Model]] = []
    placed: set[str] = set()
    pending = list(candidates)
    while pending:
        progress = False
        for model in list(pending):
            targets = {
                label(field.related_model)
                for field in model._meta.concrete_fields
                if field.is_relation and field.related_model is not None
            } - {label(model)}
            if targets <= placed:
                ordered.append(model)
                placed.add(label(model))
                pending.remove(model)
                progress = True
        if not progress:  # a cycle: deferred foreign keys make any order insertable
            ordered.extend(pending)
            break
    return ordered


def columns(model: type[models.Model]) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields]


def encode(field: models.Field[Any, Any], value: Any) -> Any:
    """One stored value as JSON (binary as base64, dates as ISO 8601, JSON fields as they are)."""
    if value is None or isinstance(field, models.JSONField):
        return value
    if isinstance(value, bytes | memoryview | bytearray):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def decode(field: models.Field[Any, Any], value: Any) -> Any:
    """The inverse of `encode`, through the field, so any database engine accepts it."""
    if value is None or isinstance(field, models.JSONField):
        return value
    if isinstance(field, models.BinaryField):
        return base64.b64decode(value)
    if isinstance(field, models.DurationField):
        return datetime.timedelta(seconds=float(value))
    if isinstance(field, models.FileField):
        return str(value)
    return field.to_python(value)
