"""Features of the rules' pairs for the learned precision filter that was measured (ADR 0039).

One row of `FEATURES` per pair: its kind, the document's language, where its evidence comes
from, whether both ends are named there, how many pairs share an end, and what each end looks
like (a bare place, a long line, a lower-case start, one end inside the other). Used by
`evaluation/train_relation_filter.py` only: leave-one-set-out the filter kept every pair, so
it is not in the product.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter

import numpy as np

from twinning.extract.gazetteer import resolve_place
from twinning.extract.names import has_organisation_head, is_acronym
from twinning.extract.records import ExtractionResult
from twinning.extract.relation_candidates import _CUES, KINDS
from twinning.extract.relations import document_kind
from twinning.extract.text import has_cjk, name_key

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
