"""Events as iCalendar (RFC 5545), for calendars that subscribe to a programme's events."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from twinning.programmes.enums import DatePrecision
from twinning.programmes.models import Event

PRODUCT_ID = "-//Twinning//Programme events//EN"


def calendar_of(events: Iterable[Event], *, base_url: str, name: str) -> bytes:
    """One VCALENDAR; only events known to the day are placed in it (a bare year is no date)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        if event.start is None or event.start_precision != DatePrecision.DAY:
            continue
        entry = CalendarEvent()
        entry.add("uid", f"event-{event.pk}@twinning")
        entry.add("summary", event.name if not event.name_zh else f"{event.name} / {event.name_zh}")
        entry.add("dtstart", event.start)
        # All-day events end on the day after their last day (RFC 5545 3.6.1).
        entry.add("dtend", (event.end or event.start) + datetime.timedelta(days=1))
        entry.add("dtstamp", datetime.datetime.now(datetime.UTC))
        if event.place:
            entry.add("location", event.place)
        if event.description:
            entry.add("description", event.description)
        entry.add("url", base_url + event.get_absolute_url())
        calendar.add_component(entry)
    return calendar.to_ical()
