"""The two retrievers: full-text (FTS5 or tsvector) and nearest meaning (pgvector or numpy)."""

from __future__ import annotations

import re
import threading
import weakref
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from django.db import connection

from twinning.directory.countries import resolve_country
from twinning.library.enums import SearchKind
from twinning.library.search.embeddings import from_bytes
from twinning.library.search.schema import FTS_TABLE


@dataclass(frozen=True)
class SearchFilters:
    kind: str = ""
    topic: str = ""
    country: str = ""
    programme: str = ""
    year: int | None = None
    language: str = ""
    public_only: bool = True

    @classmethod
    def from_query(cls, query: dict) -> SearchFilters:
        """Filters from request parameters; unknown or malformed values are ignored."""
        year = str(query.get("year") or "").strip()
        kind = str(query.get("type") or "").strip()
        return cls(
            kind=kind if kind in SearchKind.values else "",
            topic=str(query.get("topic") or "").strip()[:60],
            country=resolve_country(str(query.get("country") or "")[:80]) or "",
            programme=str(query.get("programme") or "").strip()[:120],
            year=int(year) if year.isdigit() and len(year) == 4 else None,
            language=str(query.get("language") or "").strip()[:10],
        )

    def where(self, alias: str = "c") -> tuple[str, list[Any]]:
        """SQL conditions on the chunk table (same SQL on SQLite and PostgreSQL) and their parameters."""
        conditions: list[str] = []
        params: list[Any] = []
        if self.public_only:
            conditions.append(f"{alias}.is_public")
        if self.kind:
            conditions.append(f"{alias}.kind = %s")
            params.append(self.kind)
        if self.year:
            conditions.append(f"{alias}.year = %s")
            params.append(self.year)
        for column, value in (
            ("topics", self.topic),
            ("countries", self.country.upper()),
            ("programmes", self.programme),
            ("languages", self.language.split("-")[0].lower()),
        ):
            if value:
                conditions.append(f"{alias}.{column} LIKE %s")
                params.append(f"% {value} %")
        return (" AND ".join(conditions) or "1=1"), params


@dataclass(frozen=True)
class ChunkHit:
    chunk_id: int
    score: float


def _fts_expression(words: list[str], *, every: bool = False) -> str:
    return (" AND " if every else " OR ").join(
        '"' + word.replace('"', '""') + '"' for word in words
    )


def _tsquery(words: list[str], *, every: bool = False) -> str:
    return (" & " if every else " | ").join(
        "'" + word.replace("\\", "\\\\").replace("'", "''") + "'" for word in words
    )


def full_text(
    words: list[str], filters: SearchFilters, *, every: bool = False, limit: int = 200
) -> list[ChunkHit]:
    """Chunks matching any (with `every`: all) of `words`, best first (BM25 on SQLite, ts_rank_cd on PostgreSQL)."""
    if not words:
        return []
    where, params = filters.where()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"SELECT c.id, -bm25({FTS_TABLE}) AS score FROM {FTS_TABLE} JOIN library_searchchunk c ON c.id = {FTS_TABLE}.rowid "
                f"WHERE {FTS_TABLE} MATCH %s AND {where} ORDER BY bm25({FTS_TABLE}) LIMIT %s",
                [_fts_expression(words, every=every), *params, limit],
            )
        else:
            cursor.execute(
                "SELECT c.id, ts_rank_cd(c.search_vector, q, 1) AS score FROM library_searchchunk c, CAST(%s AS tsquery) q "
                f"WHERE c.search_vector @@ q AND {where} ORDER BY score DESC, c.id LIMIT %s",
                [_tsquery(words, every=every), *params, limit],
            )
        return [ChunkHit(row[0], float(row[1])) for row in cursor.fetchall()]


@cache
def _pgvector_column() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM information_schema.columns WHERE table_name = 'library_searchchunk' AND column_name = 'embedding_vector'"
        )
        return cursor.fetchone() is not None


def has_pgvector() -> bool:
    return connection.vendor == "postgresql" and _pgvector_column()


@dataclass
class CachedVectors:
    """One embedder's chunks in memory: ids, L2-normalised vectors, public and whole-record flags."""

    newest: int
    ids: np.ndarray
    vectors: np.ndarray
    public: np.ndarray
    whole: np.ndarray


class VectorCache:
    """The embeddings of one embedder held in memory, topped up when new chunks appear.

    Chunks are only ever added or deleted (never changed in place), so the largest id tells
    whether the cache is behind; deleted chunks drop out when hits are read back from the table.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries: dict[tuple[str, str], CachedVectors] = {}

    def load(self, embedder: str) -> CachedVectors:
        """The vectors of `embedder`, current as of this call."""
        key = (str(connection.settings_dict["NAME"]), embedder)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT MAX(id) FROM library_searchchunk WHERE embedder = %s", [embedder]
            )
            newest = cursor.fetchone()[0] or 0
            with self.lock:
                cached = self.entries.get(key) or CachedVectors(
                    0,
                    np.zeros(0, dtype=np.int64),
                    np.zeros((0, 0), dtype=np.float32),
                    np.zeros(0, dtype=bool),
                    np.zeros(0, dtype=bool),
                )
                if newest > cached.newest:
                    cursor.execute(
                        "SELECT id, embedding, is_public, whole FROM library_searchchunk WHERE embedder = %s AND id > %s ORDER BY id",
                        [embedder, cached.newest],
                    )
                    rows = cursor.fetchall()
                    if rows:
                        new_vectors = np.stack([from_bytes(row[1]) for row in rows])
                        count = len(rows)
                        cached = CachedVectors(
                            newest,
                            np.concatenate(
                                [cached.ids, np.fromiter((r[0] for r in rows), np.int64, count)]
                            ),
                            np.vstack([cached.vectors, new_vectors])
                            if len(cached.vectors)
                            else new_vectors,
                            np.concatenate(
                                [
                                    cached.public,
                                    np.fromiter((bool(r[2]) for r in rows), bool, count),
                                ]
                            ),
                            np.concatenate(
                                [cached.whole, np.fromiter((bool(r[3]) for r in rows), bool, count)]
                            ),
                        )
                    self.entries[key] = cached
                return cached

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


vector_cache = VectorCache()


def _chunk_ids(sql: str, params: list) -> np.ndarray:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return np.fromiter((row[0] for row in cursor.fetchall()), dtype=np.int64)


def nearest(
    vector: np.ndarray,
    filters: SearchFilters,
    *,
    embedder: str,
    whole: bool = False,
    limit: int = 200,
    exclude: tuple[str, int] | None = None,
) -> list[ChunkHit]:
    """Chunks (or, with `whole`, whole-record vectors) closest in meaning to `vector`, best first.

    `exclude` drops one record's chunks.
    """
    return nearest_both(vector, filters, embedder=embedder, limit=limit, exclude=exclude)[whole]


_vector_indexes: set[tuple[str, str, int]] = set()
_ef_search: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()


def vector_index_name(embedder: str, dimension: int) -> str:
    return (
        f"library_searchchunk_hnsw_{re.sub(r'[^a-z0-9]+', '_', embedder.lower())[:30]}_{dimension}"
    )


def ensure_vector_index(embedder: str, dimension: int) -> None:
    """PostgreSQL with pgvector: an HNSW index (cosine) over one embedder's vectors, made once.

    The column is untyped (the dimension follows the embedder), so the index is on the vectors
    cast to their dimension, limited to that embedder's rows; queries use the same expression.
    """
    key = (str(connection.settings_dict["NAME"]), embedder, dimension)
    if not has_pgvector() or key in _vector_indexes:
        return
    name = embedder.replace("'", "''")
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {vector_index_name(embedder, dimension)} ON library_searchchunk "
            f"USING hnsw ((embedding_vector::vector({dimension})) vector_cosine_ops) "
            f"WHERE embedder = '{name}'"
        )
    _vector_indexes.add(key)


def _pgvector_nearest(
    vector: np.ndarray, where: str, params: list[Any], *, embedder: str, whole: bool, limit: int
) -> list[ChunkHit]:
    literal = "[" + ",".join(f"{x:.6f}" for x in vector) + "]"
    typed = f"vector({len(vector)})"
    with connection.cursor() as cursor:
        # HNSW returns at most ef_search rows: ask for as many as the fusion reads, once per
        # database session.
        wanted = max(40, min(int(limit), 1000))
        raw = connection.connection
        if _ef_search.get(raw, 0) < wanted:
            cursor.execute(f"SET hnsw.ef_search = {wanted}")
            _ef_search[raw] = wanted
        cursor.execute(
            f"SELECT c.id, 1 - ((c.embedding_vector::{typed}) <=> CAST(%s AS {typed})) AS score FROM library_searchchunk c "
            f"WHERE c.embedder = %s AND c.embedding_vector IS NOT NULL AND c.whole = %s AND {where} "
            f"ORDER BY (c.embedding_vector::{typed}) <=> CAST(%s AS {typed}) LIMIT %s",
            [literal, embedder, whole, *params, literal, limit],
        )
        return [ChunkHit(row[0], float(row[1])) for row in cursor.fetchall()]


def _top(scores: np.ndarray, ids: np.ndarray, limit: int) -> list[ChunkHit]:
    count = min(limit, len(scores))
    if not count:
        return []
    top = np.argpartition(-scores, count - 1)[:count]
    top = top[np.argsort(-scores[top], kind="stable")]
    return [ChunkHit(int(ids[i]), float(scores[i])) for i in top if np.isfinite(scores[i])]


def nearest_both(
    vector: np.ndarray,
    filters: SearchFilters,
    *,
    embedder: str,
    limit: int = 200,
    exclude: tuple[str, int] | None = None,
) -> dict[bool, list[ChunkHit]]:
    """Nearest chunks (key False) and nearest whole-record vectors (key True), in one pass."""
    where, params = filters.where()
    if exclude:
        where += " AND NOT (c.kind = %s AND c.object_id = %s)"
        params += list(exclude)
    if has_pgvector():
        return {
            whole: _pgvector_nearest(
                vector, where, params, embedder=embedder, whole=whole, limit=limit
            )
            for whole in (False, True)
        }
    cached = vector_cache.load(embedder)
    if not len(cached.ids) or cached.vectors.shape[1] != len(vector):
        return {False: [], True: []}
    scores = cached.vectors @ vector.astype(np.float32)
    if filters.public_only:
        scores[~cached.public] = -np.inf
    if any(
        (
            filters.kind,
            filters.topic,
            filters.country,
            filters.programme,
            filters.year,
            filters.language,
        )
    ):
        allowed = _chunk_ids(
            f"SELECT c.id FROM library_searchchunk c WHERE c.embedder = %s AND {filters.where()[0]}",
            [embedder, *filters.where()[1]],
        )
        scores[~np.isin(cached.ids, allowed)] = -np.inf
    if exclude:
        excluded = _chunk_ids(
            "SELECT id FROM library_searchchunk WHERE kind = %s AND object_id = %s", list(exclude)
        )
        scores[np.isin(cached.ids, excluded)] = -np.inf
    whole_scores = np.where(cached.whole, scores, -np.inf)
    chunk_scores = np.where(cached.whole, -np.inf, scores)
    return {
        False: _top(chunk_scores, cached.ids, limit),
        True: _top(whole_scores, cached.ids, limit),
    }
