import numpy as np

from twinning.matching.embedding import FusedEmbedder, HashingEmbedder, embedding_parts
from twinning.matching.features import FEATURES
from twinning.matching.infer import (
    KINDS,
    confident_topics,
    infer_kinds,
    infer_topics,
    kind_table,
    shared_inferred,
    softmax_rows,
)
from twinning.matching.profiles import Profile
from twinning.matching.reasons import Evidence, Reason, explain_pair, render
from twinning.topics import vocabulary


def one_hot(index: int, size: int, strength: float = 0.9) -> np.ndarray:
    row = np.full(size, (1.0 - strength) / (size - 1), dtype=np.float32)
    row[index] = strength
    return row


def test_topics_are_inferred_from_the_text_with_a_confidence():
    embedder = HashingEmbedder(dimension=512)
    texts = ["rivers, watershed and flooding: we monitor the river", "青年 学生 young people"]
    probabilities = infer_topics(embedder.encode(texts), embedder)
    assert probabilities.shape == (2, len(vocabulary()))
    assert np.allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)
    assert confident_topics(probabilities[0], minimum=0.0)[0][0] == "water"
    assert confident_topics(probabilities[1], minimum=0.0)[0][0] == "youth"
    assert infer_kinds(embedder.encode(texts), embedder).shape == (2, len(KINDS))


def test_softmax_rows_are_distributions_and_sharpen_with_a_low_temperature():
    similarity = np.array([[0.8, 0.7, 0.1]], dtype=np.float32)
    sharp, soft = softmax_rows(similarity, 0.02), softmax_rows(similarity, 1.0)
    assert np.allclose(sharp.sum(), 1.0) and sharp[0, 0] > 0.99 and soft[0, 0] < 0.5


def test_kind_table_is_learned_from_the_true_pairs():
    youth, city = KINDS.index("youth"), KINDS.index("city")
    size = len(KINDS)
    side_a = np.stack([one_hot(youth, size), one_hot(city, size)])
    side_b = np.stack([one_hot(city, size), one_hot(youth, size)])
    truth = np.array([[0.0, 1.0], [1.0, 0.0]])  # youth with youth, city with city
    table = kind_table([side_a] * 3, [side_b] * 3, [truth] * 3)
    assert np.allclose(table, table.T)
    assert table[youth, youth] > 0 and table[city, city] > 0
    assert table[youth, city] < 0


def test_fused_embedder_splits_into_normalised_parts():
    fused = FusedEmbedder([HashingEmbedder(dimension=64), HashingEmbedder(dimension=32)])
    rows = fused.encode(["water and rivers", "solar cooperative"])
    assert rows.shape == (2, 96) and np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    parts = embedding_parts(fused, rows)
    assert [p.shape[1] for p in parts] == [64, 32]
    assert all(np.allclose(np.linalg.norm(p, axis=1), 1.0, atol=1e-5) for p in parts)


def test_reasons_say_when_a_topic_was_inferred_and_name_a_learned_kind_pair():
    slugs = list(vocabulary())
    water = slugs.index("water")
    a = Profile("a", "A", "A", "Die Gesellschaft vereint Limnologinnen und Hydrobiologen.")
    b = Profile("b", "B", "B", "我们招募市民志愿者，每月巡查排污口。")
    features = np.zeros(len(FEATURES), dtype=np.float32)
    features[FEATURES.index("topic_inferred")] = 0.8
    features[FEATURES.index("kind_affinity")] = 0.5
    weights = {"topic_inferred": 1.0, "kind_affinity": 1.0}
    research, grassroots = KINDS.index("research"), KINDS.index("grassroots")
    evidence = Evidence(
        one_hot(water, len(slugs)),
        one_hot(water, len(slugs), 0.7),
        one_hot(research, len(KINDS)),
        one_hot(grassroots, len(KINDS)),
    )
    reasons = explain_pair(a, b, features, weights, evidence)
    assert reasons[:2] == [
        Reason("inferred_topics", {"topics": ["water"]}),
        Reason("kind_pair", {"a_kind": "research", "b_kind": "grassroots"}),
    ]
    assert render(reasons[0]) == "inferred from the descriptions: water and watersheds"
    assert render(reasons[0], "zh") == "根据介绍推断的共同主题：水与流域"
    assert render(reasons[1]) == (
        "a research body with a grassroots group: a kind of pair committees often choose"
    )
    assert render(Reason("same_kind", {"kinds": "city"})) == "both are city governments"
    assert shared_inferred(evidence.topics_a, evidence.topics_b) == ["water"]


def test_without_weight_no_inferred_reason_is_given():
    slugs = list(vocabulary())
    a = Profile("a", "A", "A", "x")
    b = Profile("b", "B", "B", "y")
    evidence = Evidence(
        one_hot(0, len(slugs)), one_hot(0, len(slugs)), one_hot(0, 10), one_hot(0, 10)
    )
    features = np.zeros(len(FEATURES), dtype=np.float32)
    assert explain_pair(a, b, features, {}, evidence) == [Reason("weak_fit")]
