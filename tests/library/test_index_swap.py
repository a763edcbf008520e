"""The index is rebuilt on the worker's side: a web request only queues the work, never waits for it."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from twinning.library.actions import add_document
from twinning.library.models import Document, PendingIndex, SearchChunk
from twinning.library.search import embeddings, indexing
from twinning.library.search.engine import search
from twinning.library.search.indexing import drain_pending, reindex_all
from twinning.library.search.retrieval import SearchFilters, vector_cache
from twinning.library.search.tasks import update_search_index

pytestmark = pytest.mark.django_db


def test_a_web_upload_queues_the_index_update_for_the_worker_and_indexes_nothing_itself(
    coordinator_client, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    upload = SimpleUploadedFile("wetlands.txt", b"Wetland birds\n\nShorebirds on mudflats.")
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            reverse("library:upload"),
            {"upload": upload, "kind": "report", "language": "en", "is_published": "on"},
        )
    document = Document.objects.get()
    assert response.status_code == 302
    assert list(PendingIndex.objects.values_list("kind", "object_id")) == [
        ("document", document.pk)
    ]
    assert list(DBTaskResult.objects.values_list("task_path", "status")) == [
        ("twinning.library.search.tasks.update_search_index", "READY")
    ]
    assert SearchChunk.objects.count() == 0
    assert update_search_index.call()["indexed"] == 1  # what the worker runs
    assert [hit.id for hit in search("mudflats", mode="text")] == [document.slug]
    assert PendingIndex.objects.count() == 0


def test_searching_during_a_rebuild_finds_every_record_on_the_page(client, monkeypatch):
    first = add_document(title="Compost one", text="Compost in courtyards.", is_published=True)
    second = add_document(title="Compost two", text="Compost in schools.", is_published=True)
    drain_pending()
    found_during = []
    original = indexing.index_objects

    def searching_between_batches(kind, ids, **kwargs):
        page = client.get(reverse("library:search"), {"q": "compost", "type": "document"})
        found_during.append(
            sorted(
                slug for slug in (first.slug, second.slug) if f"/{slug}/" in page.content.decode()
            )
        )
        return original(kind, ids, **kwargs)

    monkeypatch.setattr(indexing, "index_objects", searching_between_batches)
    reindex_all(embedder="hashing", batch_size=1)
    both = sorted([first.slug, second.slug])
    assert found_during[:2] == [both, both]


@pytest.mark.django_db(transaction=True)
def test_embedding_runs_outside_any_transaction_so_no_write_lock_is_held_meanwhile(
    monkeypatch, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    document = add_document(title="Rivers", text="River patrols test the water.")
    seen = []
    embedder = embeddings.get_embedder("hashing")
    original = embedder.encode

    def watching(texts):
        seen.append(connection.in_atomic_block)
        return original(texts)

    monkeypatch.setattr(embedder, "encode", watching)
    drain_pending(embedder="hashing")
    assert seen == [False]
    assert SearchChunk.objects.filter(object_id=document.pk).count() == 2


def test_a_rebuild_drops_the_replaced_vectors_from_the_memory_copy(database_vendor):
    if database_vendor != "sqlite":
        pytest.skip("the in-memory copy serves SQLite (PostgreSQL ranks vectors in SQL)")
    for number in range(3):
        add_document(title=f"Compost {number}", text="Compost in courtyards.")
    drain_pending()
    filters = SearchFilters(public_only=False)
    assert len(search("compost", filters, mode="meaning", embedder="hashing")) == 3
    live = SearchChunk.objects.count()
    assert len(vector_cache.load("hashing").ids) == live == 6
    reindex_all(embedder="hashing")
    assert len(search("compost", filters, mode="meaning", embedder="hashing")) == 3
    cached = vector_cache.load("hashing")
    assert sorted(cached.ids.tolist()) == sorted(SearchChunk.objects.values_list("id", flat=True))
