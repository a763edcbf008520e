"""The kinds of record an exchange file holds, their natural keys and the fields carried.

A natural key is a slug for kinds that have one and a list otherwise, whose parts may be the
natural keys of other records (a pair is [cohort, organisation a, organisation b], a cohort
[programme, year]). Kinds are listed in dependency order: a record only points backwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models

from twinning.directory.models import (
    Affiliation,
    City,
    Identifier,
    Organisation,
    Person,
    Position,
    Topic,
)
from twinning.library.models import Document
from twinning.programmes.models import (
    Activity,
    CityPair,
    Cohort,
    Event,
    Pair,
    Programme,
    Visit,
    VisitParticipant,
)


@dataclass(frozen=True)
class Kind:
    name: str
    model: type[models.Model]
    key: tuple[str, ...]
    fields: tuple[str, ...] = ()
    many: tuple[str, ...] = ()

    def field(self, name: str) -> Any:
        return self.model._meta.get_field(name)

    @property
    def refs(self) -> tuple[str, ...]:
        """Fields (of the key or not) that point to another record."""
        return tuple(
            name
            for name in (*self.key, *self.fields)
            if self.field(name).is_relation and not self.field(name).many_to_many
        )


TOPICS = Kind("topics", Topic, ("slug",))

KINDS: list[Kind] = [
    Kind(
        "cities",
        City,
        ("slug",),
        (
            "name",
            "name_zh",
            "country",
            "province",
            "province_zh",
            "latitude",
            "longitude",
            "population",
            "geonameid",
        ),
    ),
    Kind(
        "organisations",
        Organisation,
        ("slug",),
        (
            "name",
            "name_zh",
            "acronym",
            "other_names",
            "country",
            "province",
            "city",
            "locality",
            "founded",
            "type",
            "description",
            "description_zh",
            "exchange_interests",
            "website",
            "sdgs",
            "is_published",
            "is_sample",
        ),
        ("topics",),
    ),
    Kind("identifiers", Identifier, ("scheme", "value"), ("organisation",)),
    Kind(
        "people",
        Person,
        ("slug",),
        ("name", "name_zh", "is_sample", "consent_at", "consent_source"),
    ),
    Kind(
        "positions",
        Position,
        ("person", "organisation", "title"),
        ("title_zh", "is_public", "start_year", "end_year"),
    ),
    Kind(
        "affiliations",
        Affiliation,
        ("kind", "organisation", "other"),
        ("start_year", "end_year", "note"),
    ),
    Kind(
        "programmes",
        Programme,
        ("slug",),
        (
            "name",
            "name_zh",
            "acronym",
            "kind",
            "description",
            "description_zh",
            "funder",
            "website",
            "start_year",
            "end_year",
            "currency",
            "grant_per_partner",
            "grant_per_placement",
        ),
        ("organisers", "topics", "pilot_cities"),
    ),
    Kind("cohorts", Cohort, ("programme", "year"), ("name",)),
    Kind(
        "pairs",
        Pair,
        ("cohort", "organisation_a", "organisation_b"),
        ("focus", "focus_zh", "status", "report_url"),
        ("topics",),
    ),
    Kind(
        "activities",
        Activity,
        ("programme", "kind", "name", "year"),
        ("cohort", "name_zh", "place", "country", "description"),
        ("topics", "cities"),
    ),
    Kind(
        "city_pairs",
        CityPair,
        ("programme", "city_a", "city_b"),
        ("start_year", "end_year", "description", "description_zh", "is_sample"),
        ("topics",),
    ),
    Kind(
        "events",
        Event,
        ("slug",),
        (
            "name",
            "name_zh",
            "start",
            "start_precision",
            "end",
            "place",
            "country",
            "locality",
            "programme",
            "description",
            "url",
        ),
        ("organisers", "participants", "topics"),
    ),
    Kind("visits", Visit, ("date", "host", "summary"), ("follow_ups",), ("visitors", "topics")),
    Kind(
        "visit_participants",
        VisitParticipant,
        ("visit", "person"),
        ("organisation", "role", "is_leader"),
    ),
    Kind(
        "documents",
        Document,
        ("slug",),
        (
            "title",
            "kind",
            "language",
            "published",
            "source",
            "content_hash",
            "summary",
            "programme",
            "cohort",
            "is_published",
        ),
        ("organisations", "people", "topics"),
    ),
]

BY_NAME = {kind.name: kind for kind in [TOPICS, *KINDS]}
BY_MODEL = {kind.model: kind for kind in [TOPICS, *KINDS]}


def kind_of(model: Any) -> Kind:
    return BY_MODEL[model]
