"""Import an exchange file: create or update every record by its natural key, all or nothing.

`import_exchange` is the one action behind `twinning import`: the actor must be a coordinator
(None is the operator at the command line); every record is validated by its model; each
record created or changed gets an import `Source`; a dry run does it all and rolls it back.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from twinning.common.text import unique_slug
from twinning.directory.access import is_coordinator
from twinning.directory.countries import UnknownCountry, require_country
from twinning.directory.models import Organisation, Topic
from twinning.exchange.kinds import KINDS, Kind
from twinning.exchange.records import ExchangeRefused, decode, resolve
from twinning.library.enums import SourceMethod
from twinning.library.models import Source

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
Report = dict[str, Counter[str]]


def _list(value: Any, where: str, name: str) -> list[Any]:
    if value is None:  # an empty spreadsheet cell
        return []
    if isinstance(value, str):  # a CSV cell: "water;education"
        return [part.strip() for part in value.replace(",", ";").split(";") if part.strip()]
    if not isinstance(value, list):
        raise ExchangeRefused(f"{where}: {name} must be a list.")
    return value


def _many(kind: Kind, name: str, value: Any, where: str) -> list[models.Model]:
    keys = _list(value, where, name)
    target = kind.field(name).related_model
    if target is Topic:
        found = {topic.slug: topic for topic in Topic.objects.filter(slug__in=keys)}
        unknown = [key for key in keys if key not in found]
        if unknown:
            raise ExchangeRefused(f"{where}: unknown topic(s) {', '.join(map(str, unknown))}.")
        return [found[key] for key in keys]
    return [resolve(kind, name, key, where) for key in keys]  # type: ignore[misc]


def _values(kind: Kind, record: dict[str, Any], where: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in (*kind.key, *kind.fields):
        if name not in record:
            continue
        if name in kind.refs:
            values[name] = resolve(kind, name, record[name], where)
        else:
            values[name] = decode(kind, name, record[name], where)
    if kind.model is Organisation and isinstance(values.get("country"), str):
        typed = values["country"]
        try:
            values["country"] = require_country(typed) if typed.strip() else ""
        except UnknownCountry:
            raise ExchangeRefused(f"{where}: {typed!r} is not a country.") from None
    return values


def _clean(obj: models.Model, where: str) -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        problems = "; ".join(
            f"{field}: {' '.join(messages)}" if field != "__all__" else " ".join(messages)
            for field, messages in error.message_dict.items()
        )
        raise ExchangeRefused(f"{where}: {problems}") from None


def _record_source(obj: models.Model, actor: Any, note: str) -> None:
    Source.objects.create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        method=SourceMethod.IMPORT,
        note=note[:300],
        entered_by=actor if getattr(actor, "is_authenticated", False) else None,
    )


def _apply(kind: Kind, record: Any, where: str, actor: Any, note: str) -> str:
    if not isinstance(record, dict):
        raise ExchangeRefused(f"{where}: expected an object.")
    unknown = set(record) - {*kind.key, *kind.fields, *kind.many}
    if unknown:
        raise ExchangeRefused(f"{where}: unknown field(s) {', '.join(sorted(unknown))}.")
    values = _values(kind, record, where)
    many = {name: _many(kind, name, record[name], where) for name in kind.many if name in record}
    for name, field in ((n, kind.field(n)) for n in kind.fields):
        if not field.blank and values.get(name, None) in ("", None) and name in record:
            raise ExchangeRefused(f"{where}: the {name} is missing.")
    slugged = kind.key == ("slug",)
    if slugged and not values.get("slug"):
        existing = None
    else:
        missing = [name for name in kind.key if name not in record]
        if missing:
            raise ExchangeRefused(f"{where}: the {', '.join(missing)} is missing.")
        existing = kind.model._base_manager.filter(**{k: values[k] for k in kind.key}).first()
    if existing is None:
        for name in kind.fields:
            field = kind.field(name)
            if not field.blank and not field.has_default() and values.get(name) in ("", None):
                raise ExchangeRefused(f"{where}: the {name} is missing.")
        obj = kind.model(**values)
        if slugged and not values.get("slug"):
            obj.slug = unique_slug(kind.model, str(values.get("name") or values.get("title")))  # type: ignore[attr-defined]
        if isinstance(obj, Organisation) and "sdgs" not in record and "topics" in many:
            goals = {goal for topic in many["topics"] for goal in topic.sdgs}  # type: ignore[attr-defined]
            obj.sdgs = sorted(goals)
        outcome = CREATED
    else:
        obj = existing
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        changed += [
            name
            for name, rows in many.items()
            if {row.pk for row in getattr(obj, name).all()} != {row.pk for row in rows}
        ]
        if not changed:
            return UNCHANGED
        for name, value in values.items():
            setattr(obj, name, value)
        outcome = UPDATED
    _clean(obj, where)
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as error:
        raise ExchangeRefused(f"{where}: {' '.join(str(error).split())}") from None
    for name, rows in many.items():
        getattr(obj, name).set(rows)
    _record_source(obj, actor, note)
    return outcome


def normalise(data: Any) -> dict[str, list[Any]]:
    """The records by kind: an exchange document, or a bare list of organisations (CSV, XLSX)."""
    if isinstance(data, list):
        return {"organisations": data}
    if not isinstance(data, dict) or data.get("format") != "twinning-exchange":
        raise ExchangeRefused('not a Twinning exchange file (no "format": "twinning-exchange").')
    if data.get("version") != 1:
        raise ExchangeRefused(f"exchange format version {data.get('version')!r} is not supported.")
    known = {kind.name for kind in KINDS}
    unknown = set(data) - known - {"format", "version", "exported_at"}
    if unknown:
        raise ExchangeRefused(f"unknown section(s) {', '.join(sorted(unknown))}.")
    for name in known & set(data):
        if not isinstance(data[name], list):
            raise ExchangeRefused(f"{name} must be a list.")
    return {name: data[name] for name in known & set(data)}


def import_exchange(
    data: Any,
    *,
    actor: Any = None,
    source_name: str = "",
    dry_run: bool = False,
    first_row: int = 0,
) -> Report:
    """Create or update every record; one bad record and nothing is written.

    `first_row` numbers CSV/XLSX rows (2 = the row after the header); JSON records are
    named `kind[index]`. Returns created/updated/unchanged counts per kind."""
    if actor is not None and not is_coordinator(actor):
        raise ExchangeRefused("Only coordinators may import data.")
    sections = normalise(data)
    note = f"import of {source_name}" if source_name else "import"
    report: Report = {}
    with transaction.atomic():
        for kind in KINDS:
            if kind.name not in sections:
                continue
            counts = report.setdefault(kind.name, Counter())
            for index, record in enumerate(sections[kind.name]):
                where = f"row {index + first_row}" if first_row else f"{kind.name}[{index}]"
                counts[_apply(kind, record, where, actor, note)] += 1
        if dry_run:
            transaction.set_rollback(True)
    return report
