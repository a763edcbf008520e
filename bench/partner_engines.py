"""Candidate engines for `PartnerIndex`, on the same projected vectors (ADR 0024; not in `make bench`).

    PYTHONPATH=src:bench .venv/bin/python bench/partner_engines.py [PROFILES] [LISTS]

Builds the shipped index once (gain-weighted 128-d projection, float16 re-rank vectors), then
swaps only the candidate stage: faiss IVF-Flat, IVF-SQ fp16, IVF-PQ, IVF-PQ fast-scan, HNSW, and hnswlib /
usearch when installed (`pip install hnswlib usearch`; not dependencies). Every engine returns
384 candidates that the same float16 re-rank orders; recall@10 is against exact brute force.
LISTS=100 at 100,000 profiles makes 32 probes scan as many vectors as 1,000 lists at a million.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from collections.abc import Callable

import faiss
import numpy as np

from twinning.matching.index import (
    PartnerIndex,
    dimension_gains,
    exact_search,
    item_vectors,
    one_thread,
    query_vectors,
)
from twinning.matching.synthetic import synthetic_side

CANDIDATES = 384


def main(profiles: int = 100_000, lists: int = 1_000, queries: int = 200) -> None:
    """Print recall@10, p50/p95 latency, build seconds and bytes per profile of each engine."""
    side = synthetic_side(profiles, seed=1)
    vectors, gains = item_vectors(side), dimension_gains(side)
    del side
    query = query_vectors(synthetic_side(queries, seed=2))
    index = PartnerIndex.build(vectors, lists=lists, gains=gains)
    truth = [set(exact_search(vectors, row, 10)[0].tolist()) for row in query]
    assert index.kept is not None and index.query_scale is not None
    kept, scale = index.kept, index.query_scale
    with one_thread():
        reduced = np.empty((profiles, index.projection.shape[1]), dtype=np.float32)
        for start in range(0, profiles, 65536):
            block = vectors[start : start + 65536][:, kept] / scale
            reduced[start : start + 65536] = block @ index.projection
    width = reduced.shape[1]
    rerank_bytes = index.full.shape[1] * 2
    print(f"profiles {profiles}, lists {lists}, load average {os.getloadavg()}")

    def rerank(full_query: np.ndarray, shortlist: np.ndarray) -> np.ndarray:
        shortlist = np.sort(shortlist[shortlist >= 0])
        exact = index.full[shortlist].astype(np.float32) @ full_query
        return shortlist[np.argsort(-exact, kind="stable")[:10]]

    def measure(name: str, candidates: Callable[[np.ndarray], np.ndarray], built: float) -> None:
        def one(row: np.ndarray) -> np.ndarray:
            with one_thread():
                full_query = row[kept] * scale
                return rerank(full_query, candidates(full_query @ index.projection))

        for row in query[:20]:
            one(row)
        latency, recall = [], []
        for row, expected in zip(query, truth, strict=True):
            started = time.perf_counter()
            found = one(row)
            latency.append(time.perf_counter() - started)
            recall.append(len(expected & set(found.tolist())) / 10)
        print(
            f"{name:36s} recall@10 {np.mean(recall):.3f}  p50 {np.percentile(latency, 50) * 1e3:6.2f}"
            f" ms  p95 {np.percentile(latency, 95) * 1e3:6.2f} ms  build {built:6.1f} s",
            flush=True,
        )

    def faiss_engine(name: str, engine: faiss.Index, bytes_per: float, **search: int) -> None:
        started = time.perf_counter()
        with one_thread():
            engine.train(reduced[: min(profiles, 100_000)])
            engine.add(reduced)
        built = time.perf_counter() - started
        for key, value in search.items():
            setattr(engine if key != "efSearch" else engine.hnsw, key, value)

        def candidates(projected: np.ndarray) -> np.ndarray:
            return engine.search(projected[None, :], CANDIDATES)[1][0]

        measure(f"{name} ({bytes_per + rerank_bytes:.0f} B/profile)", candidates, built)

    ip = faiss.METRIC_INNER_PRODUCT
    faiss_engine(
        "faiss IVF-Flat, 32 probes",
        faiss.IndexIVFFlat(faiss.IndexFlatIP(width), width, lists, ip),
        width * 4 + 8,
        nprobe=32,
    )
    faiss_engine(
        "faiss IVF-PQ 32x8, 32 probes",
        faiss.IndexIVFPQ(faiss.IndexFlatIP(width), width, lists, 32, 8, ip),
        32 + 8,
        nprobe=32,
    )
    faiss_engine(
        "faiss IVF-SQ fp16, 32 probes (shipped)",
        faiss.IndexIVFScalarQuantizer(
            faiss.IndexFlatIP(width), width, lists, faiss.ScalarQuantizer.QT_fp16, ip
        ),
        width * 2 + 8,
        nprobe=32,
    )
    faiss_engine(
        "faiss IVF-PQ 64x4 fast-scan",
        faiss.IndexIVFPQFastScan(faiss.IndexFlatIP(width), width, lists, 64, 4, ip),
        32 + 8,
        nprobe=32,
    )
    hnsw = faiss.IndexHNSWFlat(width, 32, ip)
    hnsw.hnsw.efConstruction = 80
    faiss_engine("faiss HNSW32, ef 384", hnsw, width * 4 + 64 * 4, efSearch=384)
    if importlib.util.find_spec("hnswlib"):
        import hnswlib  # type: ignore[import-not-found]

        started = time.perf_counter()
        graph = hnswlib.Index(space="ip", dim=width)
        graph.init_index(max_elements=profiles, ef_construction=80, M=16)
        graph.add_items(reduced, np.arange(profiles), num_threads=1)
        graph.set_ef(CANDIDATES)
        built = time.perf_counter() - started
        measure(
            f"hnswlib M16, ef 384 ({width * 4 + 32 * 4 + rerank_bytes} B/profile)",
            lambda projected: graph.knn_query(projected[None, :], k=CANDIDATES)[0][0].astype(
                np.int64
            ),
            built,
        )
    if importlib.util.find_spec("usearch"):
        from usearch.index import Index  # type: ignore[import-not-found]

        started = time.perf_counter()
        usearch_index = Index(
            ndim=width, metric="ip", dtype="f32", connectivity=16, expansion_search=CANDIDATES
        )
        usearch_index.add(np.arange(profiles), reduced, threads=1)
        built = time.perf_counter() - started
        measure(
            f"usearch M16, ef 384 ({width * 4 + 32 * 4 + rerank_bytes} B/profile)",
            lambda projected: np.asarray(
                usearch_index.search(projected, CANDIDATES, threads=1).keys, dtype=np.int64
            ),
            built,
        )


if __name__ == "__main__":
    arguments = [int(value) for value in sys.argv[1:3]]
    main(*arguments)
