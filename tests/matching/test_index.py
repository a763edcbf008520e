import numpy as np
import pytest

from twinning.matching.features import BILINEAR, FEATURES, pair_features
from twinning.matching.index import (
    PartnerIndex,
    StaleIndex,
    dimension_gains,
    exact_search,
    item_vectors,
    load_or_build,
    query_vectors,
)
from twinning.matching.score import score_matrix, shipped_weights, sigmoid
from twinning.matching.synthetic import synthetic_side


def test_query_item_product_is_the_bilinear_part_of_the_score():
    a, b = synthetic_side(20, seed=1), synthetic_side(30, seed=2)
    weights = shipped_weights()
    bilinear = query_vectors(a) @ item_vectors(b).T
    features = pair_features(a, b, weights.affinity())
    others = [k for k, name in enumerate(FEATURES) if name not in BILINEAR]
    rest = features[:, :, others] @ weights.vector()[others]
    full = features @ weights.vector()
    assert np.allclose(bilinear + rest, full, atol=1e-4)
    expected = sigmoid(bilinear + rest + weights.bias)
    assert np.allclose(score_matrix(a, b), expected, atol=1e-5)


def test_index_recall_against_brute_force():
    vectors = item_vectors(synthetic_side(4000, seed=3))
    queries = query_vectors(synthetic_side(40, seed=4))
    index = PartnerIndex.build(vectors, lists=32, dimensions=64)
    recall = []
    for query in queries:
        found, scores = index.search(query, k=10, probes=8, candidates=200)
        truth, _ = exact_search(vectors, query, 10)
        assert list(scores) == sorted(scores, reverse=True)
        recall.append(len(set(found) & set(truth)) / 10)
    assert np.mean(recall) >= 0.95


def test_probing_every_list_finds_the_exact_best():
    vectors = item_vectors(synthetic_side(500, seed=5))
    query = query_vectors(synthetic_side(1, seed=6))[0]
    index = PartnerIndex.build(vectors, lists=8, dimensions=32)
    found, _ = index.search(query, k=1, probes=8, candidates=500)
    truth, _ = exact_search(vectors, query, 1)
    assert found.tolist() == truth.tolist()
    assert len(index.ids) == 500 and sorted(index.ids.tolist()) == list(range(500))


def test_gains_drop_ignored_dimensions_and_keep_the_exact_inner_product():
    side = synthetic_side(3000, seed=7)
    vectors, gains = item_vectors(side), dimension_gains(side)
    weights = shipped_weights().weights
    assert gains.shape == (vectors.shape[1],)
    assert gains[:27].tolist() == [abs(weights["topic_shared"])] * 27  # first block: topics
    queries = query_vectors(synthetic_side(30, seed=8))
    # a dimension with gain 0 never moves the logit: the query is 0 there
    assert np.all(queries[:, gains == 0] == 0)
    index = PartnerIndex.build(vectors, lists=32, dimensions=64, gains=gains)
    assert index.full.shape[1] == int((gains > 0).sum())
    recall = []
    for query in queries:
        found, scores = index.search(query, k=10, probes=8, candidates=200)
        assert np.allclose(scores, vectors[found] @ query, atol=2e-2)
        truth, _ = exact_search(vectors, query, 10)
        recall.append(len(set(found) & set(truth)) / 10)
    assert np.mean(recall) >= 0.95


def _small_index(tmp_path):
    side = synthetic_side(400, seed=9)
    vectors, gains = item_vectors(side), dimension_gains(side)
    return vectors, gains, PartnerIndex.build(vectors, lists=8, dimensions=32, gains=gains)


def test_a_saved_index_loads_and_answers_the_same(tmp_path):
    vectors, _, index = _small_index(tmp_path)
    index.save(tmp_path / "partners.npz")
    loaded = PartnerIndex.load(tmp_path / "partners.npz")
    query = query_vectors(synthetic_side(1, seed=10))[0]
    found, scores = index.search(query, k=5, probes=4, candidates=50)
    again, again_scores = loaded.search(query, k=5, probes=4, candidates=50)
    assert again.tolist() == found.tolist() and np.array_equal(again_scores, scores)
    assert loaded.kept.tolist() == index.kept.tolist()
    assert loaded.bytes_per_profile == index.bytes_per_profile
    assert not (tmp_path / "partners.npz.partial").exists()


def test_an_index_of_the_old_layout_is_rebuilt_not_read(tmp_path):
    vectors, gains, index = _small_index(tmp_path)
    path = tmp_path / "partners.npz"
    # format 1 (numpy IVF): lists stored sorted, no format number
    np.savez(
        path,
        projection=index.projection,
        centroids=index.centroids,
        offsets=np.zeros(9, dtype=np.int64),
        reduced=np.zeros((400, 32), dtype=np.float32),
        full=index.full,
        ids=np.arange(400),
    )
    with pytest.raises(StaleIndex):
        PartnerIndex.load(path)
    rebuilt = load_or_build(path, vectors, gains)
    assert rebuilt.coarse.ntotal == 400
    assert PartnerIndex.load(path).coarse.ntotal == 400  # the rebuilt one replaced the file


def test_an_unreadable_or_other_size_index_is_rebuilt(tmp_path):
    vectors, gains, index = _small_index(tmp_path)
    path = tmp_path / "partners.npz"
    path.write_bytes(b"not an index")
    with pytest.raises(StaleIndex):
        PartnerIndex.load(path)
    assert load_or_build(path, vectors, gains).coarse.ntotal == 400
    more = np.vstack([vectors, vectors[:10]])
    assert load_or_build(path, more, gains).coarse.ntotal == 410
    assert load_or_build(path, more, gains).full.shape[0] == 410
