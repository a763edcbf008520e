"""Partners and members listed under an intro ("Our partners:", "… has five members:", a
Lead partner section): the items, for the page's organisation to be paired with."""

from __future__ import annotations

import re
import unicodedata

from twinning.extract.gazetteer import Place, resolve_place
from twinning.extract.names import has_organisation_head, is_title_case
from twinning.extract.organisations import (
    _split_trailing_acronym,
    place_attributes,
)
from twinning.extract.records import ExtractionResult, Partnership
from twinning.extract.registry import Entry, Registry
from twinning.extract.tabular import (
    MEMBER_SINCE,
    header_index,
    is_field_table,
    map_header,
)
from twinning.extract.text import Block, has_cjk, name_key

# Member and partner words of the seven languages (a list under "Soci ordinari", "Mitglieder").
MEMBER_WORDS = (
    r"\b(?:members?|Mitglied(?:er|sorganisationen)?|membres?|soci|membri|miembros|socios|leden)\b"
    r"|成员|会员"
)
PARTNER_WORDS = (
    r"\b(?:partners?|Partner(?:organisationen|schaften)?|partenaires?|partner|socios\s+colaboradores"
    r"|partnerorganisaties|samenwerkingspartners)\b|合作伙伴|合作机构"
)
LIST_INTRO = re.compile(
    r"\b(?:organi[sz]ations|collaborat\w*|cooperat\w*|work(?:ed|s)? (?:closely )?with)\b|"
    + MEMBER_WORDS
    + "|"
    + PARTNER_WORDS,
    re.IGNORECASE,
)
DASH_TAIL = re.compile(r"\s+[—–]\s+|\s+-\s+")
LOWER_LEAD = re.compile(r"^(?:[a-zà-ÿ]+['’]|[a-zà-ÿ]+\s+)+(?=[A-ZÀ-Þ])")


def _item_name(item: str) -> tuple[str, Place | None]:
    """An item's name without what follows it: "Name — Genoa", "Name, Matera", "Name
    (Granada)", "l'associazione spagnola Name" give "Name" and the place when known."""
    parts = DASH_TAIL.split(item, maxsplit=1)
    name, tail = parts[0].strip(), (parts[1] if len(parts) == 2 else "")
    name = LOWER_LEAD.sub("", name)
    bracket = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", name)
    if bracket and not re.fullmatch(r"[A-Z][A-Z0-9&-]{1,11}s?", bracket.group(2).strip()):
        name, tail = bracket.group(1), tail or bracket.group(2)
    comma = re.fullmatch(r"([^()]+?),\s+([^,()]+(?:,\s*[^,]+)?)", name)
    if comma and (resolve_place(comma.group(2)) or has_organisation_head(comma.group(2))):
        name, tail = comma.group(1), tail or comma.group(2)
    return name.strip(" ,;"), resolve_place(tail) if tail else None


# A heading that opens another section ends a list of member or partner profiles; field labels
# inside a profile ("City", "Founded") do not.
NEW_SECTION = re.compile(
    r"\b(?:team|staff|board|equipo|équipe|squadra|personale|medewerkers|bestuur|vorstand|"
    r"contact\w*|kontakt\w*|news|nieuws|noticias|actualités|notizie|aktuelles|events?|eventi|"
    r"eventos|evenementen|agenda|termine|activit\w+|actividades|projects?|projekte|projets|"
    r"progetti|proyectos|history|geschichte|historia|histoire|storia|alianzas|publications)\b"
    r"|组织架构|联系|活动|新闻|动态|项目|团队|理事会",
    re.IGNORECASE,
)
EVENT_INTRO = re.compile(
    r"\b(?:forums?|events?|conferences?|meetings?|symposi\w+|summits?|workshops?)\b", re.IGNORECASE
)


LEAD_INTRO = re.compile(
    r"\blead (?:partner|organi[sz]ation|applicant|beneficiary)s?\b|\bcoordinators?\b|"
    r"\bcoordinating (?:partner|organi[sz]ation)\b",
    re.IGNORECASE,
)


def partner_lists(
    blocks: list[Block], registry: Registry, source: str | None
) -> list[tuple[Entry, str, str]]:
    """Organisations listed as bullets under an intro naming partners or members:
    (entry, "partner" | "membership" | "lead", evidence); "lead" is an item under a lead
    partner / coordinator heading. Registers them."""
    found: list[tuple[Entry, str, str]] = []
    intro: Block | None = None
    for block in blocks:
        if not block.is_bullet:
            intro = block
            continue
        if intro is None:
            continue
        lead = intro.sentences[-1] if intro.sentences else ""
        if not LIST_INTRO.search(lead) or EVENT_INTRO.search(lead):
            continue
        item = re.split(r":\s", block.text, maxsplit=1)[0]
        item = re.sub(r"\s*MORE\s*>>\s*$", "", item).strip(" ,;.")
        first = re.split(r"\)\s+of\s+(?:the\s+)?", item, maxsplit=1)
        name_part = first[0] + (")" if len(first) == 2 else "")
        name_part, place = _item_name(name_part)
        name, acronym = _split_trailing_acronym(name_part)
        if (
            not name
            or len(name.split()) > 12
            or not is_title_case(name, 0.5)
            or re.search(r"\b(?:19|20)\d{2}\b", name)
        ):
            continue
        entry = registry.add(
            name, acronym, evidence=block.text, strength=2, **place_attributes(place)
        )
        if len(first) == 2:
            parent, parent_acronym = _split_trailing_acronym(first[1])
            if has_organisation_head(parent):
                registry.add(parent, parent_acronym, evidence=block.text, strength=2)
        kind = (
            "membership"
            if re.search(MEMBER_WORDS, intro.text, re.IGNORECASE)
            and not re.search(PARTNER_WORDS, intro.text, re.IGNORECASE)
            else "partner"
        )
        found.append((entry, "lead" if LEAD_INTRO.search(intro.text) else kind, block.text))
    return found


# A bullet that is one Chinese name ending with an organisation's kind.
CHINESE_ITEM = re.compile(
    r"[\u4e00-\u9fff]{3,24}(?:会|中心|社|团|馆|园|院|校|所|站|联盟|网络|组织|机构|基金|分会|之家)"
)


def chinese_list_items(blocks: list[Block], registry: Registry) -> list[tuple[Entry, str, str]]:
    """Chinese bullets under an intro naming members or partners (本会共有成员单位八家：): the
    organisations they name, once the Chinese names are registered (entry, kind, evidence)."""
    found: list[tuple[Entry, str, str]] = []
    intro: Block | None = None
    for block in blocks:
        if not block.is_bullet:
            intro = block
            continue
        if intro is None or not has_cjk(block.text):
            continue
        lead = intro.sentences[-1] if intro.sentences else intro.text
        if not LIST_INTRO.search(lead) or EVENT_INTRO.search(lead):
            continue
        item = re.sub(
            r"^[•·\-*\d.、)）\s]+|[（(][^（）()]{1,12}[）)]\s*$|[。；;，,]\s*$", "", block.text
        )
        item = item.strip()
        mentions = registry.mentions(item)
        entry: Entry | None = None
        if mentions and mentions[0][0] == 0 and mentions[0][1] >= len(item) - 1:
            entry = mentions[0][2]
        elif CHINESE_ITEM.fullmatch(item):
            # The whole item is one name the name rules did not read (…服务社, …艺术团, …康园).
            entry = registry.add(item, evidence=block.text, strength=2)
        elif mentions and mentions[0][0] <= 3:
            entry = mentions[0][2]
        if entry is None:
            continue
        kind = "partner" if re.search(PARTNER_WORDS, lead, re.IGNORECASE) else "membership"
        found.append((entry, kind, block.text))
    return found


def profile_lists(blocks: list[Block], headings: dict[int, Entry]) -> list[tuple[Entry, str, str]]:
    """Profiles (an organisation heading, then its text) under an intro ending "… has five
    members:" / "Our partners:", or under a section heading naming members or partners
    ("Member directory", "Entidades socias", 成员单位), in any of the seven languages, up to
    the next section heading: (entry, "membership" | "partner", evidence)."""
    found: list[tuple[Entry, str, str]] = []
    kind: str | None = None
    label = False
    for block in blocks:
        if block.index in headings:
            if kind is not None and not label:
                found.append((headings[block.index], kind, block.text))
            label = False
            continue
        # "Partner school" then a name: a field of the profile above, not a listed profile.
        label = (
            kind is not None
            and block.is_heading
            and len(block.text.split()) <= 3
            and bool(re.search(PARTNER_WORDS + "|" + MEMBER_WORDS, block.text, re.IGNORECASE))
        )
        lead = block.sentences[-1] if block.sentences else block.text
        # A heading opens a list; inside one, a heading naming partners is a profile's field
        # label ("Partner school"), not a new list.
        opens = lead.rstrip().endswith((":", "：")) or (block.is_heading and kind is None)
        if block.is_heading and TABLE_TWINNING.search(lead):
            # "Our twinning partners": the profiles pair with each other, not with the page.
            kind = None
            continue
        if opens and not EVENT_INTRO.search(lead):
            if re.search(MEMBER_WORDS + r"|\bmembership\b|\bsocias\b", lead, re.IGNORECASE):
                kind = "membership"
                continue
            if re.search(PARTNER_WORDS, lead, re.IGNORECASE):
                kind = "partner"
                continue
        if block.is_heading and NEW_SECTION.search(block.text):
            kind = None
    return found


TABLE_TWINNING = re.compile(
    r"twin|tandem|partnerstadt|partnerstädte|städtepartner|stedenband|jumel|gemell|hermana"
    r"|sister|结对|結對|友好城市|姐妹",
    re.IGNORECASE,
)
TABLE_MEMBER = re.compile(MEMBER_WORDS, re.IGNORECASE)
# A heading above a table of members: "Entidades miembro", "Le associazioni aderenti".
LEAD_MEMBER = re.compile(
    MEMBER_WORDS + r"|\b(?:aderenti|associate|adherentes|adh[ée]rents|miembro|angeschlossen\w*"
    r"|aangesloten|socie)\b",
    re.IGNORECASE,
)
TABLE_PARTNER = re.compile(
    PARTNER_WORDS + r"|projectpartner|samenwerking|cooperation|coopération|collaborazione"
    r"|colaboración|kooperation|合作",
    re.IGNORECASE,
)
# A programme of events lists organisers, not partners.
TABLE_EVENTS = re.compile(
    r"\b(?:events?|veranstaltung\w*|événements?|evento|eventi|evenementen|eventos|dates?|datum|fecha)\b"
    r"|活动|日期",
    re.IGNORECASE,
)
# "Año de fundación": when the row's organisation was founded, not when the relation began.
FOUNDING = re.compile(r"found|fund|fond|gegr|gr[üu]nd|opgericht|成立", re.IGNORECASE)
TABLE_YEAR = re.compile(
    r"since|seit|sinds|depuis|\bdal\b|desde|year|jahr|jaar|année|anno|año|起始|年份", re.IGNORECASE
)


def subject_table_pairs(
    tables: list[list[list[str]]],
    results: list[ExtractionResult],
    subject: str | None,
    source: str | None,
    known: list[str] | None = None,
    text: str = "",
) -> list[Partnership]:
    """A table of organisations on a page about `subject` whose header or cells name a relation
    ("Partnerstadt | Land | seit", "Organisatie | … | Vorm: projectpartner", 合作机构, "Member"):
    `subject` paired with every row's organisation, the year from a since/year column. A sheet
    with no subject is about the organisation (of `known`) its title row above the header names;
    the heading just above the table in `text` ("Entidades miembro", "Le associazioni aderenti")
    names the relation as the title row does."""
    found: list[Partnership] = []
    known = known or [o.name for result in results for o in result.organisations]
    for rows, result in zip(tables, results, strict=False):
        if result.partnerships or not result.organisations or is_field_table(rows):
            continue
        start = header_index(rows)
        header, body = rows[start], rows[start + 1 :]
        columns = map_header(header, body)
        above = " ".join(cell for row in rows[: start + 1] for cell in row)
        title = " ".join(cell for row in rows[:start] for cell in row)
        owner = subject or _title_owner(title, known)
        lead = lead_in(text, header)
        if "name" not in columns or TABLE_EVENTS.search(f"{above} {lead}") or owner is None:
            continue
        name_column = columns["name"]
        other = " ".join(c for row in body for i, c in enumerate(row) if i != name_column)
        if TABLE_TWINNING.search(" ".join(header) + " " + other):
            kind = "twinning"
        elif TABLE_MEMBER.search(header[name_column]) or LEAD_MEMBER.search(title):
            kind = "membership"
        elif TABLE_PARTNER.search(" ".join(header) + " " + title + " " + other):
            kind = "partner"
        elif any(MEMBER_SINCE.search(_plain(cell)) for cell in header) and not _cut_short(
            owner, text
        ):
            kind = "membership"  # "Adhérente depuis", "Año de incorporación": when each joined
        elif LEAD_MEMBER.search(lead) and _introduced(owner, text):
            # A heading above the table names its rows members, on a page that opens with
            # its own organisation ("Entidades miembro" under "La Red … fue fundada").
            kind = "membership"
        else:
            continue
        year_column = next(
            (i for i, c in enumerate(header) if TABLE_YEAR.search(c) and not FOUNDING.search(c)),
            None,
        )
        for row, organisation in zip(
            (row for row in body if row and row[name_column].strip()),
            result.organisations,
            strict=False,
        ):
            if name_key(organisation.name) == name_key(owner):
                continue
            cell = row[year_column] if year_column is not None and year_column < len(row) else ""
            year = re.search(r"(?:19|20)\d{2}", cell)
            ends = (
                (organisation.name, owner) if kind == "membership" else (owner, organisation.name)
            )
            found.append(
                Partnership(
                    ends[0], ends[1], kind, [], int(year.group(0)) if year else None,
                    " | ".join(row), source,
                )
            )  # fmt: skip
    return found


def _title_owner(title: str, known: list[str]) -> str | None:
    """The longest known organisation the title rows of a sheet name, else None."""
    key = f" {name_key(title)} "
    named = [name for name in known if len(name_key(name)) >= 4 and f" {name_key(name)} " in key]
    return max(named, key=len) if named else None


def lead_in(text: str, header: list[str]) -> str:
    """The short lines (headings, captions) just above a table's header line in `text`."""
    line = " | ".join(cell.strip() for cell in header)
    lines = text.split("\n")
    index = next((i for i, candidate in enumerate(lines) if candidate.strip() == line), None)
    if index is None:
        return ""
    above = [candidate.strip() for candidate in lines[max(0, index - 3) : index]]
    return " ".join(
        candidate
        for candidate in above
        if 0 < len(candidate.split()) <= 8 and (not has_cjk(candidate) or len(candidate) <= 20)
    )


# "Red Andaluza de Cooperación| con Asia": the known name stops before the name does.
CUT_SHORT = re.compile(
    r"\s+(?:de|del|de la|con|für|der|des|du|di|della|per|for|of|van|voor|und|and|y|e|et)"
    r"\s+[A-ZÀ-Ý]"
)


def _introduced(owner: str, text: str, opening: int = 400) -> bool:
    """Whether the page names `owner` in its opening characters, as its whole name."""
    key, opening_key = name_key(owner), name_key(text[:opening])
    if not key or not (f" {key} " in f" {opening_key} " or (has_cjk(key) and key in opening_key)):
        return False
    return not _cut_short(owner, text[:opening])


def _cut_short(owner: str, text: str) -> bool:
    """Whether `text` writes `owner` followed by more of its name (" con Asia")."""
    at = text.lower().find(owner.lower())
    return at >= 0 and bool(CUT_SHORT.match(text[at + len(owner) : at + len(owner) + 30]))


# The dash between the two ends of a pair line: spaced, after a bracket, or a Chinese ——.
PAIR_DASH = re.compile(r"——|(?<=[)）])\s*[—–-]{1,2}\s*|\s+[—–-]{1,2}\s*|\s*[—–-]{1,2}\s+")
BRACKETED = re.compile(r"[（(][^()（）]{0,40}[)）]")
PAIR_YEAR = re.compile(r"[（(]\s*((?:19|20)\d\d)\s*年?\s*[)）]")


def _whole_end(part: str, registry: Registry) -> Entry | None:
    """The one organisation a side of a pair line names, when it is most of that side."""
    bare = BRACKETED.sub("", part).strip(" ·•*-–—:：,，")
    mentions = registry.mentions(bare)
    if len({id(entry) for _start, _end, entry in mentions}) != 1 or not bare:
        return None
    start, end, entry = mentions[0]
    return entry if (end - start) >= 0.6 * len(bare) else None


def dash_pair_lines(
    blocks: list[Block], registry: Registry, kind: str, source: str | None
) -> list[Partnership]:
    """Pair lines whose two sides are each one known organisation, joined by a dash:
    "A（云南）—— B（荷兰）", "A — B (2019年)", "Maison X (France) – Centre Y (Hubei)"."""
    found: list[Partnership] = []
    for block in blocks:
        text = block.text
        if len(text) > 160 or re.search(r"[。；;!?]|\.\s", text):
            continue
        parts = PAIR_DASH.split(text)
        if len(parts) != 2:
            continue
        a, b = _whole_end(parts[0], registry), _whole_end(parts[1], registry)
        if a is None or b is None or a is b:
            continue
        year = PAIR_YEAR.search(text)
        found.append(
            Partnership(
                a.organisation.name,
                b.organisation.name,
                kind,
                [],
                int(year.group(1)) if year else None,
                text,
                source,
            )
        )
    return found


def _plain(cell: str) -> str:
    """A header cell without accents ("Adhérente depuis" → "Adherente depuis")."""
    decomposed = unicodedata.normalize("NFKD", cell)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
