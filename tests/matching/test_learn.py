import numpy as np

from twinning.matching.features import FEATURES
from twinning.matching.learn import fit_logistic, fit_weights
from twinning.matching.profiles import make_cohort
from twinning.matching.score import Weights, shipped_weights


def test_logistic_fit_finds_the_informative_feature():
    rng = np.random.default_rng(0)
    features = rng.random((400, 2))
    labels = (features[:, 0] > 0.7).astype(float)
    bias, weights = fit_logistic(features, labels, l2=0.001)
    assert weights[0] > 5 and abs(weights[1]) < 1 and bias < 0


def test_shipped_weights_rank_the_shared_topic_highest_and_round_trip():
    weights = shipped_weights()
    assert set(weights.weights) == set(FEATURES)
    assert max(weights.weights, key=weights.weights.get) in {"topic_shared", "topic_related"}
    assert Weights.from_json(weights.to_json()) == weights


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
    weights = fit_weights([train, other], embedder)
    assert weights.meta["trained_on"] == ["t"]
    assert weights.weights["topic_shared"] > 0
