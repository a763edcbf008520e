"""Tables with a header row (CSV, XLSX, HTML): columns mapped by their header in English,
Chinese, German, French, Italian, Spanish or Dutch (accents and `_`/`-` separators ignored)."""

from __future__ import annotations

import re
import unicodedata

from twinning.extract.attributes import TYPE_OF_NOUN, place_from_name
from twinning.extract.gazetteer import country_code, demonym_code, resolve_place
from twinning.extract.readers import ExtractError
from twinning.extract.records import ExtractionResult, Organisation, Partnership, Person
from twinning.topics import normalise_topic

# "Member since", "anno di adesione": a "since" column saying when each row joined.
MEMBER_SINCE_WORDS = (
    r"(?:member|mitglied|membre|socio|miembro|lid)\w*\s+(?:since|seit|depuis|dal|desde|sinds)"
    r"|adesione|adhesion|adheren|aderente|incorporacion|beitritt|beigetreten|aangesloten|入会"
)

HEADER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (field, re.compile(pattern, re.IGNORECASE))
    for field, pattern in (
        # "Tandem | No. | #": a running number, never a name.
        (
            "index",
            r"^\s*(?:tandem|pair|no\.?|nr\.?|n°|#|序号|编号|numero|nummer|numéro)\s*(?:no\.?|nr\.?|#)?\s*$",
        ),
        # A second country column ("pais hermana", "partner country") is the partner's.
        (
            "partner country",
            r"(?:partner|twin|hermana|jumel|gemell|zuster|socio|partenaire)\w*\s+(?:country|land|pais|pays|paese|nazione)"
            r"|(?:country|land|pais|pays|paese|nazione)\s+(?:of the\s+)?(?:partner|twin|hermana|jumel|gemell|zuster|socio|partenaire|del socio|du partenaire)",
        ),
        (
            "partner",
            r"partner|twin|counterpart|paired|tandem|合作伙伴|结对|伙伴|对口|(?:organi[sz]ation|org|name)\s*(?:b|2)\b|中方|chinese (?:organi[sz]ation|partner|side)"
            r"|hermana|hermanad|jumel|gemell|zusterstad|stedenband|socio|partenaire|contraparte|controparte|partnerstadt",
        ),
        # "Type of agreement": the kind of each row's pair, not the organisation's type.
        (
            "agreement",
            r"agreement|relationship|kind of (?:link|partnership)|acuerdo|convenio|accord|accordo|overeenkomst|vereinbarung|abkommen|协议|关系",
        ),
        ("acronym", r"acronym|abbreviation|short\s*name|简称|缩写|sigle|sigla|abkurzung|afkorting"),
        (
            "contact",
            r"contact|person|representative|联系人|负责人|ansprechpartner|referente|responsable|persona",
        ),
        ("role", r"position|role|job|职务|职位|funktion|fonction|ruolo|cargo|functie"),
        (
            "country",
            r"country|nation|国家|国别|^\s*(?:land|staat|pays|pais|paese|stato)\s*$|nazione",
        ),
        (
            "city",
            r"city|town|location|place|城市|所在地|地点|^\s*(?:stadt|ort|ville|localite|citta|ciudad|localidad|stad|plaats|gemeente|lieu|luogo|lugar|sitz|sede)\s*$",
        ),
        (
            "since",
            r"^\s*(?:since|partners? since|year of (?:partnership|cooperation)|seit|depuis|dal|desde|sinds|ano|anno|jahr|annee|jaar)\s*$|合作(?:始于|年份)"
            r"|" + MEMBER_SINCE_WORDS,
        ),
        (
            "founded",
            r"found|establish|since|year|成立|创立|gegrundet|grundung|fonde|fondat|fundad|fundacion|opgericht",
        ),
        (
            "type",
            r"type|category|kind|legal form|类型|性质|类别|^\s*(?:typ|art|tipo|soort|categorie|categoria|rechtsform|forme juridique)\b",
        ),
        (
            "topics",
            r"topic|theme|focus|field|area|sector|issue|主题|领域|议题|方向|thema|themen|tema|thème|themes|ambito|ámbito|schwerpunkt",
        ),
        (
            "description",
            r"description|about|profile|summary|mission|简介|介绍|描述|beschreibung|descrizione|descripcion|beschrijving|omschrijving",
        ),
        (
            "name",
            r"name|organi[sz]ation|org\b|institution|member|ngo|机构|组织|单位|名称|团体"
            r"|^\s*(?:nom|nome|nombre|naam|schule|school|scuola|escuela|ecole|escola|colegio|lycee)\b|organisatie|organizzazione|organizacion|einrichtung|verein|\bente\b|entidad|instelling|municipio|ayuntamiento|comune|gemeinde|kommune|commune|municipalit|^\s*(?:structure|organisme|associazione|asociacion|association|vereniging|stichting|fundacion|fondazione|foundation|schule|school|scuola|ecole|escuela|colegio|学校)(?:\s+(?:in|of|en|de|di|du|der|im|aus)\s+\w+)?\s*$|mitglied|membre|membro|miembro|\blid\b",
        ),
    )
)

# A partner column naming a twinning ("ciudad hermana", "ville jumelée") makes the pairs twinnings.
TWINNING_HEADER = re.compile(
    r"twin|tandem|结对|姐妹|hermana|hermanad|jumel|gemell|zuster|stedenband|partnerstadt|stadtepartner",
    re.IGNORECASE,
)
# "member since", "anno di adesione": when a row joined, never a founding year.
MEMBER_SINCE = re.compile(MEMBER_SINCE_WORDS, re.IGNORECASE)
# A name column of partners: its "since" column is when each partnership began.
PARTNER_ROWS = re.compile(r"partner|partenaire|socio|gemell|jumel|zuster|stedenband", re.I)
# A column naming each row's kind of link (Dutch/German "Vorm"/"Form", "Art der Partnerschaft").
RELATION_KIND_HEADER = re.compile(r"^\s*(?:vorm|form|forme|forma|art der partnerschaft)\s*$", re.I)
# Any header cell of a pair table naming tandems, twinning or a programme's cohort.
TWINNING_TABLE = re.compile(r"\btandem|twinn|\bcohort|kohorte|结对|結對", re.IGNORECASE)
# A per-row "type of agreement" cell that names a twinning.
TWINNING_CELL = re.compile(
    r"twin|tandem|结对|姐妹|友好城市|hermanamiento|jumelage|gemellaggio|stedenband|stadtepartnerschaft|städtepartnerschaft|partnerstadt",
    re.IGNORECASE,
)


MAX_LABEL = 40
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
ID_LABEL = re.compile(r"(?:^|\s)(?:id|nr|no|n°|number|nummer|numero|número)\.?(?:\s|$)", re.I)


def _header_label(cell: str) -> str:
    """A header cell as the patterns read it: accents dropped, `_`/`-` as spaces."""
    decomposed = unicodedata.normalize("NFKD", cell.strip())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[_\-]+", " ", plain)


def _filled(body: list[list[str]], index: int) -> list[str]:
    return [row[index].strip() for row in body if index < len(row) and row[index].strip()]


def is_number_column(body: list[list[str]], index: int) -> bool:
    """Cells that are years, running numbers or codes ("2023", "ECEN-004"): never a name."""
    cells = _filled(body, index)
    numbers = [c for c in cells if re.fullmatch(r"[A-Z]{0,6}[-/ ]?\d[\d./-]*", c)]
    return bool(cells) and len(numbers) >= 0.6 * len(cells)


def is_place_column(body: list[list[str]], index: int) -> bool:
    """Cells that are mostly bare places ("Qingdao", "Lisbon, Portugal")."""
    cells = _filled(body, index)
    places = [c for c in cells if resolve_place(c) is not None]
    return bool(cells) and len(places) >= 0.6 * len(cells)


def map_header(header: list[str], body: list[list[str]] | None = None) -> dict[str, int]:
    """Column index of each known field; a second name column counts as the partner. With the
    table's `body`, a column of numbers is no name or partner column, and a city column is the
    rows' organisations only when their partners are places too (city to city)."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        label = _header_label(cell)
        if not label:
            continue
        if body is not None and is_number_column(body, index):
            for field, pattern in HEADER_PATTERNS:
                if field in ("since", "founded", "index") and pattern.search(label):
                    columns.setdefault(field, index)
                    break
            continue
        if len(label) > MAX_LABEL or ID_LABEL.search(label):
            continue  # a long cell is a record's text, an id column no name
        for field, pattern in HEADER_PATTERNS:
            if pattern.search(label):
                if field == "name" and "name" in columns and "partner" not in columns:
                    if (
                        body is not None
                        and is_place_column(body, index)
                        and not is_place_column(body, columns["name"])
                    ):
                        # "Structure | Commune": a second "name" column of places is where.
                        columns.setdefault("city", index)
                    else:
                        columns["partner"] = index
                elif field == "partner" and "partner" in columns and "name" not in columns:
                    # "European partner | Chinese partner": the first is the row's organisation.
                    columns["name"] = columns["partner"]
                    columns["partner"] = index
                elif field not in columns:
                    columns[field] = index
                break
    if "name" not in columns and "partner" in columns:
        # "Stadt | Partnerstadt": a city-to-city table's first city is the row's organisation.
        # "Socio | Città": a first column of partners or members is the row's organisation.
        city_to_city = (
            "city" in columns
            and columns["city"] < columns["partner"]
            and (
                body is None
                or is_place_column(body, columns["partner"])
                or not is_place_column(body, columns["city"])
            )
        )
        columns["name"] = columns.pop("city") if city_to_city else columns.pop("partner")
    # "Since" is when a pair began in a partner table, else when the organisation was founded.
    # A table whose rows are the page's partners ("Partner | Land | Sinds") says when each
    # partnership began.
    partners = "name" in columns and PARTNER_ROWS.search(_header_label(header[columns["name"]]))
    # A per-row kind of link ("Tipo de acuerdo", "Vorm") says the rows are relations too.
    related = "agreement" in columns or any(
        RELATION_KIND_HEADER.match(_header_label(cell)) for cell in header
    )
    if (
        "since" in columns
        and not partners
        and not related
        and not MEMBER_SINCE.search(_header_label(header[columns["since"]]))
        and "partner" not in columns
        and "founded" not in columns
    ):
        columns["founded"] = columns.pop("since")
    return columns


def is_field_table(rows: list[list[str]]) -> bool:
    """A two-column "label: | value" fact sheet, not a table of records."""
    filled = [[cell for cell in row if cell.strip()] for row in rows]
    labels = [
        row for row in filled if row and len(row) <= 2 and row[0].strip().endswith((":", "："))
    ]
    if len(rows) >= 2 and len(labels) >= 0.6 * len(rows):
        return True
    # An infobox ("Rechtsform | eingetragener Verein", "Gründung | 14. März 1989"): two cells
    # a row, most first cells a field's label.
    pairs = [row for row in filled if len(row) == 2]
    fields = [
        row
        for row in pairs
        if len(row[0]) <= 30 and any(p.search(_header_label(row[0])) for _f, p in HEADER_PATTERNS)
    ]
    return (
        len(pairs) >= 3
        and len(pairs) >= 0.8 * len(rows) - 1
        and len(fields) >= 0.5 * len(pairs)
        and len(map_header(rows[0])) < 2  # "Name | Country" heads a table of records
    )


def header_index(rows: list[list[str]], limit: int = 5) -> int:
    """The header row of a sheet: the first of the top rows with two filled cells and a name
    column (a title line or a blank row above the header is skipped); 0 when there is none."""
    for index, row in enumerate(rows[:limit]):
        if any(CLOCK.search(cell) for cell in row):
            continue  # "09:30 | Welcome | …": a programme's data row, not a header
        if sum(1 for cell in row if cell.strip()) >= 2 and "name" in map_header(
            row, rows[index + 1 :]
        ):
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


def _row_kind(agreement: str, kind: str) -> str:
    """A row's pair kind: a twinning when its agreement cell names one, else the table's."""
    if not agreement:
        return kind
    return "twinning" if TWINNING_CELL.search(agreement) else "partner"


def records_from_table(
    rows: list[list[str]], *, source: str | None, kind: str, strict: bool
) -> ExtractionResult:
    """Records of a table whose first row is a header; `strict` raises on an unknown header."""
    result = ExtractionResult()
    if not rows or is_field_table(rows):
        return result
    rows = rows[header_index(rows) :]
    columns = map_header(rows[0], rows[1:])
    if "partner" in columns and TWINNING_HEADER.search(_header_label(rows[0][columns["partner"]])):
        kind = "twinning"
    if "partner" in columns and any(TWINNING_TABLE.search(_header_label(c)) for c in rows[0]):
        kind = "twinning"  # a "Tandem" number column, a cohort column, 结对年份
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
                    _row_kind(_cell(row, columns, "agreement"), kind),
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


MARKDOWN_ROW = re.compile(r"^\s*\|(.+)\|\s*$")
MARKDOWN_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def markdown_cells(line: str) -> list[str] | None:
    """The cells of one `| a | b |` line; None for any other line."""
    row = MARKDOWN_ROW.match(line)
    return [cell.strip() for cell in row.group(1).split("|")] if row else None


def markdown_tables(text: str) -> list[list[list[str]]]:
    """Tables written in plain text as Markdown (`| a | b |` rows, a `| --- |` rule below the
    header): rows of cells."""
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in text.split("\n") + [""]:
        cells = markdown_cells(line)
        if MARKDOWN_RULE.match(line) and current:
            continue
        if cells is not None and len(cells) >= 2:
            current.append(cells)
            continue
        if len(current) >= 2:
            tables.append(current)
        current = []
    return tables
