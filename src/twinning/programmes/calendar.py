"""Events as iCalendar (RFC 5545), for calendars that subscribe to a programme's events."""

from __future__ import annotations

import calendar as month_calendar
import datetime
from collections.abc import Iterable, Iterator

from twinning.common.ical import CalendarItem, build_calendar
from twinning.programmes.enums import DatePrecision
from twinning.programmes.models import Event


def event_span(event: Event) -> tuple[datetime.date, datetime.date] | None:
    """First and last day: a day as given, a month as its whole span; a bare year is no date."""
    if event.start is None or event.start_precision == DatePrecision.YEAR:
        return None
    if event.start_precision == DatePrecision.MONTH:
        last = month_calendar.monthrange(event.start.year, event.start.month)[1]
        month_end = event.start.replace(day=last)
        return event.start.replace(day=1), max(event.end or month_end, event.start)
    return event.start, max(event.end or event.start, event.start)


def event_items(events: Iterable[Event], *, base_url: str) -> Iterator[CalendarItem]:
    for event in events:
        span = event_span(event)
        if span is None:
            continue
        yield CalendarItem(
            key=f"event-{event.pk}",
            summary=event.name if not event.name_zh else f"{event.name} / {event.name_zh}",
            start=span[0],
            end=span[1],
            sequence=0,
            modified=None,
            url=base_url + event.get_absolute_url(),
            description=event.description,
            location=event.place,
        )


def calendar_of(events: Iterable[Event], *, base_url: str, name: str) -> bytes:
    """One VCALENDAR of the events known to the day or the month (a month is an all-month span)."""
    return build_calendar(event_items(events, base_url=base_url), name=name, site_url=base_url)
