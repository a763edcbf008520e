"""Turn documents, organisations, pairs and events into search chunks, and keep them current."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np
from django.db import connection, transaction
from django.db.models import Model, Prefetch, QuerySet
from django.utils import timezone

from twinning.directory import geography
from twinning.directory.models import Organisation, Person, Position, Topic
from twinning.library.enums import SearchKind
from twinning.library.models import Document, PendingIndex, SearchChunk
from twinning.library.search.embeddings import embedder_name, get_embedder, to_bytes
from twinning.library.search.text import chunk_paragraphs, index_words
from twinning.programmes.models import Activity, Event, Pair, Visit


@dataclass
class IndexEntry:
    """What the index knows about one record: its text in pieces and the values filters use."""

    kind: str
    object_id: int
    reference: str
    title: str
    title_zh: str = ""
    source: str = ""
    target: str = ""
    paragraphs: list[str] = field(default_factory=list)
    languages: set[str] = field(default_factory=set)
    year: int | None = None
    countries: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)
    programmes: set[str] = field(default_factory=set)
    is_public: bool = True

    def __post_init__(self) -> None:
        self.target = self.target or self.reference


def _published_names(organisations: Iterable[Organisation]) -> str:
    """Names of the published ones only: an unpublished organisation's name is never indexed."""
    return ", ".join(o.name for o in organisations if o.is_published)


def _spaced(values: Iterable[str]) -> str:
    """ " a b " so that a filter can match one value with LIKE '% a %' on any engine."""
    values = sorted(v for v in values if v)
    return f" {' '.join(values)} " if values else ""


def _topic_slugs(topics: Iterable[Topic]) -> set[str]:
    slugs = set()
    for topic in topics:
        slugs.add(topic.slug)
        if topic.parent is not None:
            slugs.add(topic.parent.slug)
    return slugs


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _document_entries(ids: list[int]) -> Iterator[IndexEntry]:
    documents = (
        Document.objects.filter(pk__in=ids)
        .select_related("programme", "cohort__programme")
        .prefetch_related("topics__parent", "organisations")
    )
    for document in documents:
        programmes = {
            p.slug
            for p in (document.programme, document.cohort.programme if document.cohort else None)
            if p
        }
        yield IndexEntry(
            kind=SearchKind.DOCUMENT,
            object_id=document.pk,
            reference=document.slug,
            title=document.title,
            source=document.source,
            paragraphs=chunk_paragraphs(
                "\n\n".join(filter(None, [document.summary, document.text]))
            ),
            languages={document.language.split("-")[0].lower() or "en"},
            year=document.published.year if document.published else None,
            countries={o.country for o in document.organisations.all()},
            topics=_topic_slugs(document.topics.all()),
            programmes=programmes,
            is_public=document.is_published,
        )


def _organisation_entries(ids: list[int]) -> Iterator[IndexEntry]:
    organisations = Organisation.objects.filter(pk__in=ids).prefetch_related(
        "topics__parent", "pairs_as_a__cohort__programme", "pairs_as_b__cohort__programme"
    )
    for org in organisations:
        place = ", ".join(
            filter(
                None,
                [
                    org.city,
                    org.province,
                    geography.country_name(org.country) if org.country else "",
                ],
            )
        )
        names = " / ".join(org.all_names)
        paragraphs = [
            f"{names}. {place}".strip(),
            *chunk_paragraphs(org.description),
            *chunk_paragraphs(org.description_zh),
            *chunk_paragraphs(org.exchange_interests),
        ]
        pairs = [*org.pairs_as_a.all(), *org.pairs_as_b.all()]
        yield IndexEntry(
            kind=SearchKind.ORGANISATION,
            object_id=org.pk,
            reference=org.slug,
            title=org.name,
            title_zh=org.name_zh,
            paragraphs=[p for p in paragraphs if p],
            languages={"en"} | ({"zh"} if org.name_zh or org.description_zh else set()),
            year=org.founded,
            countries={org.country},
            topics=_topic_slugs(org.topics.all()),
            programmes={pair.cohort.programme.slug for pair in pairs},
            is_public=org.is_published,
        )


def _pair_entries(ids: list[int]) -> Iterator[IndexEntry]:
    pairs = (
        Pair.objects.filter(pk__in=ids)
        .select_related("cohort__programme", "organisation_a", "organisation_b")
        .prefetch_related("topics__parent")
    )
    for pair in pairs:
        a, b = pair.organisation_a, pair.organisation_b
        topics = list(pair.topics.all())
        header = f"{a.name} – {b.name}. {pair.cohort}. " + ", ".join(t.name for t in topics)
        header_zh = (
            " – ".join(filter(None, [a.name_zh, b.name_zh]))
            + " "
            + "、".join(t.name_zh for t in topics if t.name_zh)
        )
        title_zh = f"{a.name_zh or a.name} – {b.name_zh or b.name}"
        yield IndexEntry(
            kind=SearchKind.PAIR,
            object_id=pair.pk,
            reference=str(pair.pk),
            title=f"{a.name} – {b.name}",
            title_zh=title_zh,
            paragraphs=[
                p.strip() for p in (header, header_zh, pair.focus, pair.focus_zh) if p.strip()
            ],
            languages={"en"} | ({"zh"} if pair.focus_zh or a.name_zh or b.name_zh else set()),
            year=pair.cohort.year,
            countries={a.country, b.country},
            topics=_topic_slugs(topics),
            programmes={pair.cohort.programme.slug},
            is_public=a.is_published and b.is_published,
        )


def _event_entries(ids: list[int]) -> Iterator[IndexEntry]:
    events = (
        Event.objects.filter(pk__in=ids)
        .select_related("programme")
        .prefetch_related("topics__parent", "organisers")
    )
    for event in events:
        organisers = [o for o in event.organisers.all() if o.is_published]
        header = ". ".join(
            filter(None, [event.name, event.name_zh, event.place, _published_names(organisers)])
        )
        yield IndexEntry(
            kind=SearchKind.EVENT,
            object_id=event.pk,
            reference=event.slug,
            title=event.name,
            title_zh=event.name_zh,
            paragraphs=[header, *chunk_paragraphs(event.description)],
            languages={"en"} | ({"zh"} if event.name_zh else set()),
            year=event.start.year if event.start else None,
            countries={event.country} | {o.country for o in organisers},
            topics=_topic_slugs(event.topics.all()),
            programmes={event.programme.slug} if event.programme else set(),
        )


def _visit_entries(ids: list[int]) -> Iterator[IndexEntry]:
    visits = (
        Visit.objects.filter(pk__in=ids)
        .select_related("host")
        .prefetch_related("visitors", "topics__parent", "participants__person")
    )
    for visit in visits:
        host = visit.host
        visitors = [o for o in visit.visitors.all() if o.is_published]
        people = ", ".join(
            " ".join(filter(None, [p.person.name, p.person.name_zh, p.role and f"({p.role})"]))
            for p in visit.participants.all()
        )
        topics = list(visit.topics.all())
        header = ". ".join(
            filter(
                None,
                [
                    f"{_published_names(visitors)} → {host.name}".strip(" →"),
                    host.name_zh,
                    str(visit.date),
                    people,
                    ", ".join(t.name for t in topics),
                ],
            )
        )
        yield IndexEntry(
            kind=SearchKind.VISIT,
            object_id=visit.pk,
            reference=str(visit.pk),
            target=host.slug,
            title=f"{host.name} ({visit.date:%Y-%m})",
            title_zh=f"{host.name_zh} ({visit.date:%Y-%m})" if host.name_zh else "",
            paragraphs=[
                header,
                *chunk_paragraphs(visit.summary),
                *chunk_paragraphs(visit.follow_ups),
            ],
            languages={"en"} | ({"zh"} if host.name_zh else set()),
            year=visit.date.year,
            countries={host.country} | {o.country for o in visitors},
            topics=_topic_slugs(topics),
            is_public=host.is_published,
        )


def _activity_entries(ids: list[int]) -> Iterator[IndexEntry]:
    activities = (
        Activity.objects.filter(pk__in=ids)
        .select_related("programme")
        .prefetch_related("topics__parent")
    )
    for activity in activities:
        topics = list(activity.topics.all())
        header = ". ".join(
            filter(
                None,
                [
                    activity.name,
                    activity.name_zh,
                    activity.get_kind_display(),
                    activity.place,
                    str(activity.year or ""),
                    ", ".join(t.name for t in topics),
                ],
            )
        )
        yield IndexEntry(
            kind=SearchKind.ACTIVITY,
            object_id=activity.pk,
            reference=str(activity.pk),
            target=activity.programme.slug,
            title=activity.name,
            title_zh=activity.name_zh,
            paragraphs=[header, *chunk_paragraphs(activity.description)],
            languages={"en"} | ({"zh"} if activity.name_zh else set()),
            year=activity.year,
            topics=_topic_slugs(topics),
            programmes={activity.programme.slug},
        )


def _person_entries(ids: list[int]) -> Iterator[IndexEntry]:
    people = Person.objects.filter(pk__in=ids).prefetch_related(
        Prefetch(
            "positions",
            queryset=Position.objects.filter(
                is_public=True, organisation__is_published=True
            ).select_related("organisation"),
            to_attr="public_positions",
        )
    )
    for person in people:
        positions = person.public_positions
        roles = [
            " ".join(
                filter(
                    None,
                    [
                        position.title,
                        position.title_zh,
                        "—",
                        position.organisation.name,
                        position.organisation.name_zh,
                    ],
                )
            )
            for position in positions
        ]
        yield IndexEntry(
            kind=SearchKind.PERSON,
            object_id=person.pk,
            reference=person.slug,
            target=positions[0].organisation.slug if positions else "",
            title=person.name,
            title_zh=person.name_zh,
            paragraphs=[
                ". ".join([" / ".join(filter(None, [person.name, person.name_zh])), *roles])
            ],
            languages={"en"} | ({"zh"} if person.name_zh else set()),
            countries={position.organisation.country for position in positions},
            is_public=bool(positions),  # only people with a public role are found by visitors
        )


DESCRIBERS: dict[str, Callable[[list[int]], Iterator[IndexEntry]]] = {
    SearchKind.DOCUMENT: _document_entries,
    SearchKind.ORGANISATION: _organisation_entries,
    SearchKind.PAIR: _pair_entries,
    SearchKind.EVENT: _event_entries,
    SearchKind.VISIT: _visit_entries,
    SearchKind.ACTIVITY: _activity_entries,
    SearchKind.PERSON: _person_entries,
}
MODELS: dict[str, type[Model]] = {
    SearchKind.DOCUMENT: Document,
    SearchKind.ORGANISATION: Organisation,
    SearchKind.PAIR: Pair,
    SearchKind.EVENT: Event,
    SearchKind.VISIT: Visit,
    SearchKind.ACTIVITY: Activity,
    SearchKind.PERSON: Person,
}


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
        if any(_has_chinese(p) for p in paragraphs) or _has_chinese(title):
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
            "languages": _spaced(languages)[:40],
            "year": entry.year,
            "countries": _spaced(entry.countries)[:400],
            "topics": _spaced(entry.topics)[:2000],
            "programmes": _spaced(entry.programmes)[:2000],
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
        SearchChunk.objects.filter(kind=kind, object_id__in=ids).delete()
        created = SearchChunk.objects.bulk_create(chunks, batch_size=500)
        if connection.vendor == "postgresql" and created and created[0].pk is not None:
            _store_vectors(created)
    return len(chunks)


def remove_object(kind: str, object_id: int) -> None:
    SearchChunk.objects.filter(kind=kind, object_id=object_id).delete()
    PendingIndex.objects.filter(kind=kind, object_id=object_id).delete()


def request_index(kind: str, object_ids: Iterable[int]) -> None:
    """Mark records for (re)indexing, in the caller's transaction; a task picks them up."""
    now = timezone.now()
    for object_id in set(object_ids):
        PendingIndex.objects.update_or_create(
            kind=kind, object_id=object_id, defaults={"requested_at": now}
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
    SearchChunk.objects.filter(indexed_at__lt=started).delete()
    return total
