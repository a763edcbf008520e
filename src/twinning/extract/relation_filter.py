"""A precision filter for the rules' pairs: ends that cannot be names, then (optionally) a
binary logistic regression over cheap features.

An end that is a line rather than a name (a colon, a `——` gloss, more than ten words, a
leading preposition such as "dall'" or "with") drops its pair: no gold name of any set has
that shape. Then, in mode `learned`, every remaining pair gets a probability of being right
from about forty small language-independent features (its kind, the document's language,
where its evidence comes from, whether both ends are named there, how many pairs share an
end, what each end looks like: a bare place, a long line, a lower-case start, one end inside
the other). Pairs under
the threshold are dropped. Weights and threshold are a small `.npz` written by
`evaluation/train_relation_filter.py` (ADR 0039), fitted and thresholded leave-one-set-out.
`TWINNING_RELATION_FILTER` is `rules` (the shape rule only; the default), `learned` or `off`.
"""

from __future__ import annotations

import functools
import math
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from twinning.extract.gazetteer import resolve_place
from twinning.extract.names import has_organisation_head, is_acronym
from twinning.extract.records import ExtractionResult, Partnership
from twinning.extract.relation_candidates import _CUES, KINDS
from twinning.extract.relations import document_kind
from twinning.extract.text import has_cjk, name_key

WEIGHTS_PATH = Path(__file__).with_name("data") / "relation_filter.npz"
MODES = ("rules", "learned", "off")
DEFAULT_MODE = "rules"
# "dall'Associazione", "with the Society": a preposition or an elided article before a name.
LEADING_PARTICLE = re.compile(
    r"^(?:(?:dall|dell|nell|all|sull|coll|dagl|degl|negl|dans l|pour l|avec l)['’]\s*|(?:with|by|from|and|of|to|von|vom|mit|und|bei|avec|par|et"
    r"|pour|con|per|dal|dalla|della|del|dei|da|e|para|por|y|met|en|door|van de|bij)\s)"
)
LANGUAGES = ("de", "en", "es", "fr", "it", "nl", "zh")
ORGANISATION_SUFFIX_ZH = re.compile(
    r"(?:会|盟|中心|学会|协会|联合会|基金会|促进会|研究院|研究所|大学|学院|学校|中学|小学|"
    r"政府|办公室|局|委员会|公司|集团|组织|网络|社|站|馆|院|所|厅|部|处|团)$"
)
FEATURES = (
    *(f"kind_{kind}" for kind in KINDS),
    *(f"lang_{language}" for language in LANGUAGES),
    "twinning_page",
    "evidence_none",
    "evidence_table_row",
    "evidence_words",
    "both_named",
    "one_named",
    "a_is_subject_or_b",
    "no_subject_end_but_subject_exists",
    "pairs_in_document",
    "pairs_with_evidence",
    "fan_out",
    "longest_end_words",
    "an_end_over_eight_words",
    "an_end_has_punctuation",
    "an_end_has_digits",
    "an_end_is_place",
    "an_end_lower_case",
    "an_end_without_head",
    "an_end_acronym",
    "one_end_inside_other",
    "mixed_scripts",
    "both_cjk",
    *(f"cue_{kind}" for kind in KINDS),
    "own_kind_cue",
    "other_kind_cue_only",
    "year",
    "rarest_end_mentions",
    "organisations_in_evidence",
)


class RelationFilterError(Exception):
    """The filter's weights cannot be used (missing or malformed file); one-line message."""


@dataclass(frozen=True)
class FilterWeights:
    """One weight per feature, a bias, and the probability a pair needs to be kept."""

    weights: np.ndarray
    bias: float
    threshold: float

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(features @ self.weights + self.bias)))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            np.savez_compressed(
                handle,
                weights=self.weights,
                bias=np.array([self.bias]),
                threshold=np.array([self.threshold]),
                features=np.array(FEATURES),
            )


def load_weights(path: Path | None = None) -> FilterWeights:
    """The shipped weights; a `RelationFilterError` when missing or made for other features."""
    path = path or WEIGHTS_PATH
    try:
        with np.load(path) as data:
            names = tuple(str(name) for name in data["features"])
            weights = FilterWeights(
                data["weights"].astype(float),
                float(data["bias"][0]),
                float(data["threshold"][0]),
            )
    except (OSError, KeyError, ValueError) as error:
        raise RelationFilterError(f"relation filter weights {path}: {error}") from error
    if names != FEATURES:
        raise RelationFilterError(f"relation filter weights {path} were made for other features")
    return weights


@functools.lru_cache(maxsize=4096)
def _end_shape(name: str) -> tuple[int, bool, bool, bool, bool, bool, bool]:
    """(words, punctuation, digits, a bare place, lower-case start, no head word, acronym)."""
    cjk = has_cjk(name)
    words = len(name) // 4 + 1 if cjk else len(name.split())
    punctuation = bool(re.search(r"[:;!?|]|——|\s[-–]\s|^\W|[\"“”«»]", name))
    digits = bool(re.search(r"\d", name))
    place = resolve_place(name) is not None
    lower = name[:1].islower()
    acronym = is_acronym(name.replace(" ", ""))
    if cjk:
        headless = not ORGANISATION_SUFFIX_ZH.search(name.rstrip("）)"))
    else:
        headless = not has_organisation_head(name) and not acronym
    return words, punctuation, digits, place, lower, headless, acronym


def is_name_like(name: str) -> bool:
    """Whether a pair end can be an organisation's name, not a line or a clause."""
    stripped = name.strip()
    if not stripped or re.search(r"[:：]|——", stripped) or LEADING_PARTICLE.match(stripped):
        return False
    if has_cjk(stripped):
        return len(stripped) <= 40
    return len(stripped.split()) <= 10


def _named(form_keys: set[str], evidence_key: str) -> bool:
    padded = f" {evidence_key} "
    return any(
        k and (f" {k} " in padded or (not k.isascii() and k in evidence_key)) for k in form_keys
    )


def pair_features(result: ExtractionResult, text: str, language: str | None) -> np.ndarray:
    """One row of `FEATURES` per partnership of `result`, in order."""
    pairs = result.partnerships
    if not pairs:
        return np.zeros((0, len(FEATURES)))
    forms: dict[str, set[str]] = {}
    for organisation in result.organisations:
        keys = {name_key(organisation.name), name_key(organisation.acronym or "")} - {""}
        forms[organisation.name] = keys
    text_key = f" {name_key(text)} "
    mention_counts: dict[str, int] = {}
    for name, keys in forms.items():
        mention_counts[name] = max(
            (text_key.count(f" {k} ") if k.isascii() else text_key.count(k) for k in keys),
            default=0,
        )
    ends = Counter(end for p in pairs for end in {p.a, p.b})
    evidences = Counter(p.evidence for p in pairs)
    twinning_page = document_kind(text) == "twinning"
    subject = result.subject
    rows = []
    for pair in pairs:
        evidence = pair.evidence or ""
        evidence_key = name_key(evidence)
        a_keys = forms.get(pair.a, {name_key(pair.a)})
        b_keys = forms.get(pair.b, {name_key(pair.b)})
        a_named, b_named = _named(a_keys, evidence_key), _named(b_keys, evidence_key)
        shapes = [_end_shape(pair.a), _end_shape(pair.b)]
        cues = {kind: bool(_CUES[kind].search(evidence)) for kind in KINDS}
        ka, kb = name_key(pair.a), name_key(pair.b)
        inside = bool(ka and kb and (ka in kb or kb in ka))
        in_evidence = sum(1 for keys in forms.values() if _named(keys, evidence_key))
        row = [
            *(float(pair.kind == kind) for kind in KINDS),
            *(float(language == code) for code in LANGUAGES),
            float(twinning_page),
            float(not evidence),
            float(" | " in evidence),
            math.log1p(len(evidence.split()) + (len(evidence) // 3 if has_cjk(evidence) else 0)),
            float(a_named and b_named),
            float(a_named != b_named),
            float(subject is not None and subject in (pair.a, pair.b)),
            float(subject is not None and subject not in (pair.a, pair.b)),
            math.log1p(len(pairs)),
            math.log1p(evidences[pair.evidence]),
            math.log1p(max(ends[pair.a], ends[pair.b])),
            math.log1p(max(s[0] for s in shapes)),
            float(any(s[0] > 8 for s in shapes)),
            float(any(s[1] for s in shapes)),
            float(any(s[2] for s in shapes)),
            float(any(s[3] for s in shapes)),
            float(any(s[4] for s in shapes)),
            float(any(s[5] for s in shapes)),
            float(any(s[6] for s in shapes)),
            float(inside),
            float(has_cjk(pair.a) != has_cjk(pair.b)),
            float(has_cjk(pair.a) and has_cjk(pair.b)),
            *(float(cues[kind]) for kind in KINDS),
            float(cues[pair.kind]),
            float(not cues[pair.kind] and any(cues.values())),
            float(pair.year is not None),
            math.log1p(min(mention_counts.get(pair.a, 0), mention_counts.get(pair.b, 0))),
            math.log1p(in_evidence),
        ]
        rows.append(row)
    return np.array(rows, dtype=float)


_shared: FilterWeights | None = None


def _shared_weights() -> FilterWeights:
    global _shared
    if _shared is None:
        _shared = load_weights()
    return _shared


def filter_mode() -> str:
    """The mode `TWINNING_RELATION_FILTER` sets (`rules`, `learned`, `off`), `DEFAULT_MODE`
    when unset; an unknown value is a `RelationFilterError`."""
    mode = os.environ.get("TWINNING_RELATION_FILTER", "").strip().lower() or DEFAULT_MODE
    if mode not in MODES:
        raise RelationFilterError(
            f"TWINNING_RELATION_FILTER={mode!r} is not one of {', '.join(MODES)}"
        )
    return mode


def kept(
    pairs: list[Partnership], probabilities: np.ndarray, threshold: float
) -> list[Partnership]:
    """The pairs whose probability reaches `threshold`, in order."""
    return [pair for pair, p in zip(pairs, probabilities, strict=True) if p >= threshold]


def apply(
    result: ExtractionResult, text: str, language: str | None, mode: str | None = None
) -> ExtractionResult:
    """`result` without the pairs the filter judges wrong (in place); unchanged when `off`."""
    mode = mode or filter_mode()
    if mode == "off" or not result.partnerships:
        return result
    result.partnerships = [
        pair for pair in result.partnerships if is_name_like(pair.a) and is_name_like(pair.b)
    ]
    if mode == "rules" or not result.partnerships:
        return result
    weights = _shared_weights()
    probabilities = weights.probabilities(pair_features(result, text, language))
    result.partnerships = kept(result.partnerships, probabilities, weights.threshold)
    return result
