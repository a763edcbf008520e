"""The embedded search index (ADR 0030) in `bench_search.py`'s run: build, latency, recall, memory.

Called in the benchmark's child process once the chunk table and the tantivy peer exist; every
timing is interleaved query by query with its peer, so both see the same machine load.
"""

from __future__ import annotations

import os
import tempfile
import time
from typing import Any

import numpy as np

EMBEDDER = "bench-random-words-64"


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _stored_peer(texts: list[str]) -> Any:
    """A tantivy index that also stores each chunk's text (what a search engine shows)."""
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("body", stored=True)
    builder.add_integer_field("id", stored=True)
    index = tantivy.Index(builder.build(), path=tempfile.mkdtemp(prefix="bench-tantivy-stored-"))
    writer = index.writer(heap_size=300_000_000, num_threads=2)
    for number, text in enumerate(texts):
        writer.add_document(tantivy.Document(body=text, id=number))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index


def measure(
    queries: list[str], filters: Any, texts: list[str], peer_index: Any, peer_seconds: float
) -> dict[str, Any]:
    """Build the index from the chunk table, then time it beside tantivy, same queries, interleaved."""
    from twinning.library.search import ann, engine, index_store
    from twinning.library.search.embeddings import encode_query
    from twinning.library.search.index_reader import reader
    from twinning.library.search.retrieval import full_text, nearest_both
    from twinning.library.search.text import query_words

    chunks = len(texts)
    rss_before = _rss_mb()
    started = time.perf_counter()
    if os.environ.get("BENCH_SEARCH_PROFILE") == "build":
        import cProfile
        import pstats
        import sys

        with cProfile.Profile() as profile:
            index_store.rebuild()
        pstats.Stats(profile, stream=sys.stderr).sort_stats("tottime").print_stats(20)
    else:
        index_store.rebuild()
    build_seconds = time.perf_counter() - started
    generation = reader.current()
    assert generation is not None, "the embedded index does not serve"
    rss_loaded = _rss_mb()
    disk_mb = index_store.disk_bytes() / 1e6
    stored = _stored_peer(texts)
    del texts

    def core(query: str) -> None:
        engine.ranking(query, filters, limit=10, embedder=EMBEDDER)

    peer_searcher, stored_searcher = peer_index.searcher(), stored.searcher()

    def peer(query: str) -> None:
        parsed = peer_index.parse_query(" OR ".join(query.split()), ["body"])
        peer_searcher.search(parsed, 10)

    def peer_with_documents(query: str) -> None:
        parsed = stored.parse_query(" OR ".join(query.split()), ["body"])
        for _, address in stored_searcher.search(parsed, 10).hits:
            stored_searcher.doc(address)

    def words(query: str) -> None:
        full_text(query_words(query), filters, every=True)

    def meaning(query: str) -> None:
        nearest_both(encode_query(EMBEDDER, query), filters, embedder=EMBEDDER)

    def full(query: str) -> None:
        engine.search(query, filters, limit=10, embedder=EMBEDDER)

    timings: dict[str, list[float]] = {
        name: [] for name in ("core", "peer", "full", "peer_documents", "words", "meaning")
    }
    functions = {
        "core": core,
        "peer": peer,
        "full": full,
        "peer_documents": peer_with_documents,
        "words": words,
        "meaning": meaning,
    }
    for query in queries[:5]:  # warm both sides
        for function in functions.values():
            function(query)
    if os.environ.get("BENCH_SEARCH_PROFILE") in functions:  # where one function's time goes
        import cProfile
        import pstats
        import sys

        profile = cProfile.Profile()
        profile.enable()
        for query in queries:
            functions[os.environ["BENCH_SEARCH_PROFILE"]](query)
        profile.disable()
        pstats.Stats(profile, stream=sys.stderr).sort_stats("tottime").print_stats(15)
    # The thread's CPU time beside the wall clock: on a shared machine the wall clock also
    # measures the wait for a core (ADR 0038).
    cpu: dict[str, list[float]] = {name: [] for name in functions}
    for query in queries:
        for name, function in functions.items():
            t, c = time.perf_counter(), time.thread_time()
            function(query)
            timings[name].append(time.perf_counter() - t)
            cpu[name].append(time.thread_time() - c)
    concurrency = {
        name: _threads_speedup(functions[name], queries) for name in ("core", "peer", "meaning")
    }
    return {
        "timings": timings,
        "cpu": cpu,
        "concurrency": concurrency,
        "recall": _recall_by_factor(generation, queries, ann),
        "build_seconds": build_seconds,
        "peer_seconds": peer_seconds,
        "chunks": chunks,
        "rss_index_loaded_mb": rss_loaded - rss_before,
        "rss_after_queries_mb": _rss_mb() - rss_before,
        "disk_mb": disk_mb,
        "generation_sets": {
            "-".join(map(str, key)): len(s.ids) for key, s in generation.sets.items()
        },
        "quantised": any(s.coarse is not None for s in generation.sets.values()),
    }


def _threads_speedup(function: Any, queries: list[str]) -> float:
    """Queries per second on two threads over one thread: above 1 only where the work releases the GIL."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connections

    def run_all(part: list[str]) -> None:
        for query in part:
            function(query)
        connections.close_all()  # each thread had its own connection

    started = time.perf_counter()
    for query in queries:
        function(query)
    one = time.perf_counter() - started
    started = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(run_all, [queries[0::2], queries[1::2]]))
    two = time.perf_counter() - started
    return round(one / max(two, 1e-9), 2)


def _recall_by_factor(generation: Any, queries: list[str], ann: Any) -> dict[str, float]:
    """Share of the exact 200 nearest paragraph chunks the quantised scan returns, by re-rank factor."""
    from twinning.library.search.embeddings import encode_query

    vector_set = generation.sets.get((EMBEDDER, False, True))
    if vector_set is None or vector_set.coarse is None:
        return {}
    none = np.zeros(0, dtype=np.int64)
    found: dict[str, list[float]] = {}
    times: dict[str, list[float]] = {}
    original = ann.RERANK_FACTOR, ann.LARGE_RERANK_FACTOR
    try:
        for query in queries[:50]:
            vector = encode_query(EMBEDDER, query)
            exact = set(np.argsort(-(np.asarray(vector_set.vectors) @ vector))[:200].tolist())
            for factor in (4, 8, 16, 24, 0):  # 0: the engine's own (by the set's size)
                ann.RERANK_FACTOR, ann.LARGE_RERANK_FACTOR = (
                    factor or original[0],
                    factor or original[1],
                )
                t = time.perf_counter()
                rows, _ = vector_set.nearest(vector, 200, removed=none)
                times.setdefault(f"p50_ms_factor_{factor or 'engine'}", []).append(
                    time.perf_counter() - t
                )
                found.setdefault(f"recall@200_factor_{factor or 'engine'}", []).append(
                    len(exact & set(rows.tolist())) / 200
                )
    finally:
        ann.RERANK_FACTOR, ann.LARGE_RERANK_FACTOR = original
    figures = {name: round(float(np.mean(values)), 3) for name, values in found.items()}
    figures.update(
        {name: round(float(np.median(values)) * 1000, 2) for name, values in times.items()}
    )
    return figures


def results(measured: dict[str, Any], params: dict[str, Any], *, postgres: bool) -> list[dict]:
    """CONTRACTS §6 entries of the embedded index."""
    timings = measured["timings"]

    def ms(name: str, q: float) -> float:
        return float(np.percentile(np.array(timings[name]) * 1000.0, q))

    per_million = 1e6 / measured["chunks"]
    params = {
        **params,
        "index": "tantivy 0.27 (words, BM25) + faiss PQ fast-scan re-ranked exactly (vectors), ADR 0030",
        "database": "PostgreSQL" if postgres else "SQLite",
        "interleaved": "each query runs every measured function in turn",
    }
    ratio = {f"ratio_p{q}": round(ms("core", q) / max(ms("peer", q), 1e-9), 1) for q in (50, 95)}

    def cpu_ms(name: str, q: float) -> float:
        return round(float(np.percentile(np.array(measured["cpu"][name]) * 1000.0, q)), 3)

    cpu = {f"cpu_p{q}_ms": {name: cpu_ms(name, q) for name in measured["cpu"]} for q in (50, 95)}
    entries = []
    for q in (50, 95):
        entries.append(
            {
                "name": f"search_index_core_latency_p{q}",
                "metric": f"p{q} latency of the three candidate lists and their fusion",
                "value": ms("core", q),
                "unit": "ms",
                "peer": "tantivy 0.27 BM25 alone, top 10 (the goal of issue 12: ≤ 1.5×)",
                "peer_value": ms("peer", q),
                "params": {
                    **params,
                    **ratio,
                    **cpu,
                    "two_threads_over_one": measured["concurrency"],
                    "words_list_ms": round(ms("words", q), 3),
                    "meaning_lists_ms": round(ms("meaning", q), 3),
                },
            }
        )
        entries.append(
            {
                "name": f"search_index_hybrid_latency_p{q}",
                "metric": f"p{q} latency of engine.search (lists, fusion, snippets, hydration)",
                "value": ms("full", q),
                "unit": "ms",
                "peer": "tantivy 0.27 BM25 top 10, fetching its 10 stored documents",
                "peer_value": ms("peer_documents", q),
                "params": {
                    **params,
                    "ratio": round(ms("full", q) / max(ms("peer_documents", q), 1e-9), 1),
                },
            }
        )
    entries.append(
        {
            "name": "search_index_build_throughput",
            "metric": "chunks per second of a full index build from the chunk table (embedding apart)",
            "value": measured["chunks"] / measured["build_seconds"],
            "unit": "chunks/s",
            "peer": "tantivy 0.27 alone over the same texts (no vectors, no table read)",
            "peer_value": measured["chunks"] / measured["peer_seconds"],
            "params": {
                **params,
                "build_seconds": round(measured["build_seconds"], 1),
                "peer_seconds": round(measured["peer_seconds"], 1),
                "sets": measured["generation_sets"],
                "quantised": measured["quantised"],
            },
        }
    )
    entries.append(
        {
            "name": "search_index_memory_per_million_chunks",
            "metric": "resident memory the loaded index adds, per million chunks",
            "value": measured["rss_after_queries_mb"] * per_million,
            "unit": "MB",
            "peer": None,
            "peer_value": None,
            "params": {
                **params,
                "rss_index_loaded_mb": round(measured["rss_index_loaded_mb"]),
                "rss_after_queries_mb": round(measured["rss_after_queries_mb"]),
                "disk_mb": round(measured["disk_mb"]),
                "disk_mb_per_million_chunks": round(measured["disk_mb"] * per_million),
                "note": "vectors are memory-mapped: pages read by the re-rank count here, shared by processes",
            },
        }
    )
    if measured["recall"]:
        entries.append(
            {
                "name": "search_index_vector_recall",
                "metric": "share of the exact 200 nearest chunks returned (the engine's re-rank factor for the set's size)",
                "value": measured["recall"].get("recall@200_factor_engine", 0.0),
                "unit": "ratio",
                "peer": "exact brute force over the same vectors",
                "peer_value": 1.0,
                "params": {**params, **measured["recall"]},
            }
        )
    return entries
