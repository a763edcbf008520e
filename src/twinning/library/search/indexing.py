"""Turn documents, organisations, pairs and events into search chunks, and keep them current."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from twinning.library.enums import SearchKind
from twinning.library.models import PendingIndex, SearchChunk
from twinning.library.search.embeddings import embedder_name, get_embedder, to_bytes
from twinning.library.search.entries import DESCRIBERS, MODELS, IndexEntry, has_chinese, spaced
from twinning.library.search.index_store import mark_dirty, refresh
from twinning.library.search.text import index_words

WHOLE_RECORD_CHARACTERS = 6000


def build_chunks(entries: list[IndexEntry], *, embedder: str) -> list[SearchChunk]:
    """Unsaved chunks of `entries` with their embeddings (one batch call to the embedder)."""
    chunks, texts = [], []
    for entry in entries:
        paragraphs = entry.paragraphs or [entry.title]
        title = " / ".join(
            filter(None, [entry.title, entry.title_zh if entry.title_zh != entry.title else ""])
        )
        languages = set(entry.languages)
        if any(has_chinese(p) for p in paragraphs) or has_chinese(title):
            languages.add("zh")
        common = {
            "kind": entry.kind,
            "object_id": entry.object_id,
            "reference": entry.reference[:140],
            "title": entry.title[:400],
            "title_zh": entry.title_zh[:400],
            "source": entry.source[:1000],
            "target": entry.target[:140],
            "embedder": embedder,
            "languages": spaced(languages)[:40],
            "year": entry.year,
            "countries": spaced(entry.countries)[:400],
            "topics": spaced(entry.topics)[:2000],
            "programmes": spaced(entry.programmes)[:2000],
            "is_public": entry.is_public,
        }
        for position, paragraph in enumerate(paragraphs[:500]):
            texts.append(f"{title}\n{paragraph}")
            chunks.append(
                SearchChunk(
                    position=position,
                    text=paragraph,
                    segmented=index_words(f"{title} {paragraph}"),
                    **common,
                )
            )
        # One more vector for the record as a whole: meaning spread over many paragraphs.
        texts.append(f"{title}\n" + "\n".join(paragraphs)[:WHOLE_RECORD_CHARACTERS])
        chunks.append(
            SearchChunk(position=0, text=paragraphs[0], segmented="", whole=True, **common)
        )
    vectors = np.asarray(get_embedder(embedder).encode(texts)) if texts else np.zeros((0, 0))
    for chunk, vector in zip(chunks, vectors, strict=True):
        chunk.embedding = to_bytes(vector)
    _central_snippets(chunks, vectors)
    return chunks


def _central_snippets(chunks: list[SearchChunk], vectors: np.ndarray) -> None:
    """A whole-record chunk shows the paragraph nearest the record's meaning, not its menu."""
    start = 0
    for end, chunk in enumerate(chunks):
        if chunk.whole:
            if end > start:
                nearest = start + int(np.argmax(vectors[start:end] @ vectors[end]))
                chunk.text = chunks[nearest].text
            start = end + 1


def _store_vectors(chunks: list[SearchChunk]) -> None:
    from twinning.library.search.retrieval import ensure_vector_index, has_pgvector

    if not has_pgvector() or not chunks:
        return
    ensure_vector_index(chunks[0].embedder, len(chunks[0].embedding) // 4)
    with connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE library_searchchunk SET embedding_vector = %s::vector WHERE id = %s",
            [
                (
                    "["
                    + ",".join(f"{x:.6f}" for x in np.frombuffer(c.embedding, dtype=np.float32))
                    + "]",
                    c.pk,
                )
                for c in chunks
            ],
        )


def index_objects(kind: str, ids: Iterable[int], *, embedder: str | None = None) -> int:
    """Rebuild the chunks of these records (deleted ones lose theirs); returns the chunks written."""
    ids = list(ids)
    embedder = embedder or embedder_name()
    chunks = build_chunks(
        list(DESCRIBERS[kind](ids)), embedder=embedder
    )  # slow part, outside the transaction
    with transaction.atomic():
        mark_dirty()
        SearchChunk.objects.filter(kind=kind, object_id__in=ids).delete()
        created = SearchChunk.objects.bulk_create(chunks, batch_size=500)
        if connection.vendor == "postgresql" and created and created[0].pk is not None:
            _store_vectors(created)
    return len(chunks)


def remove_object(kind: str, object_id: int) -> None:
    mark_dirty()
    SearchChunk.objects.filter(kind=kind, object_id=object_id).delete()
    PendingIndex.objects.filter(kind=kind, object_id=object_id).delete()


def request_index(kind: str, object_ids: Iterable[int]) -> None:
    """Mark records for (re)indexing, in the caller's transaction; a task picks them up."""
    now = timezone.now()
    rows = [
        PendingIndex(kind=kind, object_id=object_id, requested_at=now)
        for object_id in sorted(set(object_ids))
    ]
    if rows:  # one upsert: a newer request moves `requested_at`, so a running drain keeps it
        PendingIndex.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["kind", "object_id"],
            update_fields=["requested_at"],
        )


def unindexed(kind: str) -> QuerySet:
    """Records of `kind` with no chunk at all (e.g. written by bulk_create, which sends no signal)."""
    indexed = SearchChunk.objects.filter(kind=kind).values("object_id")
    return MODELS[kind]._default_manager.exclude(pk__in=indexed).values_list("pk", flat=True)


def pending_work() -> dict[str, set[int]]:
    work: dict[str, set[int]] = {kind: set() for kind in SearchKind.values}
    for kind, object_id in PendingIndex.objects.values_list("kind", "object_id"):
        work[kind].add(object_id)
    for kind in SearchKind.values:
        work[kind].update(unindexed(kind))
    return work


def drain_pending(
    *,
    embedder: str | None = None,
    batch_size: int = 64,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Index every pending or never-indexed record; returns how many records were indexed."""
    started = timezone.now()
    work = pending_work()
    total, done = sum(len(ids) for ids in work.values()), 0
    for kind, ids in work.items():
        ordered = sorted(ids)
        for start in range(0, len(ordered), batch_size):
            batch = ordered[start : start + batch_size]
            index_objects(kind, batch, embedder=embedder)
            PendingIndex.objects.filter(
                kind=kind, object_id__in=batch, requested_at__lte=started
            ).delete()
            done += len(batch)
            if progress:
                progress(done, total)
    refresh()  # the embedded index, when one was built, follows (deletions leave nothing pending)
    return total


def reindex_all(
    *,
    embedder: str | None = None,
    batch_size: int = 64,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Rebuild every record's chunks (e.g. after changing the embedder); returns records indexed.

    Each batch of records swaps its old chunks for new ones in one transaction, so searches
    during the rebuild see every record, old or new, and never an empty index.
    """
    started = timezone.now()
    work = {
        kind: sorted(MODELS[kind]._default_manager.values_list("pk", flat=True))
        for kind in SearchKind.values
    }
    total, done = sum(len(ids) for ids in work.values()), 0
    for kind, ids in work.items():
        for start in range(0, len(ids), batch_size):
            batch = ids[start : start + batch_size]
            index_objects(kind, batch, embedder=embedder)
            PendingIndex.objects.filter(
                kind=kind, object_id__in=batch, requested_at__lte=started
            ).delete()
            done += len(batch)
            if progress:
                progress(done, total)
    # What was not rebuilt belongs to no record any more (deleted meanwhile, or of an old kind).
    mark_dirty()
    SearchChunk.objects.filter(indexed_at__lt=started).delete()
    if connection.vendor == "postgresql":
        from twinning.library.search import bm25

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE library_searchchunk")  # word frequencies for BM25
        bm25.clear()
    return total
