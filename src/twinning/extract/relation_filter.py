"""A precision rule for the rules' pairs: an end that is a line rather than a name drops its pair.

A colon, a `——` gloss, more than ten words (forty characters of Chinese) or a leading
preposition or elided article ("dall'", "with", "von") marks a line or a clause, not a name:
no gold name of any committed set has that shape (ADR 0039). A pair read both as a twinning
and as a partnership keeps the twinning (no gold document has both). A learned filter over the pairs
was measured too and kept out of the product: leave-one-set-out, it chose to keep every pair
(`evaluation/train_relation_filter.py`). `TWINNING_RELATION_FILTER` is `rules` (the default)
or `off`.
"""

from __future__ import annotations

import os
import re

from twinning.extract.records import ExtractionResult
from twinning.extract.text import has_cjk

MODES = ("rules", "off")
DEFAULT_MODE = "rules"
# "dall'Associazione", "with the Society": a preposition or an elided article before a name.
LEADING_PARTICLE = re.compile(
    r"^(?:(?:dall|dell|nell|all|sull|coll|dagl|degl|negl|dans l|pour l|avec l)['’]\s*|(?:with|by|from|and|of|to|von|vom|mit|und|bei|avec|par|et"
    r"|pour|con|per|dal|dalla|della|del|dei|da|e|para|por|y|met|en|door|van de|bij)\s)"
)


class RelationFilterError(Exception):
    """`TWINNING_RELATION_FILTER` has an unknown value; one-line message."""


def is_name_like(name: str) -> bool:
    """Whether a pair end can be an organisation's name, not a line or a clause."""
    stripped = name.strip()
    if not stripped or re.search(r"[:：]|——", stripped) or LEADING_PARTICLE.match(stripped):
        return False
    if has_cjk(stripped):
        return len(stripped) <= 40
    return len(stripped.split()) <= 10


def filter_mode() -> str:
    """The mode `TWINNING_RELATION_FILTER` sets (`rules`, `off`), `DEFAULT_MODE`
    when unset; an unknown value is a `RelationFilterError`."""
    mode = os.environ.get("TWINNING_RELATION_FILTER", "").strip().lower() or DEFAULT_MODE
    if mode not in MODES:
        raise RelationFilterError(
            f"TWINNING_RELATION_FILTER={mode!r} is not one of {', '.join(MODES)}"
        )
    return mode


def apply(result: ExtractionResult, mode: str | None = None) -> ExtractionResult:
    """`result` without the pairs whose end is not name-like (in place); unchanged when `off`."""
    mode = mode or filter_mode()
    if mode == "off" or not result.partnerships:
        return result
    pairs = [pair for pair in result.partnerships if is_name_like(pair.a) and is_name_like(pair.b)]
    twinned = {frozenset((p.a, p.b)) for p in pairs if p.kind == "twinning"}
    # One pair of ends is a twinning or a partnership, never both: the twinning is the one
    # a twinning word gave.
    result.partnerships = [
        p for p in pairs if not (p.kind == "partner" and frozenset((p.a, p.b)) in twinned)
    ]
    return result
