"""Nearest vectors of the embedded index: exact below a size, faiss PQ fast-scan candidates above it.

Pure numpy + faiss (no Django). A set holds one embedder's vectors of one kind (paragraph chunks
or whole records, public or not), rows in ascending chunk id; the candidates of the 4-bit
product-quantised scan are re-ranked with the stored float32 vectors (ADR 0030).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import faiss
import numpy as np

# Below this many vectors a set is scanned exactly (a product quantiser needs data to train on,
# and an exact scan of 20,000 × 64 floats costs ~0.1 ms).
EXACT_BELOW = 20_000
# Candidates per wanted result read from the quantised scan before the exact re-rank, and from
# LARGE_FROM rows on: share of the exact 200 nearest (bench vectors) 0.962 at 100,000 rows with 8;
# at a million 0.875 with 8, 0.947 with 16, 0.971 with 24 at +2 ms (ADR 0037).
RERANK_FACTOR = 8
LARGE_RERANK_FACTOR = 24
LARGE_FROM = 300_000
TRAINING_SAMPLE = 65_536
# Fewer rows cannot train 16 centroids per sub-quantizer well.
MINIMUM_QUANTISED = 1_000

# A predicate over rows of a set: True where a row may be returned.
RowFilter = Callable[["VectorSet", np.ndarray], np.ndarray]


def subquantizers(dimension: int) -> int:
    """Four-bit codes, two dimensions per sub-quantizer (32 bytes a 64-d vector), at most 128."""
    for count in (min(dimension // 2, 128), 64, 32, 16, 8, 4, 2, 1):
        if count and dimension % count == 0:
            return count
    return 1


@cache
def _threads() -> Any:
    from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

    return ThreadpoolController()


class _OneThread:
    """Each thread-pool library (BLAS, OpenMP) on one thread, its count restored on exit.

    What `ThreadpoolController.limit(limits=1)` does, without re-reading every library's
    information each time: that cost 0.1 ms of CPU per search, half a tantivy query (ADR 0038).
    """

    def __init__(self) -> None:
        self.restore: list[tuple[Any, int]] = []

    def __enter__(self) -> _OneThread:
        for library in _threads().lib_controllers:
            count = library.get_num_threads()
            if count is not None and count != 1:
                library.set_num_threads(1)
                self.restore.append((library, count))
        return self

    def __exit__(self, *_: object) -> None:
        for library, count in reversed(self.restore):
            library.set_num_threads(count)
        self.restore.clear()


def one_thread() -> _OneThread:
    """BLAS and OpenMP on one thread: on this shared machine faiss's two OpenMP threads made
    training a 30,000-vector quantiser take 86 s instead of ~1 s (ADR 0024 saw the same)."""
    return _OneThread()


def train_coarse(vectors: np.ndarray, *, seed: int = 20261201) -> faiss.Index:
    """A PQ fast-scan index (inner product) over `vectors`, trained on a sample of them."""
    with one_thread():
        return _train_coarse(vectors, seed)


def _train_coarse(vectors: np.ndarray, seed: int) -> faiss.Index:
    dimension = vectors.shape[1]
    coarse = faiss.IndexPQFastScan(
        dimension, subquantizers(dimension), 4, faiss.METRIC_INNER_PRODUCT
    )
    sample = vectors
    if len(vectors) > TRAINING_SAMPLE:
        rows = np.random.default_rng(seed).choice(len(vectors), TRAINING_SAMPLE, replace=False)
        sample = vectors[np.sort(rows)]
    coarse.train(np.ascontiguousarray(sample, dtype=np.float32))
    for start in range(0, len(vectors), 100_000):
        coarse.add(np.ascontiguousarray(vectors[start : start + 100_000], dtype=np.float32))
    return coarse


@dataclass
class VectorSet:
    """Vectors with their chunk ids and records (kind code, object id, year), rows by ascending id."""

    ids: np.ndarray  # int64
    vectors: np.ndarray  # float32 (n, d), memory-mapped when read from disk
    records: np.ndarray  # int64 (n, 3): kind code, object id, year (0: none)
    coarse: faiss.Index | None = None
    dimension: int = field(init=False)
    # The vectors as a plain ndarray (no copy): gathering rows of a memory map through
    # `np.take` costs a fifth of the memmap's fancy indexing, without its spikes (ADR 0038).
    matrix: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.dimension = int(self.vectors.shape[1]) if self.vectors.ndim == 2 else 0
        self.matrix = np.asarray(self.vectors)

    @classmethod
    def build(
        cls,
        ids: np.ndarray,
        vectors: np.ndarray,
        records: np.ndarray,
        *,
        exact_below: int | None,
    ) -> VectorSet:
        """A set over these rows, quantised from `exact_below` rows (None: always exact)."""
        quantised = exact_below is not None and len(ids) >= max(exact_below, MINIMUM_QUANTISED)
        coarse = train_coarse(vectors) if quantised else None
        return cls(ids, vectors, records, coarse)

    def save(self, path: Path) -> None:
        """Files `path`.ids.npy, .vectors.npy, .records.npy and, when quantised, .faiss."""
        np.save(path.with_suffix(".ids.npy"), self.ids)
        np.save(path.with_suffix(".vectors.npy"), np.ascontiguousarray(self.vectors))
        np.save(path.with_suffix(".records.npy"), self.records)
        if self.coarse is not None:
            faiss.write_index(self.coarse, str(path.with_suffix(".faiss")))

    @classmethod
    def load(cls, path: Path) -> VectorSet:
        quantised = path.with_suffix(".faiss")
        return cls(
            np.load(path.with_suffix(".ids.npy")),
            np.load(path.with_suffix(".vectors.npy"), mmap_mode="r"),
            np.load(path.with_suffix(".records.npy")),
            faiss.read_index(str(quantised)) if quantised.exists() else None,
        )

    def nearest(
        self,
        query: np.ndarray,
        limit: int,
        *,
        removed: np.ndarray,
        keep: RowFilter | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Rows of the `limit` nearest vectors (best first) and their cosines.

        `removed` (sorted chunk ids) never comes back; `keep` filters rows. Quantised sets take
        RERANK_FACTOR (LARGE_RERANK_FACTOR) × `limit` candidates, and scan exactly when too few of them pass `keep`.
        """
        if not len(self.ids) or self.dimension != len(query):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        query = np.ascontiguousarray(query, dtype=np.float32)
        if self.coarse is not None:
            factor = RERANK_FACTOR if len(self.ids) < LARGE_FROM else LARGE_RERANK_FACTOR
            wanted = min(len(self.ids), limit * factor)
            _, found = self.coarse.search(query[None, :], wanted)
            rows = np.sort(found[0][found[0] >= 0])
            rows = rows[self._allowed(rows, removed, keep)]
            if len(rows) >= limit or keep is None:
                return _best(rows, self._scores(rows, query), limit)
        rows = np.arange(len(self.ids))
        allowed = self._allowed(rows, removed, keep)
        if allowed.all():
            return _best(rows, self.matrix @ query, limit)
        rows = rows[allowed]
        return _best(rows, self._scores(rows, query), limit)

    def _scores(self, rows: np.ndarray, query: np.ndarray) -> np.ndarray:
        """Cosines of these rows with `query`, from the stored float32 vectors."""
        return np.take(self.matrix, rows, axis=0) @ query

    def _allowed(self, rows: np.ndarray, removed: np.ndarray, keep: RowFilter | None) -> np.ndarray:
        allowed = np.ones(len(rows), dtype=bool)
        if len(removed):
            allowed &= ~np.isin(self.ids[rows], removed, assume_unique=False)
        if keep is not None:
            allowed &= keep(self, rows)
        return allowed


def _best(rows: np.ndarray, scores: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """The `limit` best of `rows` (ascending) by `scores`, best first; ties by row."""
    count = min(limit, len(rows))
    if not count:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    top = np.argpartition(-scores, count - 1)[:count] if count < len(rows) else np.arange(len(rows))
    top = top[np.lexsort((rows[top], -scores[top]))]
    return rows[top], scores[top].astype(np.float32)
