"""Relation frames: a declarative table of "X works with A, B and C" constructions, seven languages.

Each `Frame` row is a language, a relation kind, the words that open the frame (ending where the
other ends begin, e.g. "collaboriamo con"), how the ends are read (`roles`) and an example
sentence with the pairs it must give (`tests/extract/test_relation_frames.py` runs every
example through the whole extractor). One reader (`frame_relations`) applies every row:

- `with`: the first end is the organisation named just before the frame in the same clause,
  else the page's own organisation (the "we"/"collaboriamo"/"本会" of an about-us page); the
  other ends are every organisation named after it and coordinated with the first ("con A, con
  B e con C", "A (Vicenza), B and C"), up to the end of the clause.
- `members`: as `with`, but the organisations listed are members of the first end ("our
  members include A, B and C", "parmi lesquels A, B et C").
- `visitors`: as `members`, the organisations listed visited the first end ("we welcomed a
  delegation from A", "recibimos la visita de una delegación de A").
- `delegation`: "the delegation also visited A and B", 代表团还参观了A和B: the visitor is the
  one of the last visit read before (`visitor`), the other ends coordinated after the frame.
- `to-us`: "A nous a rejoints", "A代表团来访我会": the organisation named last before the frame
  in its clause is the first end, the page's own organisation the other (none when the page's
  organisation is unknown or is that organisation).
- `both`: "our association and A were twinned", "A y B se hermanaron": the two ends are the
  two organisations named just before the frame, joined by "and".
- `zh-with`: Chinese "与A、B合作": the ends are between the nearest 与/和/同/跟 and the frame.
- `zh-of`: Chinese "为A之会员", "是A的成员单位": the ends are between 为/是/加入 and the frame.
"""

from __future__ import annotations

import re

from twinning.extract.cues import BARE_REFERENCE, SELF
from twinning.extract.records import Partnership
from twinning.extract.registry import Entry, Registry
from twinning.extract.relation_frame_table import FRAMES, KIND_ORDER, Frame, frames_for
from twinning.extract.relation_pairs import (
    PAIRED,
    both_ends,
    coordinated_pairs,
    to_us,
    zh_pairs_of_pairs,
)
from twinning.extract.relations import TWINNING_WORDS
from twinning.extract.text import find_dates

__all__ = ["FRAMES", "KIND_ORDER", "Frame", "drop_coordinated", "frame_relations", "frames_for"]


# What may stand between two coordinated ends: separators, "and", prepositions, articles, a
# bracketed place or year, a short place phrase ("in Indonesia", "en Chine").
COORDINATOR = re.compile(
    r"[,、，/]|\b(?:and|as well as|along with|et|ainsi qu(?:e|')|und|sowie|e|ed|y|en|o|or|oder|ou)\b"
    r"|[和及与]|以及",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(
    r"[;:.!?。；：]|\b(?:which|who|whom|whose|where|while|but|because|was|were|qui|dont|où|mais|welche\w*|"
    r"wo|aber|weil|während|cui|dove|ma|perché|donde|cual|pero|porque|waar|maar|omdat|that|with whom|"
    r"avec lequel|avec laquelle|con (?:la )?cual|con cui|mit dem wir|met wie)\b|但|并|並|其中",
    re.IGNORECASE,
)
BRACKETS = re.compile(r"\([^()]{0,60}\)|（[^（）]{0,30}）")
FIRST_GAP_LIMIT = 60
NEXT_GAP_LIMIT = 70
ZH_WITH = re.compile(r"[与和同跟與]")
ZH_OF = re.compile(r"(?:为|為|是|加入了?|成为|成為)")


# Words a coordinated list may carry between two ends besides names: articles, prepositions,
# place words; more than two other lower-case words mean the clause has moved on.
FUNCTION_WORDS = frozenset(
    ("with", "also", "from", "well", "along", "avec", "ainsi", "dans", "aussi", "sowie", "auch",
     "della", "dello", "delle", "degli", "anche", "desde", "también", "city", "town", "ville",
     "stadt", "città", "ciudad", "province", "provincia", "provinz", "provincie")
)  # fmt: skip
# ", and with the", "et avec l'", "und mit der": the list goes on, however long the first item.
REPEATED = re.compile(
    r"(?:,|\b(?:and|et|und|e|ed|y|en|sowie|as well as|ainsi_qu'?))\s*"
    r"(?:(?:also|aussi|auch|anche|también|ook)\s+)?(?:with|avec|mit|con|met)\s+(?:[\w'’]+\s*)?$",
    re.IGNORECASE,
)
PREPOSITION = re.compile(
    r"\s*(?:(?:will|shall|is to|wird|va|zal|sarà|va a)\s+)?(?:(?:work|arbeiten|travailler|werken|lavorare|trabajar)\s+)?"
    r"(?:with|avec|mit|met|con)\b",
    re.IGNORECASE,
)


def _coordinated(gap: str, first: bool, frames: tuple[Frame, ...]) -> bool:
    """Whether `gap` (the text between two ends, or between the frame and its first end) keeps
    them in one list."""
    gap = _gap_text(gap)
    if CLAUSE_BREAK.search(gap.replace("ainsi_qu", "")):
        return False
    if not first and len(gap) <= 2 * NEXT_GAP_LIMIT and REPEATED.search(gap):
        return True  # "with A on litter bins and signage, and with B"
    if len(gap) > (FIRST_GAP_LIMIT if first else NEXT_GAP_LIMIT):
        return False
    if not first and not COORDINATOR.search(re.sub(r"ainsi_qu(?:e|'|’)?", " and ", gap)):
        return False
    if any(frame.compiled.search(gap) for frame in frames):
        return False
    words = re.findall(r"[a-zà-ÿß]{4,}", gap.replace("ainsi_qu", ""))
    return sum(1 for word in words if word not in FUNCTION_WORDS) <= 2


def _gap_text(gap: str) -> str:
    return BRACKETS.sub(" ", gap.replace("ainsi qu", "ainsi_qu"))


def _chain(
    sentence: str,
    position: int,
    mentions: list[tuple[int, int, Entry]],
    frames: tuple[Frame, ...],
) -> tuple[list[tuple[Entry, int]], int]:
    """The organisations named after `position` and coordinated with the first of them, with
    their positions; and where the list stops (an end followed by "with" starts a new pair)."""
    chained: list[tuple[Entry, int]] = []
    last = position
    for start, end, entry in mentions:
        if start < position:
            continue
        if chained and entry is chained[-1][0]:
            last = end  # "the German Society (DDG) and …": the acronym of the end just read
            continue
        if not _coordinated(sentence[last:start], not chained, frames):
            break
        if chained and PREPOSITION.match(sentence, end):
            # "A with B, C with D": C opens the next pair.
            return chained, start
        if all(entry is not other for other, _at in chained):
            chained.append((entry, start))
        last = end
    return chained, -1


def _nearest_year(sentence: str, position: int) -> int | None:
    dated = [(abs(start - position), int(value[:4])) for start, value in find_dates(sentence)]
    years = [
        (abs(m.start() - position), int(m.group(1)))
        for m in re.finditer(r"(?<![\d-])((?:19|20)\d{2})(?![\d-])", sentence)
    ]
    candidates = dated or years
    return min(candidates)[1] if candidates else None


def _mentions(
    sentence: str, registry: Registry, main: Entry | None
) -> list[tuple[int, int, Entry]]:
    """Registry mentions, plus the page's own organisation where the sentence says "we" or
    names it by its bare kind, unless that kind only describes the name after it
    ("l'association belge Maisons unies")."""
    found = list(registry.mentions(sentence))
    if main is not None:
        taken = [(start, end) for start, end, _entry in found]
        for pattern in (SELF, BARE_REFERENCE):
            for match in pattern.finditer(sentence):
                if any(s <= match.start() < e for s, e in taken):
                    continue
                if pattern is BARE_REFERENCE and any(
                    0 <= s - match.end() <= 25
                    and not re.search(r"[,;:，、]", sentence[match.end() : s])
                    for s, _e in taken
                ):
                    continue
                found.append((match.start(), match.end(), main))
    return sorted(found, key=lambda item: item[0])


def _subject(
    sentence: str, before: list[tuple[int, int, Entry]], main: Entry | None, cue_start: int
) -> Entry | None:
    """The organisation named last before the frame in its clause, else the page's own."""
    clause_start = max((m.end() for m in re.finditer(r"[;；]", sentence[:cue_start])), default=0)
    named = [entry for start, _end, entry in before if start >= clause_start]
    return named[-1] if named else main


def _zh_subject(
    sentence: str, mentions: list[tuple[int, int, Entry]], main: Entry | None, at: int
) -> Entry | None:
    """Chinese: the organisation named before `at` in its comma clause, else the sentence's
    topic (its first organisation), else the page's own."""
    clause_start = max((m.end() for m in re.finditer(r"[，,；;]", sentence[:at])), default=0)
    named = [entry for start, end, entry in mentions if clause_start <= start and end <= at]
    if named:
        return named[-1]
    # The topic: the first organisation of the sentence, unless a verb or 与 already governs it.
    for start, _end, entry in mentions:
        if start >= at:
            break
        lead = sentence[
            max((m.end() for m in re.finditer(r"[，,；;]", sentence[:start])), default=0) : start
        ]
        return main if re.search(r"[为是与和同跟入]", lead) else entry
    return main


# A delegation visits organisations, not the projects it is shown (社区堆肥项目).
PROJECT = re.compile(
    r"(?:项目|计划|\b(?:project|programme|program|projekt|projet|progetto|proyecto))$",
    re.IGNORECASE,
)


def _ends(
    frame: Frame,
    match: re.Match[str],
    sentence: str,
    mentions: list[tuple[int, int, Entry]],
    main: Entry | None,
    objects_so_far: dict[int, Entry],
    visitor: Entry | None = None,
) -> list[tuple[Entry, Entry, int]]:
    """(first end, other end, position of the other) of every pair the frame states.
    `objects_so_far` maps an end already read as another end's partner to that first end;
    `visitor` is the visitor of the last visit read before the sentence."""
    frames = frames_for(frame.language)
    if frame.roles == "delegation":
        if visitor is None:
            return []
        chained, _stop = _chain(sentence, match.end(), mentions, frames)
        return [
            (visitor, other, at)
            for other, at in chained
            if other is not visitor and not PROJECT.search(other.organisation.name)
        ]
    if frame.roles == "to-us":
        return to_us(sentence, match, mentions, main)
    if frame.roles == "both":
        return both_ends(sentence, match, mentions)
    if frame.roles in ("with", "members", "visitors"):
        inner = [m for m in mentions if m[0] > match.start() and m[1] <= match.end()]
        before = [m for m in mentions if m[1] <= match.start()] + inner
        subject = _subject(sentence, before, main, match.end() if inner else match.start())
        if subject is not None and id(subject) in objects_so_far:
            # "collabora con A ed è socia di B": the sentence's subject, not A.
            subject = objects_so_far[id(subject)]
        if subject is None:
            return []
        pairs: list[tuple[Entry, Entry, int]] = []
        position = match.end()
        while True:
            chained, stop = _chain(sentence, position, mentions, frames)
            if chained and chained[0][0] is subject:
                break  # "member of our family": the page speaking of itself, not of a list.
            pairs.extend((subject, other, at) for other, at in chained if other is not subject)
            if stop < 0:
                break
            following = [m for m in mentions if m[0] == stop]
            subject = following[0][2]
            hit = PREPOSITION.match(sentence, following[0][1])
            position = hit.end() if hit else following[0][1]
        if frame.roles in ("members", "visitors"):
            pairs = [(other, first, at) for first, other, at in pairs]
        return pairs
    # Chinese: the ends sit between the opening word (与, 为) and the frame.
    opener = ZH_WITH if frame.roles == "zh-with" else ZH_OF
    window_start = max(0, match.start() - 60)
    inside = [(s, e) for s, e, _entry in mentions]
    openers = [
        m
        for m in opener.finditer(sentence, window_start, match.start())
        if not any(s <= m.start() < e for s, e in inside)
    ]
    if not openers:
        return []
    pairs = zh_pairs_of_pairs(sentence, mentions, match.start())
    if pairs:
        return pairs
    open_at = openers[-1]
    if re.search(r"分别\s*$", sentence[: open_at.start()]):
        return []  # "A、B分别与C、D结对": the respectively pass pairs them.
    objects = [m for m in mentions if m[0] >= open_at.end() and m[1] <= match.start()]
    if not objects:
        return []
    subject = _zh_subject(sentence, mentions, main, open_at.start())
    if subject is None:
        return []
    return [(subject, entry, start) for start, _end, entry in objects if entry is not subject]


# Twinning said in the other six languages ("Städtepartnerschaft", "jumelage", "hermanamiento").
TWINNING_NOUNS = re.compile(
    r"St[äa]dtepartnerschaft|verschwistert|\bjumel(?:age|ée?s?)\b|\bgemellaggi?o?\b|"
    r"\bgemellat[aoie]\b|\bhermanamientos?\b|\bhermanad[ao]s?\b|\bstedenband\w*|姊妹|結對",
    re.IGNORECASE,
)


def _kind(
    frame: Frame,
    first: Entry,
    other: Entry,
    sentence: str,
    named: list[tuple[int, int]],
    document_kind: str,
) -> str:
    """A partner frame states a twinning when the sentence says twinning outside the names, or
    when a twinning page pairs a Chinese organisation with a foreign one (`relations._pair_kind`)."""
    if frame.kind != "partner":
        return frame.kind
    masked = "".join(
        " " if any(s <= i < e for s, e in named) else c for i, c in enumerate(sentence)
    )
    countries = {first.organisation.country, other.organisation.country}
    if (
        TWINNING_WORDS.search(masked)
        or TWINNING_NOUNS.search(masked)
        or (document_kind == "twinning" and "CN" in countries and len(countries - {None}) == 2)
    ):
        return "twinning"
    return "partner"


def _frame_word(text: str, match: re.Match[str]) -> bool:
    """A single word of the frame itself taken for a name ("Partners", a section heading)."""
    return " " not in text.strip() and text.lower() in match.group(0).lower().split()


PLACE_RUN = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)?")
# "Cork en Irlande", "Teramo in den Abruzzen": a place after these is where the city lies.
LOCATIVE = re.compile(
    r"\b(?:en|au|aux|dans|in|im|nel|nella|nei|a|bei|near|près de|della provincia|province)\s*$",
    re.IGNORECASE,
)


def _register_cities(sentence: str, start: int, registry: Registry) -> None:
    """Cities named after a twinning frame ("jumelée avec Cork …, avec Suzhou") become
    municipalities of the registry, as `matcher.partner_cities` does."""
    from twinning.extract.gazetteer import resolve_place

    end = CLAUSE_BREAK.search(sentence, start)
    stop = end.start() if end else len(sentence)
    known = [(s, e) for s, e, _entry in registry.mentions(sentence)]
    for run in PLACE_RUN.finditer(sentence, start, stop):
        if any(s <= run.start() < e for s, e in known) or LOCATIVE.search(sentence[: run.start()]):
            continue
        place = resolve_place(run.group(0))
        if place is None or place.city is None:
            continue
        registry.add(
            run.group(0), evidence=sentence, country=place.country, city=place.city,
            type="municipality",
        )  # fmt: skip


def frame_relations(
    sentence: str,
    registry: Registry,
    main: Entry | None,
    language: str | None,
    source: str | None,
    document_kind: str = "partner",
    visitor: Entry | None = None,
) -> list[Partnership]:
    """Every pair the frames of the sentence's language state, with the year nearest each end;
    `document_kind` is `relations.document_kind` of the page, `visitor` the visitor of the last
    visit read before this sentence."""
    found: list[Partnership] = []
    for frame in frames_for(language):
        if frame.kind == "twinning" and frame.roles == "with":
            for match in frame.compiled.finditer(sentence):
                _register_cities(sentence, match.end(), registry)
    mentions = _mentions(sentence, registry, main)
    if len({id(entry) for _s, _e, entry in mentions} | ({id(main)} if main else set())) < 2:
        return found
    named = [(s, e) for s, e, _entry in registry.mentions(sentence)]
    objects_so_far: dict[int, Entry] = {}
    if re.search(r"\brespectively\b|\brispettivamente\b|\brespectivamente\b|\bjeweils\b", sentence):
        return found
    # Frames in the order the sentence states them; at one place the most specific kind first.
    matches = sorted(
        (
            (match, frame)
            for frame in frames_for(language)
            for match in frame.compiled.finditer(sentence)
        ),
        key=lambda item: (item[0].start(), KIND_ORDER.index(item[1].kind)),
    )
    by_pair: dict[frozenset[int], int] = {}
    for first, other, at in coordinated_pairs(sentence, list(registry.mentions(sentence))):
        by_pair[frozenset((id(first), id(other)))] = len(found)
        found.append(
            Partnership(
                first.organisation.name,
                other.organisation.name,
                _kind(PAIRED, first, other, sentence, named, document_kind),
                [],
                _nearest_year(sentence, at),
                sentence,
                source,
            )
        )
    for match, frame in matches:
        # A frame word inside a name ("Comité de Jumelage", "Partnerschaftsverein") states nothing.
        # A name inside the frame's gap ("les jumelages de la Ville de Cholet avec …") is its
        # first end; a name over the frame's first word or its last states nothing.
        last_word = (
            match.end() - len(match.group(0).split()[-1]) if match.group(0).split() else match.end()
        )
        if any(
            s < match.end()
            and match.start() < e
            and not _frame_word(sentence[s:e], match)
            and (s <= match.start() + 2 or e > last_word or frame.roles != "with")
            for s, e in named
        ):
            continue
        usable = [m for m in mentions if not _frame_word(sentence[m[0] : m[1]], match)]
        for first, other, at in _ends(
            frame, match, sentence, usable, main, objects_so_far, visitor
        ):
            objects_so_far.setdefault(id(other), first)
            kind = _kind(frame, first, other, sentence, named, document_kind)
            key = frozenset((id(first), id(other)))
            if key in by_pair:
                known = found[by_pair[key]]
                if KIND_ORDER.index(kind) < KIND_ORDER.index(known.kind):
                    known.kind = kind  # "Partnerschaft … Städtepartnerschaft mit": a twinning
                continue
            by_pair[key] = len(found)
            found.append(
                Partnership(
                    first.organisation.name,
                    other.organisation.name,
                    kind,
                    [],
                    _nearest_year(sentence, at),
                    sentence,
                    source,
                )
            )
    return found


def drop_coordinated(
    partnerships: list[Partnership], framed: list[Partnership]
) -> list[Partnership]:
    """Without the pairs another pass read, in a sentence the frames read, between two ends the
    frames pair otherwise ("与A、B结对" pairs the subject with A and with B, not A with B; "A与B、
    C与D结成对子" pairs A with B and C with D, not A with D)."""
    ends = {name for pair in framed for name in (pair.a, pair.b)}
    framed_pairs = {frozenset((pair.a, pair.b)) for pair in framed}
    evidence = {pair.evidence for pair in framed}
    return [
        pair
        for pair in partnerships
        if pair.evidence not in evidence
        or frozenset((pair.a, pair.b)) in framed_pairs
        or not (pair.a in ends and pair.b in ends)
    ]
