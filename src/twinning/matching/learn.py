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


def training_examples(
    cohorts: Sequence[Cohort], embedder: Embedder
) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows (pairs × FEATURES) and 0/1 labels for all A × B pairs of `cohorts`."""
    rows, labels = [], []
    for cohort in cohorts:
        a, b = prepare_sides(cohort.side_a, cohort.side_b, embedder)
        tensor = pair_features(a, b)
        truth = set(cohort.true_pairs)
        for i, pa in enumerate(a.profiles):
            for j, pb in enumerate(b.profiles):
                rows.append(tensor[i, j])
                labels.append(1.0 if (pa.id, pb.id) in truth else 0.0)
    return np.asarray(rows, dtype=np.float64), np.asarray(labels, dtype=np.float64)


def fit_logistic(
    features: np.ndarray, labels: np.ndarray, l2: float = 0.01
) -> tuple[float, np.ndarray]:
    """Bias and weights minimising the class-balanced log loss plus `l2`·|w|² (bias free)."""
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
    result = minimize(loss, start, jac=True, method="L-BFGS-B")
    return float(result.x[0]), result.x[1:]


def fit_weights(
    cohorts: Sequence[Cohort], embedder: Embedder | None = None, l2: float = 0.01
) -> Weights:
    """Weights fitted on the cohorts whose split is "train" (all cohorts if none is marked)."""
    training = [c for c in cohorts if c.split == "train"] or list(cohorts)
    features, labels = training_examples(training, embedder or default_embedder())
    bias, weights = fit_logistic(features, labels, l2)
    return Weights(
        bias=round(bias, 4),
        weights={name: round(float(w), 4) for name, w in zip(FEATURES, weights, strict=True)},
        meta={
            "model": "class-balanced logistic regression, L2",
            "l2": l2,
            "trained_on": [c.name for c in training],
            "pairs": int(labels.sum()),
            "examples": int(len(labels)),
            "embedder": type(embedder or default_embedder()).__name__,
        },
    )


def refit(labelled: Path = LABELLED_PATH, output: Path = WEIGHTS_PATH) -> Weights:
    """Refit on the labelled file's training cohorts and write the weights JSON."""
    weights = fit_weights(read_labelled(labelled))
    output.write_text(weights.to_json(), encoding="utf-8")
    return weights


if __name__ == "__main__":
    fitted = refit(*(Path(arg) for arg in sys.argv[1:3]))
    sys.stdout.write(fitted.to_json())
