"""The directory's organisations as CSV, JSON or XLSX (streamed), and reading such files back.

The full exchange of every public-data kind is `twinning.exchange`; this is its table form.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from twinning.common.spreadsheets import guard_row, guard_values, unguard_row
from twinning.directory.access import visible_organisations
from twinning.directory.actions import DirectoryError
from twinning.directory.models import Organisation
from twinning.extract.readers import ExtractError, check_sheet_size

ORGANISATION_COLUMNS = [
    "slug",
    "name",
    "name_zh",
    "acronym",
    "country",
    "province",
    "city",
    "founded",
    "type",
    "website",
    "topics",
    "description",
    "description_zh",
    "is_published",
    "is_sample",
]
FORMATS = ("csv", "json", "xlsx")


def organisation_rows(organisations: Iterable[Organisation]) -> Iterator[dict[str, Any]]:
    for organisation in organisations:
        yield {
            "slug": organisation.slug,
            "name": organisation.name,
            "name_zh": organisation.name_zh,
            "acronym": organisation.acronym,
            "country": organisation.country,
            "province": organisation.province,
            "city": organisation.city,
            "founded": organisation.founded,
            "type": organisation.type,
            "website": organisation.website,
            "topics": ";".join(topic.slug for topic in organisation.topics.all()),
            "description": organisation.description,
            "description_zh": organisation.description_zh,
            "is_published": organisation.is_published,
            "is_sample": organisation.is_sample,
        }


def all_organisation_rows(*, public: bool = False) -> Iterator[dict[str, Any]]:
    """Every organisation (only published ones if `public`), read in chunks so memory stays
    flat on a large directory."""
    organisations = visible_organisations(None) if public else Organisation.objects.all()
    return organisation_rows(
        organisations.order_by("pk").prefetch_related("topics").iterator(chunk_size=500)
    )


def stream_csv(rows: Iterable[dict[str, Any]], columns: list[str]) -> Iterator[str]:
    """CSV text starting with a byte-order mark, so Excel reads it as UTF-8 (Chinese names)."""
    yield "\ufeff"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow(guard_row(row))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def stream_json(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield "["
    for index, row in enumerate(rows):
        yield ("," if index else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]\n"


def write_xlsx(rows: Iterable[dict[str, Any]], columns: list[str], target: Any) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("organisations")
    sheet.append(columns)
    for row in rows:
        sheet.append(guard_values(row[column] for column in columns))
    workbook.save(target)


class ImportRefused(DirectoryError):
    """A file that cannot be imported; nothing of it was written."""


def read_exchange(path: Path) -> tuple[Any, int]:
    """The parsed file and the number of its first data row (2 for CSV/XLSX, 0 for JSON)."""
    if path.suffix.lower() == ".json":
        try:
            return json.loads(path.read_text(encoding="utf-8")), 0
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ImportRefused(f"cannot read it ({error}).") from error
    if path.suffix.lower() in (".csv", ".xlsx"):
        from twinning.exchange.tables import exchange_of_table

        try:
            table = exchange_of_table(path)
        except (OSError, UnicodeDecodeError, csv.Error, ValueError, KeyError) as error:
            raise ImportRefused(f"cannot read it ({error}).") from error
        if table is not None:  # one kind's table from `twinning export --kind`
            return table, 2
    return read_rows(path), 2


def read_rows(path: Path) -> list[dict[str, Any]]:
    """The rows of a CSV, XLSX or JSON list file as dicts, cells as this project wrote them."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".xlsx"):
            check_sheet_size(path.read_bytes(), path.name)  # a spreadsheet bomb is not parsed
        if suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
                raise ImportRefused("expected a JSON list of objects.")
            return data
        if suffix == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as handle:
                return [unguard_row(row) for row in csv.DictReader(handle)]
        if suffix == ".xlsx":
            from openpyxl import load_workbook

            sheet = load_workbook(path, read_only=True).active
            values = list(sheet.iter_rows(values_only=True))
            if not values:
                raise ImportRefused("the sheet is empty.")
            header = [str(cell or "").strip() for cell in values[0]]
            return [unguard_row(dict(zip(header, row, strict=False))) for row in values[1:]]
    except ImportRefused:
        raise
    except ExtractError as error:
        raise ImportRefused(str(error)) from error
    except (
        OSError,
        UnicodeDecodeError,
        json.JSONDecodeError,
        csv.Error,
        ValueError,
        KeyError,
    ) as error:
        raise ImportRefused(f"cannot read it ({error}).") from error
    raise ImportRefused(f"unsupported format; use one of {', '.join(FORMATS)}.")
