"""Build RFC 5545 calendars from plain calendar items, with the `icalendar` package.

Each item has a stable UID under the site's domain, a SEQUENCE that grows with every change of
its record, DTSTAMP and LAST-MODIFIED from the record, and all-day dates (DTEND is the day after
the last day). A deadline carries VALARMs a week and a day before. A calendar with no item holds
only a UTC VTIMEZONE: RFC 5545 requires one component at least, and a placeholder event would be a lie
(ADR 0014).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from icalendar import Alarm, Calendar, Event, Timezone, TimezoneStandard, vCalAddress, vText

PRODUCT_ID = "-//Twinning//Exchanges and events//EN"
ALARMS_BEFORE = (datetime.timedelta(days=7), datetime.timedelta(days=1))


@dataclass(frozen=True)
class Person:
    name: str
    email: str


@dataclass(frozen=True)
class CalendarItem:
    """One all-day (or multi-day) entry; `end` is the last day, inclusive."""

    key: str
    summary: str
    start: datetime.date
    end: datetime.date
    sequence: int
    modified: datetime.datetime | None
    url: str
    description: str = ""
    location: str = ""
    is_deadline: bool = False
    organizer: Person | None = None
    attendees: tuple[Person, ...] = field(default=())
    categories: tuple[str, ...] = field(default=())


def one_line(text: str) -> str:
    """Names go on one line: a newline in a title becomes a space."""
    return " ".join(text.split())


def domain_of(site_url: str) -> str:
    return urlsplit(site_url).hostname or "twinning.invalid"


def _address(person: Person) -> vCalAddress:
    address = vCalAddress(f"mailto:{person.email}")
    address.params["cn"] = vText(one_line(person.name))
    return address


def _utc(moment: datetime.datetime) -> datetime.datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(datetime.UTC)


def _event(item: CalendarItem, domain: str) -> Event:
    entry = Event()
    entry.add("uid", f"{item.key}@{domain}")
    entry.add("sequence", item.sequence)
    if item.modified is not None:
        entry.add("dtstamp", _utc(item.modified))
        entry.add("last-modified", _utc(item.modified))
    else:  # a record without a modification time: a stable stamp, so clients see no change
        entry.add("dtstamp", datetime.datetime.combine(item.start, datetime.time(), datetime.UTC))
    entry.add("summary", one_line(item.summary))
    entry.add("dtstart", item.start)
    entry.add("dtend", max(item.end, item.start) + datetime.timedelta(days=1))
    entry.add("transp", "TRANSPARENT" if item.is_deadline else "OPAQUE")
    if item.url:
        entry.add("url", item.url)
    if item.description:
        entry.add("description", item.description)
    if item.location:
        entry.add("location", one_line(item.location))
    if item.categories:
        entry.add("categories", [one_line(c) for c in item.categories])
    if item.organizer is not None and item.organizer.email:
        entry.add("organizer", _address(item.organizer))
    for attendee in item.attendees:
        if attendee.email:
            entry.add("attendee", _address(attendee))
    if item.is_deadline:
        for before in ALARMS_BEFORE:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", one_line(item.summary))
            alarm.add("trigger", -before)
            entry.add_component(alarm)
    return entry


def _utc_timezone() -> Timezone:
    zone = Timezone()
    zone.add("tzid", "UTC")
    standard = TimezoneStandard()
    standard.add("dtstart", datetime.datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", datetime.timedelta(0))
    standard.add("tzoffsetto", datetime.timedelta(0))
    standard.add("tzname", "UTC")
    zone.add_component(standard)
    return zone


def build_calendar(items: Iterable[CalendarItem], *, name: str, site_url: str) -> bytes:
    """One VCALENDAR of the items; never without a component (a UTC VTIMEZONE when empty)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", vText(one_line(name)))
    domain = domain_of(site_url)
    count = 0
    for item in items:
        calendar.add_component(_event(item, domain))
        count += 1
    if count == 0:
        calendar.add_component(_utc_timezone())
    return calendar.to_ical()
