"""The sparse max-min search gives the same weakest pair, pair count and total as the dense one."""

from __future__ import annotations

import numpy as np
import pytest

from twinning.matching import bottleneck
from twinning.matching.bottleneck import max_min_pairs, max_min_pairs_dense


def _summary(scores: np.ndarray, pairs: list[tuple[int, int]]) -> tuple[int, float, float]:
    return (
        len(pairs),
        round(float(min(scores[i, j] for i, j in pairs)), 5) if pairs else 0.0,
        round(float(sum(scores[i, j] for i, j in pairs)), 4),
    )


@pytest.mark.parametrize("seed", range(40))
def test_sparse_search_matches_the_dense_reference(seed: int) -> None:
    rng = np.random.default_rng(seed)
    rows, columns = (int(n) for n in rng.integers(1, 25, size=2))
    scores = rng.random((rows, columns)).astype(np.float32)
    if seed % 3 == 0:
        scores = np.round(scores * 5) / 5  # many ties
    blocked = rng.random((rows, columns)) < [0.0, 0.2, 0.6, 0.9][seed % 4]
    sparse_pairs = max_min_pairs(scores, blocked)
    assert (
        len({i for i, _ in sparse_pairs}) == len({j for _, j in sparse_pairs}) == len(sparse_pairs)
    )
    assert not any(blocked[i, j] for i, j in sparse_pairs)
    assert _summary(scores, sparse_pairs) == _summary(scores, max_min_pairs_dense(scores, blocked))


def test_weakest_pair_first_then_total() -> None:
    scores = np.array([[9.0, 5.0, 1.0], [6.0, 1.0, 5.0], [1.0, 6.0, 5.0]], dtype=np.float32)
    pairs = max_min_pairs(scores, np.zeros(scores.shape, dtype=bool))
    # max total would be 9 + 5 + 6 = 20 with a weakest pair of 5; max-min has 5, 5, 6 or better
    assert pairs == [(0, 0), (1, 2), (2, 1)]


def test_a_forbidden_cell_that_prevents_a_full_matching_leaves_one_single() -> None:
    scores = np.array([[0.9, 0.8], [0.7, 0.1]], dtype=np.float32)
    blocked = np.array([[False, False], [True, True]])
    assert max_min_pairs(scores, blocked) == [(0, 0)]


def test_large_candidate_graphs_take_the_dense_path(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(3)
    scores = rng.random((30, 30)).astype(np.float32)
    blocked = np.zeros(scores.shape, dtype=bool)
    expected = _summary(scores, max_min_pairs(scores, blocked))
    calls = []
    dense = bottleneck.max_min_pairs_dense
    monkeypatch.setattr(bottleneck, "SPARSE_LIMIT", 5)
    monkeypatch.setattr(
        bottleneck, "max_min_pairs_dense", lambda *args: calls.append(1) or dense(*args)
    )
    assert _summary(scores, bottleneck.max_min_pairs(scores, blocked)) == expected
    assert calls == [1]


def test_empty_problem() -> None:
    assert max_min_pairs(np.zeros((0, 3), dtype=np.float32), np.zeros((0, 3), dtype=bool)) == []
