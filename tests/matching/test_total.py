"""The subgraph-and-duals maximum-total matching equals a full assignment on every cell."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

from twinning.matching import bottleneck, total
from twinning.matching.bottleneck import max_min_pairs, max_min_pairs_dense


def _summary(scores: np.ndarray, pairs: list[tuple[int, int]]) -> tuple[int, float, float]:
    return (
        len(pairs),
        round(float(min(scores[i, j] for i, j in pairs)), 5) if pairs else 0.0,
        round(float(sum(scores[i, j] for i, j in pairs)), 4),
    )


def _cells(scores: np.ndarray, allowed: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows, columns = np.nonzero(allowed)
    return rows, columns, scores[rows, columns]


@pytest.mark.parametrize("seed", range(30))
def test_small_subgraphs_still_give_the_best_total(seed: int, monkeypatch) -> None:
    rng = np.random.default_rng(100 + seed)
    rows, columns = int(rng.integers(2, 40)), int(rng.integers(40, 60))
    scores = rng.random((rows, columns)).astype(np.float32)
    if seed % 3 == 0:
        scores = np.round(scores * 4) / 4  # ties
    monkeypatch.setattr(total, "PER_GROUP", 1)  # a tiny first subgraph: several rounds
    monkeypatch.setattr(total, "MARGIN", 0.0)
    solves = []
    solve = total._solve
    monkeypatch.setattr(total, "_solve", lambda *args: solves.append(1) or solve(*args))
    cell_rows, cell_columns, values = _cells(scores, np.ones(scores.shape, dtype=bool))
    matched_rows, matched_columns = total.best_total_matching(
        cell_rows, cell_columns, values, scores.shape
    )
    expected_rows, expected_columns = linear_sum_assignment(scores, maximize=True)
    assert len(set(matched_columns.tolist())) == rows == len(matched_rows)
    assert round(float(scores[matched_rows, matched_columns].sum()), 4) == round(
        float(scores[expected_rows, expected_columns].sum()), 4
    )
    if seed == 1:  # here the first subgraph was not enough, and the duals said so
        assert len(solves) >= 2


def test_duals_hold_on_every_cell_and_are_tight_on_the_matching() -> None:
    rng = np.random.default_rng(5)
    scores = rng.random((30, 45))
    rows, columns, values = _cells(scores, rng.random(scores.shape) < 0.5)
    matched_rows, matched_columns = total._solve(rows, columns, values, scores.shape)
    column_of_row = np.full(30, -1)
    column_of_row[matched_rows] = matched_columns
    matched_weight = np.zeros(30)
    matched_weight[matched_rows] = scores[matched_rows, matched_columns]
    prices = total.column_prices(rows, columns, values, column_of_row, matched_weight, 45)
    assert prices is not None
    row_prices = matched_weight - prices[column_of_row]
    assert np.all(row_prices[rows] + prices[columns] >= values - 1e-9)
    assert np.allclose(row_prices[matched_rows] + prices[matched_columns], matched_weight)
    unmatched = np.setdiff1d(np.arange(45), matched_columns)
    assert np.all(prices[unmatched] == 0) and np.all(prices >= 0)


def test_no_full_matching_raises() -> None:
    rows, columns = np.array([0, 1]), np.array([0, 0])
    with pytest.raises(ValueError):
        total.best_total_matching(rows, columns, np.array([0.5, 0.7]), (2, 2))


@pytest.mark.parametrize("seed", range(12))
def test_max_min_with_tiny_subgraphs_matches_the_dense_reference(seed: int, monkeypatch) -> None:
    rng = np.random.default_rng(200 + seed)
    rows, columns = (int(n) for n in rng.integers(5, 35, size=2))
    scores = rng.random((rows, columns)).astype(np.float32)
    if seed % 2 == 0:
        scores = np.round(scores * 6) / 6
    blocked = rng.random((rows, columns)) < [0.0, 0.3][seed % 2]
    monkeypatch.setattr(total, "PER_GROUP", 1)
    monkeypatch.setattr(total, "ROUNDS", 1 + seed % 3)  # some end in the whole-graph solve
    pairs = max_min_pairs(scores, blocked)
    assert not any(blocked[i, j] for i, j in pairs)
    assert _summary(scores, pairs) == _summary(scores, max_min_pairs_dense(scores, blocked))


def test_score_blocks_smaller_than_the_matrix(monkeypatch) -> None:
    rng = np.random.default_rng(9)
    scores = rng.random((23, 31)).astype(np.float32)
    blocked = rng.random(scores.shape) < 0.2
    expected = _summary(scores, max_min_pairs(scores, blocked))
    monkeypatch.setattr(bottleneck, "BLOCK_ROWS", 4)
    assert _summary(scores, max_min_pairs(scores, blocked)) == expected
    assert expected == _summary(scores, max_min_pairs_dense(scores, blocked))
