"""Leave-one-cohort-out on train.json ONLY: which features to fit, with and without topic dropout.

For each candidate feature set, L2 strength and augmentation (training cohorts also added with
their topics stripped), prints pairs recovered / true pairs / MRR of the left-out cohorts,
scored with their topics and descriptions only. Never reads heldout.json or any blind set.

    PYTHONPATH=src .venv/bin/python evaluation/matching/cv_feature_sets.py
"""

from __future__ import annotations

import numpy as np

from twinning.matching import learn
from twinning.matching.embedding import matching_embedder
from twinning.matching.evaluate import descriptions_only
from twinning.matching.features import FEATURES
from twinning.matching.learn import (
    _stack,
    affinity_of,
    evaluate_matrix,
    examples_of,
    fit_logistic,
    prepare,
)
from twinning.matching.profiles import read_labelled

BASE = ["semantic", "semantic_second", "topic_inferred", "kind_affinity"]
DECLARED = ["topic_shared", "topic_declared_inferred"]
SETS = {
    "with declared topics (round 1)": BASE + DECLARED,
    "no declared topics (shipped)": BASE,
    "semantic only": ["semantic", "semantic_second"],
    "no declared + lexical": [*BASE, "lexical"],
    "no declared + roles": [*BASE, "roles_complementary", "roles_shared"],
    "no declared + type, language": [*BASE, "same_type", "language_shared"],
}


def fit(features: np.ndarray, labels: np.ndarray, names: list[str], l2: float):
    columns = [FEATURES.index(n) for n in names]
    floor = [k for k, c in enumerate(columns) if FEATURES[c] in learn.NONNEGATIVE]
    bias, fitted = fit_logistic(features[:, columns], labels, l2, floor)
    weights = np.zeros(len(FEATURES))
    weights[columns] = fitted
    return bias, weights


def main() -> None:
    embedder = matching_embedder()
    cohorts = read_labelled(learn.TRAINING_PATH)
    train = [c for c in cohorts if c.split == "train"] or cohorts
    full = [prepare(c, embedder) for c in train]
    bare = [prepare(descriptions_only(c), embedder) for c in train]
    for name, names in SETS.items():
        for augment in (False, True):
            for l2 in (0.001, 0.01):
                figures = {}
                for label, test in (("with topics", full), ("descriptions only", bare)):
                    recovered = total = 0
                    reciprocal = 0.0
                    for k in range(len(train)):
                        rest = [p for n, p in enumerate(full) if n != k]
                        if augment:
                            rest += [p for n, p in enumerate(bare) if n != k]
                        affinity = affinity_of(rest)
                        bias, weights = fit(*_stack(examples_of(rest, affinity)), names, l2)
                        tensor, truth = examples_of([test[k]], affinity)[0]
                        got, pairs, mrr = evaluate_matrix(bias + tensor @ weights, truth)
                        recovered, total, reciprocal = (
                            recovered + got,
                            total + pairs,
                            reciprocal + mrr * pairs,
                        )
                    figures[label] = f"{recovered}/{total}, MRR {reciprocal / total:.3f}"
                dropout = "topic dropout" if augment else "as written"
                print(f"{name} | {dropout} | L2 {l2} | {figures}", flush=True)


if __name__ == "__main__":
    main()
