"""The embedded search index: build, worker updates, deletes, rebuild swap, crash, reload, fallback."""

from __future__ import annotations

import numpy as np
import pytest

from tests.factories import OrganisationFactory
from twinning.library.actions import add_document
from twinning.library.models import Document, SearchChunk
from twinning.library.search import index_store
from twinning.library.search.engine import find, search
from twinning.library.search.index_reader import reader
from twinning.library.search.indexing import drain_pending, index_objects
from twinning.library.search.retrieval import SearchFilters, full_text, nearest_both
from twinning.library.search.tasks import update_search_index

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_index(settings, tmp_path):
    settings.TWINNING_SEARCH_INDEX_DIR = tmp_path / "search-index"
    settings.TWINNING_SEARCH_INDEX_CHECK_SECONDS = 0
    settings.TWINNING_SEARCH_INDEX_GRACE_SECONDS = 0
    reader.forget()
    yield tmp_path / "search-index"
    reader.forget()


@pytest.fixture
def library():
    compost = add_document(
        title="Courtyard composting", text="Residents bring peelings to compost bins."
    )
    wetland = add_document(title="Wetland birds", text="Shorebirds rest on the mudflats.")
    hidden = add_document(
        title="Draft compost plan", text="Compost pilots in schools.", is_published=False
    )
    drain_pending()
    return compost, wetland, hidden


def chunk_ids(document: Document) -> list[int]:
    return sorted(SearchChunk.objects.filter(object_id=document.pk).values_list("pk", flat=True))


def slugs(query: str, **filters) -> list[str]:
    return [hit.id for hit in search(query, SearchFilters(**filters), mode="text")]


def test_a_build_indexes_every_chunk_and_serves_words_and_vectors(library, own_index):
    compost, wetland, hidden = library
    name = index_store.rebuild()
    assert index_store.read_pointer(own_index) == (name, 1)
    generation = reader.current()
    assert generation is not None and generation.name == name
    assert generation.state.live.tolist() == sorted(
        SearchChunk.objects.values_list("pk", flat=True)
    )
    paragraphs = SearchChunk.objects.filter(whole=False, object_id=compost.pk).get()
    hits = full_text(["compost"], SearchFilters())
    assert [hit.chunk_id for hit in hits] == [paragraphs.pk]  # the draft is not public
    every = full_text(["compost"], SearchFilters(public_only=False))
    assert sorted(hit.chunk_id for hit in every) == sorted(
        SearchChunk.objects.filter(whole=False, object_id__in=[compost.pk, hidden.pk]).values_list(
            "pk", flat=True
        )
    )
    sets = {key: len(vector_set.ids) for key, vector_set in generation.sets.items()}
    assert sets == {
        ("hashing", False, True): 2,
        ("hashing", True, True): 2,
        ("hashing", False, False): 1,
        ("hashing", True, False): 1,
    }


def test_the_worker_adds_and_deletes_chunks_in_the_current_generation(library, own_index):
    compost, wetland, hidden = library
    name = index_store.rebuild()
    added = add_document(title="Mudflat survey", text="Counting shorebirds on mudflats.")
    index_objects("document", [added.pk])  # chunks written, index not yet told
    assert sorted(slugs("mudflats")) == sorted([wetland.slug, added.slug])  # SQL answers
    assert reader.current() is None
    drain_pending()  # what the worker's task runs
    assert index_store.read_pointer(own_index) == (name, 2)
    generation = reader.current()
    assert generation is not None
    assert generation.state.deltas[("hashing", False, True)].ids.tolist() == [
        chunk for chunk in chunk_ids(added) if not SearchChunk.objects.get(pk=chunk).whole
    ]
    assert sorted(slugs("mudflats")) == sorted([wetland.slug, added.slug])
    old_chunks = chunk_ids(wetland)
    wetland.delete()
    assert update_search_index.call() == {"indexed": 0}  # a deletion leaves nothing pending
    generation = reader.current()
    assert generation is not None and generation.version == 3
    assert generation.state.removed.tolist() == old_chunks
    assert full_text(["shorebird"], SearchFilters()) == [
        hit for hit in full_text(["shorebird"], SearchFilters()) if hit.chunk_id not in old_chunks
    ]
    assert slugs("mudflats") == [added.slug]
    vector = np.ones(64, dtype=np.float32) / 8
    found = nearest_both(vector, SearchFilters(public_only=False), embedder="hashing")
    assert not {hit.chunk_id for hits in found.values() for hit in hits} & set(old_chunks)


def test_a_deleted_record_is_not_found_before_the_worker_catches_up(library, settings):
    compost, wetland, hidden = library
    index_store.rebuild()
    settings.TWINNING_SEARCH_INDEX_GRACE_SECONDS = 3600  # the index may lag the table
    compost.delete()
    assert reader.current() is not None
    assert slugs("compost", public_only=False) == [hidden.slug]


def test_a_rebuild_swaps_generations_and_a_reader_picks_up_the_new_one(library, own_index):
    compost, wetland, hidden = library
    first = index_store.rebuild()
    assert reader.current().name == first
    add_document(title="Compost guide", text="Compost at home.")
    SearchChunk.objects.all().delete()
    drain_pending()  # every chunk written again: new ids
    second = index_store.rebuild()
    assert second != first
    assert reader.current().name == second
    assert sorted(path.name for path in own_index.glob("gen-*")) == sorted([first, second])
    third = index_store.rebuild()
    assert sorted(path.name for path in own_index.glob("gen-*")) == sorted([second, third])
    assert reader.current().name == third
    assert len(slugs("compost")) == 2


def test_a_crash_during_a_rebuild_leaves_the_old_generation_serving(
    library, own_index, monkeypatch
):
    compost, wetland, hidden = library
    first = index_store.rebuild()

    def crash(self, **kwargs):
        raise MemoryError("out of memory while stacking vectors")

    monkeypatch.setattr(index_store._Collector, "sets", crash)
    with pytest.raises(MemoryError):
        index_store.rebuild()
    assert index_store.read_pointer(own_index) == (first, 1)
    assert [path.name for path in own_index.glob("gen-*")] == [first]
    assert reader.current().name == first
    assert slugs("compost") == [compost.slug]


def test_search_with_the_index_equals_search_without_it(library, own_index):
    """Same records, order, scores, snippets and facets on the index as on the SQL path."""
    organisation = OrganisationFactory(name="Compost Cooperative Lyon", is_published=True)
    index_objects("organisation", [organisation.pk])
    queries = ["compost", "shorebirds mudflats", "compost bins", "birds", "schools", "Lyon"]
    filters = [SearchFilters(), SearchFilters(public_only=False), SearchFilters(kind="document")]

    def everything() -> list:
        found = [
            find(q, f, mode=mode, limit=limit)
            for q in queries
            for f in filters
            for mode in ("hybrid", "text", "meaning")
            for limit in (1, 10)
        ]
        return [
            (
                [(hit.type, hit.id, hit.title, hit.snippet) for hit in results.hits],
                results.kinds,
                [hit.score for hit in results.hits],
            )
            for results in found
        ]

    without = everything()
    index_store.rebuild()
    assert reader.current() is not None
    with_index = everything()
    assert [found[:2] for found in with_index] == [found[:2] for found in without]
    # pgvector computes the SQL path's cosines itself: they agree to float32 noise
    assert [found[2] for found in with_index] == [
        pytest.approx(found[2], abs=1e-5) for found in without
    ]


def test_search_falls_back_without_an_index_or_with_another_databases(library, own_index):
    compost, wetland, hidden = library
    assert reader.current() is None
    assert slugs("compost") == [compost.slug]
    assert index_store.refresh() == "missing"
    assert not own_index.exists()  # a library this small stays on the SQL path
    name = index_store.rebuild()
    manifest = own_index / name / "manifest.json"
    manifest.write_text(manifest.read_text().replace('"database": "', '"database": "other-'))
    reader.forget()
    assert reader.current() is None
    assert slugs("compost") == [compost.slug]
    with pytest.raises(index_store.IndexUnavailable):
        index_store.sync()


def test_the_worker_builds_a_missing_index_once_the_library_is_large_enough(
    library, own_index, settings
):
    compost, wetland, hidden = library
    chunks = SearchChunk.objects.count()
    settings.TWINNING_SEARCH_INDEX_BUILD_FROM = chunks + 1
    assert index_store.refresh() == "missing"
    assert not own_index.exists()
    settings.TWINNING_SEARCH_INDEX_BUILD_FROM = chunks
    assert index_store.refresh() == "built"
    generation = reader.current()
    assert generation is not None
    assert generation.state.live.tolist() == sorted(
        SearchChunk.objects.values_list("pk", flat=True)
    )
    assert index_store.refresh() == "synced"
    assert slugs("compost") == [compost.slug]


def test_equal_word_scores_come_back_in_chunk_order_whatever_the_build(own_index):
    """Tied BM25 scores are ordered by chunk, not by the segment a build happened to write."""
    for number in range(6):
        add_document(title=f"Bins {number}", text="Peelings go to the street compost bins.")
    drain_pending()
    index_store.rebuild()
    hits = full_text(["compost"], SearchFilters())
    scores = [hit.score for hit in hits]
    assert len(hits) == 6 and len(set(scores)) == 1
    assert [hit.chunk_id for hit in hits] == sorted(hit.chunk_id for hit in hits)
