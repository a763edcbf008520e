"""BM25 for PostgreSQL: the same formula as SQLite FTS5's `bm25()`, over a capped candidate set.

`ts_rank_cd` knows nothing of how rare a word is. Here the matching chunks (at most
`CANDIDATES`, the best by `ts_rank_cd`) are re-scored in Python with Okapi BM25 (k1 = 1.2,
b = 0.75, FTS5's idf), taking each word's document frequency from the statistics PostgreSQL's
own ANALYZE keeps for the tsvector column (`pg_stats.most_common_elems`): no per-query count.
"""

from __future__ import annotations

import math
import threading
import time
from collections import Counter
from dataclasses import dataclass

from django.db import connection

K1 = 1.2
B = 0.75
CANDIDATES = 1000
STATISTICS_SECONDS = 300.0


@dataclass(frozen=True)
class Statistics:
    """What BM25 needs of the whole collection: its size, mean length, and common words' shares."""

    documents: float
    mean_length: float
    frequencies: dict[str, float]
    rare: float  # share assumed for a word outside the most common ones

    def idf(self, word: str) -> float:
        """FTS5's idf: log((N - n + 0.5) / (n + 0.5)), never below a tiny positive value."""
        n = self.frequencies.get(word, self.rare) * self.documents
        return max(math.log((self.documents - n + 0.5) / (n + 0.5)), 1e-6)


_lock = threading.Lock()
_cached: dict[str, tuple[float, Statistics]] = {}


def statistics() -> Statistics:
    """The collection statistics of this database, re-read at most every few minutes."""
    key = str(connection.settings_dict["NAME"])
    now = time.monotonic()
    with _lock:
        cached = _cached.get(key)
        if cached and now - cached[0] < STATISTICS_SECONDS:
            return cached[1]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT reltuples FROM pg_class WHERE oid = 'library_searchchunk'::regclass), "
            "s.most_common_elems::text::text[], s.most_common_elem_freqs, sample.count, sample.mean "
            "FROM (SELECT count(*) AS count, avg(array_length(string_to_array(segmented, ' '), 1)) AS mean "
            "FROM (SELECT segmented FROM library_searchchunk WHERE NOT whole LIMIT 2000) rows) sample "
            "LEFT JOIN pg_stats s ON s.tablename = 'library_searchchunk' AND s.attname = 'search_vector'"
        )
        reltuples, words, shares, sampled, mean_length = cursor.fetchone()
    documents = float(reltuples) if reltuples and reltuples > 0 else 0.0
    frequencies: dict[str, float] = {}
    rare = 0.0
    if words and shares:
        shares = [float(share) for share in shares]
        frequencies = dict(zip(words, shares[: len(words)], strict=True))
        # After the words come the least and most common shares: the planner's rare-word guess.
        rare = shares[len(words)] / 2
    found = Statistics(
        documents=max(documents, float(sampled or 0), 1.0),
        mean_length=float(mean_length or 1.0),
        frequencies=frequencies,
        rare=rare,
    )
    with _lock:
        _cached[key] = (now, found)
    return found


def clear() -> None:
    """Forget the cached statistics (after a rebuild or in tests)."""
    with _lock:
        _cached.clear()


def rescore(rows: list[tuple[int, str]], words: list[str]) -> list[tuple[int, float]]:
    """(chunk id, BM25 score) of each (chunk id, segmented words) row, best first."""
    stats = statistics()
    weights = {word: stats.idf(word) for word in words}
    scored = []
    for chunk_id, segmented in rows:
        tokens = segmented.lower().split()
        counts = Counter(tokens)
        norm = K1 * (1 - B + B * len(tokens) / stats.mean_length)
        score = 0.0
        for word, idf in weights.items():
            tf = counts.get(word, 0)
            if tf:
                score += idf * tf * (K1 + 1) / (tf + norm)
        scored.append((chunk_id, score))
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored
