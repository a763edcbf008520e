"""Fit the score weights on labelled cohorts: class-balanced, L2-regularised logistic regression.

Every A × B pair of a training cohort is an example, labelled 1 for the committee's pairs; the
kind × kind table is counted from the same training pairs first. `python -m
twinning.matching.learn` refits on `evaluation/matching/train.json` and rewrites `data/weights.json`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from twinning.matching.embedding import Embedder, matching_embedder
from twinning.matching.features import FEATURES, SideMatrices, pair_features, prepare_sides
from twinning.matching.infer import kind_table
from twinning.matching.profiles import Cohort, read_labelled
from twinning.matching.score import WEIGHTS_PATH, Weights

LABELLED_PATH = Path(__file__).with_name("data") / "labelled.json"
EVALUATION_PATH = Path(__file__).resolve().parents[3] / "evaluation" / "matching"
TRAINING_PATH = EVALUATION_PATH / "train.json"  # in a source checkout; the wheel ships weights only
Prepared = tuple[SideMatrices, SideMatrices, np.ndarray]  # sides and 0/1 truth (A × B)


NONNEGATIVE = frozenset(
    {
        "topic_shared",
        "topic_related",
        "topic_in_text",
        "topic_jaccard",
        "topic_exact",
        "topic_idf",
        "topic_cross_text",
        "topic_inferred",
        "topic_declared_inferred",
        "kind_affinity",
    }
)  # more topic overlap never lowers a score: these weights are bounded below by 0
FITTED: tuple[str, ...] = (
    "semantic",
    "semantic_second",
    "topic_inferred",
    "kind_affinity",
)  # chosen by leave-one-cohort-out on the training cohorts (docs/matching.md); others weigh 0.
# Without the declared-topic features (topic_shared, topic_declared_inferred) that CV rose from
# 34/35, MRR 0.945 to 34/35, 0.962 with topics, and the score no longer depends on them.
L2_GRID = (0.001, 0.003, 0.01, 0.03, 0.1)  # below 0.001 the weights stop being sane


def prepare(cohort: Cohort, embedder: Embedder) -> Prepared:
    """Side matrices and the 0/1 truth matrix (A × B) of one labelled cohort."""
    a, b = prepare_sides(cohort.side_a, cohort.side_b, embedder)
    truth = set(cohort.true_pairs)
    labels = np.array(
        [[1.0 if (pa.id, pb.id) in truth else 0.0 for pb in b.profiles] for pa in a.profiles]
    )
    return a, b, labels.reshape(len(a), len(b))


def affinity_of(prepared: Sequence[Prepared]) -> np.ndarray:
    """The kind × kind log-odds table counted from the true pairs of `prepared`."""
    return kind_table(
        [a.kinds for a, _, _ in prepared],
        [b.kinds for _, b, _ in prepared],
        [t for _, _, t in prepared],
    )


def examples_of(
    prepared: Sequence[Prepared], affinity: np.ndarray
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Feature tensor (A × B × FEATURES) and truth of each prepared cohort."""
    return [(pair_features(a, b, affinity).astype(np.float64), t) for a, b, t in prepared]


def cohort_examples(cohort: Cohort, embedder: Embedder) -> tuple[np.ndarray, np.ndarray]:
    """Feature tensor and 0/1 label matrix of one cohort (kind table from that cohort alone)."""
    prepared = [prepare(cohort, embedder)]
    return examples_of(prepared, affinity_of(prepared))[0]


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


def _fitted_columns() -> list[int]:
    return [FEATURES.index(name) for name in FITTED]


def fit_fitted(features: np.ndarray, labels: np.ndarray, l2: float) -> tuple[float, np.ndarray]:
    """`fit_logistic` over the FITTED columns only; the other weights are 0."""
    columns = _fitted_columns()
    floor = [k for k, column in enumerate(columns) if FEATURES[column] in NONNEGATIVE]
    bias, fitted = fit_logistic(features[:, columns], labels, l2, floor)
    weights = np.zeros(len(FEATURES))
    weights[columns] = fitted
    return bias, weights


def balanced_log_loss(logits: np.ndarray, truth: np.ndarray) -> float:
    """Mean log loss of the true pairs and of the other pairs, averaged (class-balanced)."""
    loss = np.logaddexp(0.0, logits) - truth * logits
    positive = truth > 0
    return float(0.5 * loss[positive].mean() + 0.5 * loss[~positive].mean())


def cross_validate(prepared: Sequence[Prepared], l2: float) -> tuple[int, int, float, float]:
    """Leave one cohort out (kind table and weights fitted without it): (true pairs recovered,
    true pairs, MRR, mean balanced log loss) over the left-out cohorts."""
    recovered = total = 0
    reciprocal = 0.0
    losses = []
    for k in range(len(prepared)):
        rest = [p for n, p in enumerate(prepared) if n != k]
        affinity = affinity_of(rest)
        features, labels = _stack(examples_of(rest, affinity))
        tensor, truth = examples_of([prepared[k]], affinity)[0]
        bias, weights = fit_fitted(features, labels, l2)
        scores = bias + tensor @ weights
        result = evaluate_matrix(scores, truth)
        recovered += result[0]
        total += result[1]
        reciprocal += result[2] * result[1]
        losses.append(balanced_log_loss(scores, truth))
    mrr = reciprocal / total if total else 0.0
    return recovered, total, mrr, float(np.mean(losses)) if losses else 0.0


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
    prepared: Sequence[Prepared], grid: Sequence[float] = L2_GRID
) -> tuple[float, dict[str, list[float]]]:
    """The L2 strength with the best leave-one-cohort-out pair accuracy, then MRR, then
    (balanced) log loss, so that tied rankings keep the best calibrated scores; remaining ties
    go to the stronger regularisation. Also returns the figures per strength."""
    figures: dict[str, list[float]] = {}
    best: tuple[float, float, float, float] | None = None
    for l2 in sorted(grid, reverse=True):
        recovered, total, mrr, loss = cross_validate(prepared, l2)
        figures[str(l2)] = [recovered, total, round(mrr, 4), round(loss, 4)]
        key = (recovered / total if total else 0.0, round(mrr, 4), -round(loss, 4), l2)
        if best is None or key[:3] > best[:3]:
            best = key
    assert best is not None
    return best[3], figures


def fit_weights(
    cohorts: Sequence[Cohort], embedder: Embedder | None = None, l2: float | None = None
) -> Weights:
    """Weights fitted on the cohorts whose split is "train" (all cohorts if none is marked);
    with `l2=None` the strength is chosen by leave-one-cohort-out cross-validation."""
    embedder = embedder or matching_embedder()
    training = [c for c in cohorts if c.split == "train"] or list(cohorts)
    prepared = [prepare(cohort, embedder) for cohort in training]
    cv: dict[str, list[float]] = {}
    if l2 is None:
        l2, cv = choose_l2(prepared) if len(prepared) > 2 else (0.01, {})
    affinity = affinity_of(prepared)
    features, labels = _stack(examples_of(prepared, affinity))
    bias, weights = fit_fitted(features, labels, l2)
    meta: dict[str, object] = {
        "model": "class-balanced logistic regression, L2, topic and kind weights ≥ 0;"
        " kind × kind log-odds counted from the training pairs",
        "l2": l2,
        "trained_on": [c.name for c in training],
        "pairs": int(labels.sum()),
        "examples": int(len(labels)),
        "embedder": type(embedder).__name__,
    }
    if cv:
        meta["leave_one_cohort_out"] = {
            "per_l2": "[recovered, true pairs, mrr, balanced log loss]",
            **cv,
        }
    return Weights(
        bias=round(bias, 4),
        weights={name: round(float(w), 4) for name, w in zip(FEATURES, weights, strict=True)},
        meta=meta,
        kind_affinity=tuple(tuple(round(float(v), 4) for v in row) for row in affinity),
    )


def refit(labelled: Path = TRAINING_PATH, output: Path = WEIGHTS_PATH) -> Weights:
    """Refit on the labelled file's training cohorts and write the weights JSON."""
    weights = fit_weights(read_labelled(labelled))
    output.write_text(weights.to_json(), encoding="utf-8")
    return weights


if __name__ == "__main__":
    fitted = refit(*(Path(arg) for arg in sys.argv[1:3]))
    sys.stdout.write(fitted.to_json())
