"""One exchange kind as a table: CSV (UTF-8 with a BOM, so Excel shows Chinese) or XLSX, and
such a table read back into exchange records.

A cell holds a plain value; a list of slugs is written "a;b"; a composite natural key (a
pair's cohort `["programme", 2017]`) or a JSON field is written as JSON. Cells a spreadsheet
would run as formulas are guarded (`common/spreadsheets.py`) and unguarded on reading.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from django.db import models

from twinning.common.spreadsheets import guard_values, unguard
from twinning.exchange.kinds import KINDS, Kind
from twinning.exchange.public import public_fields

BOM = "\ufeff"
TABLE_FORMATS = ("csv", "xlsx", "json")


def _is_slug_list(kind: Kind, name: str) -> bool:
    return name in kind.many


def _is_json_cell(kind: Kind, name: str) -> bool:
    field = kind.field(name)
    if isinstance(field, models.JSONField):
        return True
    return bool(field.is_relation and not field.many_to_many and field.related_model is not None)


def cell(kind: Kind, name: str, value: Any) -> Any:
    """The table cell of one record value (None stays empty)."""
    if value is None:
        return None
    if _is_slug_list(kind, name) and all(isinstance(item, str) for item in value):
        return ";".join(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _value(kind: Kind, name: str, text: Any) -> Any:
    """A record value from a cell this module wrote."""
    if text is None or text == "":
        return [] if _is_slug_list(kind, name) else None
    if (
        isinstance(text, str)
        and text[:1] in "[{"
        and (_is_json_cell(kind, name) or _is_slug_list(kind, name))
    ):
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return text
    if _is_slug_list(kind, name) and isinstance(text, str):
        return [part for part in text.split(";") if part]
    return text


def table_rows(kind: Kind, records: Iterable[dict[str, Any]]) -> Iterator[list[Any]]:
    """Guarded cells of each record, in the kind's column order."""
    for record in records:
        yield guard_values(cell(kind, name, record.get(name)) for name in record)


def stream_table_csv(
    kind: Kind, records: Iterable[dict[str, Any]], columns: tuple[str, ...]
) -> Iterator[str]:
    """CSV text, a byte-order mark first, one record per chunk."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    yield BOM + buffer.getvalue()
    for row in table_rows(kind, records):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(["" if value is None else value for value in row])
        yield buffer.getvalue()


def write_table_xlsx(
    kind: Kind, records: Iterable[dict[str, Any]], columns: tuple[str, ...], target: Any
) -> None:
    """An XLSX workbook whose one sheet is named after the kind (so `import` knows it)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(kind.name)
    sheet.append(list(columns))
    for row in table_rows(kind, records):
        sheet.append(row)
    workbook.save(target)


def kind_of_columns(columns: Iterable[str], sheet_name: str = "") -> Kind | None:
    """The kind a table holds: its sheet's name, else the kind with exactly these columns."""
    names = [column for column in columns if column]
    for kind in KINDS:
        if sheet_name == kind.name and set(kind.key) <= set(names):
            return kind
    for kind in KINDS:
        everything, public = public_fields(kind, everything=True), public_fields(kind)
        if set(names) in (set(everything), set(public)):
            return kind
    return None


def table_records(kind: Kind, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Exchange records from table rows (cells unguarded, lists and keys decoded)."""
    return [
        {name: _value(kind, name, unguard(text)) for name, text in row.items() if name}
        for row in rows
    ]


def read_table(path: Path) -> tuple[Kind | None, list[dict[str, Any]]]:
    """The kind a CSV or XLSX file holds (None when no kind's columns match) and its rows."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True).active
        values = list(sheet.iter_rows(values_only=True)) if sheet is not None else []
        if not values:
            return None, []
        header = [str(value or "").strip() for value in values[0]]
        rows = [dict(zip(header, row, strict=False)) for row in values[1:]]
        return kind_of_columns(header, str(getattr(sheet, "title", ""))), rows
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return kind_of_columns(reader.fieldnames or []), rows


def exchange_of_table(path: Path) -> dict[str, Any] | None:
    """An exchange document of the one kind a table holds, or None if it is no kind's table."""
    kind, rows = read_table(path)
    if kind is None:
        return None
    return {"format": "twinning-exchange", "version": 1, kind.name: table_records(kind, rows)}
