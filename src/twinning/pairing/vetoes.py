"""Reasons other apps give to keep a pin, asked before any pairing change drops one.

Pairing never imports the apps that hold the reasons (calls sits above it, ADR 0025): calls
registers a veto in its `AppConfig.ready` that keeps the pin of a submitted tandem.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from twinning.pairing.enums import ConstraintKind

if TYPE_CHECKING:
    from twinning.pairing.models import PairingConstraint
    from twinning.programmes.models import Cohort

# `veto(cohort, pins)` answers {constraint id: why it must stay} for the pins it keeps.
ReleaseVeto = Callable[["Cohort", Sequence["PairingConstraint"]], Mapping[int, str]]

VETOES: dict[str, ReleaseVeto] = {}


def register_release_veto(key: str, veto: ReleaseVeto) -> None:
    """Ask `veto` before a pin is released, replaced or dropped; re-registering replaces."""
    VETOES[key] = veto


def kept_pins(cohort: Cohort, constraints: Iterable[PairingConstraint]) -> dict[int, str]:
    """Why each of these pins may not be released, by constraint id (bans are never kept)."""
    pins = [each for each in constraints if each.kind == ConstraintKind.PINNED]
    if not pins:
        return {}
    reasons: dict[int, list[str]] = {}
    for veto in VETOES.values():
        for constraint_id, reason in veto(cohort, pins).items():
            reasons.setdefault(constraint_id, []).append(reason)
    return {constraint_id: " ".join(texts) for constraint_id, texts in reasons.items()}
