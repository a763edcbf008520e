"""Extraction records: plain dataclasses, serialised exactly in the CONTRACTS §2 shape.

Each record also keeps the sentence it came from (`evidence`) and its `source` for the review
queue; those two stay out of the §2 JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PARTNERSHIP_KINDS = ("twinning", "membership", "partner", "visit")
ORGANISATION_TYPES = (
    "ngo",
    "society",
    "association",
    "foundation",
    "network",
    "youth organisation",
    "research centre",
    "municipality",
    "project",
    "company",
    "government",
    "university",
)


@dataclass
class Organisation:
    name: str
    acronym: str | None = None
    country: str | None = None
    city: str | None = None
    founded: int | None = None
    type: str | None = None
    topics: list[str] = field(default_factory=list)
    description: str | None = None
    evidence: str | None = None
    source: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "acronym": self.acronym,
            "country": self.country,
            "city": self.city,
            "founded": self.founded,
            "type": self.type,
            "topics": list(self.topics),
        }


@dataclass
class Partnership:
    a: str
    b: str
    kind: str
    topics: list[str] = field(default_factory=list)
    year: int | None = None
    evidence: str | None = None
    source: str | None = None
    # A visit's date at the precision the page gives, its people ({name, role, organisation,
    # leader}) and the topics discussed after it; for the review queue, not in the §2 JSON.
    date: str | None = None
    participants: list[dict[str, Any]] = field(default_factory=list)
    discussed: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "kind": self.kind,
            "topics": list(self.topics),
            "year": self.year,
        }


@dataclass
class Event:
    name: str
    start: str | None = None
    place: str | None = None
    organisers: list[str] = field(default_factory=list)
    evidence: str | None = None
    source: str | None = None
    topics: list[str] = field(default_factory=list)  # for the review queue, not in §2

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "start": self.start,
            "place": self.place,
            "organisers": list(self.organisers),
        }


@dataclass
class Person:
    name: str
    role: str | None = None
    organisation: str | None = None
    evidence: str | None = None
    source: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "organisation": self.organisation}


@dataclass
class ExtractionResult:
    """Everything extracted from one or more documents (the "document result")."""

    organisations: list[Organisation] = field(default_factory=list)
    partnerships: list[Partnership] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    # A programme's own activities (an inter-city lab, a training), as events organised by
    # the programme; the review queue keeps them, the §2 JSON (events of the world) does not.
    activities: list[Event] = field(default_factory=list)
    # The page's own organisation (one document's result only; not in the §2 JSON).
    subject: str | None = None

    def to_json(self) -> dict[str, list[dict[str, Any]]]:
        """The CONTRACTS §2 object: four lists, nothing else."""
        return {
            "organisations": [item.to_json() for item in self.organisations],
            "partnerships": [item.to_json() for item in self.partnerships],
            "events": [item.to_json() for item in self.events],
            "people": [item.to_json() for item in self.people],
        }

    def merge(self, other: ExtractionResult) -> ExtractionResult:
        """A new result holding both, duplicates folded (first record wins, gaps filled)."""
        from twinning.extract.text import name_key

        merged = ExtractionResult(
            sources=[*self.sources, *other.sources],
            activities=[*self.activities, *other.activities],
        )
        organisations: dict[str, Organisation] = {}
        for organisation in [*self.organisations, *other.organisations]:
            key = name_key(organisation.name)
            known = organisations.get(key)
            if known is None:
                organisations[key] = Organisation(**organisation.__dict__)
                continue
            for attribute in ("acronym", "country", "city", "founded", "type", "description"):
                if getattr(known, attribute) is None:
                    setattr(known, attribute, getattr(organisation, attribute))
            known.topics.extend(t for t in organisation.topics if t not in known.topics)
        merged.organisations = list(organisations.values())
        seen_pairs: set[tuple[str, str, str]] = set()
        for partnership in [*self.partnerships, *other.partnerships]:
            ends = sorted((name_key(partnership.a), name_key(partnership.b)))
            pair_key = (ends[0], ends[1], partnership.kind)
            if pair_key not in seen_pairs:
                seen_pairs.add(pair_key)
                merged.partnerships.append(partnership)
        seen_events: set[tuple[str, str | None]] = set()
        for event in [*self.events, *other.events]:
            event_key = (name_key(event.name), event.start)
            if event_key not in seen_events:
                seen_events.add(event_key)
                merged.events.append(event)
        seen_people: set[str] = set()
        for person in [*self.people, *other.people]:
            if name_key(person.name) not in seen_people:
                seen_people.add(name_key(person.name))
                merged.people.append(person)
        return merged
