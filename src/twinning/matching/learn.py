"""Fit the score weights on labelled cohorts: class-balanced, L2-regularised logistic regression.

Every A × B pair of a training cohort is an example, labelled 1 for the committee's pairs.
`python -m twinning.matching.learn` refits and rewrites the shipped `data/weights.json`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from twinning.matching.embedding import Embedder, default_embedder
from twinning.matching.features import FEATURES, pair_features, prepare_sides
from twinning.matching.profiles import Cohort, read_labelled
from twinning.matching.score import WEIGHTS_PATH, Weights

LABELLED_PATH = Path(__file__).with_name("data") / "labelled.json"


NONNEGATIVE = frozenset(
    {
        "topic_shared",
        "topic_related",
        "topic_in_text",
        "topic_jaccard",
        "topic_exact",
        "topic_idf",
        "topic_cross_text",
    }
)  # more topic overlap never lowers a score: these weights are bounded below by 0
L2_GRID = (0.001, 0.003, 0.01, 0.03, 0.1)  # below 0.001 the weights stop being sane


def cohort_examples(cohort: Cohort, embedder: Embedder) -> tuple[np.ndarray, np.ndarray]:
    """Feature tensor (A × B × FEATURES) and 0/1 label matrix (A × B) of one cohort."""
    a, b = prepare_sides(cohort.side_a, cohort.side_b, embedder)
    truth = set(cohort.true_pairs)
    labels = np.array(
        [[1.0 if (pa.id, pb.id) in truth else 0.0 for pb in b.profiles] for pa in a.profiles]
    )
    return pair_features(a, b).astype(np.float64), labels.reshape(len(a), len(b))


def training_examples(
    cohorts: Sequence[Cohort], embedder: Embedder
) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows (pairs × FEATURES) and 0/1 labels for all A × B pairs of `cohorts`."""
    return _stack([cohort_examples(cohort, embedder) for cohort in cohorts])


def _stack(examples: Sequence[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    if not examples:
        return np.zeros((0, len(FEATURES))), np.zeros(0)
    rows = np.concatenate([tensor.reshape(-1, len(FEATURES)) for tensor, _ in examples])
    labels = np.concatenate([truth.ravel() for _, truth in examples])
    return rows, labels


def fit_logistic(
    features: np.ndarray,
    labels: np.ndarray,
    l2: float = 0.01,
    nonnegative: Sequence[int] = (),
) -> tuple[float, np.ndarray]:
    """Bias and weights minimising the class-balanced log loss plus `l2`·|w|² (bias free);
    the weights at the indexes `nonnegative` are kept ≥ 0."""
    positive = labels.sum()
    example_weight = np.where(labels > 0, 0.5 / positive, 0.5 / (len(labels) - positive))

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        bias, weights = theta[0], theta[1:]
        logits = bias + features @ weights
        # log(1 + e^z) - y z, computed stably
        value = np.logaddexp(0.0, logits) - labels * logits
        gradient_logit = example_weight * (1.0 / (1.0 + np.exp(-logits)) - labels)
        total = float(example_weight @ value + l2 * weights @ weights)
        gradient = np.concatenate(
            [[gradient_logit.sum()], features.T @ gradient_logit + 2 * l2 * weights]
        )
        return total, gradient

    start = np.zeros(features.shape[1] + 1)
    floor = set(nonnegative)
    bounds = [(None, None)] + [
        (0.0, None) if k in floor else (None, None) for k in range(features.shape[1])
    ]
    result = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds)
    return float(result.x[0]), result.x[1:]


def _nonnegative_indexes() -> list[int]:
    return [k for k, name in enumerate(FEATURES) if name in NONNEGATIVE]


def cross_validate(
    examples: Sequence[tuple[np.ndarray, np.ndarray]], l2: float
) -> tuple[int, int, float]:
    """Leave one cohort out: (true pairs recovered, true pairs, MRR) over the left-out cohorts."""
    recovered = total = 0
    reciprocal = 0.0
    for k, (tensor, truth) in enumerate(examples):
        features, labels = _stack([e for n, e in enumerate(examples) if n != k])
        bias, weights = fit_logistic(features, labels, l2, _nonnegative_indexes())
        scores = bias + tensor @ weights
        result = evaluate_matrix(scores, truth)
        recovered += result[0]
        total += result[1]
        reciprocal += result[2] * result[1]
    return recovered, total, reciprocal / total if total else 0.0


def evaluate_matrix(scores: np.ndarray, truth: np.ndarray) -> tuple[int, int, float]:
    """(recovered, true pairs, MRR) of the max-total pairing of one score matrix."""
    from twinning.matching.evaluate import _rank
    from twinning.matching.pairing import pair_cohort

    chosen = set(pair_cohort(scores.astype(np.float32)).pairs)
    pairs = list(zip(*np.nonzero(truth > 0), strict=True))
    reciprocal = [
        1.0 / _rank(line, scores[i, j]) for i, j in pairs for line in (scores[i], scores[:, j])
    ]
    recovered = sum((int(i), int(j)) in chosen for i, j in pairs)
    return recovered, len(pairs), float(np.mean(reciprocal)) if reciprocal else 0.0


def choose_l2(
    examples: Sequence[tuple[np.ndarray, np.ndarray]], grid: Sequence[float] = L2_GRID
) -> tuple[float, dict[str, list[float]]]:
    """The L2 strength with the best leave-one-cohort-out pair accuracy, then MRR; ties go to
    the stronger regularisation. Also returns the figures per strength."""
    figures: dict[str, list[float]] = {}
    best: tuple[float, float, float] | None = None
    for l2 in sorted(grid, reverse=True):
        recovered, total, mrr = cross_validate(examples, l2)
        figures[str(l2)] = [recovered, total, round(mrr, 4)]
        key = (recovered / total if total else 0.0, round(mrr, 4), l2)
        if best is None or key[:2] > best[:2]:
            best = key
    assert best is not None
    return best[2], figures


def fit_weights(
    cohorts: Sequence[Cohort], embedder: Embedder | None = None, l2: float | None = None
) -> Weights:
    """Weights fitted on the cohorts whose split is "train" (all cohorts if none is marked);
    with `l2=None` the strength is chosen by leave-one-cohort-out cross-validation."""
    embedder = embedder or default_embedder()
    training = [c for c in cohorts if c.split == "train"] or list(cohorts)
    examples = [cohort_examples(cohort, embedder) for cohort in training]
    cv: dict[str, list[float]] = {}
    if l2 is None:
        l2, cv = choose_l2(examples) if len(examples) > 2 else (0.01, {})
    features, labels = _stack(examples)
    bias, weights = fit_logistic(features, labels, l2, _nonnegative_indexes())
    meta: dict[str, object] = {
        "model": "class-balanced logistic regression, L2, topic weights ≥ 0",
        "l2": l2,
        "trained_on": [c.name for c in training],
        "pairs": int(labels.sum()),
        "examples": int(len(labels)),
        "embedder": type(embedder).__name__,
    }
    if cv:
        meta["leave_one_cohort_out"] = {"per_l2": "[recovered, true pairs, mrr]", **cv}
    return Weights(
        bias=round(bias, 4),
        weights={name: round(float(w), 4) for name, w in zip(FEATURES, weights, strict=True)},
        meta=meta,
    )


def refit(labelled: Path = LABELLED_PATH, output: Path = WEIGHTS_PATH) -> Weights:
    """Refit on the labelled file's training cohorts and write the weights JSON."""
    weights = fit_weights(read_labelled(labelled))
    output.write_text(weights.to_json(), encoding="utf-8")
    return weights


if __name__ == "__main__":
    fitted = refit(*(Path(arg) for arg in sys.argv[1:3]))
    sys.stdout.write(fitted.to_json())
