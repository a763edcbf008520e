"""Searching the embedded index from any process: the current generation, picked up when it moves.

Each search stats the pointer file (a few microseconds) and reloads when it changed; every
TWINNING_SEARCH_INDEX_CHECK_SECONDS it also compares the chunk table's row count and largest id
with what the index last saw, and if they disagree for longer than
TWINNING_SEARCH_INDEX_GRACE_SECONDS (no worker caught up), `current()` returns None and search
falls back to the SQL/numpy path. Results are arrays (chunk ids, scores, kind codes, object ids); `retrieval` wraps them.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import tantivy
from django.conf import settings
from django.db import connection

from twinning.library.search import ann
from twinning.library.search.index_store import (
    CURRENT,
    DIRTY,
    KINDS,
    SetKey,
    State,
    database_identity,
    fold_filter,
    index_root,
    read_pointer,
)

if TYPE_CHECKING:
    from twinning.library.search.retrieval import SearchFilters

logger = logging.getLogger(__name__)
# A ranked list: chunk ids, scores (float64), kind codes (in KINDS), object ids.
Hits = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


@dataclass
class Generation:
    """One loaded version of a generation: tantivy searcher, vector sets, state."""

    key: tuple[str, int, int]
    name: str
    version: int
    database: str
    kinds: list[str]
    words: tantivy.Index
    searcher: tantivy.Searcher
    sets: dict[SetKey, ann.VectorSet]
    state: State
    checked_at: float = 0.0
    fresh: bool = True
    mismatch_since: float | None = None
    codes: dict[str, int] = field(init=False)
    to_kinds: np.ndarray = field(init=False)  # code in KINDS by this index's code; -1: unknown

    def __post_init__(self) -> None:
        self.codes = {kind: number for number, kind in enumerate(self.kinds)}
        self.to_kinds = np.array(
            [KINDS.index(kind) if kind in KINDS else -1 for kind in self.kinds] + [-1],
            dtype=np.int64,
        )


@lru_cache(maxsize=64)
def _files(root: Path) -> tuple[str, str]:
    """The pointer and dirty-mark files of an index root (joined once: a search stats them)."""
    return str(root / CURRENT), str(root / DIRTY)


def _setting(name: str, default: float) -> float:
    return float(getattr(settings, name, default))


class Reader:
    """The process's view of the index; `current()` is cheap when nothing moved."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.loaded: Generation | None = None
        self.failed: tuple[str, int, int] | None = None

    def current(self) -> Generation | None:
        """The generation to search, or None (missing, another database's, unreadable or stale)."""
        root = index_root()
        try:
            status = os.stat(_files(root)[0])
        except OSError:
            return None
        key = (str(root), status.st_ino, status.st_mtime_ns)
        loaded = self.loaded
        if loaded is None or loaded.key != key:
            if key == self.failed:
                return None
            with self.lock:
                loaded = self.loaded
                if loaded is None or loaded.key != key:
                    loaded = self._load(root, key, loaded)
                    self.loaded = loaded
                    self.failed = None if loaded else key
        if loaded is None or loaded.database != database_identity():
            return None
        return loaded if self._fresh(loaded) else None

    def _load(
        self, root: Path, key: tuple[str, int, int], previous: Generation | None
    ) -> Generation | None:
        pointer = read_pointer(root)
        if pointer is None:
            return None
        name, version = pointer
        try:
            state = State.load(root / name / f"state-{version}.npz")
            if previous is not None and previous.name == name:
                previous.words.reload()
                words, sets, manifest = previous.words, previous.sets, None
            else:
                manifest = json.loads((root / name / "manifest.json").read_text())
                words = tantivy.Index.open(str(root / name / "words"))
                sets = {
                    (str(s[0]), bool(s[1]), bool(s[2])): ann.VectorSet.load(
                        root / name / "vectors" / s[3]
                    )
                    for s in manifest["sets"]
                }
        except (OSError, ValueError, KeyError, RuntimeError) as error:
            logger.warning("search index %s not loaded: %s", name, error)
            return None
        return Generation(
            key=key,
            name=name,
            version=version,
            database=previous.database if manifest is None and previous else manifest["database"],  # type: ignore[index]
            kinds=previous.kinds if manifest is None and previous else manifest["kinds"],  # type: ignore[index]
            words=words,
            searcher=words.searcher(),
            sets=sets,
            state=state,
        )

    def _fresh(self, loaded: Generation) -> bool:
        now = time.monotonic()
        if now - loaded.checked_at < _setting("TWINNING_SEARCH_INDEX_CHECK_SECONDS", 10):
            return loaded.fresh
        loaded.checked_at = now
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM library_searchchunk")
            count, newest = cursor.fetchone()
        if (int(count), int(newest)) == (loaded.state.count, loaded.state.newest):
            loaded.mismatch_since, loaded.fresh = None, True
        else:
            loaded.mismatch_since = loaded.mismatch_since or now
            grace = _setting("TWINNING_SEARCH_INDEX_GRACE_SECONDS", 60)
            loaded.fresh = now - loaded.mismatch_since < grace
        return loaded.fresh

    def dirty(self) -> bool:
        """Whether chunks were deleted since the index last caught up (found ids may be gone)."""
        current, dirty = _files(index_root())
        try:
            return os.stat(dirty).st_mtime_ns >= os.stat(current).st_mtime_ns
        except OSError:
            return False

    def text(
        self,
        generation: Generation,
        words: list[str],
        filters: SearchFilters,
        *,
        every: bool,
        limit: int,
    ) -> Hits | None:
        """Chunks holding all (or any) of `words`, best first by tantivy's BM25; None: use SQL."""
        values = (filters.topic, filters.country, filters.programme, filters.language)
        if any(len(value.split()) > 1 for value in values):
            return None  # LIKE '% a b %' spans two values: only SQL answers that alike
        schema = generation.words.schema
        occur = tantivy.Occur.Must if every else tantivy.Occur.Should
        clauses = [(occur, tantivy.Query.term_query(schema, "words", word)) for word in words]
        conditions: list[tuple[str, Any]] = []
        if filters.public_only:
            conditions.append(("public", 1))
        if filters.kind:
            conditions.append(("kind", generation.codes.get(filters.kind, -2)))
        if filters.year:
            conditions.append(("year", int(filters.year)))
        for name, value in (
            ("topics", filters.topic),
            ("countries", filters.country.upper()),
            ("programmes", filters.programme),
            ("languages", filters.language.split("-")[0].lower()),
        ):
            if value:
                conditions.append((name, fold_filter(value)))
        query = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, tantivy.Query.boolean_query(clauses))]
            + [
                (
                    tantivy.Occur.Must,
                    tantivy.Query.const_score_query(
                        tantivy.Query.term_query(schema, name, value), 0.0
                    ),
                )
                for name, value in conditions
            ]
        )
        hits = generation.searcher.search(query, limit, count=False).hits
        if not hits:
            return _NONE
        scores, addresses = zip(*hits, strict=True)
        searcher = generation.searcher
        chunks = np.array(searcher.fast_field_values("chunk", list(addresses)), dtype=np.int64)
        ranked = np.array(scores, dtype=np.float64)
        # Equal scores come back in segment order, which changes between builds: ties go by chunk.
        order = np.lexsort((chunks, -ranked))
        return (
            chunks[order],
            ranked[order],
            generation.to_kinds[
                np.array(searcher.fast_field_values("kind", list(addresses)), dtype=np.int64)
            ][order],
            np.array(searcher.fast_field_values("object", list(addresses)), dtype=np.int64)[order],
        )

    def nearest(
        self,
        generation: Generation,
        vector: np.ndarray,
        filters: SearchFilters,
        *,
        embedder: str,
        limit: int,
        exclude: tuple[str, int] | None,
    ) -> dict[bool, Hits]:
        """Nearest chunks (False) and whole records (True) of `embedder`, filters applied to candidates."""
        with ann.one_thread():
            return self._nearest(generation, vector, filters, embedder, limit, exclude)

    def _nearest(
        self,
        generation: Generation,
        vector: np.ndarray,
        filters: SearchFilters,
        embedder: str,
        limit: int,
        exclude: tuple[str, int] | None,
    ) -> dict[bool, Hits]:
        keep = self._row_filter(generation, filters, embedder, exclude)
        state = generation.state
        found: dict[bool, Hits] = {}
        for whole in (False, True):
            parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
            for public in (True, False) if not filters.public_only else (True,):
                key = (embedder, whole, public)
                for vector_set, removed in (
                    (generation.sets.get(key), state.removed),
                    (state.deltas.get(key), np.zeros(0, dtype=np.int64)),
                ):
                    if vector_set is None:
                        continue
                    rows, scores = vector_set.nearest(vector, limit, removed=removed, keep=keep)
                    parts.append((vector_set.ids[rows], scores, vector_set.records[rows]))
            found[whole] = self._merged(parts, limit, generation)
        return found

    def _merged(
        self,
        parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
        limit: int,
        generation: Generation,
    ) -> Hits:
        if not parts:
            return _NONE
        if len(parts) == 1:
            ids, scores, records = parts[0]
            order = slice(None, limit)  # one set's rows come best first, ties by ascending id
        else:
            ids = np.concatenate([part[0] for part in parts])
            scores = np.concatenate([part[1] for part in parts])
            records = np.concatenate([part[2] for part in parts])
            order = np.lexsort((ids, -scores))[:limit]  # type: ignore[assignment]
        records = records[order]
        return (
            ids[order],
            scores[order].astype(np.float64),
            generation.to_kinds[records[:, 0]],
            records[:, 1],
        )

    def _row_filter(
        self,
        generation: Generation,
        filters: SearchFilters,
        embedder: str,
        exclude: tuple[str, int] | None,
    ) -> ann.RowFilter | None:
        """Which rows a search may return, beyond public (sets) and removed (ids)."""
        allowed: np.ndarray | None = None
        if any((filters.topic, filters.country, filters.programme, filters.language)):
            where, params = filters.where()
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT c.id FROM library_searchchunk c WHERE c.embedder = %s AND {where}",
                    [embedder, *params],
                )
                allowed = np.sort(np.fromiter((row[0] for row in cursor.fetchall()), np.int64))
        kind = generation.codes.get(filters.kind, -2) if filters.kind else None
        year = int(filters.year) if filters.year else None
        excluded = (generation.codes.get(exclude[0], -2), int(exclude[1])) if exclude else None
        if allowed is None and kind is None and year is None and excluded is None:
            return None

        def keep(vector_set: ann.VectorSet, rows: np.ndarray) -> np.ndarray:
            records = vector_set.records[rows]
            mask = np.ones(len(rows), dtype=bool)
            if allowed is not None:
                mask &= np.isin(vector_set.ids[rows], allowed)
            if kind is not None:
                mask &= records[:, 0] == kind
            if year is not None:
                mask &= records[:, 2] == year
            if excluded is not None:
                mask &= ~((records[:, 0] == excluded[0]) & (records[:, 1] == excluded[1]))
            return mask

        return keep

    def forget(self) -> None:
        """Drop the loaded generation (tests, or after the index directory moved)."""
        with self.lock:
            self.loaded, self.failed = None, None


_NONE: Hits = (
    np.zeros(0, dtype=np.int64),
    np.zeros(0, dtype=np.float64),
    np.zeros(0, dtype=np.int64),
    np.zeros(0, dtype=np.int64),
)


def existing(ids: list[int]) -> set[int]:
    found: set[int] = set()
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            batch = ids[start : start + 500]
            placeholders = ", ".join(["%s"] * len(batch))
            cursor.execute(
                f"SELECT id FROM library_searchchunk WHERE id IN ({placeholders})", batch
            )
            found.update(row[0] for row in cursor.fetchall())
    return found


reader = Reader()


class ChunkRows:
    """Display fields of the chunks shown, read in one query on first use; a chunk replaced since
    the search (gone from the table) shows its record's chunk of now."""

    FIELDS = "id, reference, title, title_zh, source, target, text"

    def __init__(self, prefetch: list[int], rows: dict[int, tuple[str, ...]] | None = None) -> None:
        self.prefetch = [i for i in prefetch if i not in (rows or {})]
        self.read: dict[int, tuple[str, ...]] = rows or {}
        self.rows: dict[int, tuple[str, ...]] | None = None

    def row(self, chunk_id: int, kind: str, object_id: int) -> tuple[str, ...]:
        if chunk_id in self.read:
            return self.read[chunk_id]
        if self.rows is None:
            self.rows = _display_rows(self.prefetch)
        if chunk_id not in self.rows:
            self.rows.update(_display_rows([chunk_id]))
        if chunk_id not in self.rows:  # replaced since the search: the record's chunk of now
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT {self.FIELDS} FROM library_searchchunk WHERE kind = %s AND object_id = %s "
                    "ORDER BY whole, position LIMIT 1",
                    [kind, object_id],
                )
                found = cursor.fetchone()
            self.rows[chunk_id] = (
                tuple(found[1:]) if found else (str(object_id), "", "", "", "", "")
            )
        return self.rows[chunk_id]


def _display_rows(ids: list[int]) -> dict[int, tuple[str, ...]]:
    if not ids:
        return {}
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {ChunkRows.FIELDS} FROM library_searchchunk WHERE id IN ({placeholders})", ids
        )
        return {row[0]: tuple(row[1:]) for row in cursor.fetchall()}
