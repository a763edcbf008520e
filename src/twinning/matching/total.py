"""Maximum-total matching over millions of candidate cells, solved on a few and proved on all.

The assignment is solved (scipy's sparse LAPJV) on the best cells of every row and column; LP
duals of that matching are then read off as shortest paths over its alternating graph. If no
other cell has a negative reduced cost the matching is optimal over all the cells; otherwise
those cells (and the nearly negative ones) join the subgraph and it is solved again.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

PER_GROUP = 24  # best cells of every row and of every column in the first subgraph
MARGIN = 0.01  # cells whose reduced cost is below this join the subgraph with the violated ones
ROUNDS = 6  # subgraph rounds before the whole candidate graph is solved at once
RELAXATIONS = 2_000  # Bellman–Ford passes before the duals are given up (rounding, never seen)


def _solve(
    rows: np.ndarray, columns: np.ndarray, weights: np.ndarray, shape: tuple[int, int]
) -> tuple[np.ndarray, np.ndarray]:
    """Every row matched, maximum total weight (raises ValueError when no such matching)."""
    shifted = weights - weights.min() + 1.0  # ≥ 1: no explicit zeros; same optimum (all rows)
    graph = sparse.csr_matrix((shifted, (rows, columns)), shape=shape)
    matched_rows, matched_columns = min_weight_full_bipartite_matching(graph, maximize=True)
    return np.asarray(matched_rows), np.asarray(matched_columns)


def best_per_group(group: np.ndarray, weights: np.ndarray, count: int) -> np.ndarray:
    """Mask of the `count` largest weights within each group (ties broken arbitrarily)."""
    if len(group) == 0:
        return np.zeros(0, dtype=bool)
    span = float(weights.max() - weights.min()) + 1.0
    order = np.argsort(group * (2.0 * span) + (weights.max() - weights))
    sorted_group = group[order]
    starts = np.flatnonzero(np.r_[True, sorted_group[1:] != sorted_group[:-1]])
    first = np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order)) - first
    return rank < count


def column_prices(
    rows: np.ndarray,
    columns: np.ndarray,
    weights: np.ndarray,
    column_of_row: np.ndarray,
    matched_weight: np.ndarray,
    width: int,
) -> np.ndarray | None:
    """Column duals v with v[m(i)] ≤ v[j] + w[i, m(i)] − w[i, j] on every given cell, ≥ 0 and
    0 on unmatched columns (if any): Bellman–Ford. None if it does not settle."""
    target = column_of_row[rows]
    cost = matched_weight[rows] - weights
    order = np.argsort(target, kind="stable")
    source, target, cost = columns[order], target[order], cost[order]
    targets, starts = np.unique(target, return_index=True)
    matched = np.zeros(width, dtype=bool)
    matched[column_of_row[column_of_row >= 0]] = True
    # matched columns start high enough that no path from them can take a price below 0
    span = float(weights.max() - weights.min()) + 1.0 if len(weights) else 1.0
    every = bool(matched.all())  # square: v is free; else v ≥ 0, and 0 where unmatched
    prices = np.where(matched, 0.0 if every else span * (width + 1), 0.0)
    for _ in range(RELAXATIONS):
        best = np.minimum.reduceat(prices[source] + cost, starts)
        lower = best < prices[targets]
        if not lower.any():
            return prices if every or prices.min() >= 0 else None
        prices[targets[lower]] = best[lower]
    return None


def best_total_matching(
    rows: np.ndarray,
    columns: np.ndarray,
    values: np.ndarray,
    shape: tuple[int, int],
    seed: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """(rows, columns) of a matching of every row (shape[0] ≤ shape[1]) over the given cells
    with the largest total value; `seed`, a column per row (−1: none) forming a full matching
    over those cells, keeps the first subgraph solvable. ValueError if no full matching."""
    weights = values.astype(np.float64)
    chosen = best_per_group(rows, weights, PER_GROUP) | best_per_group(columns, weights, PER_GROUP)
    if seed is not None:
        chosen |= seed[rows] == columns
    for _ in range(ROUNDS):
        try:
            matched_rows, matched_columns = _solve(
                rows[chosen], columns[chosen], weights[chosen], shape
            )
        except ValueError:  # the subgraph holds no full matching: solve the whole graph
            break
        column_of_row = np.full(shape[0], -1, dtype=np.int64)
        column_of_row[matched_rows] = matched_columns
        in_matching = chosen & (column_of_row[rows] == columns)
        matched_weight = np.zeros(shape[0], dtype=np.float64)
        matched_weight[rows[in_matching]] = weights[in_matching]
        prices = column_prices(
            rows[chosen],
            columns[chosen],
            weights[chosen],
            column_of_row,
            matched_weight,
            shape[1],
        )
        if prices is None:
            break
        # reduced cost of every cell, in the same float operations as the relaxation above
        reach = prices[columns] + (matched_weight[rows] - weights)
        violated = (reach < prices[column_of_row[rows]]) & ~chosen
        if not violated.any():  # the duals hold on every cell: optimal over all of them
            return matched_rows, matched_columns
        chosen |= violated | (reach - prices[column_of_row[rows]] < MARGIN)
    return _solve(rows, columns, weights, shape)
