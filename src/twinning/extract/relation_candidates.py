"""Candidate organisation pairs for the learned relation component, with their features.

A candidate is two organisation mentions in one sentence (or list item or table row), in two
adjacent sentences, or the page's own organisation against an organisation mentioned where the
page's organisation is not (an "our partners" list). Its context is the text with the two ends
replaced by `[A]` and `[B]` (other organisations by `[X]`), so an embedding of it says how the
two relate, not who they are; `structural` holds small language-independent features.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from twinning.extract.cues import CUES
from twinning.extract.text import clean_text, has_cjk, name_key, split_blocks

KINDS = ("twinning", "partner", "membership", "visit")
# Classes of the classifier: no relation, the two symmetric kinds, and the directed ones
# (`_ab`: the first end is the member / the visitor).
CLASSES = (
    "none",
    "twinning",
    "partner",
    "membership_ab",
    "membership_ba",
    "visit_ab",
    "visit_ba",
)
SCOPES = ("sentence", "adjacent", "subject")
STRUCTURAL = (
    *(f"scope_{scope}" for scope in SCOPES),
    "bullet",
    "heading",
    "table_row",
    "organisations",
    "distance",
    "a_is_subject",
    "b_is_subject",
    "year",
    *(f"cue_{kind}" for kind in KINDS),
    *(f"cue_between_{kind}" for kind in KINDS),
)
MAX_CONTEXT = 400
# Sentences after a sentence that may hold the other end of a pair.
WINDOW = 2
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclass(frozen=True)
class Candidate:
    """Ends `a` and `b` (organisation names as the result gives them, `a` the first named or
    the page's own), the context with placeholders, and the structural feature row."""

    a: str
    b: str
    context: str
    structural: tuple[float, ...]
    evidence: str


def _cue_patterns() -> dict[str, re.Pattern[str]]:
    """One pattern per relation kind: every language's cue words for it, joined."""
    return {
        kind: re.compile(
            "|".join(f"(?:{cue.pattern})" for cue in CUES if cue.kind == kind), re.IGNORECASE
        )
        for kind in KINDS
    }


_CUES = _cue_patterns()


class MentionFinder:
    """Finds the mentions of known organisations (name or acronym) in a piece of text."""

    def __init__(self, organisations: Sequence[tuple[str, str | None]]) -> None:
        self.names: list[str] = []
        forms: dict[str, int] = {}
        for name, acronym in organisations:
            if not name.strip() or name_key(name) in {name_key(n) for n in self.names}:
                continue
            index = len(self.names)
            self.names.append(name)
            for form in (name, acronym):
                if form and len(form.strip()) >= 2 and form not in forms:
                    forms[form.strip()] = index
        self._forms = forms
        ordered = sorted(forms, key=len, reverse=True)
        self._pattern = (
            re.compile("|".join(_form_pattern(form) for form in ordered)) if ordered else None
        )

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, organisation index) of each mention, left to right, longest first."""
        if self._pattern is None:
            return []
        return [
            (match.start(), match.end(), self._forms[match.group(0)])
            for match in self._pattern.finditer(text)
            if match.group(0) in self._forms
        ]


def _form_pattern(form: str) -> str:
    escaped = re.escape(form)
    if has_cjk(form):
        return escaped
    return rf"(?<!\w){escaped}(?!\w)"


def _placeholders(text: str, mentions: list[tuple[int, int, int]], a: int, b: int) -> str:
    pieces, last = [], 0
    for start, end, index in mentions:
        pieces.append(text[last:start])
        pieces.append("[A]" if index == a else "[B]" if index == b else "[X]")
        last = end
    pieces.append(text[last:])
    return "".join(pieces)[:MAX_CONTEXT]


@dataclass
class _Unit:
    text: str
    block: int
    bullet: bool
    heading: bool
    row: bool
    intro: str
    mentions: list[tuple[int, int, int]]


def _units(text: str, finder: MentionFinder) -> list[_Unit]:
    units: list[_Unit] = []
    intro = ""
    for block in split_blocks(clean_text(text)):
        row = block.text.count("|") >= 1 and not block.sentences[0].endswith(".")
        for sentence in block.sentences:
            units.append(
                _Unit(
                    sentence,
                    block.index,
                    block.is_bullet,
                    block.is_heading,
                    row,
                    intro,
                    finder.find(sentence),
                )
            )
        if block.is_heading or block.text.rstrip().endswith((":", "：")):
            intro = block.text[-120:]
        elif not block.is_bullet and not row:
            intro = ""
    return units


def _row(
    unit: _Unit,
    scope: str,
    context: str,
    a_subject: bool,
    b_subject: bool,
    distance: int,
    between: str,
    count: int,
) -> tuple[float, ...]:
    return (
        *(1.0 if scope == name else 0.0 for name in SCOPES),
        float(unit.bullet),
        float(unit.heading),
        float(unit.row),
        min(count, 6) / 6,
        math.log1p(max(distance, 0)) / 6,
        float(a_subject),
        float(b_subject),
        1.0 if YEAR.search(context) else 0.0,
        *(1.0 if _CUES[kind].search(context) else 0.0 for kind in KINDS),
        *(1.0 if between and _CUES[kind].search(between) else 0.0 for kind in KINDS),
    )


def candidates(
    text: str, organisations: Sequence[tuple[str, str | None]], subject: str | None
) -> list[Candidate]:
    """Every candidate pair of `text` among `organisations` ((name, acronym) pairs); `subject`
    is the page's own organisation (or None)."""
    finder = MentionFinder(organisations)
    names = finder.names
    subject_index = next(
        (i for i, name in enumerate(names) if subject and name_key(name) == name_key(subject)),
        None,
    )
    units = _units(text, finder)
    found: list[Candidate] = []
    seen: set[tuple[int, int, str]] = set()

    def add(
        unit: _Unit,
        scope: str,
        body: str,
        mentions: list[tuple[int, int, int]],
        a: int,
        b: int,
        intro: str = "",
    ) -> None:
        key = (min(a, b), max(a, b), body)
        if a == b or key in seen:
            return
        seen.add(key)
        context = _placeholders(body, mentions, a, b)
        if intro:
            context = f"{intro} … {context}"[:MAX_CONTEXT]
        spans_a = [m for m in mentions if m[2] == a]
        spans_b = [m for m in mentions if m[2] == b]
        distance, between = 0, ""
        if spans_a and spans_b:
            first, second = sorted((spans_a[0], spans_b[0]))
            distance = max(0, second[0] - first[1])
            between = body[first[1] : second[0]]
        count = len({m[2] for m in mentions} | ({a} if intro else set()))
        found.append(
            Candidate(
                names[a],
                names[b],
                context,
                _row(
                    unit,
                    scope,
                    context,
                    a == subject_index,
                    b == subject_index,
                    distance,
                    between,
                    count,
                ),
                body,
            )
        )

    for position, unit in enumerate(units):
        order = list(dict.fromkeys(m[2] for m in unit.mentions))
        for i, a in enumerate(order):
            for b in order[i + 1 :]:
                add(unit, "sentence", unit.text, unit.mentions, a, b)
        for following in units[position + 1 : position + 1 + WINDOW]:
            if following.block - unit.block > 1:
                break
            joined = f"{unit.text} {following.text}"
            shift = len(unit.text) + 1
            mentions = unit.mentions + [(s + shift, e + shift, i) for s, e, i in following.mentions]
            later = list(dict.fromkeys(m[2] for m in following.mentions))
            for a in order:
                for b in later:
                    if b not in order and a not in later:
                        add(unit, "adjacent", joined, mentions, a, b)
        if subject_index is not None and subject_index not in order:
            for b in order:
                add(unit, "subject", unit.text, unit.mentions, subject_index, b, unit.intro)
    return found


def structural_matrix(found: Sequence[Candidate]) -> np.ndarray:
    """The structural rows of `found` as a float32 matrix (one column per `STRUCTURAL`)."""
    if not found:
        return np.zeros((0, len(STRUCTURAL)), dtype=np.float32)
    return np.asarray([c.structural for c in found], dtype=np.float32)
