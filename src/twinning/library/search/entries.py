"""What the index knows about each public kind: one describer per kind turns records into entries."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import Model, Prefetch

from twinning.directory import geography
from twinning.directory.models import Organisation, Person, Position, Topic
from twinning.library.enums import SearchKind
from twinning.library.models import Document
from twinning.library.search.text import chunk_paragraphs
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


def spaced(values: Iterable[str]) -> str:
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


def has_chinese(text: str) -> bool:
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
