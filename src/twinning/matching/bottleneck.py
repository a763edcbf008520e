"""Max-min (bottleneck) assignment: the strongest possible weakest pair, then the best total.

`max_min_pairs` works on sparse candidate graphs: all cells at or above a falling floor (a few
per organisation first); once such a graph holds a full matching, the bottleneck is in it, found
by a bisection over its sorted distinct scores with Hopcroft–Karp, and the total is maximised
over the cells at or above it (`total.best_total_matching`: a sparse subgraph, proved optimal on
all of them by LP duals). When the graph would be large it falls back to `max_min_pairs_dense`,
the earlier dense method (kept as the reference).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from scipy.sparse.csgraph import maximum_bipartite_matching

from twinning.matching import total

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


def _matching(graph: sparse.csr_matrix) -> np.ndarray:
    """Column matched to every row (−1: none), maximum cardinality (Hopcroft–Karp, in C)."""
    return np.asarray(maximum_bipartite_matching(graph, perm_type="column"))


def _matching_size(graph: sparse.csr_matrix) -> int:
    return int((_matching(graph) >= 0).sum())


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
) -> tuple[float, np.ndarray] | None:
    """Largest t ≤ `upper` such that the edges with value ≥ t hold a matching of `size`, with
    such a matching (column per row); None if even all edges do not hold one."""
    if size == 0:
        return None
    found = _matching(_edge_graph(rows, columns, shape))
    if int((found >= 0).sum()) < size:
        return None
    candidates = np.unique(values[values <= upper])
    low, high = 0, len(candidates) - 1  # candidates[low] is feasible, `found` a matching there
    while low < high:
        middle = (low + high + 1) // 2
        keep = values >= candidates[middle]
        matched = _matching(_edge_graph(rows[keep], columns[keep], shape))
        if int((matched >= 0).sum()) >= size:
            low, found = middle, matched
        else:
            high = middle - 1
    return float(candidates[low]), found


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


BLOCK_ROWS = 256  # rows per pass over the score matrix (a block stays in cache)


def _allowed_blocks(scores: np.ndarray, blocked: np.ndarray) -> Iterator[tuple[int, np.ndarray]]:
    """(first row, float32 block with blocked cells at −inf) over the rows, in blocks."""
    for start in range(0, len(scores), BLOCK_ROWS):
        block = scores[start : start + BLOCK_ROWS].astype(np.float32, copy=False)
        yield start, np.where(blocked[start : start + BLOCK_ROWS], np.float32(-np.inf), block)


def _thresholds(
    scores: np.ndarray, blocked: np.ndarray, size: int, upper: float
) -> Iterator[float]:
    """`upper`, then thresholds letting rising numbers of cells in (16, 64… per pair), read off
    a fixed random sample of the allowed cells; the last one lets every allowed cell in."""
    yield upper
    allowed_count = int(blocked.size - np.count_nonzero(blocked))
    cells = np.random.default_rng(0).integers(0, scores.size, SAMPLE)
    sample_rows, sample_columns = np.divmod(cells, scores.shape[1])
    allowed = ~blocked[sample_rows, sample_columns]
    sample = scores[sample_rows[allowed], sample_columns[allowed]]
    count = 16 * size
    while len(sample) and count < allowed_count:
        yield min(upper, float(np.quantile(sample, 1.0 - count / allowed_count)))
        count *= 4
    yield min(
        float(block[np.isfinite(block)].min(initial=np.inf))
        for _, block in _allowed_blocks(scores, blocked)
    )


def _cells_from(
    scores: np.ndarray, blocked: np.ndarray, floor: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """(rows, columns, values) of the allowed cells ≥ `floor`, None past `SPARSE_LIMIT`."""
    parts, count = [], 0
    for start, block in _allowed_blocks(scores, blocked):
        rows, columns = np.nonzero(block >= floor)
        count += len(rows)
        if count > SPARSE_LIMIT:
            return None
        parts.append((rows + start, columns, block[rows, columns]))
    return tuple(np.concatenate(part) for part in zip(*parts, strict=True))  # type: ignore[return-value]


def max_min_pairs(scores: np.ndarray, blocked: np.ndarray) -> list[tuple[int, int]]:
    """Pairs maximising the weakest pair, then the total, with as many pairs as possible."""
    if scores.size == 0:
        return []
    if scores.shape[0] > scores.shape[1]:  # the smaller side as rows
        return sorted((i, j) for j, i in max_min_pairs(scores.T, blocked.T))
    shape = scores.shape
    size = shape[0]
    # the rows are matched whole, so no pair can beat the weakest of their best scores
    upper = min(float(block.max(axis=1).min()) for _, block in _allowed_blocks(scores, blocked))
    for floor in _thresholds(scores, blocked, size, upper) if np.isfinite(upper) else []:
        cells = _cells_from(scores, blocked, floor)
        if cells is None:
            break
        rows, columns, values = cells
        found = _edge_bottleneck(rows, columns, values, shape, size, upper)
        if found is not None:  # every cell ≥ floor is here, so this is the bottleneck
            threshold, seed = found
            keep = values >= threshold
            matched_rows, matched_columns = total.best_total_matching(
                rows[keep], columns[keep], values[keep], shape, seed
            )
            return sorted(
                (int(i), int(j)) for i, j in zip(matched_rows, matched_columns, strict=True)
            )
    # no full matching (forbidden cells decide) or a dense optimum: the reference method
    return max_min_pairs_dense(scores, blocked)
