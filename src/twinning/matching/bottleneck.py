"""Max-min (bottleneck) assignment: the strongest possible weakest pair, then the best total.

`max_min_pairs` works on sparse candidate graphs: all cells at or above a falling floor (a few
per organisation first); once such a graph holds a full matching, the bottleneck is in it, found
by a bisection over its sorted distinct scores with Hopcroft–Karp, and the total is maximised by
a sparse full bipartite matching. When the graph would be large it falls back to
`max_min_pairs_dense`, the earlier dense method (kept as the reference).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from scipy.sparse.csgraph import maximum_bipartite_matching, min_weight_full_bipartite_matching

PENALTY = -1.0e6  # far below any real score: an assignment only uses it when it must
SAMPLE = 200_000  # allowed cells sampled to turn candidate counts into score thresholds
SPARSE_LIMIT = 2_000_000  # candidate cells beyond which the dense reference method runs


def assign_total(scores: np.ndarray, blocked: np.ndarray) -> list[tuple[int, int]]:
    """Maximum-total assignment avoiding `blocked` cells; rows/columns left over stay single."""
    if scores.size == 0:
        return []
    work = np.where(blocked, np.float32(PENALTY), scores.astype(np.float32, copy=False))
    rows, columns = linear_sum_assignment(work, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, columns, strict=True) if not blocked[i, j]]


def _matching_size(graph: sparse.csr_matrix) -> int:
    matched = maximum_bipartite_matching(graph, perm_type="column")
    return int((matched >= 0).sum())


def _edge_graph(rows: np.ndarray, columns: np.ndarray, shape: tuple[int, int]) -> sparse.csr_matrix:
    ones = np.ones(len(rows), dtype=np.int8)
    return sparse.csr_matrix((ones, (rows, columns)), shape=shape)


def _edge_bottleneck(
    rows: np.ndarray,
    columns: np.ndarray,
    values: np.ndarray,
    shape: tuple[int, int],
    size: int,
    upper: float,
    known: float | None = None,
) -> float | None:
    """Largest t ≤ `upper` such that the edges with value ≥ t hold a matching of `size`
    (None if even all edges do not); `known` is a threshold already known to be feasible."""
    if known is None and (size == 0 or _matching_size(_edge_graph(rows, columns, shape)) < size):
        return None
    lowest = -np.inf if known is None else known
    candidates = np.unique(values[(values >= lowest) & (values <= upper)])
    low, high = 0, len(candidates) - 1  # candidates[low] is known feasible
    if known is not None and high > 0:  # most often the known threshold is already the best
        keep = values >= candidates[1]
        if _matching_size(_edge_graph(rows[keep], columns[keep], shape)) < size:
            return float(candidates[0])
        low = 1
    while low < high:
        middle = (low + high + 1) // 2
        keep = values >= candidates[middle]
        if _matching_size(_edge_graph(rows[keep], columns[keep], shape)) >= size:
            low = middle
        else:
            high = middle - 1
    return float(candidates[low])


def _dense_bottleneck(scores: np.ndarray, blocked: np.ndarray, size: int, start: float) -> float:
    """Largest threshold t ≥ `start` with a matching of `size` pairs among unblocked cells ≥ t."""
    allowed_values = scores[~blocked]
    candidates = np.unique(allowed_values[allowed_values >= start])
    low, high = 0, len(candidates) - 1
    while low < high:
        middle = (low + high + 1) // 2
        allowed = ~blocked & (scores >= candidates[middle])
        if _matching_size(sparse.csr_matrix(allowed)) >= size:
            low = middle
        else:
            high = middle - 1
    return float(candidates[low]) if len(candidates) else float(start)


def max_min_pairs_dense(scores: np.ndarray, blocked: np.ndarray) -> list[tuple[int, int]]:
    """Reference method: max-total assignment for the size, dense bisection, max total again."""
    chosen = assign_total(scores, blocked)
    if not chosen:
        return chosen
    start = float(min(scores[i, j] for i, j in chosen))
    threshold = _dense_bottleneck(scores, blocked, len(chosen), start)
    return assign_total(scores, blocked | (scores < threshold))


def _thresholds(work: np.ndarray, size: int, upper: float) -> Iterator[float]:
    """`upper`, then thresholds letting rising numbers of cells in (16, 64… per pair), read off
    a fixed random sample of the allowed cells; the last one lets every allowed cell in."""
    yield upper
    allowed = work[np.isfinite(work)]
    sample = allowed[np.random.default_rng(0).integers(0, len(allowed), SAMPLE)]
    count = 16 * size
    while count < len(allowed):
        yield min(upper, float(np.quantile(sample, 1.0 - count / len(allowed))))
        count *= 4
    yield float(allowed.min())


def max_min_pairs(scores: np.ndarray, blocked: np.ndarray) -> list[tuple[int, int]]:
    """Pairs maximising the weakest pair, then the total, with as many pairs as possible."""
    if scores.size == 0:
        return []
    shape = scores.shape
    size = min(shape)
    work = np.where(blocked, np.float32(-np.inf), scores.astype(np.float32, copy=False))
    # the smaller side is matched whole, so no pair can beat its weakest best score
    best = work.max(axis=1) if shape[0] <= shape[1] else work.max(axis=0)
    upper = float(best.min())
    for floor in _thresholds(work, size, upper) if np.isfinite(upper) else []:
        rows, columns = np.nonzero(work >= floor)
        if len(rows) > SPARSE_LIMIT:
            break
        values = work[rows, columns]
        threshold = _edge_bottleneck(rows, columns, values, shape, size, upper)
        if threshold is not None:  # every cell ≥ floor is here, so this is the bottleneck
            return _full_matching(rows, columns, values, shape, threshold)
    # no full matching (forbidden cells decide) or a dense optimum: the reference method
    return max_min_pairs_dense(scores, blocked)


def _full_matching(
    rows: np.ndarray,
    columns: np.ndarray,
    values: np.ndarray,
    shape: tuple[int, int],
    threshold: float,
) -> list[tuple[int, int]]:
    """Maximum-total matching of the smaller side whole, over the edges with value ≥ threshold."""
    keep = values >= threshold
    # shifted to ≥ 1 so that no weight is an explicit zero; every full matching has as many edges
    weights = (values[keep] - np.float32(threshold) + np.float32(1.0)).astype(np.float64)
    graph = sparse.csr_matrix((weights, (rows[keep], columns[keep])), shape=shape)
    if shape[0] <= shape[1]:
        matched_rows, matched_columns = min_weight_full_bipartite_matching(graph, maximize=True)
    else:
        matched_columns, matched_rows = min_weight_full_bipartite_matching(
            graph.T.tocsr(), maximize=True
        )
    return sorted((int(i), int(j)) for i, j in zip(matched_rows, matched_columns, strict=True))
