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


@pytest.fixture(params=["sql", "embedded"])
def index(request, settings, tmp_path):
    """Bring the search index up to date, as the background task would.

    Every test using it runs twice: on the SQL/numpy path, and on the embedded index (built on
    first use, then kept current by `drain_pending`), so both must give the same results.
    """
    from twinning.library.search import index_store
    from twinning.library.search.index_reader import reader
    from twinning.library.search.indexing import drain_pending

    if request.param == "sql":
        yield drain_pending
        return
    settings.TWINNING_SEARCH_INDEX_DIR = tmp_path / "search-index"
    settings.TWINNING_SEARCH_INDEX_CHECK_SECONDS = 0
    settings.TWINNING_SEARCH_INDEX_GRACE_SECONDS = 0  # behind the table: the SQL path answers
    reader.forget()

    def bring_up_to_date() -> int:
        count = drain_pending()
        if index_store.read_pointer(index_store.index_root()) is None:
            index_store.rebuild()
        assert reader.current() is not None  # searches that follow read the embedded index
        return count

    yield bring_up_to_date
    reader.forget()
