"""Tables with a header row (CSV, XLSX, HTML): columns mapped by English or Chinese header."""

from __future__ import annotations

import re

from twinning.extract.attributes import TYPE_OF_NOUN, place_from_name
from twinning.extract.gazetteer import country_code, demonym_code, resolve_place
from twinning.extract.readers import ExtractError
from twinning.extract.records import ExtractionResult, Organisation, Partnership, Person
from twinning.topics import normalise_topic

HEADER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (field, re.compile(pattern, re.IGNORECASE))
    for field, pattern in (
        # "Tandem | No. | #": a running number, never a name.
        ("index", r"^\s*(?:tandem|pair|no\.?|nr\.?|#|序号|编号)\s*(?:no\.?|nr\.?|#)?\s*$"),
        (
            "partner",
            r"partner|twin|counterpart|paired|tandem|合作伙伴|结对|伙伴|对口|(?:organi[sz]ation|org|name)\s*(?:b|2)\b|中方|chinese (?:organi[sz]ation|partner|side)",
        ),
        ("acronym", r"acronym|abbreviation|short\s*name|简称|缩写"),
        ("contact", r"contact|person|representative|联系人|负责人"),
        ("role", r"position|role|job|职务|职位"),
        ("country", r"country|nation|国家|国别"),
        ("city", r"city|town|location|place|城市|所在地|地点"),
        (
            "since",
            r"^\s*(?:since|partners? since|year of (?:partnership|cooperation))\s*$|合作(?:始于|年份)",
        ),
        ("founded", r"found|establish|since|year|成立|创立"),
        ("type", r"type|category|kind|legal form|类型|性质|类别"),
        ("topics", r"topic|theme|focus|field|area|sector|issue|主题|领域|议题|方向"),
        ("description", r"description|about|profile|summary|mission|简介|介绍|描述"),
        ("name", r"name|organi[sz]ation|org\b|institution|member|ngo|机构|组织|单位|名称|团体"),
    )
)


def map_header(header: list[str]) -> dict[str, int]:
    """Column index of each known field; a second name column counts as the partner."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        label = cell.strip()
        if not label:
            continue
        for field, pattern in HEADER_PATTERNS:
            if pattern.search(label):
                if field == "name" and "name" in columns and "partner" not in columns:
                    columns["partner"] = index
                elif field == "partner" and "partner" in columns and "name" not in columns:
                    # "European partner | Chinese partner": the first is the row's organisation.
                    columns["name"] = columns["partner"]
                    columns["partner"] = index
                elif field not in columns:
                    columns[field] = index
                break
    if "name" not in columns and "partner" in columns:
        columns["name"] = columns.pop("partner")
    # "Since" is when a pair began in a partner table, else when the organisation was founded.
    if "since" in columns and ("partner" not in columns and "founded" not in columns):
        columns["founded"] = columns.pop("since")
    return columns


def is_field_table(rows: list[list[str]]) -> bool:
    """A two-column "label: | value" fact sheet, not a table of records."""
    filled = [[cell for cell in row if cell.strip()] for row in rows]
    labels = [row for row in filled if len(row) <= 2 and row[0].strip().endswith((":", "："))]
    return len(rows) >= 2 and len(labels) >= 0.6 * len(rows)


def header_index(rows: list[list[str]], limit: int = 5) -> int:
    """The header row of a sheet: the first of the top rows with two filled cells and a name
    column (a title line or a blank row above the header is skipped); 0 when there is none."""
    for index, row in enumerate(rows[:limit]):
        if sum(1 for cell in row if cell.strip()) >= 2 and "name" in map_header(row):
            return index
    return 0


def _cell(row: list[str], columns: dict[str, int], field: str) -> str:
    index = columns.get(field)
    if index is None or index >= len(row):
        return ""
    return row[index].strip()


def split_bracketed_place(cell: str) -> tuple[str, str | None, str | None]:
    """ "Linz Senior Citizens Forum (Austria)" -> (name, country, city); a bracket that is not a
    place stays in the name."""
    placed = re.fullmatch(r"(.+?)\s*[（(]([^()（）]+)[)）]\s*", cell)
    if placed:
        place = resolve_place(placed.group(2).strip())
        if place is not None:
            return placed.group(1).strip(), place.country, place.city
    return cell, None, None


def _organisation(
    name: str, row: list[str], columns: dict[str, int], source: str | None, prefix: str = ""
) -> Organisation:
    name, bracket_country, bracket_city = split_bracketed_place(name)
    country_text = (
        _cell(row, columns, prefix + "country") if prefix else _cell(row, columns, "country")
    )
    country = country_code(country_text) or demonym_code(country_text) if country_text else None
    city_text = _cell(row, columns, "city") if not prefix else ""
    place = resolve_place(city_text) if city_text else None
    name_country, name_city = place_from_name(name)
    founded_text = _cell(row, columns, "founded") if not prefix else ""
    year = re.search(r"(?:19|20)\d{2}", founded_text)
    type_text = _cell(row, columns, "type").lower() if not prefix else ""
    kind = (
        next((value for key, value in TYPE_OF_NOUN.items() if key in type_text), None)
        if type_text
        else None
    )
    if "youth" in type_text:
        kind = "youth organisation"
    topics: list[str] = []
    for label in re.split(r"[,;/、，；|]", _cell(row, columns, "topics")):
        slug = normalise_topic(label)
        if slug and slug not in topics:
            topics.append(slug)
    return Organisation(
        name=name,
        acronym=(_cell(row, columns, "acronym") or None) if not prefix else None,
        country=country or (place.country if place else None) or bracket_country or name_country,
        city=city_text
        if city_text and not place
        else (place.city if place else bracket_city or name_city),
        founded=int(year.group(0)) if year else None,
        type=kind,
        topics=topics,
        description=(_cell(row, columns, "description") or None) if not prefix else None,
        evidence=" | ".join(row),
        source=source,
    )


def records_from_table(
    rows: list[list[str]], *, source: str | None, kind: str, strict: bool
) -> ExtractionResult:
    """Records of a table whose first row is a header; `strict` raises on an unknown header."""
    result = ExtractionResult()
    if not rows or is_field_table(rows):
        return result
    rows = rows[header_index(rows) :]
    columns = map_header(rows[0])
    if "partner" in columns and re.search(
        r"twin|tandem|结对|姐妹", rows[0][columns["partner"]], re.IGNORECASE
    ):
        kind = "twinning"
    if "name" not in columns:
        if strict:
            raise ExtractError(
                f"{source}: malformed sheet: no organisation or name column in the header row"
            )
        return result
    for row in rows[1:]:
        name = _cell(row, columns, "name")
        if not name:
            continue
        organisation = _organisation(name, row, columns, source)
        name = organisation.name
        result.organisations.append(organisation)
        partner = _cell(row, columns, "partner")
        if partner:
            partner_organisation = _organisation(partner, row, columns, source, prefix="partner ")
            partner = partner_organisation.name
            result.organisations.append(partner_organisation)
            since = re.search(r"(?:19|20)\d{2}", _cell(row, columns, "since"))
            result.partnerships.append(
                Partnership(
                    name,
                    partner,
                    kind,
                    list(organisation.topics),
                    int(since.group(0)) if since else None,
                    " | ".join(row),
                    source,
                )
            )
        contact = _cell(row, columns, "contact")
        if contact:
            contact = re.sub(r"^(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+", "", contact)
            result.people.append(
                Person(contact, _cell(row, columns, "role") or None, name, " | ".join(row), source)
            )
    return result
