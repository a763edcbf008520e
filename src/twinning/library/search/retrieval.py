"""The two retrievers: full-text (FTS5 or tsvector) and nearest meaning (pgvector or numpy)."""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple, overload

import numpy as np
from django.db import connection

from twinning.directory.countries import resolve_country
from twinning.library.enums import SearchKind
from twinning.library.search import bm25, index_reader
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


class ChunkHit(NamedTuple):
    """One chunk of a ranked list (a tuple: a search makes hundreds of them)."""

    chunk_id: int
    score: float


class RankedChunks:
    """A ranked chunk list as arrays, best first: chunk ids, scores (float64) and, when the embedded
    index found them, each chunk's record (kind code in `index_store.KINDS`, object id).

    Iterating, indexing and comparing behave as a list of ChunkHit.
    """

    __slots__ = ("ids", "scores", "kinds", "objects")

    def __init__(
        self,
        ids: Any,
        scores: Any,
        kinds: np.ndarray | None = None,
        objects: np.ndarray | None = None,
    ) -> None:
        self.ids = np.asarray(ids, dtype=np.int64)
        self.scores = np.asarray(scores, dtype=np.float64)
        self.kinds = None if kinds is None else np.asarray(kinds, dtype=np.int64)
        self.objects = None if objects is None else np.asarray(objects, dtype=np.int64)

    @classmethod
    def of(cls, hits: Iterable[tuple[int, float]]) -> RankedChunks:
        """A list of (chunk id, score) pairs, without records."""
        pairs = list(hits)
        return cls([pair[0] for pair in pairs], [pair[1] for pair in pairs])

    def keep(self, mask: np.ndarray) -> RankedChunks:
        """The chunks where `mask` is True, in the same order."""
        return RankedChunks(
            self.ids[mask],
            self.scores[mask],
            None if self.kinds is None else self.kinds[mask],
            None if self.objects is None else self.objects[mask],
        )

    def then(self, other: RankedChunks) -> RankedChunks:
        """This list followed by `other` (records kept only when both have them)."""
        records = self.kinds is not None and other.kinds is not None
        return RankedChunks(
            np.concatenate([self.ids, other.ids]),
            np.concatenate([self.scores, other.scores]),
            np.concatenate([self.kinds, other.kinds]) if records else None,
            np.concatenate([self.objects, other.objects]) if records else None,
        )

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[ChunkHit]:
        return map(ChunkHit._make, zip(self.ids.tolist(), self.scores.tolist(), strict=True))

    @overload
    def __getitem__(self, index: int) -> ChunkHit: ...
    @overload
    def __getitem__(self, index: slice) -> list[ChunkHit]: ...
    def __getitem__(self, index: int | slice) -> ChunkHit | list[ChunkHit]:
        if isinstance(index, slice):
            return list(self)[index]
        return ChunkHit(int(self.ids[index]), float(self.scores[index]))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RankedChunks | list):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"RankedChunks({list(self)!r})"


# A ranked list as the fusion on dicts reads it (tests and tuning scripts pass plain lists).
HitList = list[ChunkHit] | RankedChunks


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
) -> RankedChunks:
    """Chunks matching any (with `every`: all) of `words`, best first by BM25 (FTS5's, or `bm25.rescore`)."""
    if not words:
        return RankedChunks.of([])
    generation = index_reader.reader.current()
    if generation is not None:
        found = index_reader.reader.text(generation, words, filters, every=every, limit=limit)
        if found is not None:
            return RankedChunks(*found)
    where, params = filters.where()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"SELECT c.id, -bm25({FTS_TABLE}) AS score FROM {FTS_TABLE} JOIN library_searchchunk c ON c.id = {FTS_TABLE}.rowid "
                f"WHERE {FTS_TABLE} MATCH %s AND {where} ORDER BY bm25({FTS_TABLE}) LIMIT %s",
                [_fts_expression(words, every=every), *params, limit],
            )
        else:
            # The candidates, capped, then BM25 as on SQLite (ts_rank_cd ignores how rare a word is).
            cursor.execute(
                "SELECT c.id, c.segmented FROM library_searchchunk c, CAST(%s AS tsquery) q "
                f"WHERE c.search_vector @@ q AND {where} "
                "ORDER BY ts_rank_cd(c.search_vector, q, 1) DESC, c.id LIMIT %s",
                [_tsquery(words, every=every), *params, max(limit, bm25.CANDIDATES)],
            )
            return RankedChunks.of(bm25.rescore(cursor.fetchall(), words)[:limit])
        return RankedChunks.of((row[0], float(row[1])) for row in cursor.fetchall())


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
    # Derived once per copy, so that a search never builds masks over every vector.
    rows: dict[bool, np.ndarray] = field(init=False, repr=False)
    row_ids: dict[bool, np.ndarray] = field(init=False, repr=False)
    private: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.rows = {flag: np.flatnonzero(self.whole == flag) for flag in (False, True)}
        self.row_ids = {flag: self.ids[rows] for flag, rows in self.rows.items()}
        self.private = np.flatnonzero(~self.public)


class VectorCache:
    """The embeddings of one embedder held in memory, topped up when new chunks appear.

    Chunks are only ever added or deleted (never changed in place), so the largest id tells
    whether the cache is behind; deleted chunks drop out when hits are read back from the table,
    and once they pass a tenth of the live ones (after a rebuild) the copy is read afresh.
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
                    if len(rows) < len(cached.ids):  # a first load has nothing deleted
                        cached = _without_deleted(cursor, cached, embedder)
                    self.entries[key] = cached
                return cached

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


# The share of deleted chunks the in-memory copy may carry before they are dropped from it.
STALE_SHARE = 0.1


def _without_deleted(cursor: Any, cached: CachedVectors, embedder: str) -> CachedVectors:
    """The copy without deleted chunks, once they pass STALE_SHARE of the live ones (a rebuild).

    Asked only after new chunks arrived, so searching pays nothing for it.
    """
    cursor.execute("SELECT COUNT(*) FROM library_searchchunk WHERE embedder = %s", [embedder])
    live = cursor.fetchone()[0]
    if len(cached.ids) <= live * (1 + STALE_SHARE):
        return cached
    cursor.execute("SELECT id FROM library_searchchunk WHERE embedder = %s", [embedder])
    keep = np.isin(cached.ids, np.fromiter((row[0] for row in cursor.fetchall()), np.int64))
    return CachedVectors(
        cached.newest,
        cached.ids[keep],
        cached.vectors[keep],
        cached.public[keep],
        cached.whole[keep],
    )


vector_cache = VectorCache()


@cache
def _blas_controller() -> Any:
    from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

    return ThreadpoolController()


def _one_blas_thread() -> Any:
    """BLAS on one thread for the vector scan: on a busy machine two OpenBLAS threads made the
    product of 110,000 × 64 floats 4× slower (30 ms against 8 ms), and a web server's requests
    already use the cores."""
    return _blas_controller().limit(limits=1, user_api="blas")


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
) -> RankedChunks:
    """Chunks (or, with `whole`, whole-record vectors) closest in meaning to `vector`, best first.

    `exclude` drops one record's chunks.
    """
    return nearest_both(vector, filters, embedder=embedder, limit=limit, exclude=exclude)[whole]


_vector_indexes: set[tuple[str, str, int]] = set()
_ef_search: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()


def vector_index_name(embedder: str, dimension: int, *, whole: bool | None = None) -> str:
    """The HNSW index of one embedder's paragraph chunks (`whole=False`) or whole records (`True`).

    `None` names the single index of before issue 12's speed work (both kinds in one).
    """
    suffix = "" if whole is None else ("_whole" if whole else "_chunk")
    slug = re.sub(r"[^a-z0-9]+", "_", embedder.lower())[: 30 if whole is None else 24]
    return f"library_searchchunk_hnsw_{slug}_{dimension}{suffix}"


def ensure_vector_index(embedder: str, dimension: int) -> None:
    """PostgreSQL with pgvector: two HNSW indexes (cosine) over one embedder's vectors, made once.

    The column is untyped (the dimension follows the embedder), so each index is on the vectors
    cast to their dimension, limited to that embedder's paragraph chunks or whole records: a
    query for one kind is then an index scan, never a scan of the table (see `_pgvector_nearest`).
    """
    key = (str(connection.settings_dict["NAME"]), embedder, dimension)
    if not has_pgvector() or key in _vector_indexes:
        return
    name = embedder.replace("'", "''")
    with connection.cursor() as cursor:
        for whole in (False, True):
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {vector_index_name(embedder, dimension, whole=whole)} "
                f"ON library_searchchunk USING hnsw ((embedding_vector::vector({dimension})) vector_cosine_ops) "
                f"WHERE embedder = '{name}' AND {'' if whole else 'NOT '}whole"
            )
        cursor.execute(f"DROP INDEX IF EXISTS {vector_index_name(embedder, dimension)}")
    _vector_indexes.add(key)


def _pgvector_nearest(
    vector: np.ndarray, where: str, params: list[Any], *, embedder: str, limit: int
) -> dict[bool, RankedChunks]:
    """Nearest paragraph chunks and nearest whole records in one round trip, each by its own index.

    `whole` is written as a literal condition so that the planner proves each partial HNSW
    index applies (a parameter, or one query over both kinds, scanned the table: 960 ms at
    100,000 chunks).
    """
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
        parts, arguments = [], []
        for whole in (False, True):
            parts.append(
                f"(SELECT c.id, {whole} AS whole, 1 - ((c.embedding_vector::{typed}) <=> CAST(%s AS {typed})) AS score "
                f"FROM library_searchchunk c WHERE c.embedder = %s AND {'' if whole else 'NOT '}c.whole "
                f"AND c.embedding_vector IS NOT NULL AND {where} "
                f"ORDER BY (c.embedding_vector::{typed}) <=> CAST(%s AS {typed}) LIMIT %s)"
            )
            arguments += [literal, embedder, *params, literal, limit]
        cursor.execute(" UNION ALL ".join(parts), arguments)
        found: dict[bool, list[ChunkHit]] = {False: [], True: []}
        for chunk_id, whole, score in cursor.fetchall():
            found[bool(whole)].append(ChunkHit(chunk_id, float(score)))
        for hits in found.values():
            hits.sort(key=lambda hit: -hit.score)
        return {flag: RankedChunks.of(hits) for flag, hits in found.items()}


def _top(scores: np.ndarray, ids: np.ndarray, limit: int) -> RankedChunks:
    count = min(limit, len(scores))
    if not count:
        return RankedChunks.of([])
    top = np.argpartition(-scores, count - 1)[:count]
    top = top[np.argsort(-scores[top], kind="stable")]
    top = top[np.isfinite(scores[top])]
    return RankedChunks(ids[top], scores[top].astype(np.float64))


def nearest_both(
    vector: np.ndarray,
    filters: SearchFilters,
    *,
    embedder: str,
    limit: int = 200,
    exclude: tuple[str, int] | None = None,
) -> dict[bool, RankedChunks]:
    """Nearest chunks (key False) and nearest whole-record vectors (key True), in one pass.

    From the embedded index when it is current; otherwise pgvector or the in-memory numpy copy.
    """
    generation = index_reader.reader.current()
    if generation is not None:
        found = index_reader.reader.nearest(
            generation, vector, filters, embedder=embedder, limit=limit, exclude=exclude
        )
        return {flag: RankedChunks(*hits) for flag, hits in found.items()}
    where, params = filters.where()
    if exclude:
        where += " AND NOT (c.kind = %s AND c.object_id = %s)"
        params += list(exclude)
    if has_pgvector():
        return _pgvector_nearest(vector, where, params, embedder=embedder, limit=limit)
    cached = vector_cache.load(embedder)
    if not len(cached.ids) or cached.vectors.shape[1] != len(vector):
        return {False: RankedChunks.of([]), True: RankedChunks.of([])}
    with _one_blas_thread():
        scores = cached.vectors @ vector.astype(np.float32)
    if filters.public_only:
        scores[cached.private] = -np.inf
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
    return {flag: _top(scores[rows], cached.ids[rows], limit) for flag, rows in cached.rows.items()}
