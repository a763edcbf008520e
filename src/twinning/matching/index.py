"""Approximate top-k partner search over a million profiles.

The bilinear part of the score (topics, topic family, roles, embeddings) is one inner product
between a weighted query vector and a plain item vector, so search is maximum inner product:
a faiss IVF index over a PCA projection (float16 codes) picks candidates, and a re-rank with the
stored float16 item vectors restores the exact bilinear score. Given the weights' per-dimension gains,
the index drops the dimensions they ignore and rescales the rest before the projection (ADR
0021); faiss replaced the numpy IVF for speed at the same recall (ADR 0024).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from twinning.matching import features
from twinning.matching.features import SideMatrices
from twinning.matching.score import Weights, shipped_weights

FORMAT = 2  # layout of a saved index; a file of any other layout is rebuilt (1: numpy IVF)


@cache
def _threads() -> Any:
    from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

    return ThreadpoolController()


def one_thread() -> Any:
    """BLAS and OpenMP on one thread: on a busy machine their spinning threads made a 933-d
    eigendecomposition 40× slower (29 s against 0.7 s) and one query's small products slower."""
    return _threads().limit(limits=1)


class StaleIndex(ValueError):
    """A saved index of another layout (or unreadable): rebuild it from the vectors."""


def item_vectors(side: SideMatrices) -> np.ndarray:
    """Item vectors of a side: see `features.item_vectors`."""
    return features.item_vectors(side)


def query_vectors(side: SideMatrices, weights: Weights | None = None) -> np.ndarray:
    """Query vectors scaled by the (shipped) weights: query · item = bilinear logit."""
    chosen = weights or shipped_weights()
    return features.query_vectors(side, chosen.weights, chosen.affinity())


def dimension_gains(side: SideMatrices, weights: Weights | None = None) -> np.ndarray:
    """Per item dimension, how much the (shipped) weights let it move the logit."""
    chosen = weights or shipped_weights()
    return features.dimension_gains(side, chosen.weights, chosen.affinity())


@dataclass
class PartnerIndex:
    """Gain-weighted PCA projection, a faiss IVF index (inner product, float16 codes) over it
    for candidates, float16 item vectors in row order for the exact re-rank."""

    projection: np.ndarray  # D × d
    coarse: faiss.IndexIVF  # d-dimensional projected vectors, ids = original rows
    full: np.ndarray  # N × D float16, original row order
    kept: np.ndarray | None = None  # item dimensions the weights use (None: all)
    query_scale: np.ndarray | None = None  # 1 / √gain of each kept dimension, for queries

    @classmethod
    def build(
        cls,
        vectors: np.ndarray,
        lists: int | None = None,
        dimensions: int = 128,
        sample: int = 100_000,
        seed: int = 0,
        gains: np.ndarray | None = None,
    ) -> PartnerIndex:
        """Index the rows of `vectors` (N × D float32). With `gains` (`dimension_gains`) the
        dimensions the weights ignore are dropped and the others scaled by √gain (queries by
        1/√gain: inner products unchanged), so the projection keeps what moves the score.
        Runs on one thread (see `one_thread`: 10× faster than two on a busy machine)."""
        with one_thread():
            return cls._build(vectors, lists, dimensions, sample, seed, gains)

    @classmethod
    def _build(
        cls,
        vectors: np.ndarray,
        lists: int | None,
        dimensions: int,
        sample: int,
        seed: int,
        gains: np.ndarray | None,
    ) -> PartnerIndex:
        rng = np.random.default_rng(seed)
        count = len(vectors)
        kept = query_scale = None
        root = np.ones(vectors.shape[1], dtype=np.float32)
        if gains is not None:
            kept = np.flatnonzero(gains > 0)
            root = np.sqrt(gains[kept]).astype(np.float32)
            query_scale = (1.0 / root).astype(np.float32)

        def rows(start: int, stop: int) -> np.ndarray:
            block = vectors[start:stop].astype(np.float32, copy=False)
            return block if kept is None else block[:, kept] * root

        lists = lists or max(1, int(np.sqrt(count)))
        chosen = np.sort(rng.choice(count, min(sample, count), replace=False))
        training = vectors[chosen].astype(np.float32)
        if kept is not None:
            training = training[:, kept] * root
        # principal directions of the (uncentred) sample: eigenvectors of its Gram matrix
        _, eigenvectors = np.linalg.eigh((training.T @ training).astype(np.float64))
        width = min(dimensions, training.shape[1])
        projection = np.ascontiguousarray(eigenvectors[:, ::-1][:, :width], dtype=np.float32)
        coarse = faiss.IndexIVFScalarQuantizer(
            faiss.IndexFlatIP(width),
            width,
            min(lists, len(chosen)),
            faiss.ScalarQuantizer.QT_fp16,
            faiss.METRIC_INNER_PRODUCT,
        )
        coarse.cp.seed = seed
        coarse.cp.niter = 12
        coarse.cp.min_points_per_centroid = 1  # small test sets: no warning on standard error
        coarse.train(np.ascontiguousarray(training @ projection))
        del training
        full = np.empty((count, len(root)), dtype=np.float16)
        for start in range(0, count, 65536):
            block = rows(start, start + 65536)
            coarse.add(np.ascontiguousarray(block @ projection))
            full[start : start + 65536] = block
        return cls(
            projection=projection, coarse=coarse, full=full, kept=kept, query_scale=query_scale
        )

    @property
    def centroids(self) -> np.ndarray:
        """The lists' centroids in the projected space (lists × d)."""
        return np.asarray(self.coarse.quantizer.reconstruct_n(0, self.coarse.nlist))

    @property
    def ids(self) -> np.ndarray:
        """Original row of every indexed vector, list by list."""
        lists = self.coarse.invlists
        assert lists is not None  # an IVF index always has its lists
        return np.concatenate(
            [
                np.array(faiss.rev_swig_ptr(lists.get_ids(k), lists.list_size(k)), dtype=np.int64)
                for k in range(self.coarse.nlist)
            ]
        )

    @property
    def bytes_per_profile(self) -> float:
        count = max(1, self.coarse.ntotal)
        stored = self.full.nbytes + self.coarse.ntotal * (self.coarse.code_size + 8)
        shared = self.projection.nbytes + self.coarse.nlist * self.coarse.d * 4
        if self.kept is not None and self.query_scale is not None:
            shared += self.kept.nbytes + self.query_scale.nbytes
        return (stored + shared) / count

    def search(
        self, query: np.ndarray, k: int = 10, probes: int = 32, candidates: int = 384
    ) -> tuple[np.ndarray, np.ndarray]:
        """Approximate top-k (original row ids, scores) by inner product with `query`, best first."""
        with one_thread():
            return self._search(query, k, probes, candidates)

    def _search(
        self, query: np.ndarray, k: int, probes: int, candidates: int
    ) -> tuple[np.ndarray, np.ndarray]:
        query = query.astype(np.float32)
        if self.kept is not None and self.query_scale is not None:
            query = query[self.kept] * self.query_scale
        reduced = np.ascontiguousarray((query @ self.projection)[None, :])
        parameters = faiss.SearchParametersIVF()
        parameters.nprobe = min(probes, self.coarse.nlist)
        _, labels = self.coarse.search(reduced, candidates, params=parameters)
        shortlist = np.sort(labels[0][labels[0] >= 0])
        if len(shortlist) == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        exact = self.full[shortlist].astype(np.float32) @ query
        top = np.argsort(-exact, kind="stable")[:k]
        return shortlist[top].astype(np.int64), exact[top]

    def save(self, path: Path) -> None:
        """Write the index to `path` (one .npz, replaced atomically)."""
        kept, scale = self.kept, self.query_scale
        weighted = kept is not None and scale is not None
        partial = path.with_name(path.name + ".partial")
        with open(partial, "wb") as handle:
            np.savez(
                handle,
                format=np.array(FORMAT),
                projection=self.projection,
                coarse=faiss.serialize_index(self.coarse),
                full=self.full,
                weighted=np.array(weighted),
                kept=kept if kept is not None else np.zeros(0, dtype=np.int64),
                query_scale=scale if scale is not None else np.zeros(0, dtype=np.float32),
            )
        os.replace(partial, path)

    @classmethod
    def load(cls, path: Path) -> PartnerIndex:
        """Read an index written by `save`; StaleIndex if it has another layout or is unreadable."""
        try:
            with np.load(path, allow_pickle=False) as stored:
                if "format" not in stored or int(stored["format"]) != FORMAT:
                    raise StaleIndex(f"{path}: not a partner index of format {FORMAT}")
                coarse = faiss.deserialize_index(stored["coarse"])
                if not isinstance(coarse, faiss.IndexIVF):
                    raise StaleIndex(f"{path}: not an IVF partner index")
                weighted = bool(stored["weighted"])
                return cls(
                    projection=stored["projection"],
                    coarse=coarse,
                    full=stored["full"],
                    kept=stored["kept"] if weighted else None,
                    query_scale=stored["query_scale"] if weighted else None,
                )
        except (OSError, ValueError, KeyError, RuntimeError) as error:
            if isinstance(error, StaleIndex):
                raise
            raise StaleIndex(f"{path}: unreadable partner index ({error})") from error


def load_or_build(path: Path, vectors: np.ndarray, gains: np.ndarray | None = None) -> PartnerIndex:
    """The index saved at `path` if it is of this layout and size, else built and saved anew."""
    try:
        index = PartnerIndex.load(path)
        if index.coarse.ntotal == len(vectors) and index.full.shape[0] == len(vectors):
            return index
    except StaleIndex:
        pass
    index = PartnerIndex.build(vectors, gains=gains)
    index.save(path)
    return index


def exact_search(
    vectors: np.ndarray, query: np.ndarray, k: int = 10
) -> tuple[np.ndarray, np.ndarray]:
    """Brute-force top-k by inner product over all rows: the reference for recall."""
    scores = vectors @ query.astype(np.float32)
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top], kind="stable")]
    return top, scores[top]
