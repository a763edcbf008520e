"""BM25 as PostgreSQL's word side computes it: FTS5's formula over the capped candidates."""

from __future__ import annotations

import math

import pytest

from twinning.library.search import bm25
from twinning.library.search.bm25 import Statistics


def test_idf_follows_fts5_and_never_falls_to_zero():
    stats = Statistics(documents=100, mean_length=10, frequencies={"compost": 0.5}, rare=0.01)
    assert stats.idf("river") == pytest.approx(math.log(99.5 / 1.5))
    assert stats.idf("compost") == 1e-6  # in half the chunks: log(1) = 0, kept just above


def test_a_rare_word_outweighs_repeats_of_a_common_one(monkeypatch):
    stats = Statistics(documents=100, mean_length=10, frequencies={"compost": 0.5}, rare=0.01)
    monkeypatch.setattr(bm25, "statistics", lambda: stats)
    scored = bm25.rescore(
        [(2, "compost compost compost"), (1, "compost river"), (3, "River")], ["river", "compost"]
    )
    river = math.log(99.5 / 1.5)
    assert [chunk_id for chunk_id, _ in scored] == [3, 1, 2]
    assert scored[0][1] == pytest.approx(river * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 0.1)))
    assert scored[1][1] == pytest.approx((river + 1e-6) * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 0.2)))


@pytest.mark.django_db
def test_postgresql_statistics_come_from_analyze(database_vendor):
    from django.db import connection

    from twinning.library.actions import add_document
    from twinning.library.search.indexing import drain_pending

    if database_vendor != "postgresql":
        pytest.skip("PostgreSQL only (SQLite ranks with FTS5's own bm25)")
    for number in range(4):
        add_document(title=f"Compost {number}", text="Compost in courtyards." + " river" * number)
    drain_pending()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE library_searchchunk")
    bm25.clear()
    stats = bm25.statistics()
    assert stats.documents == 8.0  # four paragraph chunks and four whole records
    assert stats.frequencies["compost"] == pytest.approx(0.5)  # in every paragraph chunk
    assert stats.idf("compost") < stats.idf("river") < stats.idf("sandpiper")
