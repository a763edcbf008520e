"""Tokens and features of the organisation-mention tagger (ADR 0029): language-independent
shapes, the extractor's own organisation words, the line's structure and the page's title.

One sequence is one line of the cleaned text. Latin-script words are tokens, Han characters
are one token each (names cross jieba's word boundaries too often to tag its words), read in
their simplified form (features version 2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from twinning.extract.chinese import BOUNDARY, SUFFIXES, simplified
from twinning.extract.european import COMPOUND_ENDINGS, CONNECTOR_WORDS, HEAD_WORDS
from twinning.extract.gatherings import EVENT_WORDS
from twinning.extract.names import EVENT_HEADS, ORGANISATION_HEADS, ROLE_WORDS
from twinning.extract.text import BULLET_RE

HAN = "\u3400-\u9fff\uf900-\ufaff"
# A word with inner dots or apostrophes ("e.V.", "a.s.b.l.", "l'Associazione"), a number, one
# Han character, or one other sign. A final dot stays on dotted abbreviations only.
TOKEN = re.compile(
    r"(?:[lLdDnNsScCjJmMtT]|[dD]ell|[aA]ll|[nN]ell|[sS]ull|[dD]all|[qQ]u|[uU]n)['’](?=\w)|"
    rf"[^\W\d_{HAN}](?:\.(?=[^\W\d_{HAN}]))?(?:[^\W_{HAN}]|[.'’\-&](?=[^\W_{HAN}]))*"
    rf"(?:(?<=\.[^\W\d_{HAN}])\.)?|\d+(?:[.,]\d+)*|[{HAN}]|\S"
)
LEGAL_FORMS = {
    "e.v.", "ggmbh", "gmbh", "gug", "e.g.", "asbl", "a.s.b.l.", "vzw", "v.z.w.", "aps", "onlus",
    "odv", "ets", "a.c.", "s.l.", "s.a.", "srl", "b.v.", "n.v.", "ltd", "inc", "plc", "ev",
    "cic", "ug", "scrl", "ong", "ngo", "ev.", "e.v", "sarl", "coop",
}  # fmt: skip
ORGANISATION_WORDS = {w.lower() for w in ORGANISATION_HEADS | HEAD_WORDS} | {
    "stichting", "vereniging", "verein", "förderverein", "freundeskreis", "arbeitskreis",
    "arbeitsgemeinschaft", "amt", "stadtverwaltung", "ayuntamiento", "gemeente", "comune",
    "municipio", "municipalité", "ville", "città", "stad", "city", "county", "district",
    "universiteit", "hogeschool", "museum", "museo", "musée", "library", "bibliothek",
    "charity", "ngo", "forum", "chamber", "kammer", "camera", "chambre", "cámara",
}  # fmt: skip
ENDINGS = tuple(sorted({e for endings in COMPOUND_ENDINGS.values() for e in endings}))
EVENT_LOWER = {w.lower() for w in EVENT_HEADS} | {
    w.lower() for words in EVENT_WORDS.values() for w in words
}
ROLE_LOWER = {w.lower() for w in ROLE_WORDS}
CONNECTORS = {w.lower() for w in CONNECTOR_WORDS}
SUFFIX_PATTERN = re.compile("|".join(re.escape(s) for s in sorted(SUFFIXES, key=len, reverse=True)))
SUFFIX_STARTS = {s[0] for s in SUFFIXES}
MAX_LINE_TOKENS = 400
# Titles before a person's name ("Herr Fang", "Dr Ren"): never the start of a name.
TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "herr", "frau", "m", "mme", "mlle", "sig", "sig.ra",
    "dott", "dott.ssa", "sr", "sra", "dhr", "mevr", "mevrouw", "meneer", "monsieur", "madame",
    "signor", "signora", "señor", "señora", "namens", "eine", "ein", "die", "der", "das", "le",
    "la", "les", "il", "el", "los", "las", "de", "het", "een", "the", "a", "an", "our", "unser",
    "unsere", "notre", "nostra", "nuestra", "onze",
}  # fmt: skip


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offsets in the whole text
    end: int


def tokenise(text: str) -> list[list[Token]]:
    """The text's lines as token sequences (empty lines dropped; a very long line is cut into
    sequences of `MAX_LINE_TOKENS`)."""
    sequences: list[list[Token]] = []
    offset = 0
    for line in text.split("\n"):
        tokens = [
            Token(match.group(0), offset + match.start(), offset + match.end())
            for match in TOKEN.finditer(line)
        ]
        for start in range(0, len(tokens), MAX_LINE_TOKENS):
            sequences.append(tokens[start : start + MAX_LINE_TOKENS])
        offset += len(line) + 1
    return [sequence for sequence in sequences if sequence]


@cache
def shape(word: str) -> str:
    """Word shape with runs collapsed: "Stichting" → "Xx", "e.V." → "x.X.", "2019" → "d",
    "协" → "H"."""
    classes: list[str] = []
    for char in word:
        if "\u3400" <= char <= "\u9fff":
            kind = "H"
        elif char.isdigit():
            kind = "d"
        elif char.isupper():
            kind = "X"
        elif char.isalpha():
            kind = "x"
        else:
            kind = char
        if not classes or classes[-1] != kind:
            classes.append(kind)
    return "".join(classes)


def is_han(word: str) -> bool:
    return len(word) == 1 and "\u3400" <= word <= "\u9fff"


@cache
def word_classes(word: str) -> tuple[str, ...]:
    """The tables' classes of one word: organisation word, legal form, compound ending, event,
    role or connector word."""
    lowered = word.lower()
    found: list[str] = []
    if lowered in ORGANISATION_WORDS or lowered.rstrip("s") in ORGANISATION_WORDS:
        found.append("org")
    if lowered in LEGAL_FORMS:
        found.append("legal")
    if len(lowered) > 6 and lowered.endswith(ENDINGS):
        found.append("compound")
    if lowered in EVENT_LOWER:
        found.append("event")
    if lowered in ROLE_LOWER:
        found.append("role")
    if lowered in CONNECTORS:
        found.append("conn")
    return tuple(found)


def _line_kind(text: str, tokens: list[Token]) -> str:
    line = text[tokens[0].start : tokens[-1].end]
    if " | " in line:
        return "row"
    if BULLET_RE.match(line):
        return "bullet"
    if len(tokens) <= 12 and not re.search(r"[.!?。！？]$", line):
        return "short"
    return "prose"


def _suffix_marks(text: str, tokens: list[Token]) -> dict[int, str]:
    """Token index → "zsufend" / "zsufin" for Han characters that end or sit in a name suffix."""
    marks: dict[int, str] = {}
    if not any(is_han(t.text) for t in tokens):
        return marks
    position = {t.start: i for i, t in enumerate(tokens)}
    line_start, line_end = tokens[0].start, tokens[-1].end
    for match in SUFFIX_PATTERN.finditer(simplified(text[line_start:line_end])):
        first = position.get(line_start + match.start())
        last = position.get(line_start + match.end() - 1)
        if first is None or last is None:
            continue
        for index in range(first, last):
            marks[index] = "zsufin"
        marks[last] = "zsufend"
    return marks


def _own(word: str, index: int, marks: dict[int, str], title_words: frozenset[str]) -> list[str]:
    lowered = word.lower()
    features = ["s=" + shape(word)]
    if is_han(word):
        features.append("c=" + word)
        if word in BOUNDARY:
            features.append("zbound")
        if index in marks:
            features.append(marks[index])
    else:
        features.append("w=" + lowered)
        if len(lowered) > 3:
            features += ["p3=" + lowered[:3], "s3=" + lowered[-3:]]
        if word[0].isupper():
            features.append("cap")
        features += ["k=" + kind for kind in word_classes(word)]
    if lowered in title_words:
        features.append("intitle")
    return features


def _context(word: str, index: int, marks: dict[int, str]) -> list[str]:
    """The few features a neighbour contributes."""
    features = ["s=" + shape(word)]
    if is_han(word):
        features.append("c=" + word)
        if index in marks:
            features.append(marks[index])
    else:
        features.append("w=" + word.lower())
        features += ["k=" + kind for kind in word_classes(word)]
    return features


def title_words(title: str) -> frozenset[str]:
    """The page title's words (lower case) and Han characters."""
    return frozenset(t.group(0).lower() for t in TOKEN.finditer(title) if t.group(0).isalnum())


def sequence_features(
    text: str, tokens: list[Token], in_title: frozenset[str] = frozenset()
) -> list[list[str]]:
    """One feature list per token of one line: its own word, two neighbours each side, where
    it sits in the line, the line's kind and whether the page title has the word."""
    kind = "line=" + _line_kind(text, tokens)
    marks = _suffix_marks(text, tokens)
    # Traditional characters read as their simplified form (協 as 协): one set of weights.
    words = [simplified(t.text) if is_han(t.text) else t.text for t in tokens]
    rows: list[list[str]] = []
    last = len(words) - 1
    for index, word in enumerate(words):
        features = ["bias", kind, *_own(word, index, marks, in_title)]
        if index == 0:
            features.append("first")
        if index == last:
            features.append("last")
        for step in (-2, -1, 1, 2):
            other = index + step
            if 0 <= other <= last:
                features += [f"{step}:{f}" for f in _context(words[other], other, marks)]
            elif step in (-1, 1):
                features.append(f"{step}:edge")
        if index and not is_han(word) and not is_han(words[index - 1]):
            features.append("pair=" + words[index - 1].lower() + "|" + word.lower())
        if is_han(word) and index and is_han(words[index - 1]):
            features.append("bi=" + words[index - 1] + word)
        rows.append(features)
    return rows
