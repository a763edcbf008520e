"""The embedded search index on disk (ADR 0030): tantivy for words, `ann` vector sets for meaning.

Derived from `library_searchchunk` (the record of truth) and kept in the data directory:

    search-index/CURRENT          "<generation>\\n<version>\\n", replaced atomically
    search-index/<generation>/    manifest.json, words/ (tantivy), vectors/ (one file set per
                                  embedder × whole × public), state-<version>.npz (ids indexed,
                                  ids removed since the build, vectors added since the build)

Only the worker writes (`sync`, `rebuild`), under a file lock; web processes read
(`index_reader`). A rebuild writes a new generation beside the live one and moves CURRENT at
the end, so a crash leaves the old generation serving.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import tantivy
from django.conf import settings
from django.db import connection

from twinning.library.enums import SearchKind
from twinning.library.search import ann

logger = logging.getLogger(__name__)

FORMAT = 1
CURRENT = "CURRENT"
DIRTY = "DIRTY"
KINDS: list[str] = list(SearchKind.values)
# The worker rebuilds when vectors added since the build pass this share of the built ones
# (and EXACT_BELOW), or removed ones pass it: the exact scan of the additions and the dead
# rows in the quantised scan then cost more than a rebuild saves.
REBUILD_SHARE = 0.2
COLUMNS = "id, kind, object_id, segmented, embedding, embedder, whole, is_public, year, topics, countries, programmes, languages"
TEXT_FIELDS = ("topics", "countries", "programmes", "languages")
# Rows of a set: (embedder, whole record, public).
SetKey = tuple[str, bool, bool]


class IndexUnavailable(Exception):
    """No index of this database to update (none built, another database's, or another format)."""


def index_root() -> Path:
    configured = getattr(settings, "TWINNING_SEARCH_INDEX_DIR", None)
    return Path(configured) if configured is not None else settings.DATA_DIR / "search-index"


def build_from() -> int:
    """Chunks at which the worker builds a missing index by itself (below, the SQL path is as fast)."""
    return int(getattr(settings, "TWINNING_SEARCH_INDEX_BUILD_FROM", ann.EXACT_BELOW))


def exact_below() -> int:
    return int(getattr(settings, "TWINNING_SEARCH_INDEX_EXACT_BELOW", ann.EXACT_BELOW))


def database_identity() -> str:
    """Which database an index was built from (vendor, host, port, name)."""
    values = connection.settings_dict
    return f"{connection.vendor}:{values.get('HOST') or ''}:{values.get('PORT') or ''}:{values['NAME']}"


def fold_filter(value: str) -> str:
    return value.lower()


def words_schema() -> tantivy.Schema:
    """Words (pre-segmented, whitespace-split), the chunk id and record as fast fields, the filters."""
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("words", tokenizer_name="whitespace", index_option="freq")
    builder.add_integer_field("chunk", indexed=True, fast=True)
    builder.add_integer_field("kind", indexed=True, fast=True)
    builder.add_integer_field("object", fast=True)
    builder.add_integer_field("public", indexed=True)
    builder.add_integer_field("year", indexed=True)
    for name in TEXT_FIELDS:
        builder.add_text_field(name, tokenizer_name="whitespace", index_option="basic")
    return builder.build()


def set_name(key: SetKey) -> str:
    embedder, whole, public = key
    slug = re.sub(r"[^a-z0-9]+", "-", embedder.lower()).strip("-")[:40]
    return f"{slug}-{'whole' if whole else 'chunk'}-{'public' if public else 'private'}"


@dataclass
class State:
    """What one version of a generation holds beyond its built files."""

    live: np.ndarray  # sorted chunk ids indexed
    removed: np.ndarray  # sorted chunk ids deleted since the build
    count: int  # rows of the chunk table at the last sync
    newest: int  # largest chunk id at the last sync
    deltas: dict[SetKey, ann.VectorSet] = field(default_factory=dict)

    def save(self, path: Path) -> None:
        keys = list(self.deltas)
        arrays: dict[str, Any] = {
            "live": self.live,
            "removed": self.removed,
            "fingerprint": np.array([self.count, self.newest], dtype=np.int64),
            "keys": np.array(json.dumps([list(key) for key in keys])),
        }
        for number, key in enumerate(keys):
            delta = self.deltas[key]
            arrays[f"ids{number}"] = delta.ids
            arrays[f"vectors{number}"] = np.asarray(delta.vectors)
            arrays[f"records{number}"] = delta.records
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.npz")
        np.savez(temporary, **arrays)
        os.replace(temporary, path)

    @classmethod
    def load(cls, path: Path) -> State:
        with np.load(path) as data:
            count, newest = (int(x) for x in data["fingerprint"])
            keys = [tuple(key) for key in json.loads(str(data["keys"]))]
            deltas = {
                (str(key[0]), bool(key[1]), bool(key[2])): ann.VectorSet(
                    data[f"ids{n}"], data[f"vectors{n}"], data[f"records{n}"]
                )
                for n, key in enumerate(keys)
            }
            return cls(data["live"], data["removed"], count, newest, deltas)


def read_pointer(root: Path) -> tuple[str, int] | None:
    """(generation, version) named by CURRENT, or None when there is no index."""
    try:
        name, version = (root / CURRENT).read_text().split()[:2]
        return name, int(version)
    except (FileNotFoundError, ValueError):
        return None


def write_pointer(root: Path, generation: str, version: int) -> None:
    temporary = root / f".{CURRENT}.{secrets.token_hex(4)}"
    temporary.write_text(f"{generation}\n{version}\n")
    os.replace(temporary, root / CURRENT)


def mark_dirty() -> None:
    """Chunks were deleted: until the next sync, readers check that found chunks still exist."""
    root = index_root()
    if (root / CURRENT).exists():
        (root / DIRTY).touch()


@contextlib.contextmanager
def writer_lock(root: Path) -> Iterator[None]:
    """One writer at a time across processes (tantivy allows one IndexWriter per directory)."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / "lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _fingerprint() -> tuple[int, int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM library_searchchunk")
        count, newest = cursor.fetchone()
    return int(count), int(newest)


def _live_ids() -> np.ndarray:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM library_searchchunk ORDER BY id")
        return np.fromiter((row[0] for row in cursor.fetchall()), dtype=np.int64)


def _rows(*, newest: int | None = None, ids: np.ndarray | None = None) -> Iterator[tuple]:
    """Chunk rows in id order: all up to `newest`, or those of `ids`."""
    if ids is not None:
        with connection.cursor() as cursor:
            for start in range(0, len(ids), 500):
                batch = [int(x) for x in ids[start : start + 500]]
                placeholders = ", ".join(["%s"] * len(batch))
                cursor.execute(
                    f"SELECT {COLUMNS} FROM library_searchchunk WHERE id IN ({placeholders}) ORDER BY id",
                    batch,
                )
                yield from cursor.fetchall()
        return
    last = 0
    with connection.cursor() as cursor:
        while True:  # keyset pages: no server-side cursor needed on either backend
            cursor.execute(
                f"SELECT {COLUMNS} FROM library_searchchunk WHERE id > %s AND id <= %s ORDER BY id LIMIT 20000",
                [last, newest],
            )
            page = cursor.fetchall()
            if not page:
                return
            yield from page
            last = page[-1][0]


def _document(row: tuple) -> tantivy.Document | None:
    chunk_id, kind, object_id, segmented, _, _, _, public, year = row[:9]
    if not segmented:
        return None
    fields: dict[str, Any] = {
        "words": segmented,
        "chunk": int(chunk_id),
        "kind": KINDS.index(kind) if kind in KINDS else -1,
        "object": int(object_id),
        "public": 1 if public else 0,
        "year": int(year or 0),
    }
    for name, value in zip(TEXT_FIELDS, row[9:13], strict=True):
        if value:
            fields[name] = fold_filter(value)
    return tantivy.Document(**fields)


class _Collector:
    """Vectors of the rows read, grouped by set, as bytes until they are stacked once."""

    def __init__(self) -> None:
        self.ids: dict[SetKey, list[int]] = {}
        self.vectors: dict[SetKey, list[bytes]] = {}
        self.records: dict[SetKey, list[tuple[int, int, int]]] = {}
        self.dimensions: dict[str, int] = {}

    def add(self, row: tuple) -> None:
        chunk_id, kind, object_id, _, embedding, embedder, whole, public, year = row[:9]
        raw = bytes(embedding or b"")
        dimension = len(raw) // 4
        if not dimension or self.dimensions.setdefault(embedder, dimension) != dimension:
            return  # no vector, or one of another size than the embedder's first
        key = (str(embedder), bool(whole), bool(public))
        self.ids.setdefault(key, []).append(int(chunk_id))
        self.vectors.setdefault(key, []).append(raw)
        self.records.setdefault(key, []).append(
            (KINDS.index(kind) if kind in KINDS else -1, int(object_id), int(year or 0))
        )

    def sets(self, *, exact_below: int | None) -> dict[SetKey, ann.VectorSet]:
        built = {}
        for key, ids in self.ids.items():
            vectors = np.frombuffer(b"".join(self.vectors.pop(key)), dtype=np.float32)
            built[key] = ann.VectorSet.build(
                np.array(ids, dtype=np.int64),
                vectors.reshape(len(ids), -1),
                np.array(self.records[key], dtype=np.int64).reshape(-1, 3),
                exact_below=exact_below,
            )
        return built


def _writer(words: tantivy.Index, *, threads: int = 1) -> tantivy.IndexWriter:
    return words.writer(heap_size=200_000_000, num_threads=threads)


def rebuild(*, threads: int = 2) -> str:
    """Build a new generation from the chunk table, catch up, and make it current; returns its name.

    The old generation serves until the pointer moves; on any error the new one is removed.
    """
    root = index_root()
    root.mkdir(parents=True, exist_ok=True)
    name = f"gen-{time.strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(3)}"
    building = root / name
    try:
        (building / "vectors").mkdir(parents=True)
        (building / "words").mkdir()
        count, newest = _fingerprint()
        words = tantivy.Index(words_schema(), path=str(building / "words"))
        writer = _writer(words, threads=threads)
        collector, seen = _Collector(), []
        for row in _rows(newest=newest):
            seen.append(row[0])
            document = _document(row)
            if document is not None:
                writer.add_document(document)
            collector.add(row)
        writer.commit()
        writer.wait_merging_threads()
        del writer
        sets = collector.sets(exact_below=exact_below())
        for key, vector_set in sets.items():
            vector_set.save(building / "vectors" / set_name(key))
        manifest = {
            "format": FORMAT,
            "database": database_identity(),
            "kinds": KINDS,
            "sets": [[*key, set_name(key), len(s.ids), s.dimension] for key, s in sets.items()],
            "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        (building / "manifest.json").write_text(json.dumps(manifest))
        state = State(np.array(seen, dtype=np.int64), np.zeros(0, dtype=np.int64), count, newest)
        with writer_lock(root):
            state = _catch_up(building, state)[0]
            state.save(building / "state-1.npz")
            write_pointer(root, name, 1)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    _remove_old_generations(root, keep={name})
    logger.info("search index %s built: %d chunks", name, len(state.live))
    return name


def _remove_old_generations(root: Path, *, keep: set[str]) -> None:
    """Generations neither current nor the one just before it (a reader may still be loading it)."""
    generations = sorted(
        (path for path in root.glob("gen-*") if path.is_dir() and path.name not in keep),
        key=lambda path: path.stat().st_mtime,
    )
    for path in generations[:-1]:
        shutil.rmtree(path, ignore_errors=True)


def _manifest(root: Path, generation: str) -> dict:
    manifest = json.loads((root / generation / "manifest.json").read_text())
    if manifest.get("format") != FORMAT or manifest.get("kinds") != KINDS:
        raise IndexUnavailable(f"search index {generation} has another format")
    if manifest.get("database") != database_identity():
        raise IndexUnavailable(f"search index {generation} belongs to another database")
    return manifest


def sync() -> bool:
    """Bring the current generation up to the chunk table; True when a rebuild is now due.

    Raises IndexUnavailable when there is no index of this database to update.
    """
    root = index_root()
    if not (root / CURRENT).exists():  # checked first so that no directory is made for nothing
        raise IndexUnavailable("no search index has been built")
    with writer_lock(root):
        pointer = read_pointer(root)
        if pointer is None:
            raise IndexUnavailable("no search index has been built")
        generation, version = pointer
        manifest = _manifest(root, generation)
        state = State.load(root / generation / f"state-{version}.npz")
        built = {(str(s[0]), bool(s[1]), bool(s[2])): int(s[4]) for s in manifest["sets"]}
        state, changed = _catch_up(root / generation, state)
        if changed:
            state.save(root / generation / f"state-{version + 1}.npz")
            write_pointer(root, generation, version + 1)
            with contextlib.suppress(FileNotFoundError):
                (root / generation / f"state-{version - 1}.npz").unlink()
        return _rebuild_due(state, built)


def _rebuild_due(state: State, built: dict[SetKey, int]) -> bool:
    total = sum(built.values())
    added = sum(len(delta.ids) for delta in state.deltas.values())
    share = REBUILD_SHARE * total
    return (added > max(share, exact_below()) and added > 0) or len(state.removed) > max(
        share, 1000
    )


def _catch_up(generation: Path, state: State) -> tuple[State, bool]:
    """Apply what changed in the chunk table since `state` to the words and the vector deltas."""
    count, newest = _fingerprint()
    if (count, newest) == (state.count, state.newest):
        return state, False
    live = _live_ids()
    added = np.setdiff1d(live, state.live, assume_unique=True)
    gone = np.setdiff1d(state.live, live, assume_unique=True)
    words = tantivy.Index.open(str(generation / "words"))
    writer = _writer(words)
    schema = words.schema
    for start in range(0, len(gone), 10_000):
        batch = [int(x) for x in gone[start : start + 10_000]]
        writer.delete_documents_by_query(tantivy.Query.term_set_query(schema, "chunk", batch))
    collector = _Collector()
    for row in _rows(ids=added):
        document = _document(row)
        if document is not None:
            writer.add_document(document)
        collector.add(row)
    writer.commit()
    writer.wait_merging_threads()
    del writer
    deltas: dict[SetKey, ann.VectorSet] = {}
    for key, delta in state.deltas.items():
        keep = ~np.isin(delta.ids, gone)
        deltas[key] = ann.VectorSet(
            delta.ids[keep], np.asarray(delta.vectors)[keep], delta.records[keep]
        )
    for key, new in collector.sets(exact_below=None).items():
        old = deltas.get(key)
        if old is not None and len(old.ids) and old.dimension != new.dimension:
            continue  # the embedder changed size: its new vectors wait for a rebuild
        deltas[key] = (
            new
            if old is None or not len(old.ids)
            else ann.VectorSet(
                np.concatenate([old.ids, new.ids]),
                np.vstack([np.asarray(old.vectors), np.asarray(new.vectors)]),
                np.vstack([old.records, new.records]),
            )
        )
    removed = np.union1d(state.removed, gone)
    return State(live, removed, count, newest, deltas), True


def refresh() -> str:
    """What the worker runs after chunks change: sync, and rebuild when due.

    A missing index (or another database's) is built once the chunk table holds `build_from()`
    chunks; a smaller library stays on the SQL path. Returns "missing", "built", "synced" or
    "rebuilt".
    """
    try:
        due = sync()
    except IndexUnavailable as reason:
        if _fingerprint()[0] >= build_from():
            rebuild()
            return "built"
        logger.debug("search index not updated: %s", reason)
        return "missing"
    if due:
        rebuild()
        return "rebuilt"
    return "synced"


def disk_bytes(root: Path | None = None) -> int:
    """Bytes the current generation takes on disk."""
    root = root or index_root()
    pointer = read_pointer(root)
    if pointer is None:
        return 0
    return sum(path.stat().st_size for path in (root / pointer[0]).rglob("*") if path.is_file())
