"""Response and request shapes of the REST API."""

import datetime
from typing import Annotated

from ninja import Schema
from pydantic import BeforeValidator

from twinning.directory.countries import UnknownCountry, require_country
from twinning.directory.models import Organisation, Topic
from twinning.programmes.models import Event, Pair, Programme


def _country_code(value: object) -> str:
    try:
        return require_country(str(value or "")[:80])
    except UnknownCountry as error:
        raise ValueError(
            f"{error} is not a country: give an ISO 3166-1 code (CN) or a name (China, 中国)."
        ) from None


# Input that names a country: an ISO code or a name, English or Chinese; unknown text is a 422.
CountryInput = Annotated[str, BeforeValidator(_country_code)]


class TopicOut(Schema):
    slug: str
    name: str
    name_zh: str
    parent: str | None
    sdgs: list[int]

    @staticmethod
    def resolve_parent(topic: Topic) -> str | None:
        return topic.parent.slug if topic.parent is not None else None


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
    def resolve_topics(organisation: Organisation) -> list[str]:
        return [topic.slug for topic in organisation.topics.all()]

    @staticmethod
    def resolve_url(organisation: Organisation) -> str:
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
    def resolve_identifiers(organisation: Organisation) -> list[dict[str, str]]:
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
    def resolve_programme(pair: Pair) -> str:
        return pair.cohort.programme.slug

    @staticmethod
    def resolve_year(pair: Pair) -> int:
        return pair.cohort.year

    @staticmethod
    def resolve_a(pair: Pair) -> Organisation:
        return pair.organisation_a

    @staticmethod
    def resolve_b(pair: Pair) -> Organisation:
        return pair.organisation_b

    @staticmethod
    def resolve_topics(pair: Pair) -> list[str]:
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
    def resolve_cohorts(programme: Programme) -> list[dict[str, int | str]]:
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
    def resolve_start(event: Event) -> str | None:
        return event.start_iso

    @staticmethod
    def resolve_organisers(event: Event) -> list[str]:
        return [organisation.slug for organisation in event.organisers.all()]


class ErrorOut(Schema):
    detail: str
