"""The two retrievers: full-text (FTS5 or tsvector) and nearest meaning (pgvector or numpy)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from django.db import connection

from twinning.directory.countries import resolve_country
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
            kind=kind if kind in ("document", "organisation", "pair", "event") else "",
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


def _fts_expression(words: list[str]) -> str:
    return " OR ".join('"' + word.replace('"', '""') + '"' for word in words)


def _tsquery(words: list[str]) -> str:
    return " | ".join("'" + word.replace("\\", "\\\\").replace("'", "''") + "'" for word in words)


def full_text(words: list[str], filters: SearchFilters, *, limit: int = 200) -> list[ChunkHit]:
    """Chunks matching any of `words`, best first (BM25 on SQLite, ts_rank_cd on PostgreSQL)."""
    if not words:
        return []
    where, params = filters.where()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"SELECT c.id, -bm25({FTS_TABLE}) AS score FROM {FTS_TABLE} JOIN library_searchchunk c ON c.id = {FTS_TABLE}.rowid "
                f"WHERE {FTS_TABLE} MATCH %s AND {where} ORDER BY bm25({FTS_TABLE}) LIMIT %s",
                [_fts_expression(words), *params, limit],
            )
        else:
            cursor.execute(
                "SELECT c.id, ts_rank_cd(c.search_vector, q, 1) AS score FROM library_searchchunk c, CAST(%s AS tsquery) q "
                f"WHERE c.search_vector @@ q AND {where} ORDER BY score DESC, c.id LIMIT %s",
                [_tsquery(words), *params, limit],
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


class VectorCache:
    """The embeddings of one embedder held in memory, topped up when new chunks appear.

    Chunks are only ever added or deleted (never changed in place), so the largest id tells
    whether the cache is behind; deleted chunks drop out when hits are read back from the table.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries: dict[tuple[str, str], tuple[int, np.ndarray, np.ndarray, np.ndarray]] = {}

    def load(self, embedder: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(chunk ids, L2-normalised vectors, public flags), current as of this call."""
        key = (str(connection.settings_dict["NAME"]), embedder)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT MAX(id) FROM library_searchchunk WHERE embedder = %s", [embedder]
            )
            newest = cursor.fetchone()[0] or 0
            with self.lock:
                empty = (
                    0,
                    np.zeros(0, dtype=np.int64),
                    np.zeros((0, 0), dtype=np.float32),
                    np.zeros(0, dtype=bool),
                )
                last, ids, vectors, public = self.entries.get(key, empty)
                if newest > last:
                    cursor.execute(
                        "SELECT id, embedding, is_public FROM library_searchchunk WHERE embedder = %s AND id > %s ORDER BY id",
                        [embedder, last],
                    )
                    rows = cursor.fetchall()
                    if rows:
                        new_vectors = np.stack([from_bytes(row[1]) for row in rows])
                        vectors = np.vstack([vectors, new_vectors]) if len(vectors) else new_vectors
                        ids = np.concatenate(
                            [
                                ids,
                                np.fromiter(
                                    (row[0] for row in rows), dtype=np.int64, count=len(rows)
                                ),
                            ]
                        )
                        public = np.concatenate(
                            [
                                public,
                                np.fromiter(
                                    (bool(row[2]) for row in rows), dtype=bool, count=len(rows)
                                ),
                            ]
                        )
                    self.entries[key] = (newest, ids, vectors, public)
                return ids, vectors, public

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
    limit: int = 200,
    exclude: tuple[str, int] | None = None,
) -> list[ChunkHit]:
    """Chunks closest in meaning to `vector` (cosine), best first; `exclude` drops one record's chunks."""
    where, params = filters.where()
    if exclude:
        where += " AND NOT (c.kind = %s AND c.object_id = %s)"
        params += list(exclude)
    if has_pgvector():
        literal = "[" + ",".join(f"{x:.6f}" for x in vector) + "]"
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT c.id, 1 - (c.embedding_vector <=> CAST(%s AS vector)) AS score FROM library_searchchunk c "
                f"WHERE c.embedder = %s AND c.embedding_vector IS NOT NULL AND {where} ORDER BY c.embedding_vector <=> CAST(%s AS vector) LIMIT %s",
                [literal, embedder, *params, literal, limit],
            )
            return [ChunkHit(row[0], float(row[1])) for row in cursor.fetchall()]
    ids, vectors, public = vector_cache.load(embedder)
    if not len(ids) or vectors.shape[1] != len(vector):
        return []
    scores = vectors @ vector.astype(np.float32)
    if filters.public_only:
        scores[~public] = -np.inf
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
        scores[~np.isin(ids, allowed)] = -np.inf
    if exclude:
        excluded = _chunk_ids(
            "SELECT id FROM library_searchchunk WHERE kind = %s AND object_id = %s", list(exclude)
        )
        scores[np.isin(ids, excluded)] = -np.inf
    count = min(limit, len(scores))
    top = np.argpartition(-scores, count - 1)[:count]
    top = top[np.argsort(-scores[top], kind="stable")]
    return [ChunkHit(int(ids[i]), float(scores[i])) for i in top if np.isfinite(scores[i])]
