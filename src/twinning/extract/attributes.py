"""Attributes of the organisations found: founding year, type, country and city, topics."""

from __future__ import annotations

import re

from twinning.extract.chinese import short_reference
from twinning.extract.european import is_head
from twinning.extract.founding import described_subject, reference_fits
from twinning.extract.founding import founded_from_lines as founded_from_lines
from twinning.extract.gazetteer import (
    City,
    chinese_province_prefix,
    city_namesakes,
    countries_in_text,
    country_code,
    demonym_code,
    find_city,
    province_code,
    resolve_place,
)
from twinning.extract.names import ORGANISATION_HEADS, words
from twinning.extract.organisations import IS_A
from twinning.extract.records import Organisation
from twinning.extract.registry import Entry, Registry
from twinning.extract.text import YEAR
from twinning.topics import topics_in_text

FOUNDED = re.compile(
    r"\b(?:founded|established|set up|registered|formed|incorporated|created|inaugurated|launched)\b"
    r"(?!\s+(?:a|an|the|partnerships?|cooperation|relations?|contacts?|links?|ties|by\s+the\s+government)\b)"
    r"[^.;]{0,40}?(?<![\d-])(" + YEAR + r")(?![\d-]|s\b|er\b|['’]s\b)",  # not "the 1990s"
    re.IGNORECASE,
)
FOUNDED_ZH = re.compile(
    r"(?:成立|创立|创建|始建|注册|组建|创办|創立|創建|創辦|組建|註冊)(?:于|於|在)\s*("
    + YEAR
    + r")\s*年|("
    + YEAR
    + r")\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?(?:在[\u4e00-\u9fff]{2,6}?)?(?:正式|依法)?"
    r"(?:成立|创立|创建|注册成立|登记成立)"
)
# "In existence since 1995", "active since 1999", "grew out of a 2004 volunteer group".
FOUNDED_SINCE = re.compile(
    r"\b(?:(?i:in existence)|existed|operating|around)\s+since\s+(" + YEAR + r")\b"
    r"|^(?:[Aa]ctive|[Oo]perating|[Ww]orking)\s+since\s+(" + YEAR + r")\b"
    r"|\b(?:has|have)\s+been\s+(?:active|operating|working)\b(?:(?!\bwith\b)[^.;]){0,40}?"
    r"\bsince\s+(" + YEAR + r")\b"
    r"|\bgrew\s+out\s+of\s+(?:an?|the)\s+(" + YEAR + r")\b"
    r"|^(?:We|It)\s+(?:started|began)(?:\s+(?:life|out|work))?\s+in\s+(" + YEAR + r")\b"
)
# "X, a Porto-based group founded in 2015", "X, which was founded in 1983": the year is X's.
APPOSITIVE = re.compile(
    r"^\s*(?:,\s*(?:(?:an?|the)\s+[^,;()]{0,50}?|(?:which|who|that)\s+(?:was|were|has been)\s*)?|"
    r"\s*\([^()]{0,40}\)\s*,?\s*)$"
)
# "该基金会成立于1996年", "本會創立於1998年": the organisation referred to, or the page's own.
ZH_REFERENCE = re.compile(
    r"(?:该|本|我|該)(?:会|會|协会|協會|基金会|基金會|中心|机构|機構|联合会|研究院)$"
)
# "who founded the X in 2013": the object is the organisation founded.
FOUNDED_OBJECT = re.compile(r"\b(?:founded|established|set up|co-founded)\s+(?:the\s+)?$")
CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def chinese_numeral_years(text: str) -> str:
    """ "二〇〇八年" -> "2008年" (same length, so positions stay)."""
    return re.sub(
        r"[〇零一二三四五六七八九]{4}(?=\s*年)",
        lambda m: m.group(0).translate(CHINESE_DIGITS),
        text,
    )


TYPE_OF_NOUN = {
    "organization": "ngo", "organisation": "ngo", "ngo": "ngo", "charity": "ngo", "ecolabel": "ngo",
    "association": "association", "club": "association", "society": "society",
    "network": "network", "alliance": "network", "coalition": "network", "league": "network",
    "federation": "network", "movement": "network", "platform": "network",
    "foundation": "foundation", "trust": "foundation", "fund": "foundation",
    "institute": "research centre", "centre": "research centre", "center": "research centre",
    "think tank": "research centre", "think-tank": "research centre", "academy": "research centre",
    "laboratory": "research centre", "observatory": "research centre",
    "university": "university", "college": "university", "school": "university",
    "company": "company", "enterprise": "company", "consultancy": "company", "consulting": "company",
    "corporation": "company", "co.": "company", "ltd": "company", "ltd.": "company", "gmbh": "company",
    "inc": "company", "inc.": "company", "bank": "company", "cooperative": "company",
    "project": "project", "programme": "project", "initiative": "project",
    "municipality": "municipality", "city": "municipality",
    "ministry": "government", "bureau": "government", "commission": "government",
    "agency": "government", "government": "government", "department": "government",
    "secretariat": "government", "committee": "government",
}  # fmt: skip
TYPE_OF_CHINESE_SUFFIX = (
    ("青年", "youth organisation"), ("学会", "society"), ("研究会", "society"),
    ("协会", "association"), ("促进会", "association"), ("商会", "association"),
    ("基金会", "foundation"), ("联盟", "network"), ("网络", "network"), ("联合会", "network"),
    ("研究院", "research centre"), ("研究所", "research centre"), ("研究中心", "research centre"),
    ("大学", "university"), ("学院", "university"), ("公司", "company"), ("集团", "company"),
    ("政府", "government"), ("局", "government"), ("委员会", "government"), ("项目", "project"),
    ("中心", "ngo"), ("组织", "ngo"),
)  # fmt: skip
REGIONS = {
    "europe",
    "european",
    "eu",
    "asia",
    "asian",
    "africa",
    "african",
    "sino-european",
    "euro",
    "latin",
}
NAME_CITY_MIN_POPULATION = 80_000


def subject_of(sentence: str, registry: Registry, fallback: Entry | None) -> Entry | None:
    """The organisation a sentence is about: its first mention not introduced by "by/under/of"."""
    for start, _end, entry in registry.mentions(sentence):
        before = sentence[max(0, start - 12) : start].lower()
        if re.search(r"\b(?:by|under|of|from|with|and)\s+(?:the\s+)?$", before):
            continue
        return entry
    return fallback


# "It was launched in 2015 …": the organisation the section or page is about.
PRONOUN_SUBJECT = re.compile(
    r"^(?:(?:It|We|The (?:organi[sz]ation|network|association|society|foundation|group|NGO))\s+"
    r"(?:was|were|has been|is)\s+(?:\w+\s+)?(?:founded|established|set up|registered|formed|"
    r"created|launched)\b|(?:We|It)\s+(?:started|began)\b)"
)


def assign_founded(
    sentence: str, registry: Registry, fallback: Entry | None, main: Entry | None = None
) -> None:
    sentence = chinese_numeral_years(sentence)
    for mention_start, mention_end, founded_entry in registry.mentions(sentence):
        if FOUNDED_OBJECT.search(sentence[:mention_start]):
            year_after = re.match(r"\s+in\s+(" + YEAR + r")\b", sentence[mention_end:])
            if year_after and founded_entry.organisation.founded is None:
                founded_entry.organisation.founded = int(year_after.group(1))
                return
    matches = [
        *FOUNDED.finditer(sentence),
        *FOUNDED_ZH.finditer(sentence),
        *FOUNDED_SINCE.finditer(sentence),
    ]
    for match in matches:
        year = int(next(group for group in match.groups() if group))
        before = registry.mentions(sentence[: match.start()])
        prefix = sentence[: match.start()]
        if before and APPOSITIVE.match(sentence[before[-1][1] : match.start()]):
            apposed = before[-1][2]
            if apposed.organisation.founded is None:
                apposed.organisation.founded = year
            return
        reference = ZH_REFERENCE.search(prefix.rstrip("，, "))
        if reference and (not before or before[-1][1] <= reference.start()):
            referred = short_reference(prefix, registry) or fallback or main
            if (
                referred is not None
                and referred.organisation.founded is None
                and reference_fits(reference.group(0), referred.organisation.name)
            ):
                referred.organisation.founded = year
            return
        described = _described_reference(sentence[: match.start()], registry)
        if described is not None and not before:
            if described.organisation.founded is None:
                described.organisation.founded = year
            return
        pronoun = PRONOUN_SUBJECT.match(sentence)
        if pronoun and (fallback or main) and not before:
            entry = fallback or main
            if entry is not None and entry.organisation.founded is None:
                entry.organisation.founded = year
            return
        entry = subject_of(sentence, registry, fallback) if before else None
        if entry is None:
            # "Registered in 2010 with the X Bureau, the association …": X is the registrar.
            after = [
                mention
                for mention in registry.mentions(sentence[match.end() :])
                if not re.search(
                    r"\b(?:with|by|under|at|of)\s+(?:the\s+)?$",
                    sentence[match.end() : match.end() + mention[0]],
                )
            ]
            entry = after[0][2] if after and match.start() < 15 else fallback
        if entry is not None and entry.organisation.founded is None:
            entry.organisation.founded = year
            # "founded in 2009 in Rotterdam": the place it was founded in.
            where = re.match(r"\s+in\s+([A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)", sentence[match.end() :])
            # "于2017年在厦门成立": founded in Xiamen.
            where_zh = re.search(
                r"在([\u4e00-\u9fff]{2,6}?)(?:正式|依法)?(?:成立|创)", match.group(0)
            )
            where_text = where.group(1) if where else where_zh.group(1) if where_zh else None
            place = resolve_place(where_text) if where_text else None
            if place and entry.organisation.country in (None, place.country):
                entry.organisation.country = place.country
                entry.organisation.city = entry.organisation.city or place.city
        return


def _described_reference(before: str, registry: Registry) -> Entry | None:
    """ "The Greek society was founded …", "Le comité, fondé en …": the one organisation whose
    name has that word (`founding.described_subject`)."""
    return described_subject(before, registry, at_end=True)


FRONTED_BASE = re.compile(
    r"^(?:Based|Headquartered|Located|Registered)\s+in\s+(?P<place>[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?"
    r"(?:,\s*[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)?),\s+"
)


def assign_type_and_country_from_sentence(sentence: str, registry: Registry) -> None:
    """ "X is a non-profit association" gives X a type; "an Italian association" a country;
    "Based in Hanoi, Vietnam, the X …" a country and city."""
    fronted = FRONTED_BASE.match(sentence)
    if fronted:
        place = resolve_place(fronted.group("place"))
        mentions = registry.mentions(sentence[fronted.end() :])
        if place and mentions and mentions[0][0] <= 4:
            organisation = mentions[0][2].organisation
            if organisation.country in (None, place.country):
                organisation.country = place.country
                organisation.city = organisation.city or place.city
    match = IS_A.match(sentence)
    if not match:
        return
    from twinning.extract.organisations import _split_trailing_acronym

    entry = registry.find(_split_trailing_acronym(match.group("name"))[0]) or subject_of(
        sentence, registry, None
    )
    if entry is None:
        return
    noun = (
        match.group("noun").lower().rstrip("s") if match.group("noun").lower() != "ngos" else "ngo"
    )
    descriptor = match.group("descriptor").lower()
    organisation = entry.organisation
    if organisation.type is None:
        if "youth" in descriptor and noun in ("organization", "organisation", "ngo", "network"):
            organisation.type = "youth organisation"
        elif noun in ("organization", "organisation", "ngo"):
            organisation.type = _type_from_name(organisation.name) or "ngo"
        else:
            organisation.type = TYPE_OF_NOUN.get(noun)
    if organisation.country is None:
        codes = {demonym_code(word) for word in words(match.group("descriptor"))} - {None}
        if len(codes) == 1:
            organisation.country = codes.pop()
    based = re.search(r"\bbased in ([A-Z][\w\-]+(?:,? [A-Z][\w\-]+)?)", sentence)
    if based:
        place = resolve_place(based.group(1))
        if place and organisation.country in (None, place.country):
            organisation.country = place.country
            organisation.city = organisation.city or place.city


def _type_from_name(name: str) -> str | None:
    found = None
    for word in words(name):
        key = word.lower()
        if (
            word[:1].isupper()
            and key in TYPE_OF_NOUN
            and key in ORGANISATION_HEADS | {"co.", "ltd", "inc"}
        ):
            found = TYPE_OF_NOUN[key]
    if found is None:
        for suffix, kind in TYPE_OF_CHINESE_SUFFIX:
            if suffix in name:
                return kind
    if found and re.search(r"\bYouth\b", name) and found == "ngo":
        return "youth organisation"
    return found


def place_from_name(name: str, context: set[str] | None = None) -> tuple[str | None, str | None]:
    """Country and city implied by a name: "WWF China", "Finnish Association", "重庆市...学会".
    A city name shared by several countries ("Valencia") takes the one among the `context`
    countries (those the document names) when the most populous namesake is not among them."""
    from twinning.extract.gazetteer import chinese_countries, chinese_place_prefix

    if re.search(r"[\u4e00-\u9fff]", name):
        for chinese_name, chinese_code in chinese_countries().items():
            if name.startswith(chinese_name):
                return chinese_code, None
        city = chinese_place_prefix(name)
        if city:
            return city.country, city.name
        return chinese_province_prefix(name), None
    codes: set[str] = set()
    city_found: City | None = None
    tokens = re.findall(r"[^\W\d_](?:[^\W\d_]|')*", name)
    if any(token.lower() in REGIONS for token in tokens):
        return None, None
    skip = -1
    for index, token in enumerate(tokens):
        if not token[:1].isupper() or index == skip:
            continue
        code = demonym_code(token) or country_code(token) or province_code(token)
        if index + 1 < len(tokens):
            two = f"{token} {tokens[index + 1]}"
            # "Inner Mongolia" is a Chinese region, not Mongolia.
            if not code and province_code(two):
                skip = index + 1
            code = country_code(two) or province_code(two) or code
        if code:
            codes.add(code)
            continue
        if token.lower() in ORGANISATION_HEADS or len(token) < 4 or is_head(token):
            continue
        city = find_city(token, min_population=NAME_CITY_MIN_POPULATION)
        if city and context and city.country not in context and city_found is None:
            city = next(
                (
                    namesake
                    for namesake in city_namesakes(token)
                    if namesake.country in context
                    and namesake.population >= NAME_CITY_MIN_POPULATION
                ),
                city,
            )
        if city and city_found is None:
            city_found = city
    if city_found and (not codes or city_found.country in codes):
        return city_found.country, city_found.name
    if len(codes) == 1:
        return codes.pop(), None
    return None, None


def assign_from_names(registry: Registry, text: str) -> None:
    """Type, country and city from the names, and country inherited through "X of the Y"."""
    context = countries_in_text(text)
    for entry in registry.entries:
        organisation = entry.organisation
        if organisation.type is None:
            organisation.type = _type_from_name(organisation.name)
        country, city = place_from_name(organisation.name, context)
        if organisation.country is None and country:
            organisation.country = country
        if organisation.city is None and city and organisation.country == country:
            organisation.city = city
    for entry in registry.entries:
        organisation = entry.organisation
        if organisation.country is None:
            _place_from_context(organisation, text)
    for entry in registry.entries:
        organisation = entry.organisation
        if organisation.country is not None:
            continue
        forms = [organisation.name] + ([organisation.acronym] if organisation.acronym else [])
        for form in forms:
            pattern = re.escape(form) + r"(?:\s*\([^)]{1,15}\))?\s+of\s+(?:the\s+)?"
            for match in re.finditer(pattern, text):
                mentions = registry.mentions(text[match.end() : match.end() + 120])
                if mentions and mentions[0][0] == 0 and mentions[0][2].organisation.country:
                    organisation.country = mentions[0][2].organisation.country
                    break
        demonym = re.search(
            r"\b([A-Z][a-z]+)\s+(?:ministry|organi[sz]ation|NGO|association|society|foundation|network|agency)\s+(?:the\s+)?"
            + "(?:"
            + "|".join(re.escape(form) for form in forms)
            + r")\b",
            text,
        )
        if demonym and demonym_code(demonym.group(1)):
            organisation.country = demonym_code(demonym.group(1))


def _place_from_context(organisation: Organisation, text: str) -> None:
    """ "X (Nanchang)", "X (Crete, Greece)", "X from Denmark", "X, Romania,", "In Romania, the X":
    the place written right next to the name."""
    name = re.escape(organisation.name)
    patterns: tuple[str, ...] = (
        name + r"\s*[(（]([^()（）]{2,40})[)）]",
        name + r"\s+from\s+([A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)\b",
        name + r",\s+([A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?),",
        r"(?:^|\n|\.\s)In\s+([A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?),\s+(?:the\s+)?" + name,
    )
    if len(organisation.name.split()) >= 3:
        # "The Chania Sea Turtle Society（哈尼亚海龟学会）in Crete, Greece,".
        patterns += (
            name + r"(?:\s*[(（][^()（）]{1,40}[)）])?\s*,?\s*(?:based\s+)?in\s+"
            r"([A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?,\s*[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)\b",
        )
    for pattern in patterns:
        for match in re.finditer(pattern, text):
            place = resolve_place(match.group(1))
            if place is None and "," in match.group(1):
                place = resolve_place(match.group(1).rsplit(",", 1)[1])
            if place is not None and place.country:
                organisation.country = place.country
                organisation.city = organisation.city or place.city
                return


def assign_topics(entry: Entry, text: str) -> None:
    if not entry.organisation.topics:
        # A profile's opening words name its topics; a long section costs time, not topics.
        entry.organisation.topics = topics_in_text(text[:3000])[:6]
