"""The learned organisation-mention tagger: a linear-chain CRF (python-crfsuite) over the tokens
of each line, BIO labels for organisation mentions (ADR 0029).

The model ships as `data/organisations.npz` (the CRF model bytes and the marginal-probability
cut chosen by leave-one-set-out cross-validation), written by
`evaluation/train_organisations.py`. `TWINNING_ORG_TAGGER` chooses the mode: `correct` (the
default: where a tagged span overlaps a rule's name and the model scores it higher, it sets the
name's boundaries, ADR 0036; then as `add`), `add` (mentions the rules miss become
organisations) or `off` (rules only).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pycrfsuite

from twinning.extract.chinese import _without_foreign_country as without_foreign_country
from twinning.extract.chinese import simplified
from twinning.extract.names import STOP_ACRONYMS, is_address
from twinning.extract.org_features import (
    EVENT_LOWER,
    TITLES,
    Token,
    is_han,
    sequence_features,
    title_words,
    tokenise,
    word_classes,
)
from twinning.extract.registry import Registry
from twinning.extract.text import BULLET_RE, name_key

MODEL_PATH = Path(__file__).with_name("data") / "organisations.npz"
MODES = ("off", "add", "correct")
DEFAULT_MODE = "correct"
FEATURES_VERSION = 2  # raised whenever `org_features` changes what a token's features are
LABELS = ("O", "B-ORG", "I-ORG")
EDGE_JUNK = "•●▪◦·∙‣○■□*+-–—|,;:()[]{}\"'“”„«»‘’<>/\\"
DOTTED_END = re.compile(r"(?:\b\w\.\w\.|\b(?:Co|Ltd|Inc|Corp|Bros|St)\.)$")
ZH_EVENT_END = re.compile(
    r"(?:论坛|峰会|研讨会|博览会|大会|工作坊|交流会|对话会|年会|座谈会|培训班|训练营|夏令营|展览会|沙龙|节|周|大赛)$"
)
AFTER_LEGAL_FORM = re.compile(r"\b(e\.\s?V\.|gGmbH|GmbH|asbl|vzw|ONLUS|Onlus)\s+[–—-]\s+\S.*$")
JOINER = re.compile(r"\s+(?:and|und|et|e|y|en|&)\s+|\s*;\s*")


class OrganisationTaggerError(Exception):
    """The tagger's model cannot be used (missing or corrupt file, bad setting); one line."""


@dataclass(frozen=True)
class Mention:
    """A tagged organisation mention: its offsets in the text, its name and the lowest
    marginal probability of its tokens' labels."""

    start: int
    end: int
    name: str
    confidence: float


def bio_labels(text: str, tokens: list[Token], names: Iterable[str]) -> list[str]:
    """Distant supervision: B/I on every token inside an occurrence of one of `names` (longest
    first, never overlapping; whole words only, case-insensitive except for acronyms)."""
    labels = ["O"] * len(tokens)
    if not tokens:
        return labels
    line_start, line_end = tokens[0].start, tokens[-1].end
    line = text[line_start:line_end]
    taken: list[tuple[int, int]] = []
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        body = r"\s*".join(re.escape(part) for part in name.split())
        flags = 0 if name.isupper() else re.IGNORECASE
        edge = "" if is_han(name[0]) else r"(?<![\w])"
        tail = "" if is_han(name[-1]) else r"(?![\w])"
        for match in re.finditer(edge + body + tail, line, flags):
            start, end = line_start + match.start(), line_start + match.end()
            if any(start < e and s < end for s, e in taken):
                continue
            inside = [i for i, t in enumerate(tokens) if t.start >= start and t.end <= end]
            if not inside or tokens[inside[0]].start != start:
                continue
            taken.append((start, end))
            labels[inside[0]] = "B-ORG"
            for index in inside[1:]:
                labels[index] = "I-ORG"
    return labels


def clean_name(raw: str) -> str:
    """A mention's text without the bullets, brackets, quotes and sentence dot around it, a
    leading title or article, or a foreign country written before a Chinese name."""
    name = raw.strip().strip(EDGE_JUNK).strip()
    # "Freundeskreis X e.V. – Renate Obermaier": a legal form ends the name.
    name = AFTER_LEGAL_FORM.sub(r"\1", name)
    if name.endswith(".") and not DOTTED_END.search(name):
        name = name[:-1].rstrip()
    if name.count("(") != name.count(")"):
        name = name.split("(")[0].strip() if name.count("(") > name.count(")") else name
    words = name.split()
    while len(words) > 1 and (words[0].lower().rstrip(".") in TITLES or words[0][0].islower()):
        words = words[1:]
    name = " ".join(words)
    if name and is_han(name[0]):
        name = without_foreign_country(name)[0]
    return name.strip(EDGE_JUNK).strip()


def is_organisation_end(part: str) -> bool:
    """Whether a name ends in an organisation word, a legal form or a Chinese name suffix."""
    words = part.split()
    return (
        bool(words)
        and any(kind in ("org", "legal", "compound") for kind in word_classes(words[-1]))
        or bool(re.search(r"(?:[学协]会|中心|大学|学院|联盟|基金会|公司)$", part))
    )


def split_joined(name: str) -> list[str]:
    """`A and B` / `A; B` as two names when the first part ends with an organisation word and
    the second has one too; otherwise the name itself."""
    parts = JOINER.split(name, maxsplit=1)
    if len(parts) == 2 and ";" in name:
        return [p for part in parts for p in split_joined(part)]
    second_is_organisation = any(
        kind in ("org", "legal", "compound")
        for word in (parts[1].split() if len(parts) == 2 else [])
        for kind in word_classes(word)
    )
    if len(parts) == 2 and is_organisation_end(parts[0]) and second_is_organisation:
        return [p for part in parts for p in split_joined(part)]
    return [name]


def is_event_name(name: str) -> bool:
    """A name ending in an event word ("… Symposium", "…论坛") is an event, not an organisation."""
    words = name.split()
    if not words:
        return False
    if is_han(name[-1]):
        return bool(ZH_EVENT_END.search(simplified(name)))
    return words[-1].lower() in EVENT_LOWER or words[0].lower() in EVENT_LOWER


@dataclass(frozen=True)
class TaggedLine:
    """One line's tokens, their Viterbi labels and marginal probabilities (in `LABELS` order)."""

    tokens: list[Token]
    labels: list[str]
    marginals: list[tuple[float, ...]]

    def span_score(self, first: int, last: int) -> float:
        """How sure the model is that tokens `first`…`last` (inclusive) are one whole name: the
        lowest of P(B) at the first, P(I) inside, and P(not I) at the token after it."""
        marginals = self.marginals
        score = min([marginals[first][1], *(marginals[i][2] for i in range(first + 1, last + 1))])
        if last + 1 < len(marginals):
            score = min(score, 1.0 - marginals[last + 1][2])
        return score


class OrganisationTagger:
    """A CRF model and its cut: `mentions(text, title)` gives the organisation mentions whose
    every token's label has at least `threshold` marginal probability."""

    def __init__(self, model: bytes, threshold: float) -> None:
        self.model = model
        self.threshold = threshold
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open_inmemory(model)
        except (ValueError, OSError) as error:
            raise OrganisationTaggerError(
                f"organisation model is not a CRF model: {error}"
            ) from error

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            np.savez_compressed(
                handle,
                model=np.frombuffer(self.model, dtype=np.uint8),
                threshold=np.float64(self.threshold),
                features_version=np.int64(FEATURES_VERSION),
            )

    def lines(self, text: str, title: str = "") -> list[TaggedLine]:
        """Every line's tokens, Viterbi labels and each token's marginal probabilities."""
        in_title = title_words(title)
        tagged = []
        for tokens in tokenise(text):
            labels = self._tagger.tag(sequence_features(text, tokens, in_title))
            marginals = [
                tuple(self._tagger.marginal(label, i) for label in LABELS)
                for i in range(len(tokens))
            ]
            tagged.append(TaggedLine(tokens, labels, marginals))
        return tagged

    def scored(
        self, text: str, title: str = "", lines: list[TaggedLine] | None = None
    ) -> list[Mention]:
        """Every mention of the Viterbi labelling, with its confidence, in text order."""
        found: list[Mention] = []
        for line in self.lines(text, title) if lines is None else lines:
            tokens, labels = line.tokens, line.labels
            index = 0
            while index < len(tokens):
                if labels[index] == "O":
                    index += 1
                    continue
                end = index + 1
                while end < len(tokens) and labels[end] == "I-ORG":
                    end += 1
                confidence = min(
                    line.marginals[i][LABELS.index(labels[i])] for i in range(index, end)
                )
                start_char, end_char = tokens[index].start, tokens[end - 1].end
                for name in split_joined(clean_name(text[start_char:end_char])):
                    name = clean_name(name)
                    if name and not is_event_name(name):
                        found.append(Mention(start_char, end_char, name, float(confidence)))
                index = end
        return found

    def mentions(self, text: str, title: str = "") -> list[Mention]:
        return [m for m in self.scored(text, title) if m.confidence >= self.threshold]


def load_tagger(path: Path | None = None) -> OrganisationTagger:
    """The tagger stored at `path` (the shipped file by default); `OrganisationTaggerError`
    when the file is missing, unreadable or written for other features."""
    path = path or MODEL_PATH
    if not path.is_file():
        raise OrganisationTaggerError(
            f"organisation model not found at {path}: run `python evaluation/train_organisations.py`"
            " or set TWINNING_ORG_TAGGER=off"
        )
    try:
        with np.load(path) as data:
            model = data["model"].tobytes()
            threshold = float(data["threshold"])
            version = int(data["features_version"])
    except (OSError, KeyError, ValueError, EOFError) as error:
        raise OrganisationTaggerError(
            f"organisation model at {path} is unreadable: {error}"
        ) from error
    if version != FEATURES_VERSION:
        raise OrganisationTaggerError(
            f"organisation model at {path} was trained for other features: retrain"
        )
    return OrganisationTagger(model, threshold)


_shared: OrganisationTagger | None = None


def shared_tagger() -> OrganisationTagger:
    """One tagger per process, loaded on first use."""
    global _shared
    if _shared is None:
        _shared = load_tagger()
    return _shared


def use_tagger(tagger: OrganisationTagger | None) -> None:
    """Make `tagger` the process's tagger (the training script's folds); None reloads."""
    global _shared
    _shared = tagger


def tagger_mode() -> str:
    """The mode `TWINNING_ORG_TAGGER` sets (`correct`, `add`, `off`), `DEFAULT_MODE` when unset; an unknown
    value is an `OrganisationTaggerError`."""
    mode = os.environ.get("TWINNING_ORG_TAGGER", "").strip().lower() or DEFAULT_MODE
    if mode not in MODES:
        raise OrganisationTaggerError(
            f"TWINNING_ORG_TAGGER={mode!r} is not one of {', '.join(MODES)}"
        )
    return mode


# Off by default: at 0.5 (fixed before the run) it found 7 more names for 13 more false ones
# over the fourteen sets, cross-validated; organisation F1 0.859 → 0.858 (ADR 0040).
STRUCTURED_CUT = 1.0


def structured_threshold() -> float:
    """The cut for new names in list items, table rows and short lines
    (`TWINNING_ORG_STRUCTURED_CUT`, default `STRUCTURED_CUT`: 1, off; 0.5 was measured)."""
    value = os.environ.get("TWINNING_ORG_STRUCTURED_CUT", "").strip()
    try:
        return float(value) if value else STRUCTURED_CUT
    except ValueError as error:
        raise OrganisationTaggerError(
            f"TWINNING_ORG_STRUCTURED_CUT={value!r} is not a number"
        ) from error


def is_structured(text: str, offset: int) -> bool:
    """Whether the line at `offset` is a list item, a table row or a short line (at most eight
    words, no sentence end)."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else len(text)].strip()
    if " | " in line or BULLET_RE.match(line):
        return True
    return len(line.split()) <= 8 and not re.search(r"[.!?。！？]$", line) and len(line) <= 80


def plausible(name: str) -> bool:
    """A name worth a candidate: two letters at least, opening with a capital, a digit or a Han
    character."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2 or is_address(name):
        return False
    return is_han(name[0]) or name[0].isupper() or name[0].isdigit()


def tagging_text(text: str, tables: list[list[list[str]]] | None) -> str:
    """The text the tagger reads: the document's lines, then the rows of its tables that the
    text does not hold already (a CSV sheet has no text at all)."""
    lines = set(text.split("\n"))
    rows = [
        " | ".join(cell.strip() for cell in row)
        for table in tables or []
        for row in table
        if any(cell.strip() for cell in row)
    ]
    extra = [row for row in rows if row not in lines]
    return "\n".join([text, *extra]) if extra else text


def new_mentions(mentions: list[Mention], registry: Registry, text: str) -> list[Mention]:
    """The mentions no organisation of `registry` already covers (by name or by overlapping one
    of its mentions in `text`), one per name."""
    known = [(start, end) for start, end, _entry in registry.mentions(text)]
    seen: set[str] = set()
    result = []
    for mention in mentions:
        key = name_key(mention.name)
        if not key or key in seen or not plausible(mention.name):
            continue
        if mention.name in STOP_ACRONYMS or mention.name.upper() in STOP_ACRONYMS:
            continue  # the rules' own list of capitalised words that are no organisation
        if registry.find(mention.name) is not None:
            continue
        if any(mention.start < end and start < mention.end for start, end in known):
            continue
        seen.add(key)
        result.append(mention)
    return result


def add_tagged(
    text: str,
    title: str,
    registry: Registry,
    mode: str | None = None,
    known: set[str] = frozenset(),  # type: ignore[assignment]
) -> int:
    """Register the tagger's mentions that the rules missed (modes `add` and `correct`; the
    latter first lets the tagger set the boundaries of the rules' names it overlaps), except
    names whose key is in `known` (found elsewhere, e.g. in the tables); the number added."""
    mode = mode or tagger_mode()
    if mode == "off":
        return 0
    tagger = shared_tagger()
    lines = tagger.lines(text, title)
    scored = tagger.scored(text, title, lines)
    found = [m for m in scored if m.confidence >= tagger.threshold]
    if mode == "correct":
        from twinning.extract.org_boundaries import correct_boundaries

        correct_boundaries(text, registry, lines, found)
    # In a list item, table row or short line a name stands alone: a lower cut may add it.
    structured_cut = structured_threshold()
    found += [
        m
        for m in scored
        if structured_cut <= m.confidence < tagger.threshold and is_structured(text, m.start)
    ]
    added = [
        mention
        for mention in new_mentions(found, registry, text)
        if name_key(mention.name) not in known
    ]
    for mention in added:
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        evidence = text[line_start : line_end if line_end >= 0 else len(text)].strip()
        registry.add(mention.name, evidence=evidence[:500])
    return len(added)
