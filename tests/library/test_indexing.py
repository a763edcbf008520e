import pytest

from tests.factories import OrganisationFactory, PairFactory
from twinning.common.models import Job, JobStatus
from twinning.library.actions import add_document
from twinning.library.models import PendingIndex, SearchChunk
from twinning.library.search.engine import search
from twinning.library.search.indexing import drain_pending, reindex_all
from twinning.library.search.tasks import _enqueue, update_search_index

pytestmark = pytest.mark.django_db


def pending():
    return sorted(PendingIndex.objects.values_list("kind", "object_id"))


def test_a_change_marks_the_record_pending_and_enqueues_one_update_per_transaction(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks() as callbacks:
        first = add_document(title="One", text="First text.")
        second = add_document(title="Two", text="Second text.")
    assert pending() == [("document", first.pk), ("document", second.pk)]
    assert [callback for callback in callbacks if callback is _enqueue] == [_enqueue]


def test_drain_indexes_pending_records_in_paragraph_chunks_and_clears_the_queue():
    document = add_document(
        title="Long report",
        text="First paragraph about compost. " * 30
        + "\n\n"
        + "Second paragraph about rivers. " * 30,
    )
    assert drain_pending() == 1
    assert pending() == []
    chunks = SearchChunk.objects.filter(kind="document", object_id=document.pk).order_by(
        "whole", "position"
    )
    assert [(c.position, c.whole, c.embedder, c.is_public, c.languages) for c in chunks] == [
        (0, False, "hashing", True, " en "),
        (1, False, "hashing", True, " en "),
        (0, True, "hashing", True, " en "),
    ]
    assert chunks[2].segmented == ""
    assert chunks[0].segmented.startswith("long report first paragraph about compost")
    assert len(bytes(chunks[0].embedding)) == 256 * 4


def test_editing_a_record_replaces_its_chunks_and_deleting_removes_them():
    document = add_document(title="Notes", text="About compost.")
    drain_pending()
    document.text = "About rivers."
    document.save()
    drain_pending()
    assert [hit.id for hit in search("rivers", mode="text")] == [document.slug]
    assert search("compost", mode="text") == []
    document.delete()
    assert SearchChunk.objects.count() == 0
    assert search("rivers", mode="text") == []


def test_records_written_without_signals_are_indexed_by_the_next_drain():
    OrganisationFactory.create_batch(2)
    PendingIndex.objects.all().delete()  # as if bulk-created
    assert drain_pending() == 2
    assert (
        SearchChunk.objects.filter(kind="organisation").values("object_id").distinct().count() == 2
    )


def test_unpublishing_an_organisation_hides_its_pairs_after_the_update():
    pair = PairFactory(focus="Compost exchange")
    drain_pending()
    pair.organisation_a.is_published = False
    pair.organisation_a.save()
    drain_pending()
    assert (
        SearchChunk.objects.filter(kind="pair", object_id=pair.pk)
        .values_list("is_public", flat=True)
        .distinct()
        .get()
        is False
    )


def test_the_task_records_a_job_with_its_progress():
    add_document(title="One", text="Text one.")
    add_document(title="Two", text="Text two.")
    result = update_search_index.call()
    job = Job.objects.get(kind="search-index")
    assert (job.status, job.done, job.total, job.result) == (
        JobStatus.SUCCEEDED,
        2,
        2,
        {"indexed": 2},
    )
    assert result == {"indexed": 2, "job": job.pk}
    assert update_search_index.call() == {"indexed": 0}
    assert Job.objects.count() == 1


def test_reindex_rebuilds_every_chunk_with_the_embedder_asked_for():
    add_document(title="One", text="Text one.")
    drain_pending()
    assert reindex_all(embedder="hashing") == 1
    assert list(SearchChunk.objects.values_list("embedder", "whole")) == [
        ("hashing", False),
        ("hashing", True),
    ]


def test_reindex_swaps_each_record_in_place_and_never_empties_the_index(monkeypatch):
    from twinning.library.search import indexing

    first = add_document(title="Compost one", text="Compost in courtyards.")
    second = add_document(title="Compost two", text="Compost in schools.")
    drain_pending()
    SearchChunk.objects.create(
        kind="document",
        object_id=99999,
        reference="gone",
        title="Gone",
        text="x",
        segmented="gone",
        embedding=b"",
        embedder="hashing",
    )
    SearchChunk.objects.filter(object_id=99999).update(indexed_at="2000-01-01T00:00:00Z")
    seen = []
    original = indexing.index_objects

    def watching(kind, ids, **kwargs):
        seen.append(set(SearchChunk.objects.values_list("object_id", flat=True)))
        return original(kind, ids, **kwargs)

    monkeypatch.setattr(indexing, "index_objects", watching)
    assert reindex_all(embedder="hashing", batch_size=1) == 2
    assert seen[:2] == [{first.pk, second.pk, 99999}, {first.pk, second.pk, 99999}]
    assert set(SearchChunk.objects.values_list("object_id", flat=True)) == {first.pk, second.pk}


def test_postgresql_gets_hnsw_indexes_over_each_embedders_chunks_and_whole_records(
    database_vendor,
):
    from django.db import connection

    from twinning.library.search.retrieval import _vector_indexes, has_pgvector, vector_index_name

    if database_vendor != "postgresql" or not has_pgvector():
        pytest.skip("pgvector only")
    _vector_indexes.clear()
    add_document(title="Compost", text="Compost in courtyards.")
    drain_pending()
    definitions = {}
    with connection.cursor() as cursor:
        for whole in (False, True):
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
                [vector_index_name("hashing", 256, whole=whole)],
            )
            (definitions[whole],) = cursor.fetchone()
        cursor.execute(
            "SELECT count(*) FROM pg_indexes WHERE indexname = %s",
            [vector_index_name("hashing", 256)],
        )
        assert cursor.fetchone() == (0,)  # the single index of before is gone
    for whole, condition in ((False, "(NOT whole)"), (True, "whole")):
        assert (
            "USING hnsw (((embedding_vector)::vector(256)) vector_cosine_ops)" in definitions[whole]
        )
        assert f"WHERE (((embedder)::text = 'hashing'::text) AND {condition})" in definitions[whole]
    assert [hit.id for hit in search("courtyards compost")] != []


def test_postgresql_reads_nearest_chunks_and_whole_records_through_their_indexes(
    database_vendor,
):
    """One query over both kinds, or `whole` as a parameter, scanned the whole table."""
    import numpy as np
    from django.db import connection

    from twinning.library.search.retrieval import _vector_indexes, has_pgvector, vector_index_name

    if database_vendor != "postgresql" or not has_pgvector():
        pytest.skip("pgvector only")
    _vector_indexes.clear()  # each test's rollback took the indexes of the one before
    for number in range(3):
        add_document(title=f"Compost {number}", text="Compost in courtyards.")
    drain_pending()
    literal = "[" + ",".join(["0.0625"] * 256) + "]"
    with connection.cursor() as cursor:
        # A table this small is otherwise read whole and sorted, whatever its indexes.
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_sort = off")
        for whole in (False, True):
            cursor.execute(
                "EXPLAIN SELECT c.id FROM library_searchchunk c WHERE c.embedder = 'hashing' "
                f"AND {'' if whole else 'NOT '}c.whole AND c.embedding_vector IS NOT NULL AND c.is_public "
                "ORDER BY (c.embedding_vector::vector(256)) <=> CAST(%s AS vector(256)) LIMIT 200",
                [literal],
            )
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert vector_index_name("hashing", 256, whole=whole) in plan
        cursor.execute("RESET enable_seqscan")
        cursor.execute("RESET enable_sort")
    assert np.isfinite([hit.score for hit in search("compost", mode="meaning")]).all()


def test_a_whole_record_chunk_shows_the_paragraph_nearest_its_meaning():
    document = add_document(
        title="Compost report",
        text="Home | About us | Contact\n\n"
        + "Compost bins in courtyards turn kitchen peelings into compost. " * 12
        + "\n\n"
        + "Compost volunteers weigh the compost from every courtyard. " * 12,
    )
    drain_pending()
    whole = SearchChunk.objects.get(object_id=document.pk, whole=True)
    assert whole.text.startswith("Compost")
