"""Nearest-vector engines side by side on the search benchmark's vectors (ADR 0038).

The paragraph vectors and whole-record vectors `bench_search.py` stores (BENCH_SEARCH_CHUNKS,
default 100,000, and one per ten), queried with the benchmark's queries: for each engine the
share of the exact 200 nearest it returns, p50/p95 of a top-200 query (scores re-computed from
the stored float32 vectors, as the index does), build seconds and memory per million vectors.
All on one thread (BLAS and OpenMP), as the index runs; everything in the same run:

    PYTHONPATH=src .venv/bin/python bench/ann_compare.py [--queries 200] [--engines exact,pq,hnsw32-ef256]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_search  # noqa: E402

LIMIT = 200


def bench_vectors(
    chunks: int,
) -> tuple[np.ndarray, np.ndarray, list[str], bench_search.RandomWordEmbedder]:
    """The benchmark's paragraph vectors, whole-record vectors, queries and model, made as it makes them."""
    words = bench_search.vocabulary()
    model = bench_search.RandomWordEmbedder(words)
    random = np.random.default_rng(bench_search.SEED + 2)
    lexicon = np.array(words, dtype=object)
    parts, wholes = [], []
    for start in range(0, chunks, 50_000):
        count = min(50_000, chunks - start)
        ids = bench_search._zipf_ids(random, (count, bench_search.WORDS_PER_CHUNK))
        vectors = model.encode_ids(ids).astype(np.float32)
        whole = vectors.reshape(-1, bench_search.CHUNKS_PER_RECORD, bench_search.DIMENSION).sum(1)
        whole /= np.maximum(np.linalg.norm(whole, axis=1, keepdims=True), 1e-9)
        parts.append(vectors)
        wholes.append(whole.astype(np.float32))
    query_ids = random.integers(200, 8000, size=(bench_search.QUERIES, 3))
    queries = [" ".join(lexicon[row[: 2 + n % 2]]) for n, row in enumerate(query_ids)]
    return np.vstack(parts), np.vstack(wholes), queries, model


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def engines(names: list[str]) -> dict[str, Callable[[np.ndarray], tuple[Callable, float, float]]]:
    """Builders by name: each returns (search(query) -> rows, build seconds, MB it holds)."""
    import faiss

    from twinning.library.search import ann

    def exact(vectors: np.ndarray) -> tuple[Callable, float, float]:
        def search(query: np.ndarray) -> np.ndarray:
            return ann._best(np.arange(len(vectors)), vectors @ query, LIMIT)[0]

        return search, 0.0, vectors.nbytes / 1e6

    def pq(vectors: np.ndarray) -> tuple[Callable, float, float]:
        started = time.perf_counter()
        vector_set = ann.VectorSet.build(
            np.arange(len(vectors), dtype=np.int64),
            vectors,
            np.zeros((len(vectors), 3), dtype=np.int64),
            exact_below=0,
        )
        seconds = time.perf_counter() - started
        none = np.zeros(0, dtype=np.int64)
        size = vector_set.coarse.sa_code_size() * len(vectors) / 1e6 if vector_set.coarse else 0.0

        def search(query: np.ndarray) -> np.ndarray:
            return vector_set.nearest(query, LIMIT, removed=none)[0]

        return search, seconds, size + vectors.nbytes / 1e6

    def hnsw(m: int, ef: int, construction: int, storage: str) -> Callable:
        def build(vectors: np.ndarray) -> tuple[Callable, float, float]:
            before = _rss_mb()
            started = time.perf_counter()
            dimension = vectors.shape[1]
            if storage == "flat":
                index = faiss.IndexHNSWFlat(dimension, m, faiss.METRIC_INNER_PRODUCT)
            else:
                index = faiss.IndexHNSWSQ(
                    dimension, faiss.ScalarQuantizer.QT_8bit, m, faiss.METRIC_INNER_PRODUCT
                )
                index.train(vectors)
            index.hnsw.efConstruction = construction
            index.add(vectors)
            seconds = time.perf_counter() - started
            size = _rss_mb() - before
            parameters = faiss.SearchParametersHNSW(efSearch=max(ef, LIMIT))

            def search(query: np.ndarray) -> np.ndarray:
                _, found = index.search(query[None, :], LIMIT, params=parameters)
                rows = np.sort(found[0][found[0] >= 0])
                return ann._best(rows, vectors[rows] @ query, LIMIT)[0]

            return search, seconds, size

        return build

    known: dict[str, Callable] = {"exact": exact, "pq": pq}
    for name in names:
        if name.startswith("hnsw"):  # hnsw<M>-ef<ef>[-c<construction>][-sq]
            parts = name.split("-")
            m = int(parts[0][4:])
            ef = int(next(p[2:] for p in parts if p.startswith("ef")))
            construction = int(next((p[1:] for p in parts if p.startswith("c")), 40))
            known[name] = hnsw(m, ef, construction, "sq" if "sq" in parts else "flat")
    return {name: known[name] for name in names}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chunks", type=int, default=bench_search.CHUNKS)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--engines",
        default="exact,pq,hnsw16-ef200,hnsw16-ef400,hnsw32-ef200,hnsw32-ef300,hnsw32-ef400,hnsw32-ef200-sq",
    )
    args = parser.parse_args()
    from twinning.library.search import ann

    paragraphs, wholes, queries, model = bench_vectors(args.chunks)
    query_vectors = model.encode(queries[: args.queries])
    names = args.engines.split(",")
    print(
        f"{len(paragraphs)} paragraph vectors, {len(wholes)} whole-record vectors, {len(query_vectors)} queries"
    )
    with ann.one_thread():
        for label, vectors in (("paragraphs", paragraphs), ("whole", wholes)):
            truth = [set(np.argsort(-(vectors @ q))[:LIMIT].tolist()) for q in query_vectors]
            built = {}
            for name, builder in engines(names).items():
                built[name] = builder(vectors)
            times: dict[str, list[float]] = {name: [] for name in built}
            recall: dict[str, list[float]] = {name: [] for name in built}
            for query, exact in zip(query_vectors, truth, strict=True):
                for name, (search, _, _) in built.items():  # interleaved: same load for each
                    started = time.perf_counter()
                    rows = search(query)
                    times[name].append(time.perf_counter() - started)
                    recall[name].append(len(exact & set(rows.tolist())) / LIMIT)
            per_million = 1e6 / len(vectors)
            for name, (_, seconds, megabytes) in built.items():
                p50, p95 = (float(np.percentile(np.array(times[name]) * 1000, q)) for q in (50, 95))
                print(
                    f"{label:<10} {name:<18} recall@200 {np.mean(recall[name]):.3f}  "
                    f"p50 {p50:6.3f} ms  p95 {p95:6.3f} ms  build {seconds:6.2f} s "
                    f"({seconds * per_million:6.1f} s/M)  memory {megabytes * per_million:6.0f} MB/M"
                )


if __name__ == "__main__":
    main()
