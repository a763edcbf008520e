"""Sentence-level relation patterns over the organisations a sentence mentions, by structure
rather than by phrasing, in the seven languages:

- "A, B and C have been paired with D, E and F respectively": ends zipped in order;
- "visited A, B and C": one visit a host of the list;
- "we hosted a delegation of X": a visit of X to the page's organisation;
- a later sentence whose subject is the visiting group ("The visitors also met staff of Y",
  "They were received by Y", "Die Delegation besuchte Y", 代表团还参观了Y): a visit to Y.
"""

from __future__ import annotations

import re

from twinning.extract.gazetteer import resolve_place
from twinning.extract.records import Partnership
from twinning.extract.registry import Entry, Registry
from twinning.extract.relations import VISIT_VERB, _partnership, _year
from twinning.extract.text import has_cjk

RESPECTIVELY = re.compile(
    r"\b(?:respectively|respectivement|rispettivamente|respectivamente|respectievelijk|jeweils)\b"
    r"|分别",
    re.IGNORECASE,
)
PAIR_VERB = re.compile(
    r"\b(?:paired|twinned|matched|linked|teamed\s+up|coupled)\s+(?:up\s+)?with\b"
    r"|\bgekoppeld\s+aan\b|\bjumelée?s?\s+avec\b|\bassociée?s?\s+à\b|\babbinat[ei]\s+(?:a|con)\b"
    r"|\bemparejad[ao]s?\s+con\b|\bgepaart\s+mit\b|\bzusammengebracht\s+mit\b",
    re.IGNORECASE,
)
# Between two items of a list only commas, "and" and articles stand.
# "A、B分别与C、D结对": the Chinese "respectively with" is the pair verb.
CJK_RESPECTIVELY = re.compile(r"分别(?:与|同|和)")
LIST_GAP = re.compile(
    r"^(?:\s|,|;|、|，|和|与|及|\band\b|\bund\b|\bet\b|\be\b|\by\b|\ben\b|\bas well as\b"
    r"|\bthe\b|\bla\b|\ble\b|\bl['’]|\bil\b|\bdie\b|\bden\b|\bdas\b|\bde\b|\bhet\b|\bel\b)*$",
    re.IGNORECASE,
)
HOSTED_GROUP = re.compile(
    r"\b(?:hosted|received|welcomed)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:delegation|group|delegates|visitors)\s+(?:of|from)\b",
    re.IGNORECASE,
)
WE = re.compile(r"\b(?:we|wir|nous|noi|nosotros|wij|we)\b|我们", re.IGNORECASE)
GROUP_SUBJECT = re.compile(
    r"^(?:(?:the|these|our)\s+(?:visitors|delegation|delegates|group|guests)|they"
    r"|die\s+(?:delegation|gäste|besucher)|sie|la\s+délégation|les\s+(?:visiteurs|délégués)"
    r"|ils|la\s+delegazione|i\s+(?:delegati|visitatori|ospiti)|la\s+delegación"
    r"|los\s+(?:visitantes|delegados)|de\s+(?:delegatie|bezoekers|gasten)|zij"
    r"|代表团|他们|一行)\b",
    re.IGNORECASE,
)
MEETING_VERB = re.compile(
    r"\b(?:met|visited|toured|spent|were\s+received|went|travell?ed|stopped|called\s+on"
    r"|besuchten|trafen|besichtigten|rencontré|visité|rencontrèrent|incontrato|visitato"
    r"|visitaron|se\s+reunieron|bezochten|ontmoetten)\b|参观|拜访|会见|走访|考察",
    re.IGNORECASE,
)


def _listed(sentence: str, mentions: list[tuple[int, int, Entry]]) -> list[Entry]:
    """The first mention and those joined to it as a list ("A, B and C")."""
    if not mentions:
        return []
    items = [mentions[0]]
    for mention in mentions[1:]:
        if not LIST_GAP.match(sentence[items[-1][1] : mention[0]]):
            break
        items.append(mention)
    entries: list[Entry] = []
    for _start, _end, entry in items:
        if entry not in entries:
            entries.append(entry)
    return entries


def respectively_pairs(
    sentence: str, registry: Registry, kind: str, source: str | None
) -> list[Partnership]:
    """ "A and B were paired with C and D respectively": A–C and B–D."""
    respectively = RESPECTIVELY.search(sentence)
    verb = PAIR_VERB.search(sentence) or CJK_RESPECTIVELY.search(sentence)
    if respectively is None or verb is None:
        return []
    mentions = registry.mentions(sentence)
    left = _tail_list(sentence, [m for m in mentions if m[1] <= verb.start()])
    right = _listed(sentence, [m for m in mentions if m[0] >= verb.end()])
    if has_cjk(sentence) and len(right) < len(left):
        # "分别与意大利C、比利时D结对": a country before each name on the right.
        right = _listed_with_places(sentence, [m for m in mentions if m[0] >= verb.end()])
    if len(left) < 2 or len(left) != len(right):
        return []
    pair_kind = "twinning" if kind == "twinning" else "partner"
    year = _year(sentence)
    found = []
    for a, b in zip(left, right, strict=True):
        pair = _partnership(a, b, pair_kind, sentence, source, year=year)
        if pair:
            found.append(pair)
    return found


def _listed_with_places(sentence: str, mentions: list[tuple[int, int, Entry]]) -> list[Entry]:
    """`_listed`, a place name (比利时, 荷兰) allowed before each further item."""
    if not mentions:
        return []
    items = [mentions[0]]
    for mention in mentions[1:]:
        gap = sentence[items[-1][1] : mention[0]]
        bare = gap.strip("、，,和与及 ")
        if not (LIST_GAP.match(gap) or (gap[:1] in "、，," and resolve_place(bare) is not None)):
            break
        items.append(mention)
    entries: list[Entry] = []
    for _start, _end, entry in items:
        if entry not in entries:
            entries.append(entry)
    return entries


def _tail_list(sentence: str, mentions: list[tuple[int, int, Entry]]) -> list[Entry]:
    """The list of mentions ending right before a point (read backwards from the last)."""
    if not mentions:
        return []
    items = [mentions[-1]]
    for mention in reversed(mentions[:-1]):
        if not LIST_GAP.match(sentence[mention[1] : items[0][0]]):
            break
        items.insert(0, mention)
    entries: list[Entry] = []
    for _start, _end, entry in items:
        if entry not in entries:
            entries.append(entry)
    return entries


def visit_lists(sentence: str, registry: Registry, source: str | None) -> list[Partnership]:
    """ "X visited A, B and C": a visit to each host after the first."""
    found: list[Partnership] = []
    year = _year(sentence)
    for verb in VISIT_VERB.finditer(sentence):
        before = registry.mentions(sentence[: verb.start()])
        if not before:
            continue
        after = [m for m in registry.mentions(sentence) if m[0] >= verb.end()]
        hosts = _listed(sentence, after)
        for host in hosts[1:]:
            pair = _partnership(before[-1][2], host, "visit", sentence, source, year=year)
            if pair:
                found.append(pair)
    return found


def hosted_by_us(
    sentence: str, registry: Registry, main: Entry | None, source: str | None
) -> list[Partnership]:
    """ "We hosted a delegation of X": X visited the page's organisation."""
    hosted = HOSTED_GROUP.search(sentence)
    if hosted is None or main is None or not WE.search(sentence[: hosted.start()]):
        return []
    guests = [m for m in registry.mentions(sentence) if m[0] >= hosted.end()]
    if not guests:
        return []
    pair = _partnership(guests[0][2], main, "visit", sentence, source, year=_year(sentence))
    return [pair] if pair else []


def group_visits(
    sentence: str, registry: Registry, visitor: Entry | None, source: str | None
) -> list[Partnership]:
    """A sentence about the visiting group ("They also met staff of Y"): visits to Y."""
    if visitor is None or not GROUP_SUBJECT.match(sentence.strip()):
        return []
    verb = MEETING_VERB.search(sentence)
    if verb is None:
        return []
    found: list[Partnership] = []
    year = _year(sentence)
    for _start, _end, entry in registry.mentions(sentence[verb.start() :]):
        if entry is visitor:
            continue
        pair = _partnership(visitor, entry, "visit", sentence, source, year=year)
        if pair:
            found.append(pair)
    return found


def sentence_relations(
    sentence: str,
    registry: Registry,
    kind: str,
    main: Entry | None,
    visitor: Entry | None,
    source: str | None,
) -> list[Partnership]:
    """Every pattern of this module on one sentence."""
    return [
        *respectively_pairs(sentence, registry, kind, source),
        *visit_lists(sentence, registry, source),
        *hosted_by_us(sentence, registry, main, source),
        *group_visits(sentence, registry, visitor, source),
    ]
