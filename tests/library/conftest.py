"""Library tests use the cheap hashing embedder and index explicitly (no worker in tests)."""

from __future__ import annotations

import pytest

from twinning.library.search import bm25
from twinning.library.search.retrieval import vector_cache


@pytest.fixture(autouse=True)
def hashing_embedder(settings):
    settings.TWINNING_SEARCH_EMBEDDER = "hashing"
    vector_cache.clear()  # chunk ids are reused after each test's rollback
    bm25.clear()
    yield
    vector_cache.clear()


@pytest.fixture
def index():
    """Bring the search index up to date, as the background task would."""
    from twinning.library.search.indexing import drain_pending

    return drain_pending
