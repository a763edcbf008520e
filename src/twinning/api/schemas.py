"""Response and request shapes of the REST API."""

import datetime

from ninja import Schema


class TopicOut(Schema):
    slug: str
    name: str
    name_zh: str
    parent: str | None
    sdgs: list[int]

    @staticmethod
    def resolve_parent(topic) -> str | None:
        return topic.parent.slug if topic.parent_id else None


class OrganisationSummary(Schema):
    slug: str
    name: str
    name_zh: str
    acronym: str
    country: str
    city: str
    type: str
    founded: int | None
    topics: list[str]
    url: str

    @staticmethod
    def resolve_topics(organisation) -> list[str]:
        return [topic.slug for topic in organisation.topics.all()]

    @staticmethod
    def resolve_url(organisation) -> str:
        return organisation.get_absolute_url()


class IdentifierOut(Schema):
    scheme: str
    value: str


class OrganisationOut(OrganisationSummary):
    other_names: list[str]
    province: str
    region: str
    description: str
    description_zh: str
    exchange_interests: str
    website: str
    sdgs: list[int]
    identifiers: list[IdentifierOut]
    is_sample: bool

    @staticmethod
    def resolve_identifiers(organisation) -> list[dict]:
        return [{"scheme": i.scheme, "value": i.value} for i in organisation.identifiers.all()]


class PairOut(Schema):
    id: int
    programme: str
    year: int
    a: OrganisationSummary
    b: OrganisationSummary
    topics: list[str]
    focus: str
    status: str

    @staticmethod
    def resolve_programme(pair) -> str:
        return pair.cohort.programme.slug

    @staticmethod
    def resolve_year(pair) -> int:
        return pair.cohort.year

    @staticmethod
    def resolve_a(pair):
        return pair.organisation_a

    @staticmethod
    def resolve_b(pair):
        return pair.organisation_b

    @staticmethod
    def resolve_topics(pair) -> list[str]:
        return [topic.slug for topic in pair.topics.all()]


class CohortOut(Schema):
    year: int
    name: str
    pair_count: int = 0


class ProgrammeOut(Schema):
    slug: str
    name: str
    name_zh: str
    acronym: str
    kind: str
    description: str
    start_year: int | None
    end_year: int | None
    cohorts: list[CohortOut]

    @staticmethod
    def resolve_cohorts(programme) -> list[dict]:
        return [
            {"year": c.year, "name": c.name, "pair_count": getattr(c, "pair_count", 0)}
            for c in programme.cohorts.all()
        ]


class EventOut(Schema):
    slug: str
    name: str
    name_zh: str
    start: str | None
    end: datetime.date | None
    place: str
    organisers: list[str]

    @staticmethod
    def resolve_start(event) -> str | None:
        return event.start_iso

    @staticmethod
    def resolve_organisers(event) -> list[str]:
        return [organisation.slug for organisation in event.organisers.all()]


class ErrorOut(Schema):
    detail: str
