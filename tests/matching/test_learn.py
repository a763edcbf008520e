import numpy as np

from twinning.matching.features import FEATURES
from twinning.matching.learn import (
    FITTED,
    L2_GRID,
    LABELLED_PATH,
    NONNEGATIVE,
    choose_l2,
    fit_logistic,
    fit_weights,
    prepare,
)
from twinning.matching.profiles import make_cohort, read_labelled
from twinning.matching.score import Weights, shipped_weights


def test_logistic_fit_finds_the_informative_feature():
    rng = np.random.default_rng(0)
    features = rng.random((400, 2))
    labels = (features[:, 0] > 0.7).astype(float)
    bias, weights = fit_logistic(features, labels, l2=0.001)
    assert weights[0] > 5 and abs(weights[1]) < 1 and bias < 0


def test_shipped_weights_are_sane_and_round_trip():
    weights = shipped_weights()
    assert set(weights.weights) == set(FEATURES)
    # own descriptions carry the signal: meaning weighs most, declared topic lists little
    assert max(weights.weights, key=lambda name: weights.weights[name]) == "semantic"
    assert all(weights.weights[name] == 0 for name in FEATURES if name not in FITTED)
    assert all(weights.weights[name] >= 0 for name in NONNEGATIVE)
    assert weights.weights["topic_inferred"] > 0 and weights.weights["kind_affinity"] > 0
    assert weights.affinity().shape == (10, 10)
    assert np.allclose(weights.affinity(), weights.affinity().T)
    assert weights.meta["trained_on"][0].startswith("train-")
    assert all(abs(w) < 10 for w in weights.weights.values()) and abs(weights.bias) < 10
    assert weights.meta["l2"] in L2_GRID
    assert Weights.from_json(weights.to_json()) == weights


def test_nonnegative_bound_holds_a_misleading_feature_at_zero():
    rng = np.random.default_rng(1)
    features = rng.random((400, 2))
    labels = (features[:, 0] > 0.7).astype(float)
    _, free = fit_logistic(np.c_[features, -features[:, 0]], labels, l2=0.01)
    _, bounded = fit_logistic(np.c_[features, -features[:, 0]], labels, l2=0.01, nonnegative=[2])
    assert free[2] < 0 and bounded[2] == 0.0 and bounded[0] > free[0]


def test_choose_l2_picks_from_the_grid_by_leave_one_cohort_out(embedder):
    cohorts = [c for c in read_labelled(LABELLED_PATH) if c.split == "train"][:3]
    prepared = [prepare(c, embedder) for c in cohorts]
    l2, figures = choose_l2(prepared, grid=(0.01, 0.1))
    assert l2 in (0.01, 0.1) and set(figures) == {"0.01", "0.1"}
    assert all(
        total == sum(len(c.true_pairs) for c in cohorts) and loss > 0
        for _, total, _, loss in figures.values()
    )


def test_fit_weights_uses_train_cohorts_only(embedder):
    organisations = [
        {"id": f"{s}{k}", "name": "x", "side": s, "description": d, "topics": [t]}
        for k, (t, d) in enumerate(
            [("waste", "recycling"), ("water", "rivers"), ("youth", "students")]
        )
        for s in "AB"
    ]
    train = make_cohort(
        {
            "organisations": organisations,
            "name": "t",
            "split": "train",
            "pairs": [["A0", "B0"], ["A1", "B1"], ["A2", "B2"]],
        }
    )
    other = make_cohort(
        {"organisations": organisations, "name": "h", "split": "heldout", "pairs": [["A0", "B1"]]}
    )
    weights = fit_weights([train, other], embedder, l2=0.01)
    assert weights.meta["trained_on"] == ["t"]
    assert weights.weights["semantic"] > 0
    assert weights.weights["topic_shared"] == weights.weights["topic_declared_inferred"] == 0.0
