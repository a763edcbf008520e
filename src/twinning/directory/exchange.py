"""Export the directory as CSV, JSON or XLSX (streamed), and import organisations from them."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from django.db import transaction

from twinning.directory.actions import DirectoryError, create_organisation, update_organisation
from twinning.directory.countries import UnknownCountry, require_country
from twinning.directory.enums import OrganisationType
from twinning.directory.models import Organisation

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
            "is_sample": organisation.is_sample,
        }


def all_organisation_rows() -> Iterator[dict[str, Any]]:
    """Every organisation, read in chunks so memory stays flat on a large directory."""
    return organisation_rows(
        Organisation.objects.order_by("pk").prefetch_related("topics").iterator(chunk_size=500)
    )


def stream_csv(rows: Iterable[dict[str, Any]], columns: list[str]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
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
        sheet.append([row[column] for column in columns])
    workbook.save(target)


class ImportRefused(DirectoryError):
    """A file that cannot be imported; nothing of it was written."""


def read_rows(path: Path) -> list[dict[str, Any]]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
                raise ImportRefused(f"{path}: expected a JSON list of objects.")
            return data
        if suffix == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as handle:
                return list(csv.DictReader(handle))
        if suffix == ".xlsx":
            from openpyxl import load_workbook

            sheet = load_workbook(path, read_only=True).active
            values = list(sheet.iter_rows(values_only=True))
            if not values:
                raise ImportRefused(f"{path}: the sheet is empty.")
            header = [str(cell or "").strip() for cell in values[0]]
            return [dict(zip(header, row, strict=False)) for row in values[1:]]
    except (
        OSError,
        UnicodeDecodeError,
        json.JSONDecodeError,
        csv.Error,
        ValueError,
        KeyError,
    ) as error:
        if isinstance(error, ImportRefused):
            raise
        raise ImportRefused(f"{path}: cannot read it ({error}).") from error
    raise ImportRefused(f"{path}: unsupported format; use one of {', '.join(FORMATS)}.")


def _clean(row: dict[str, Any], line: int) -> dict[str, Any]:
    name = str(row.get("name") or "").strip()
    if not name:
        raise ImportRefused(f"row {line}: the name is missing.")
    kind = str(row.get("type") or OrganisationType.NGO).strip()
    if kind not in OrganisationType.values:
        raise ImportRefused(f"row {line}: unknown type {kind!r}.")
    founded_raw = str(row.get("founded") or "").strip()
    if founded_raw and not founded_raw.split(".")[0].isdigit():
        raise ImportRefused(f"row {line}: the founding year {founded_raw!r} is not a year.")
    topics = row.get("topics") or []
    if isinstance(topics, str):
        topics = [t.strip() for t in topics.replace(",", ";").split(";") if t.strip()]
    fields = {
        key: str(row.get(key) or "").strip()
        for key in (
            "name_zh",
            "acronym",
            "province",
            "city",
            "website",
            "description",
            "description_zh",
        )
    }
    country_raw = str(row.get("country") or "").strip()
    try:
        fields["country"] = require_country(country_raw)
    except UnknownCountry:
        raise ImportRefused(f"row {line}: {country_raw!r} is not a country.") from None
    return {
        "name": name,
        "type": kind,
        "founded": int(founded_raw.split(".")[0]) if founded_raw else None,
        "topics": topics,
        **fields,
    }


@transaction.atomic
def import_organisations(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Create or update (by slug) every row; one bad row and nothing is written."""
    created = updated = 0
    for line, row in enumerate(rows, start=2):
        cleaned = _clean(row, line)
        slug = str(row.get("slug") or "").strip()
        existing = Organisation.objects.filter(slug=slug).first() if slug else None
        try:
            if existing:
                update_organisation(organisation=existing, **cleaned)
                updated += 1
            else:
                create_organisation(**cleaned)
                created += 1
        except Exception as error:  # validation errors of any kind become one message per row
            raise ImportRefused(f"row {line}: {error}") from error
    return {"created": created, "updated": updated}
