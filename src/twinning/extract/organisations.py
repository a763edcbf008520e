"""Find organisations in English text: profile headings, acronym definitions, names carrying an
organisation word, "X is a non-profit association" subjects, and acronyms used as actors."""

from __future__ import annotations

import re
from dataclasses import dataclass

from twinning.extract.gazetteer import Place, demonym_code, resolve_place
from twinning.extract.names import (
    CAPITALISED_RUN,
    GENERIC_NAMES,
    ORGANISATION_HEADS,
    ROLE_WORDS,
    SECTION_WORDS,
    SENTENCE_STARTERS,
    STOP_ACRONYMS,
    has_event_head,
    has_organisation_head,
    is_acronym,
    is_address,
    is_title_case,
)
from twinning.extract.registry import Entry, Registry
from twinning.extract.text import BULLET_RE, MONTH_NAMES, Block, has_cjk, name_key

TYPE_NOUNS = (
    r"organi[sz]ations?|NGOs?|association|society|network|foundation|alliance|platform|group|"
    r"institute|cent(?:re|er)|charity|ecolabel|initiative|project|company|enterprise|consultancy|"
    r"university|movement|league|coalition|club|think[- ]tank|cooperative|trust|federation|"
    r"municipality|city|agency|ministry|programme"
)
IS_A = re.compile(
    r"^(?:The\s+)?(?P<name>[A-Z][\w'&\-]*(?:\s+(?:of|for|and|&)?\s*[A-Z][\w'&\-]*){0,7})"
    r"(?:\s*\([^)]{1,20}\))?(?:,[^,.]{1,60},)?,?\s+(?:is|was|has been|are)\s+(?:both\s+|also\s+|now\s+)?"
    r"(?:a|an|the|one of the)\s+(?P<descriptor>[^.;:]{0,100}?)(?<!-)\b(?P<noun>"
    + TYPE_NOUNS
    + r")\b"
)
OWNED = re.compile(r"\b(?:its|their|our|his|her)\s+$", re.IGNORECASE)
PART_OF_CONTEXT = re.compile(
    r"\b(?:members?|part|branch|chapter|organi[sz]ation|secretariat|office|affiliate)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
NOT_ORGANISATION_RUNS = {
    "europe",
    "asia",
    "africa",
    "america",
    "latin america",
    "east asia",
    "southeast asia",
    "middle east",
    "earth",
    "the earth",
}


# "Report (PDF)": a file type in brackets is no acronym.
FILE_TYPES = {"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "zip", "mp3", "mp4", "jpg", "png"}
# "15.03.2023 · Rabat", "Autumn 2023 (date tbc)": a calendar's date line, not a name.
DATE_LINE = re.compile(
    r"^(?:\d{1,2}[./\-]|(?:spring|summer|autumn|fall|winter|early|mid|late)\b[\s\-]*"
    r"(?:19|20)\d{2})|\b(?:tbc|tba|tbd)\b",
    re.IGNORECASE,
)


@dataclass
class HeadingOrganisation:
    name: str
    acronym: str | None
    place: Place | None


def _split_trailing_acronym(part: str) -> tuple[str, str | None]:
    """ "Name (ACR)" or "Name ACR" into name and acronym."""
    match = re.fullmatch(r"(.+?)\s*\(\s*([A-Z][A-Za-z0-9&\-]{1,14})\s*\)", part)
    if match and match.group(2).lower() in FILE_TYPES:
        return part.strip(), None
    if match and is_acronym(match.group(2)):
        return match.group(1).strip(), match.group(2)
    tokens = part.split()
    if len(tokens) >= 3 and is_acronym(tokens[-1]) and not is_acronym(tokens[-2]):
        return " ".join(tokens[:-1]), tokens[-1]
    return part.strip(), None


def parse_heading(line: str) -> list[HeadingOrganisation]:
    """Organisations in a profile heading such as "Name (ACR), Country", "Name, ACR, City",
    "Name (City)" or "Name, Other Name, Country"; empty when the line is no such heading."""
    text = line.strip().rstrip(":").strip()
    # A bilingual heading: the English name, then its Chinese name ("Nujiang Volunteers 怒江…").
    bilingual = re.fullmatch(r"([A-Za-z][^\u4e00-\u9fff]*?)\s+[\u4e00-\u9fff][^A-Za-z]*", text)
    if bilingual:
        text = bilingual.group(1).strip()
    if not text or text.lower().startswith(("exchange topic", "about ", "topic")):
        return []
    if DATE_LINE.search(text):
        return []
    # A person ("Dr Anna Müller (Director, …)"), a date ("12–14 March 2019, Berlin") or a line
    # with unbalanced brackets is no organisation heading.
    if re.match(r"(?:Mr|Ms|Mrs|Dr|Prof|Professor)\.?\s", text) or text.count("(") != text.count(
        ")"
    ):
        return []
    if re.match(
        r"(?:from\s+)?\d{1,2}(?:\s*[–—-]\s*\d{1,2})?\s+(?:" + MONTH_NAMES + r")\b",
        text,
        re.IGNORECASE,
    ):
        return []
    place: Place | None = None
    parts: list[str]
    in_match = re.fullmatch(r"([A-Z][A-Z\-]{2,14})\s+in\s+(.+)", text)
    if in_match and resolve_place(in_match.group(2)):
        return [HeadingOrganisation(in_match.group(1), None, None)]
    trailing_region = re.fullmatch(r"(.+?)\s+in\s+[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?", text)
    if trailing_region and (
        has_organisation_head(trailing_region.group(1)) or is_acronym(trailing_region.group(1))
    ):
        name, acronym = _split_trailing_acronym(trailing_region.group(1))
        if is_title_case(name, 0.75):
            return [HeadingOrganisation(name, acronym, None)]
    bracket = re.fullmatch(r"([^()]+?)\s*\(([^()]+)\)", text)
    if bracket and resolve_place(bracket.group(2)):
        place = resolve_place(bracket.group(2))
        parts = [part.strip() for part in bracket.group(1).split(",") if part.strip()]
    else:
        parts = [part.strip() for part in re.split(r",\s*|\s+[–—|]\s+", text) if part.strip()]
        if len(parts) >= 2 and resolve_place(parts[-1]):
            place = resolve_place(parts[-1])
            parts = parts[:-1]
            if len(parts) >= 2 and resolve_place(parts[-1]) and place and not place.city:
                city = resolve_place(parts[-1])
                if city and city.city and city.country == place.country:
                    place = Place(f"{parts[-1]}, {place.name}", place.country, city.city)
                    parts = parts[:-1]
    found: list[HeadingOrganisation] = []
    for part in parts:
        name, acronym = _split_trailing_acronym(part)
        if is_acronym(name) and found and found[-1].acronym is None and " " not in name:
            found[-1].acronym = name
            continue
        if not name or len(name.split()) > 12 or not (name[0].isupper() or name[0].isdigit()):
            return []
        if resolve_place(name) or name.lower() in NOT_ORGANISATION_RUNS or is_address(name):
            return []
        # "Programme 2021", "Annual Report 2021": an edition or a section, not an organisation.
        if re.search(r"(?<![\d-])(?:19|20)\d{2}$", name) and not acronym:
            return []
        found.append(HeadingOrganisation(name, acronym, place))
    if not found:
        return []
    if place is None:
        # Without a place, only a title-case name that says it is an organisation makes a heading.
        named = [
            item
            for item in found
            if (has_organisation_head(item.name) or item.acronym) and is_title_case(item.name, 0.75)
        ]
        for item in named:
            item.name = clean_run(item.name, sentence_start=True) or item.name
        return named[:1]
    if not all(is_title_case(item.name) for item in found):
        return []
    return found


def place_attributes(place: Place | None) -> dict[str, str | None]:
    if place is None:
        return {}
    return {"country": place.country, "city": place.city}


def clean_run(run: str, *, sentence_start: bool) -> str | None:
    """Trim a capitalised run to an organisation name: no leading starter word, role or the."""
    tokens = run.split()
    if (
        len(tokens) > 3
        and tokens[0].lower() in SECTION_WORDS
        and tokens[1] in ("of", "from", "at", "by")
    ):
        tokens = tokens[2:]
    while tokens and (
        tokens[0] in ("The", "A", "An")
        or (sentence_start and tokens[0].lower() in SENTENCE_STARTERS)
        or tokens[0].rstrip(".") in ("Mr", "Ms", "Mrs", "Dr", "Prof")
    ):
        tokens = tokens[1:]
        sentence_start = False
    text = " ".join(tokens)
    # "Mihaela Stan of the Romanian Federation of Food Banks": a person's name before "of the".
    person = re.match(r"^([A-Z][\w'\-]+ [A-Z][\w'\-]+) of the (.+)$", text)
    if (
        person
        and has_organisation_head(person.group(2))
        and not has_organisation_head(person.group(1))
        and not any(
            word.lower() in ROLE_WORDS or resolve_place(word) or demonym_code(word)
            for word in person.group(1).split()
        )
    ):
        text = person.group(2)
        tokens = text.split()
    if re.search(r" (?:and|&) (?:of )?the | and of ", text):
        left, right = re.split(r" (?:and|&) (?:of )?the | and of ", text, maxsplit=1)
        text = left if has_organisation_head(left) else right
        tokens = text.split()
    while tokens and tokens[0].lower().strip(",") in ROLE_WORDS:
        if " of " not in text:
            return None
        text = text.split(" of ", 1)[1]
        tokens = text.split()
    unit = re.match(
        r"^(?:[\w&'\-]+\s+){0,4}?(?:Department|Division|Unit)\s+of\s+(?:the\s+)?(.+)$", text
    )
    if unit and has_organisation_head(unit.group(1)):
        text = unit.group(1)
    text = re.sub(r"'s$", "", text).strip(" ,.-")
    text = re.sub(r"\s+(?:of|for|and|&|on|the|de)$", "", text)
    return text or None


PAIR_SEPARATORS = (
    r"\s+/\s+|\s*↔\s*|\s+<->\s+|\s+[–—]\s+|\s+&\s+|\s*\|\s*|\s+-\s+",
    r"\s+(?:and|with|x)\s+",
)


def split_pair_line(text: str) -> tuple[HeadingOrganisation, HeadingOrganisation] | None:
    """ "Org A (Country) / Org B (City)": two organisations, each with its place, else None."""
    if len(text) > 200:
        return None
    for separator in PAIR_SEPARATORS:
        parts = re.split(separator, text)
        if len(parts) != 2:
            continue
        left, right = parse_heading(parts[0]), parse_heading(parts[1])
        if len(left) == 1 and len(right) == 1 and left[0].place and right[0].place:
            return left[0], right[0]
    return None


def register_headings(blocks: list[Block], registry: Registry) -> dict[int, Entry]:
    """Register organisations named in profile headings; returns heading block index -> entry."""
    headings: dict[int, Entry] = {}
    for block in blocks:
        if not block.is_heading or split_pair_line(block.text):
            continue
        for position, item in enumerate(parse_heading(block.text)):
            entry = registry.add(
                item.name,
                item.acronym,
                evidence=block.text,
                strength=3,
                **place_attributes(item.place),
            )
            if position == 0:
                headings[block.index] = entry
    return headings


def _sentence_around(text: str, position: int) -> str:
    start = max(text.rfind(". ", 0, position) + 2, text.rfind("\n", 0, position) + 1, 0)
    end_candidates = [i for i in (text.find(". ", position), text.find("\n", position)) if i >= 0]
    end = min(end_candidates) + 1 if end_candidates else len(text)
    return text[start:end].strip()


def register_runs(sentence: str, registry: Registry) -> None:
    """Names carrying an organisation word, and names in "member of X" or "X is a ..." places."""
    is_a = IS_A.match(sentence)
    if is_a:
        name = clean_run(is_a.group("name"), sentence_start=True)
        acronym = None
        if name:
            name, acronym = _split_trailing_acronym(name)
        noun = is_a.group("noun").lower()
        if (
            name
            and not resolve_place(name)
            and noun not in ("city", "project", "programme", "initiative", "platform", "group")
        ):
            if name_key(name) not in GENERIC_NAMES and not is_acronym(name) or registry.find(name):
                registry.add(name, acronym, evidence=sentence, strength=2)
            elif is_acronym(name) and name not in STOP_ACRONYMS:
                registry.add(name, evidence=sentence, strength=2)
    for match in CAPITALISED_RUN.finditer(sentence):
        run = match.group(0)
        before = sentence[: match.start()]
        sentence_start = not before.strip() or before.rstrip()[-1:] in ".!?:\"'–-"
        # "The Kibera Trust and the Hangzhou Society": two organisations, both registered.
        halves = re.split(r" (?:and|&) (?:of )?the ", run, maxsplit=1)
        if len(halves) == 1:
            # "Athens Refugee Support Association and Haikou Migrant Workers Service Centre":
            # each half ends with its own organisation word.
            halves = re.split(r" (?:and|&) ", run, maxsplit=1)
            if len(halves) == 2 and not all(
                len(half.split()) >= 2 and half.split()[-1].lower() in ORGANISATION_HEADS
                for half in halves
            ):
                halves = [run]
        if len(halves) == 2 and all(has_organisation_head(half) for half in halves):
            left = clean_run(halves[0], sentence_start=sentence_start)
            if left and len(left.split()) >= 2 and not _inside_known(left, registry):
                registry.add(left, evidence=sentence)
            right = clean_run(halves[1], sentence_start=False)
            if right and len(right.split()) >= 2 and not _inside_known(right, registry):
                registry.add(right, evidence=sentence)
            run = halves[0]
        name = clean_run(run, sentence_start=sentence_start)
        if not name or len(name.split()) < 2 and not is_acronym(name):
            if name and PART_OF_CONTEXT.search(before) and not resolve_place(name):
                registry.add(name, evidence=sentence)
            continue
        if OWNED.search(before) or name_key(name) in GENERIC_NAMES:
            continue
        name, trailing = _split_trailing_acronym(name)
        # "Vienna Neighbourhood Aid (Austria)": a name opening with a place and followed by a
        # bracketed place is an organisation even without an organisation word.
        bracket = re.match(r"\s*\(([^()]{2,40})\)", sentence[match.end() :])
        first_place = resolve_place(name.split()[0])
        if (
            bracket
            and len(name.split()) >= 3
            and first_place is not None
            and resolve_place(bracket.group(1)) is not None
            and not resolve_place(name)
            and not has_organisation_head(name)
            and not _inside_known(name, registry)
        ):
            place = resolve_place(bracket.group(1))
            entry = registry.add(name, trailing, evidence=sentence)
            if place is not None and entry.organisation.country is None:
                entry.organisation.country = place.country
                entry.organisation.city = entry.organisation.city or place.city
            continue
        # Funds pay for the work; they are not partners ("co-financed by the Visegrad Fund").
        if name.split()[-1] in ("Fund", "Funds"):
            continue
        # Programmes are what organisations run, not organisations (gold rule), except the UN's.
        if name.split()[-1] in ("Programme", "Program") and not re.search(
            r"\b(?:Nations|Development|Environment|Food)\s+Program", name
        ):
            continue
        if has_organisation_head(name) and len(name.split()) >= 2:
            if has_event_head(name) and not has_organisation_head(name.split()[-1]):
                continue
            if _inside_known(name, registry) or resolve_place(name):
                continue
            registry.add(name, trailing, evidence=sentence)
        elif (
            PART_OF_CONTEXT.search(before)
            and not resolve_place(name)
            and is_title_case(name, 0.99)
            and name.lower() not in NOT_ORGANISATION_RUNS
            and not demonym_code(name.split()[0])
        ):
            registry.add(name, trailing, evidence=sentence)


def _inside_known(name: str, registry: Registry) -> bool:
    """Whether `name` is only part of an organisation already known ("World Resources Institute"
    inside "World Resources Institute Beijing office")."""
    key = name_key(name)
    if registry.find(name):
        return False
    for entry in registry.entries:
        known = name_key(entry.organisation.name)
        if key != known and re.search(r"(?:^| )" + re.escape(key) + r"(?: |$)", known):
            return True
    return False


SHORT_FORM = re.compile(
    r"\b[Tt]he\s+(?P<word>[A-Z][\w\-]+)\s+(?P<head>society|association|network|foundation|trust|"
    r"institute|cent(?:re|er)|coalition|alliance|club|federation|cooperative|council|university)\b"
)


def register_short_forms(text: str, registry: Registry) -> None:
    """ "the Hangzhou society" is the one known organisation whose name has both words."""
    for match in SHORT_FORM.finditer(text):
        word, head = match.group("word").lower(), match.group("head").lower()
        fitting = [
            entry
            for entry in registry.entries
            if word in name_key(entry.organisation.name).split()
            and head in name_key(entry.organisation.name).split()
        ]
        if len(fitting) == 1 and not registry.find(match.group(0)[4:]):
            registry.refer(fitting[0], match.group(0)[4:])


def link_translations(text: str, registry: Registry) -> None:
    """A Chinese name written right after an English one ("Mekong Rivers Network (MCRN)
    湄公河社区河流网络") is the same organisation: folded into the English entry; an English
    name in brackets right after a Chinese one folds into the Chinese entry."""
    mentions = registry.mentions(text)
    for (_s1, end, first), (start, _e2, second) in zip(mentions, mentions[1:], strict=False):
        if first is second or second not in registry.entries or first not in registry.entries:
            continue
        between = text[end:start]
        acronym = first.organisation.acronym or ""
        between = between.replace(acronym, "") if acronym else between
        if re.fullmatch(r"[\s()/]*", between) and "\n" not in between:
            english, chinese = first.organisation.name, second.organisation.name
            if not has_cjk(english) and has_cjk(chinese):
                registry.absorb(first, second)
        elif (
            re.fullmatch(r"\s*[（(]\s*", between)
            and has_cjk(first.organisation.name)
            and not has_cjk(second.organisation.name)
        ):
            # "中国社区发展网络（China Community Development Network）": the translation in
            # brackets is the Chinese organisation's other name.
            registry.absorb(first, second)


# A page about its twin towns: 国际友好城市, Partnerstädte, villes jumelées, città gemellate,
# ciudades hermanadas, zustersteden, sister cities.
SISTER_CITIES = re.compile(
    r"twin(?:ned)?\s+(?:towns?|cit(?:y|ies))|sister\s+cit|partner\s*cit|友好城市|友城|姐妹城市|"
    r"友好交流城市|partnerst[aä]dt|st[aä]dtepartner|jumel|gemellag|gemellat|hermanad|hermanamiento|"
    r"ciudades?\s+hermanas?|stedenband|zusterst(?:ad|eden)|partnersteden",
    re.IGNORECASE,
)


def register_table_cities(
    tables: list[list[list[str]]] | None, registry: Registry, context: str
) -> int:
    """On a page about twin towns (`context`: its title and text), the cells of a table's city
    column, when the table has no name column, are the partner municipalities (`序号 | 国家 |
    城市 | 签署时间`); they are registered as organisations with their country. The number."""
    from twinning.extract.gazetteer import country_code
    from twinning.extract.tabular import header_index, map_header

    if not tables or not SISTER_CITIES.search(context):
        return 0
    added = 0
    for table in tables:
        header = header_index(table)
        columns = map_header(table[header])
        if "name" in columns or "city" not in columns:
            continue
        for row in table[header + 1 :]:
            city = row[columns["city"]].strip() if columns["city"] < len(row) else ""
            if not city or len(city) > 40 or re.search(r"\d", city):
                continue
            country = None
            if "country" in columns and columns["country"] < len(row):
                country = country_code(row[columns["country"]].strip())
            registry.add(city, evidence=" | ".join(row), country=country)
            added += 1
    return added


TWIN_ITEM = re.compile(
    r"\btwinn?(?:ed|ing)|\bsister\s+cit|jumel|gemell|hermana|partnerstadt|st[aä]dtepartner|"
    r"stedenband|zusterstad|友好城市|结好|缔结",
    re.IGNORECASE,
)
TOWN_ITEM = re.compile(
    r"^(?P<town>[A-ZÀ-Ý][\w'’\-]+(?:[ \-](?:[A-ZÀ-Ý][\w'’\-]+|im|am|an|der|sur|di|de))*?)"
    r"\s*(?:[(（](?P<where>[^)）]{2,40})[)）])?\s*(?:[–—:|,-]|$)"
)


def register_twin_towns(lines: list[str], registry: Registry) -> int:
    """A list item that opens with a town and names a twinning, or stands under a line that
    does ("• Coburg (Bavière, Allemagne) – jumelage signé en 1974", "• Gmunden (Austria) –
    gemellaggio dal 1987"): the town is a partner municipality, registered with its country
    (from the bracket or the town). The number registered."""
    added = 0
    intro = ""
    for line in lines:
        item = BULLET_RE.sub("", line.strip())
        if item == line.strip():
            intro = item or intro  # the heading or sentence the next items stand under
            continue
        if not TWIN_ITEM.search(item) and not TWIN_ITEM.search(intro):
            continue  # no twinning named by the item or its intro
        match = TOWN_ITEM.match(item)
        if match is None:
            continue
        town = match.group("town")
        place = resolve_place(match.group("where")) if match.group("where") else None
        own = resolve_place(town)
        if own is not None and own.city is None:
            continue  # a country or region, not a town
        country = (place.country if place else None) or (own.country if own else None)
        if country is None or len(town) > 40 or registry.find(town) is not None:
            continue
        registry.add(town, evidence=line.strip(), country=country)
        added += 1
    return added
