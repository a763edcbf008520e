"""Receivers of other apps' signals: pairs accepted in the pairing tool become pending decisions."""

from __future__ import annotations

from typing import Any

from twinning.calls.actions.decisions import record_pairing_decisions


def record_accepted_pairs(
    sender: Any, *, run: Any, pairs: list[Any], actor: Any = None, **kwargs: Any
) -> None:
    """Pairs accepted in the pairing tool are recorded as the open calls' pending decisions,
    in the name of the coordinator who accepted them."""
    record_pairing_decisions(
        cohort=run.cohort,
        pairs=pairs,
        actor=actor or run.accepted_by,
    )  # the committee's reasons stay on the run: a decision's note goes to the applicant
