"""Where a hybrid search's milliseconds go on the embedded index: cProfile over the bench corpus.

Builds `bench_search.py`'s synthetic library (BENCH_SEARCH_CHUNKS chunks, default 100,000) once
into a directory that is kept (argument 1, default /tmp/twinning-profile-search), with its
embedded index, then times and profiles the benchmark's "core" (three lists and their fusion)
and full `engine.search` beside tantivy BM25 alone over the same texts:

    PYTHONPATH=src .venv/bin/python bench/profile_search.py [DIRECTORY] [core|full|words|meaning|none]
"""

from __future__ import annotations

import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main(directory: Path, profiled: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("TWINNING_DATA_DIR", str(directory))
    os.environ.setdefault("TWINNING_DATABASE_URL", f"sqlite:///{directory / 'bench.sqlite3'}")
    os.environ["TWINNING_TASK_BACKEND"] = "django_tasks.backends.dummy.DummyBackend"
    os.environ["DJANGO_SETTINGS_MODULE"] = "twinning.settings"
    import bench_search
    import tantivy

    from twinning.cli import setup_django

    setup_django()
    from django.db import connection

    from twinning.library.search import engine, index_store
    from twinning.library.search.embeddings import register_embedder
    from twinning.library.search.index_reader import reader
    from twinning.library.search.retrieval import SearchFilters

    words = bench_search.vocabulary()
    model = bench_search.RandomWordEmbedder(words)
    register_embedder(bench_search.EMBEDDER, model)
    random = np.random.default_rng(bench_search.SEED + 2)
    lexicon = np.array(words, dtype=object)
    words_path = directory / "peer-words"
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM library_searchchunk")
        count = cursor.fetchone()[0]
    if not count:
        texts, _, _ = bench_search.fill_table(
            model, random, lexicon, postgres=connection.vendor == "postgresql"
        )
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("body", stored=False)
        builder.add_integer_field("id", stored=True)
        words_path.mkdir(exist_ok=True)
        peer_index = tantivy.Index(builder.build(), path=str(words_path))
        writer = peer_index.writer(heap_size=300_000_000, num_threads=2)
        for number, text in enumerate(texts):
            writer.add_document(tantivy.Document(body=text, id=number))
        writer.commit()
        writer.wait_merging_threads()
        del texts
        started = time.perf_counter()
        index_store.rebuild()
        print(f"index build {time.perf_counter() - started:.1f} s", file=sys.stderr)
    else:
        random = np.random.default_rng(bench_search.SEED + 2)
        bench_search._zipf_ids(random, (0, 0))  # the queries below come from a fresh generator
    peer_index = tantivy.Index.open(str(words_path))
    assert reader.current() is not None, "the embedded index does not serve"
    query_random = np.random.default_rng(bench_search.SEED + 3)
    query_ids = query_random.integers(200, 8000, size=(bench_search.QUERIES, 3))
    queries = [" ".join(lexicon[row[: 2 + n % 2]]) for n, row in enumerate(query_ids)]
    filters = SearchFilters(public_only=False)
    embedder = bench_search.EMBEDDER

    def core(query: str) -> None:
        engine.ranking(query, filters, limit=10, embedder=embedder)

    def full(query: str) -> None:
        engine.search(query, filters, limit=10, embedder=embedder)

    searcher = peer_index.searcher()

    def peer(query: str) -> None:
        searcher.search(peer_index.parse_query(" OR ".join(query.split()), ["body"]), 10)

    from twinning.library.search.embeddings import encode_query
    from twinning.library.search.retrieval import full_text, nearest_both
    from twinning.library.search.text import query_words

    def words(query: str) -> None:
        full_text(query_words(query), filters, every=True)

    def meaning(query: str) -> None:
        nearest_both(encode_query(embedder, query), filters, embedder=embedder)

    functions = {"core": core, "full": full, "peer": peer, "words": words, "meaning": meaning}
    for query in queries[:5]:
        for function in functions.values():
            function(query)
    times: dict[str, list[float]] = {name: [] for name in functions}
    # CPU time of this thread too: on a shared machine the wall clock mostly measures the queue
    # for a core, the thread's CPU time what the query itself costs.
    cpu: dict[str, list[float]] = {name: [] for name in functions}
    for query in queries:
        for name, function in functions.items():
            t, c = time.perf_counter(), time.thread_time()
            function(query)
            times[name].append(time.perf_counter() - t)
            cpu[name].append(time.thread_time() - c)
    for name, values in times.items():
        p50, p95 = (float(np.percentile(np.array(values) * 1000, q)) for q in (50, 95))
        c50, c95 = (float(np.percentile(np.array(cpu[name]) * 1000, q)) for q in (50, 95))
        print(
            f"{name:>7}: p50 {p50:.2f} ms  p95 {p95:.2f} ms   CPU p50 {c50:.2f} ms  p95 {c95:.2f} ms"
        )
    if profiled in functions:
        profile = cProfile.Profile()
        profile.enable()
        for query in queries:
            functions[profiled](query)
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main(
        Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/twinning-profile-search"),
        sys.argv[2] if len(sys.argv) > 2 else "core",
    )
