import numpy as np

from twinning.matching.features import FEATURES, aligned_features, pair_features, prepare_sides
from twinning.matching.profiles import make_profile


def profile(identifier, side, topics, description=""):
    return make_profile(
        {"id": identifier, "side": side, "description": description, "topics": topics}
    )


def features_of(side_a, side_b, embedder):
    a, b = prepare_sides(side_a, side_b, embedder)
    tensor = pair_features(a, b)
    return {name: tensor[:, :, k] for k, name in enumerate(FEATURES)}, (a, b, tensor)


def test_exact_topic_set_beats_a_superset_whatever_the_wording(embedder):
    a = [profile("a", "A", ["Energy", "Climate", "Low Carbon"])]
    b = [
        profile("same", "B", ["能源", "climate change", "低碳"]),
        profile("more", "B", ["Energy", "Climate", "Low Carbon", "Water"]),
    ]
    values, _ = features_of(a, b, embedder)
    assert values["topic_exact"].tolist() == [[1.0, 0.0]]
    assert values["topic_jaccard"][0].tolist() == [1.0, 0.75]
    assert values["topic_idf"][0, 0] > values["topic_idf"][0, 1]


def test_free_labels_count_in_the_topic_sets(embedder):
    a = [profile("a", "A", ["Forests", "Climate"])]
    b = [profile("forests", "B", ["forests", "Climate"]), profile("plain", "B", ["Climate"])]
    values, _ = features_of(a, b, embedder)
    assert values["topic_exact"][0].tolist() == [1.0, 0.0]
    assert values["topic_jaccard"][0].tolist() == [1.0, 0.5]


def test_rare_shared_topics_weigh_more_than_common_ones(embedder):
    a = [profile("a1", "A", ["Climate", "Gender"]), profile("a2", "A", ["Climate", "Water"])]
    b = [
        profile("b1", "B", ["Climate", "Gender"]),
        profile("b2", "B", ["Climate", "Oceans"]),
        profile("b3", "B", ["Climate", "Youth"]),
    ]
    values, _ = features_of(a, b, embedder)
    # with a1: b2 shares only the common "climate", b1 shares the rare "gender" as well
    assert values["topic_idf"][0, 0] > values["topic_idf"][0, 1]
    assert values["topic_shared"][1, 1] == values["topic_shared"][1, 2]


def test_cross_text_and_missing_topics(embedder):
    a = [profile("a", "A", [], "We clean beaches and run ocean science classes in schools.")]
    b = [profile("sea", "B", ["Oceans", "Education"]), profile("air", "B", ["Air quality"])]
    values, _ = features_of(a, b, embedder)
    assert values["topics_missing"][0].tolist() == [1.0, 1.0]
    assert values["topic_cross_text"][0, 0] == 1.0 and values["topic_cross_text"][0, 1] == 0.0


def test_aligned_features_equal_the_pair_tensor(embedder):
    a = [profile("a1", "A", ["Water", "Forests"], "River volunteers"), profile("a2", "A", [])]
    b = [
        profile("b1", "B", ["water"], "湿地保护和环境教育"),
        profile("b2", "B", ["Waste"], "recycling"),
    ]
    _, (sa, sb, tensor) = features_of(a, b, embedder)
    rows, columns = np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1])
    assert np.allclose(aligned_features(sa, rows, sb, columns), tensor[rows, columns], atol=1e-6)
