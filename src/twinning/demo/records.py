"""Plain records of the demo data set; the loader turns them into rows through the actions.

Records refer to each other by short keys ("cres", "eco-canton"), never by database ids,
so the data files read like a table and the loader can resolve them in one pass.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from twinning.library.enums import DocumentKind
from twinning.programmes.enums import PairStatus


@dataclass(frozen=True)
class Org:
    key: str
    name: str
    country: str
    type: str
    topics: tuple[str, ...]
    description: str = ""
    name_zh: str = ""
    acronym: str = ""
    other_names: tuple[str, ...] = ()
    province: str = ""
    city: str = ""
    founded: int | None = None
    description_zh: str = ""
    exchange_interests: str = ""
    website: str = ""


@dataclass(frozen=True)
class Role:
    organisation: str
    title: str = ""
    title_zh: str = ""


@dataclass(frozen=True)
class PersonRecord:
    key: str
    name: str
    name_zh: str = ""
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True)
class AffiliationRecord:
    kind: str
    organisation: str
    other: str
    start_year: int | None = None
    note: str = ""


@dataclass(frozen=True)
class ProgrammeRecord:
    key: str
    name: str
    kind: str
    description: str
    name_zh: str = ""
    acronym: str = ""
    description_zh: str = ""
    funder: str = ""
    start_year: int | None = None
    end_year: int | None = None
    organisers: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    cohorts: tuple[int, ...] = ()


@dataclass(frozen=True)
class PairRecord:
    programme: str
    year: int
    organisation_a: str
    organisation_b: str
    topics: tuple[str, ...]
    focus: str
    focus_zh: str = ""
    status: str = PairStatus.COMPLETED


@dataclass(frozen=True)
class ActivityRecord:
    programme: str
    kind: str
    name: str
    year: int | None
    topics: tuple[str, ...] = ()
    name_zh: str = ""
    place: str = ""
    description: str = ""
    country: str = ""  # the country, when the source names no city


@dataclass(frozen=True)
class EventRecord:
    name: str
    year: int
    month: int | None = None
    day: int | None = None
    end: datetime.date | None = None
    place: str = ""
    country: str = ""
    organisers: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    description: str = ""
    name_zh: str = ""
    programme: str = ""


@dataclass(frozen=True)
class Participant:
    person: str
    organisation: str | None
    role: str = ""
    is_leader: bool = False


@dataclass(frozen=True)
class VisitRecord:
    date: datetime.date
    host: str
    visitors: tuple[str, ...]
    participants: tuple[Participant, ...] = ()
    topics: tuple[str, ...] = ()
    summary: str = ""
    follow_ups: str = ""


@dataclass(frozen=True)
class DocumentRecord:
    title: str
    text: str
    published: datetime.date | None = None
    language: str = "en"
    kind: str = DocumentKind.REPORT
    summary: str = ""
    organisations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    programme: str = ""
    cohort_year: int | None = None


@dataclass(frozen=True)
class CityPairRecord:
    """Two cities by name and country, cooperating in a programme on themes over years."""

    programme: str
    city_a: tuple[str, str]
    city_b: tuple[str, str]
    topics: tuple[str, ...]
    start_year: int
    end_year: int | None = None
    description: str = ""
    description_zh: str = ""


@dataclass(frozen=True)
class PilotCityRecord:
    programme: str
    city: str
    country: str


@dataclass(frozen=True)
class DataSet:
    """One part of the demo data; `is_sample` marks invented records."""

    is_sample: bool
    organisations: tuple[Org, ...] = ()
    people: tuple[PersonRecord, ...] = ()
    affiliations: tuple[AffiliationRecord, ...] = ()
    programmes: tuple[ProgrammeRecord, ...] = ()
    pairs: tuple[PairRecord, ...] = ()
    activities: tuple[ActivityRecord, ...] = ()
    events: tuple[EventRecord, ...] = ()
    visits: tuple[VisitRecord, ...] = ()
    documents: tuple[DocumentRecord, ...] = field(default=())
    pilot_cities: tuple[PilotCityRecord, ...] = ()
    city_pairs: tuple[CityPairRecord, ...] = ()
