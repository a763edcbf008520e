"""Vector sets of the embedded index: exact below a size, quantised candidates re-ranked above it."""

from __future__ import annotations

import numpy as np

from twinning.library.search import ann


def random_set(count: int, *, exact_below: int | None, seed: int = 7) -> ann.VectorSet:
    random = np.random.default_rng(seed)
    vectors = random.standard_normal((count, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = np.arange(10, 10 + 2 * count, 2, dtype=np.int64)
    records = np.stack([ids % 3, ids // 2, 2000 + ids % 5], axis=1)
    return ann.VectorSet.build(ids, vectors, records, exact_below=exact_below)


def exact(vector_set: ann.VectorSet, query: np.ndarray, limit: int, rows=None) -> list[int]:
    rows = np.arange(len(vector_set.ids)) if rows is None else rows
    scores = np.asarray(vector_set.vectors)[rows] @ query
    return [int(rows[i]) for i in np.lexsort((rows, -scores))[:limit]]


def test_a_small_set_is_scanned_exactly_with_removed_ids_and_filters_applied():
    vector_set = random_set(300, exact_below=1000)
    assert vector_set.coarse is None
    query = np.asarray(vector_set.vectors[5])
    rows, scores = vector_set.nearest(query, 20, removed=np.zeros(0, dtype=np.int64))
    assert rows.tolist() == exact(vector_set, query, 20)
    assert rows[0] == 5 and abs(scores[0] - 1.0) < 1e-5
    removed = vector_set.ids[[5, 6]]
    rows, _ = vector_set.nearest(query, 20, removed=removed)
    allowed = np.array([row for row in range(300) if row not in (5, 6)])
    assert rows.tolist() == exact(vector_set, query, 20, allowed)

    def kind_one(vs: ann.VectorSet, candidates: np.ndarray) -> np.ndarray:
        return vs.records[candidates, 0] == 1

    rows, _ = vector_set.nearest(query, 20, removed=removed, keep=kind_one)
    allowed = np.array([r for r in allowed if vector_set.records[r, 0] == 1])
    assert rows.tolist() == exact(vector_set, query, 20, allowed)


def test_a_large_set_is_quantised_and_its_re_ranked_candidates_recall_the_exact_nearest():
    vector_set = random_set(3000, exact_below=1000)
    assert vector_set.coarse is not None
    random = np.random.default_rng(11)
    recalls = []
    for _ in range(20):
        query = random.standard_normal(16).astype(np.float32)
        query /= np.linalg.norm(query)
        rows, scores = vector_set.nearest(query, 50, removed=np.zeros(0, dtype=np.int64))
        assert len(rows) == 50 and list(scores) == sorted(scores, reverse=True)
        assert np.allclose(scores, np.asarray(vector_set.vectors)[rows] @ query, atol=1e-5)
        recalls.append(len(set(rows.tolist()) & set(exact(vector_set, query, 50))) / 50)
    assert np.mean(recalls) >= 0.9


def test_a_selective_filter_on_a_quantised_set_falls_back_to_the_exact_scan():
    vector_set = random_set(3000, exact_below=1000)
    query = np.asarray(vector_set.vectors[0])
    few = set(vector_set.ids[[100, 900, 2999]].tolist())

    def only_few(vs: ann.VectorSet, candidates: np.ndarray) -> np.ndarray:
        return np.isin(vs.ids[candidates], list(few))

    rows, _ = vector_set.nearest(query, 10, removed=np.zeros(0, dtype=np.int64), keep=only_few)
    assert rows.tolist() == exact(vector_set, query, 10, np.array([100, 900, 2999]))


def test_a_set_survives_saving_and_loading(tmp_path):
    vector_set = random_set(1500, exact_below=1000)
    vector_set.save(tmp_path / "set")
    loaded = ann.VectorSet.load(tmp_path / "set")
    query = np.asarray(vector_set.vectors[3])
    none = np.zeros(0, dtype=np.int64)
    assert loaded.nearest(query, 30, removed=none)[0].tolist() == (
        vector_set.nearest(query, 30, removed=none)[0].tolist()
    )
    assert loaded.records.tolist() == vector_set.records.tolist()


def test_one_thread_sets_every_thread_pool_to_one_and_restores_it():
    libraries = ann._threads().lib_controllers
    assert libraries, "numpy's BLAS and faiss's OpenMP are loaded"
    for library in libraries:
        library.set_num_threads(2)
    with ann.one_thread():
        assert [library.get_num_threads() for library in libraries] == [1] * len(libraries)
        with ann.one_thread():  # nested: already one, and still one when the inner one ends
            pass
        assert [library.get_num_threads() for library in libraries] == [1] * len(libraries)
    assert [library.get_num_threads() for library in libraries] == [2] * len(libraries)


def test_quantised_candidates_get_their_cosines_from_the_stored_vectors():
    vector_set = random_set(3000, exact_below=1000)
    assert vector_set.coarse is not None
    query = np.asarray(vector_set.vectors[11])
    rows, scores = vector_set.nearest(query, 10, removed=np.zeros(0, dtype=np.int64))
    # a float32 product over the 80 candidates and one over these 10 rows may round apart
    assert np.abs(scores - np.asarray(vector_set.vectors)[rows] @ query).max() < 1e-6
    assert rows.tolist() == exact(vector_set, query, 10)
