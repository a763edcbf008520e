"""Accepting what a page says about programmes: a project becomes a programme, its dated
activities become the programme's activities, and dates keep the precision the page gave.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from twinning import topics as vocabulary
from twinning.ingest.errors import IngestError
from twinning.programmes.actions import add_activity, create_programme
from twinning.programmes.enums import ActivityKind, DatePrecision, ProgrammeKind
from twinning.programmes.models import Activity, Programme, date_from_parts

_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
# The first word found decides the kind of an activity; the order puts the specific first.
ACTIVITY_WORDS: tuple[tuple[str, str], ...] = (
    ("lab", ActivityKind.LAB),
    ("实验室", ActivityKind.LAB),
    ("training", ActivityKind.TRAINING),
    ("培训", ActivityKind.TRAINING),
    ("course", ActivityKind.TRAINING),
    ("seminar", ActivityKind.SEMINAR),
    ("研讨", ActivityKind.SEMINAR),
    ("exchange", ActivityKind.EXCHANGE),
    ("conference", ActivityKind.CONFERENCE),
    ("forum", ActivityKind.CONFERENCE),
    ("symposium", ActivityKind.CONFERENCE),
    ("论坛", ActivityKind.CONFERENCE),
    ("workshop", ActivityKind.WORKSHOP),
)
_PROGRAMME_WORDS = re.compile(r"\s+(?:project|programme|program)$", re.IGNORECASE)


def parse_date(value: Any) -> tuple[datetime.date, str] | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` (or a bare year) as a date and its precision.

    Empty gives None; anything else, or an impossible day, is refused with a message.
    """
    if value in (None, ""):
        return None
    match = _DATE.match(str(value).strip())
    if match is None:
        raise IngestError(
            _("“%(value)s” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD.")
            % {"value": str(value)[:40]}
        )
    parts = [int(part) for part in match.groups() if part]
    try:
        return date_from_parts(*parts)
    except ValueError:
        raise IngestError(
            _("“%(value)s” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD.")
            % {"value": str(value)[:40]}
        ) from None


def programme_kind(data: dict[str, Any]) -> str:
    """A twinning programme when the page says twinning, city-to-city when it speaks of cities."""
    text = f"{data.get('name') or ''} {data.get('description') or ''}".lower()
    if "twinning" in text or "结对" in text:
        return ProgrammeKind.TWINNING
    if "cit" in text or "城市" in text:
        return ProgrammeKind.CITY_TO_CITY
    return ProgrammeKind.NETWORK


def find_programme(name: str) -> Programme | None:
    """The programme called `name` or with that acronym ("EC-Link project" finds EC-LINK)."""
    name = (name or "").strip()
    if not name:
        return None
    bare = _PROGRAMME_WORDS.sub("", name).strip()
    query = Q(name__iexact=name) | Q(name_zh=name)
    for word in {name, bare}:
        if word:
            query |= Q(acronym__iexact=word)
    return Programme.objects.filter(query).order_by("pk").first()


def accept_programme(data: dict[str, Any]) -> Programme:
    """A project candidate becomes a programme; one already known by name or acronym gains gaps."""
    topics = [slug for slug in map(vocabulary.normalise_topic, data.get("topics") or []) if slug]
    existing = find_programme(data.get("acronym") or "") or find_programme(data["name"])
    fields: dict[str, Any] = {
        "name_zh": (data.get("name_zh") or "")[:250],
        "acronym": (data.get("acronym") or "")[:40],
        "description": data.get("description") or "",
        "start_year": data.get("founded"),
    }
    if existing is not None:
        changed = [key for key, value in fields.items() if value and not getattr(existing, key)]
        for key in changed:
            setattr(existing, key, fields[key])
        if changed:
            existing.full_clean()
            existing.save(update_fields=changed)
        return existing
    return create_programme(
        name=data["name"][:250],
        kind=programme_kind(data),
        topics=list(dict.fromkeys(topics)),
        **{key: value for key, value in fields.items() if value},
    )


def activity_kind(name: str) -> str:
    lowered = name.lower()
    for word, kind in ACTIVITY_WORDS:
        if word in lowered:
            return kind
    return ActivityKind.WORKSHOP


def organising_programme(organisers: list[str]) -> Programme | None:
    """The first organiser that is a programme: what it organises is one of its activities."""
    for name in organisers:
        programme = find_programme(name)
        if programme is not None:
            return programme
    return None


def accept_activity(programme: Programme, data: dict[str, Any]) -> Activity:
    """An event organised by a programme becomes its activity, in the year the page gives."""
    start = parse_date(data.get("start"))
    year = start[0].year if start else None
    topics = [slug for slug in map(vocabulary.normalise_topic, data.get("topics") or []) if slug]
    name = data["name"][:250]
    known = Activity.objects.filter(programme=programme, name=name, year=year).first()
    if known is not None:
        return known
    return add_activity(
        programme=programme,
        kind=activity_kind(name),
        name=name,
        name_zh=(data.get("name_zh") or "")[:250],
        year=year,
        place=(data.get("place") or "")[:200],
        topics=list(dict.fromkeys(topics)),
    )


def visit_date(data: dict[str, Any]) -> tuple[datetime.date, str]:
    """The visit's date as precise as the page gives it; a visit without any date is refused."""
    parsed = parse_date(data.get("date")) or parse_date(data.get("year"))
    if parsed is None:
        raise IngestError(
            _("The page gives no date for this visit: enter its year or date, then accept.")
        )
    return parsed


def event_start(data: dict[str, Any]) -> tuple[datetime.date | None, str]:
    parsed = parse_date(data.get("start"))
    return parsed if parsed else (None, DatePrecision.DAY)
