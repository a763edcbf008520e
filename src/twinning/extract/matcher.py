"""The one matcher of the cue table (`cues.py`): sentences in, founding years and relations out.

For every cue of the document's language found in a sentence, the ends are the organisations
mentioned around it (by the registry), the page's own organisation standing in for "we" and
for a bare "l'associazione"; the year is the one written nearest to the cue.
"""

from __future__ import annotations

import re

from twinning.extract.cues import BARE_REFERENCE, DELEGATION, SELF, Cue, cues_for
from twinning.extract.records import Partnership
from twinning.extract.registry import Entry, Registry
from twinning.extract.text import find_dates, name_key

AFTER_NOT_SUBJECT = re.compile(
    r"(?:\b(?:als|as|à|au|aux|in|im|par|by|von|vom|van|di|da|de|des|du|del|della|dello|dei|mit|"
    r"with|con|avec|met|bei|zu|nach|aus|of|from|für|for|pour|per|para)\s+(?:(?:the|der|die|das|"
    r"dem|den|le|la|les|il|lo|el|los|las|het)\s+)?|\bd['’]|\bl['’]|原名|前身是|前身为)$",
    re.IGNORECASE,
)
YEAR_TOKEN = re.compile(r"(?<![\d-])((?:19|20)\d{2})(?![\d-])")

Mention = tuple[int, int, Entry]


def mentions_with_self(sentence: str, registry: Registry, main: Entry | None) -> list[Mention]:
    """Registry mentions of `sentence`, plus the page's own organisation wherever the sentence
    says "we" or names it by its bare kind ("die Stiftung", 中心)."""
    found = list(registry.mentions(sentence))
    if main is not None:
        taken = [(start, end) for start, end, _entry in found]
        for pattern in (SELF, BARE_REFERENCE):
            for match in pattern.finditer(sentence):
                if not any(s <= match.start() < e for s, e in taken):
                    found.append((match.start(), match.end(), main))
    return sorted(found, key=lambda item: item[0])


def _nearest_year(sentence: str, position: int) -> int | None:
    dated = [(abs(start - position), int(value[:4])) for start, value in find_dates(sentence)]
    years = [(abs(m.start() - position), int(m.group(1))) for m in YEAR_TOKEN.finditer(sentence)]
    candidates = dated or years
    return min(candidates)[1] if candidates else None


def _ends(
    cue: Cue, match: re.Match[str], mentions: list[Mention], main: Entry | None, sentence: str
) -> tuple[Entry, Entry] | None:
    before = [entry for start, _end, entry in mentions if start < match.start()]
    after = [entry for start, _end, entry in mentions if start >= match.end()]
    if cue.roles == "visit":
        delegation = DELEGATION.search(sentence)
        visitor: Entry | None = None
        if delegation is not None:
            following = [e for s, _e, e in mentions if s >= delegation.end()]
            visitor = following[0] if following else (before[-1] if before else None)
        elif before:
            visitor = before[-1]
        if visitor is None:
            return None
        hosts = [e for e in after if e is not visitor]
        # "a visité Montpellier": the page's own organisation hosted, when a place follows.
        place_follows = re.match(r"\s*\S{2,}", sentence[match.end() :]) is not None
        host = hosts[0] if hosts else None
        if host is None and place_follows and main is not None and main is not visitor:
            host = main
        return (visitor, host) if host is not None else None
    if cue.roles == "hosted":
        host = before[-1] if before else main
        guests = [e for e in after if e is not host]
        return (guests[0], host) if guests and host is not None else None
    if cue.roles == "before":
        named: list[Entry] = []
        for entry in before:
            if all(entry is not other for other in named):
                named.append(entry)
        return (named[-2], named[-1]) if len(named) >= 2 else None
    first = before[-1] if before else None
    others = [e for e in after if e is not first]
    if first is not None and others:
        return first, others[0]
    if first is None and others:
        if len(others) >= 2 and re.search(
            r"\b(?:zwischen|entre|tra|fra|tussen|between)\b|与", sentence[match.end() :]
        ):
            return others[0], others[1]
        return (main, others[0]) if main is not None and main is not others[0] else None
    distinct: list[Entry] = []
    for entry in before:
        if all(entry is not other for other in distinct):
            distinct.append(entry)
    if len(distinct) >= 2:
        return distinct[-2], distinct[-1]
    return None


def relations_from_cues(
    sentence: str,
    registry: Registry,
    main: Entry | None,
    language: str | None,
    source: str | None,
) -> list[Partnership]:
    """Relations stated in one sentence by the cues of its language."""
    found: list[Partnership] = []
    mentions = mentions_with_self(sentence, registry, main)
    present = {id(entry) for _s, _e, entry in mentions} | ({id(main)} if main else set())
    if len(present) < 2:
        return found
    # A cue word inside a name ("Comité de Jumelage") states nothing.
    taken: list[tuple[int, int]] = [(s, e) for s, e, _entry in registry.mentions(sentence)]
    for cue in cues_for(language):
        if cue.kind == "founded":
            continue
        for match in cue.compiled.finditer(sentence):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            ends = _ends(cue, match, mentions, main, sentence)
            if ends is None or ends[0] is ends[1]:
                continue
            taken.append((match.start(), match.end()))
            found.append(
                Partnership(
                    ends[0].organisation.name,
                    ends[1].organisation.name,
                    cue.kind,
                    [],
                    _nearest_year(sentence, match.start()),
                    sentence,
                    source,
                )
            )
            break
    return found


CITY_WORD = re.compile(
    r"\b(?:ciudad|ville|città|Stadt|stad|city|town|comune|gemeente|municipio)\b", re.IGNORECASE
)
PLACE_RUN = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)?")


def partner_cities(
    sentence: str,
    registry: Registry,
    main: Entry | None,
    language: str | None,
    source: str | None,
) -> list[Partnership]:
    """City partnerships: "Logroño mantiene un hermanamiento con la ciudad francesa de Dax y
    con Zibo" pairs the page's municipality with each city named after a twinning cue (and
    after a partner cue when a city word introduces it); the cities become organisations."""
    from twinning.extract.gazetteer import resolve_place

    found: list[Partnership] = []
    inside = [(s, e) for s, e, _entry in registry.mentions(sentence)]
    for cue in cues_for(language):
        if cue.kind not in ("twinning", "partner"):
            continue
        match = cue.compiled.search(sentence)
        if match is None or any(s <= match.start() < e for s, e in inside):
            continue
        mentions = mentions_with_self(sentence, registry, main)
        before = [entry for start, _end, entry in mentions if start < match.start()]
        first = before[-1] if before else main
        if first is None:
            continue
        for run in PLACE_RUN.finditer(sentence, match.end()):
            if any(s <= run.start() < e for s, e in inside):
                continue
            place = resolve_place(run.group(0))
            if place is None or place.city is None:
                continue
            if name_key(place.city) in name_key(first.organisation.name).split():
                continue
            if cue.kind == "partner" and not CITY_WORD.search(sentence[match.end() : run.start()]):
                continue
            city = registry.add(
                run.group(0), evidence=sentence, country=place.country, city=place.city,
                type="municipality",
            )  # fmt: skip
            found.append(
                Partnership(
                    first.organisation.name, city.organisation.name, cue.kind, [],
                    _nearest_year(sentence, run.start()), sentence, source,
                )
            )  # fmt: skip
        if found:
            break
    return found


def states_relation(sentence: str, language: str | None) -> bool:
    return any(
        cue.kind != "founded" and cue.compiled.search(sentence) for cue in cues_for(language)
    )
