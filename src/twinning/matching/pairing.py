"""One-to-one pairing of side A with side B over a score matrix, with constraints.

Fixed pairs are kept as given; forbidden pairs are never proposed; the rest is an optimal
assignment (maximum total score, or maximum weakest pair then maximum total). Indices are
row (side A) and column (side B) positions in the score matrix.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from twinning.matching.bottleneck import assign_total, max_min_pairs


@dataclass
class Assignment:
    """Pairs as (row, column); `fixed` marks the tandems that were imposed, not chosen."""

    pairs: list[tuple[int, int]]
    unmatched_rows: list[int]
    unmatched_columns: list[int]
    fixed: set[tuple[int, int]] = field(default_factory=set)

    def total(self, scores: np.ndarray) -> float:
        return float(sum(scores[i, j] for i, j in self.pairs))

    def weakest(self, scores: np.ndarray) -> float:
        chosen = [scores[i, j] for i, j in self.pairs if (i, j) not in self.fixed]
        return float(min(chosen)) if chosen else float("nan")


@dataclass
class StabilityReport:
    """Blocking pairs: both would rather be with each other than with their assigned partner."""

    count: int
    examples: list[tuple[int, int, float]]


def forbidden_mask(shape: tuple[int, int], forbidden: Iterable[tuple[int, int]]) -> np.ndarray:
    mask = np.zeros(shape, dtype=bool)
    pairs = np.asarray(list(forbidden), dtype=np.int64).reshape(-1, 2)
    mask[pairs[:, 0], pairs[:, 1]] = True
    return mask


def pair_cohort(
    scores: np.ndarray,
    fixed: Iterable[tuple[int, int]] = (),
    forbidden: Iterable[tuple[int, int]] = (),
    maximise_weakest: bool = False,
) -> Assignment:
    """Pair rows with columns: fixed kept, forbidden avoided, best total (or best weakest pair)."""
    fixed_pairs = sorted(set(fixed))
    n_rows, n_columns = scores.shape
    fixed_rows = {i for i, _ in fixed_pairs}
    fixed_columns = {j for _, j in fixed_pairs}
    free_rows = np.array([i for i in range(n_rows) if i not in fixed_rows], dtype=np.int64)
    free_columns = np.array([j for j in range(n_columns) if j not in fixed_columns], dtype=np.int64)
    blocked_all = forbidden_mask(scores.shape, forbidden)
    sub_scores = scores[np.ix_(free_rows, free_columns)]
    blocked = blocked_all[np.ix_(free_rows, free_columns)]
    if maximise_weakest:
        chosen = max_min_pairs(sub_scores, blocked)
    else:
        chosen = assign_total(sub_scores, blocked)
    pairs = list(fixed_pairs) + [(int(free_rows[i]), int(free_columns[j])) for i, j in chosen]
    used_rows = {i for i, _ in pairs}
    used_columns = {j for _, j in pairs}
    return Assignment(
        pairs=sorted(pairs),
        unmatched_rows=[i for i in range(n_rows) if i not in used_rows],
        unmatched_columns=[j for j in range(n_columns) if j not in used_columns],
        fixed=set(fixed_pairs),
    )


def stability_report(
    scores: np.ndarray,
    assignment: Assignment,
    forbidden: Iterable[tuple[int, int]] = (),
    limit: int = 10,
) -> StabilityReport:
    """Count pairs (a, b), neither in a fixed tandem, that both prefer to their partners."""
    partner_row = np.full(scores.shape[0], -np.inf, dtype=np.float32)
    partner_column = np.full(scores.shape[1], -np.inf, dtype=np.float32)
    for i, j in assignment.pairs:
        partner_row[i] = scores[i, j]
        partner_column[j] = scores[i, j]
    blocking = (scores > partner_row[:, None]) & (scores > partner_column[None, :])
    blocking &= ~forbidden_mask(scores.shape, forbidden)
    for i, j in assignment.fixed:
        blocking[i, :] = False
        blocking[:, j] = False
    rows, columns = np.nonzero(blocking)
    values = scores[rows, columns]
    order = np.argsort(-values, kind="stable")[:limit]
    return StabilityReport(
        count=int(len(rows)),
        examples=[(int(rows[k]), int(columns[k]), float(values[k])) for k in order],
    )


def rankings(scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Column order for every row and row order for every column, best first (stable ties)."""
    return (
        np.argsort(-scores, axis=1, kind="stable"),
        np.argsort(-scores.T, axis=1, kind="stable"),
    )
