import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from twinning.matching.pairing import pair_cohort, rankings, stability_report


def test_maximum_total_takes_the_best_sum():
    scores = np.array([[10, 4], [4, 1]], dtype=np.float32)
    assignment = pair_cohort(scores)
    assert assignment.pairs == [(0, 0), (1, 1)]
    assert assignment.total(scores) == 11.0


def test_maximise_weakest_prefers_the_better_floor():
    scores = np.array([[10, 4], [4, 1]], dtype=np.float32)
    assignment = pair_cohort(scores, maximise_weakest=True)
    assert assignment.pairs == [(0, 1), (1, 0)]
    assert assignment.weakest(scores) == 4.0


def test_maximise_weakest_then_total_among_equal_floors():
    scores = np.array([[5, 9, 1], [9, 5, 1], [2, 2, 3]], dtype=np.float32)
    assignment = pair_cohort(scores, maximise_weakest=True)
    assert assignment.pairs == [(0, 1), (1, 0), (2, 2)]


def test_fixed_pairs_are_kept_even_when_weak():
    scores = np.array([[0.9, 0.1], [0.1, 0.9]], dtype=np.float32)
    assignment = pair_cohort(scores, fixed=[(0, 1)])
    assert assignment.pairs == [(0, 1), (1, 0)]
    assert assignment.fixed == {(0, 1)}


def test_forbidden_pair_is_never_proposed_and_leaves_both_single():
    scores = np.array([[0.9]], dtype=np.float32)
    assignment = pair_cohort(scores, forbidden=[(0, 0)])
    assert assignment.pairs == []
    assert assignment.unmatched_rows == [0]
    assert assignment.unmatched_columns == [0]


def test_unequal_sides_leave_the_weakest_unmatched():
    scores = np.array([[0.9, 0.2], [0.8, 0.3], [0.1, 0.05]], dtype=np.float32)
    assignment = pair_cohort(scores)
    assert assignment.pairs == [(0, 0), (1, 1)]
    assert assignment.unmatched_rows == [2]


def test_stability_report_counts_blocking_pairs():
    scores = np.array([[10, 4], [4, 1]], dtype=np.float32)
    unstable = pair_cohort(scores, maximise_weakest=True)
    report = stability_report(scores, unstable)
    assert report.count == 1
    assert report.examples == [(0, 0, 10.0)]
    assert stability_report(scores, pair_cohort(scores)).count == 0


def test_rankings_are_best_first_on_both_sides():
    scores = np.array([[0.1, 0.7, 0.3], [0.5, 0.2, 0.9]], dtype=np.float32)
    by_row, by_column = rankings(scores)
    assert by_row.tolist() == [[1, 2, 0], [2, 0, 1]]
    assert by_column.tolist() == [[1, 0], [0, 1], [1, 0]]


def _best_by_brute_force(scores, fixed, forbidden):
    """Max number of free allowed pairs, then max total, by enumerating all matchings."""
    rows = [i for i in range(scores.shape[0]) if i not in {a for a, _ in fixed}]
    columns = [j for j in range(scores.shape[1]) if j not in {b for _, b in fixed}]
    best = (0, 0.0)
    for size in range(min(len(rows), len(columns)), -1, -1):
        for chosen_rows in itertools.combinations(rows, size):
            for chosen_columns in itertools.permutations(columns, size):
                pairs = list(zip(chosen_rows, chosen_columns, strict=True))
                if any(p in forbidden for p in pairs):
                    continue
                best = max(best, (size, float(sum(scores[p] for p in pairs))))
        if best[0] == size and size > 0:
            break
    return best


@st.composite
def problems(draw):
    n_rows = draw(st.integers(1, 5))
    n_columns = draw(st.integers(1, 5))
    values = draw(
        st.lists(st.integers(0, 20), min_size=n_rows * n_columns, max_size=n_rows * n_columns)
    )
    scores = np.array(values, dtype=np.float32).reshape(n_rows, n_columns) / 20
    cells = [(i, j) for i in range(n_rows) for j in range(n_columns)]
    fixed_rows = draw(st.permutations(range(n_rows)))
    fixed_columns = draw(st.permutations(range(n_columns)))
    count = draw(st.integers(0, min(n_rows, n_columns, 2)))
    fixed = list(zip(fixed_rows[:count], fixed_columns[:count], strict=True))
    forbidden = [c for c in draw(st.lists(st.sampled_from(cells), max_size=6)) if c not in fixed]
    return scores, fixed, forbidden


@settings(max_examples=150, deadline=None)
@given(problems(), st.booleans())
def test_pairing_is_valid_one_to_one_with_constraints(problem, maximise_weakest):
    scores, fixed, forbidden = problem
    assignment = pair_cohort(scores, fixed, forbidden, maximise_weakest=maximise_weakest)
    pairs = assignment.pairs
    assert set(fixed) <= set(pairs)
    assert not (set(pairs) - set(fixed)) & set(forbidden)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert sorted(assignment.unmatched_rows + [i for i, _ in pairs]) == list(range(scores.shape[0]))
    assert sorted(assignment.unmatched_columns + [j for _, j in pairs]) == list(
        range(scores.shape[1])
    )
    size, total = _best_by_brute_force(scores, fixed, set(forbidden))
    free = [p for p in pairs if p not in assignment.fixed]
    assert len(free) == size
    if not maximise_weakest:
        assert abs(sum(float(scores[p]) for p in free) - total) < 1e-4
