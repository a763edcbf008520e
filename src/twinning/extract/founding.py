"""Founding years read by structure, one declarative row per language (ADR 0041).

`LABELS`: the words that label a founding year on a profile block or infobox line
("Gründung" / "1987", "Opgericht: 2005", "Année de création : 1992", "成立时间：2003年"), each
row with an example block and what it must give (a test, `tests/extract/test_founding.py`).
`founded_from_lines` reads those blocks; `described_subject` resolves "le comité", "die
Stiftung", "the Greek society" to the one organisation of the page whose name has that noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from twinning.extract.cues import SELF, cues_for
from twinning.extract.gazetteer import demonym_code
from twinning.extract.matcher import (
    AFTER_NOT_SUBJECT,
    YEAR_TOKEN,
    mentions_with_self,
    states_relation,
)
from twinning.extract.registry import Entry, Registry
from twinning.extract.text import YEAR


@dataclass(frozen=True)
class Label:
    language: str
    pattern: str  # the label words (regular expression, case-insensitive)
    example: str  # a profile block, one line per line
    expect: tuple[str, int]  # (organisation, year) the block must give


# fmt: off
LABELS: tuple[Label, ...] = (
    Label("en", r"founded|established|since|year founded|year of foundation|date founded|in existence since|set up",
          "Harbour Kitchen Collective\nBased in: Hull\nFounded\n2004", ("Harbour Kitchen Collective", 2004)),
    Label("de", r"gegründet|gegr\.|gründung|gründungsjahr|gründungsdatum|seit|besteht seit",
          "Stadtteilwerkstatt Linden e.V.\nSitz\nHannover\nGründung\n1987", ("Stadtteilwerkstatt Linden e.V.", 1987)),
    Label("fr", r"fondée?|créée?|création|date de création|année de création|année de fondation|fondation|depuis",
          "Association Les Ponts du Lez\nSiège : Montpellier\nAnnée de création : 1999", ("Association Les Ponts du Lez", 1999)),
    Label("it", r"fondata|fondato|costituita|costituito|anno di fondazione|data di fondazione|dal",
          "Associazione Fiume Vivo\nSede: Verona\nAnno di fondazione: 2002", ("Associazione Fiume Vivo", 2002)),
    Label("es", r"fundada|fundado|fundación|año de fundación|fecha de fundación|constituida|constituido|desde",
          "Asociación Río Claro\nSede: Murcia\nAño de fundación: 1994", ("Asociación Río Claro", 1994)),
    Label("nl", r"opgericht|oprichting|oprichtingsjaar|opgericht in|sinds|bestaat sinds",
          "Stichting Groene Haven\nPlaats: Zwolle\nOprichtingsjaar: 2006", ("Stichting Groene Haven", 2006)),
    Label("zh", r"成立时间|成立日期|成立年份|成立于|成立|创办于|创立于|始建于|創立於|成立於|成立時間",
          "绿源环境教育中心\n所在地：昆明\n成立时间：2003年", ("绿源环境教育中心", 2003)),
)
# fmt: on


@cache
def _founded_line() -> re.Pattern[str]:
    labels = "|".join(row.pattern for row in LABELS)
    return re.compile(
        r"^(?:[^\d:：]{0,25}?[·|,]\s*)?(?:" + labels + r")\s*(?:in|en|nel|im|in het|于)?\s*"
        r"[:：]?\s*(?:(" + YEAR + r")(?:\s*年)?(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?)?\.?$",
        re.IGNORECASE,
    )


# A field line of a profile block ("Plaats: Arnhem", "Sitz", "Regensburg"), not its name.
FIELD_LINE = re.compile(r"^[^:：]{1,30}[:：]|^\S+(?:\s\S+)?$")
LABEL = re.compile(r"[^\W\d_]+(?:\s[^\W\d_]+)?")
YEAR_LINE = re.compile(r"(" + YEAR + r")(?:\s*年)?(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?\.?")


def founded_from_lines(text: str, registry: Registry) -> None:
    """Profile blocks: a short line that is only a founding label and its year ("Fundada en
    1998", "Santa Pola · desde 1952", "Gründung" then "1987") gives the year to the
    organisation named on the block's name line above it (field lines skipped, six at most);
    a name line naming no known organisation gives nothing."""
    pattern = _founded_line()
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for index, line in enumerate(lines):
        if len(line) > 40:
            continue
        match = pattern.match(line)
        if match is None:
            continue
        year = match.group(1)
        if year is None and index + 1 < len(lines):
            following = YEAR_LINE.fullmatch(lines[index + 1])
            year = following.group(1) if following else None
        if year is None or registry.mentions(line):
            continue
        for position in range(index - 1, max(-1, index - 7), -1):
            above = lines[position]
            if pattern.match(above):
                break
            mentions = registry.mentions(above)
            if mentions:
                entry = mentions[-1][2]
                if entry.organisation.founded is None:
                    entry.organisation.founded = int(year)
                break
            # "Sitz" / "Xi'an, Provinz Shaanxi": a value under its label is a field line too.
            label = lines[position - 1] if position else ""
            if not FIELD_LINE.search(above) and not (
                LABEL.fullmatch(label) and not registry.mentions(label)
            ):
                break


ARTICLE = r"(?:the|le|la|l['’]|der|die|das|de|het|il|lo|el|notre|our|unser(?:e|er)?|onze|nostra|nostro|nuestra|nuestro)"
NOUNS = {
    "society": "society", "association": "association", "network": "network",
    "foundation": "foundation", "centre": "centre", "center": "center", "club": "club",
    "alliance": "alliance", "federation": "federation", "trust": "trust", "institute": "institute",
    "comité": "comité", "fédération": "fédération", "réseau": "réseau", "fondation": "fondation",
    "verein": "verein", "stiftung": "stiftung", "verband": "verband", "netzwerk": "netzwerk",
    "freundeskreis": "freundeskreis", "forum": "forum",
    "stichting": "stichting", "vereniging": "vereniging", "netwerk": "netwerk",
    "associazione": "associazione", "fondazione": "fondazione", "comitato": "comitato",
    "rete": "rete", "asociación": "asociación", "fundación": "fundación", "red": "red",
}  # fmt: skip
DESCRIBED = re.compile(
    r"(?<![\w])"
    + ARTICLE
    + r"\s*(?:(?P<adjective>[A-Z][a-z]+)\s+)?(?P<noun>"
    + "|".join(NOUNS)
    + r")\b",
    re.IGNORECASE,
)


def described_subject(text: str, registry: Registry, *, at_end: bool) -> Entry | None:
    """ "The Greek society", "le comité", "die Stiftung": the one organisation of the page whose
    name has that noun (and whose country the adjective names). With `at_end` the reference
    must close `text` (the words before a cue), else open it (the clause after one)."""
    found = [m for m in DESCRIBED.finditer(text)]
    if not found:
        return None
    match = found[-1] if at_end else found[0]
    if at_end and text[match.end() :].strip(" ,"):
        return None
    if not at_end and text[: match.start()].strip(" ,"):
        return None
    adjective = match.group("adjective")
    code = demonym_code(adjective) if adjective else None
    if adjective and code is None:
        return None
    noun = match.group("noun").lower()
    candidates = [
        entry
        for entry in registry.entries
        if noun in re.split(r"[\s\-–]+", entry.organisation.name.lower())
        and (code is None or entry.organisation.country in (code, None))
    ]
    if code is not None:
        placed = [entry for entry in candidates if entry.organisation.country == code]
        candidates = placed or candidates
    return candidates[0] if len(candidates) == 1 else None


# What a Chinese reference ("该协会", "本基金会", "本会") may stand for: a name ending so, or a
# name in another language with the same kind of head word.
REFERENCE_HEADS = {
    "协会": ("协会", "協會", "association", "society", "verein", "vereniging", "associazione",
             "asociación", "club"),
    "基金会": ("基金会", "基金會", "foundation", "stiftung", "stichting", "fondation", "fondazione",
              "fundación", "fund", "trust"),
    "中心": ("中心", "centre", "center", "zentrum", "centro", "centrum"),
    "联合会": ("联合会", "聯合會", "federation", "verband", "fédération", "federazione",
              "federación", "union"),
    "研究院": ("研究院", "institute", "institut", "istituto", "instituto"),
    "会": ("会", "會", "association", "society", "verein", "vereniging", "associazione",
          "asociación", "club", "committee", "comité", "comitato", "foundation", "stiftung",
          "stichting", "fondation", "fondazione", "fundación", "federation", "verband"),
}  # fmt: skip
REFERENCE_HEADS["協會"] = REFERENCE_HEADS["协会"]
REFERENCE_HEADS["基金會"] = REFERENCE_HEADS["基金会"]
REFERENCE_HEADS["聯合會"] = REFERENCE_HEADS["联合会"]
REFERENCE_HEADS["會"] = REFERENCE_HEADS["会"]


ZH_REFERENCE = re.compile(
    r"(?:该|本|我|該)(?:会|會|协会|協會|基金会|基金會|中心|机构|機構|联合会|聯合會|研究院)(?=[，,\s]*$)"
)


def reference_fits(reference: str, name: str) -> bool:
    """Whether "该协会" / "本会" / "本基金会" can stand for the organisation `name`: its name ends
    with the referred noun, or a Latin-script name carries a head word of that kind; "机构"
    fits any organisation."""
    if reference[:1] not in ("该", "本", "我", "該"):
        return True
    noun = reference[1:]
    heads = REFERENCE_HEADS.get(noun)
    if heads is None:
        return True
    lowered = name.lower()
    if lowered.endswith(heads[0]) or lowered.endswith(heads[1]):
        return True
    latin = set(re.split(r"[^\w]+", lowered))
    return any(head in latin for head in heads[2:])


YEAR_STATED = re.compile(
    r"\b(?:im Jahr(?:e)?|in the year|en l['’]an|nell['’]anno|en el año|in het jaar)\s+((?:19|20)\d{2})\b"
)
EXISTS = re.compile(r"bestaat|besteht|existe", re.IGNORECASE)
BY_AGENT = re.compile(r"(?:经|由|在|\bby\s+(?:the\s+)?|\bbei\s+(?:der|dem)\s+)$")
# A Chinese founding states its year at the verb: 成立于2003年, 2003年(在X)成立.
ZH_FOUNDED_YEAR = re.compile(
    r"(?:成立|始建|创立|创建|组建|創立|創建|組建)(?:于|於|在)\s*(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?[^，,。；]{0,12}?(?:成立|始建|创立|创建|组建|創立|創建|組建)"
)


def founding_from_cues(
    sentence: str, registry: Registry, main: Entry | None, language: str | None
) -> list[tuple[Entry, int]]:
    """(organisation, year) founding facts stated in one sentence."""
    found: list[tuple[Entry, int]] = []
    mentions = mentions_with_self(sentence, registry, main)
    for cue in cues_for(language):
        if cue.kind != "founded":
            continue
        for match in cue.compiled.finditer(sentence):
            year = _year_near(sentence, match)
            if year is None or (language == "zh" and not ZH_FOUNDED_YEAR.search(sentence)):
                continue
            # "De stedenband … bestaat sinds 1997": how long a relation exists, not a founding.
            if EXISTS.search(match.group(0)) and states_relation(sentence, language):
                continue
            if cue.weak:
                named = {id(e) for _s, _e, e in registry.mentions(sentence)}
                # "since" tells a founding only with its year right after ("since 1998").
                follows = YEAR_TOKEN.match(sentence, match.end() + 1)
                if (
                    main is None
                    or follows is None
                    or states_relation(sentence, language)
                    or not (SELF.search(sentence) or (id(main) in named and match.start() == 0))
                    or named - {id(main)}
                ):
                    continue
                found.append((main, year))
                continue
            # "经…民政局", "by the X": a registrar or agent, not the subject; "本会" is no 局.
            before = [
                e
                for s, end, e in mentions
                if s < match.start()
                and not BY_AGENT.search(sentence[max(0, s - 8) : s])
                and reference_fits(sentence[max(0, s - 1) : end], e.organisation.name)
            ]
            # "… als Dachverband von X", "à Qingdao", "della Rete …", "原名X": not the subject.
            after_spans = [
                (s, end, e)
                for s, end, e in mentions
                if s >= match.end()
                and not AFTER_NOT_SUBJECT.search(sentence[max(0, s - 12) : s])
                and not BY_AGENT.search(sentence[max(0, s - 8) : s])
            ]
            after = [e for _s, _e, e in _apposed(sentence, after_spans)]
            # "fondée en 1992, le comité anime …": the organisation the clause after names.
            clause = sentence[match.end() :].split(",", 1)[-1]
            described = described_subject(clause, registry, at_end=False)
            subject = described or (before[-1] if before else (after[0] if after else main))
            referred = ZH_REFERENCE.search(sentence[: match.start()])
            if (
                referred
                and subject
                and not reference_fits(referred.group(0), subject.organisation.name)
            ):
                continue
            if subject is not None:
                found.append((subject, year))
        if found:
            break
    return found


def _year_near(sentence: str, match: re.Match[str]) -> int | None:
    """The year right after the cue (within 40 characters), else right before (within 70)."""
    after = YEAR_TOKEN.search(sentence, match.end(), min(len(sentence), match.end() + 40))
    if after:
        return int(after.group(1))
    # "Gegründet wurde der X – … – im Jahr 1996": a year the clause introduces as one.
    stated = YEAR_STATED.search(sentence, match.end(), min(len(sentence), match.end() + 120))
    if stated:
        return int(stated.group(1))
    window = sentence[max(0, match.start() - 70) : match.start()]
    years = YEAR_TOKEN.findall(window)
    return int(years[-1]) if years else None


APPOSITION = re.compile(r"\s*[–—(-]\s*")


def _apposed(sentence: str, spans: list[tuple[int, int, Entry]]) -> list[tuple[int, int, Entry]]:
    """Mentions with "DCKV – Deutsch-Chinesischer Kulturverein … e.V. –" folded to the longer
    name: a short form and its full name in apposition are one subject."""
    out: list[tuple[int, int, Entry]] = []
    for start, end, entry in spans:
        if out:
            _s, last_end, last = out[-1]
            gap = sentence[last_end:start]
            if APPOSITION.fullmatch(gap) and len(entry.organisation.name) > len(
                last.organisation.name
            ):
                out[-1] = (start, end, entry)
                continue
        out.append((start, end, entry))
    return out
