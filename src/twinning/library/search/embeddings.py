"""Which sentence embedder the search uses: multilingual USE by default, hashing for tests and speed."""

from __future__ import annotations

import os

import numpy as np
from django.conf import settings

from twinning.matching.embedding import Embedder, HashingEmbedder, default_embedder

EMBEDDERS = ("use", "hashing")


def embedder_name() -> str:
    """`settings.TWINNING_SEARCH_EMBEDDER`, else `$TWINNING_SEARCH_EMBEDDER`, else "use"."""
    name = getattr(settings, "TWINNING_SEARCH_EMBEDDER", None) or os.environ.get(
        "TWINNING_SEARCH_EMBEDDER", "use"
    )
    if name not in EMBEDDERS:
        raise ValueError(f"unknown search embedder {name!r}; choose one of {', '.join(EMBEDDERS)}")
    return name


_hashing = HashingEmbedder(dimension=256)
_registered: dict[str, Embedder] = {}


def register_embedder(name: str, embedder: Embedder) -> None:
    """Make another embedder available by name (the benchmark's cheap model uses this)."""
    _registered[name] = embedder


def get_embedder(name: str | None = None) -> Embedder:
    name = name or embedder_name()
    if name in _registered:
        return _registered[name]
    return _hashing if name == "hashing" else default_embedder()


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(data: bytes | memoryview) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype=np.float32)
