"""Exchanges: the bilingual invitation letter, and a personal calendar of many entries.

The letter has no peer here (the other maintained CJK-capable PDF writers need a font file on
the machine, which is why ADR 0013 chose reportlab's CID font). The calendar is measured beside
a bare `icalendar` loop over the same entries (UID, DTSTAMP, SUMMARY, dates; no alarms, no
SEQUENCE): the cost of what RFC 5545 asks for beyond that.
"""

from __future__ import annotations

import datetime
import json
import os
import time
from typing import Any

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")
django.setup()

LETTERS = 50
ENTRIES = 2000


def _placement() -> Any:
    from twinning.accounts.models import User
    from twinning.directory.models import Organisation
    from twinning.exchanges.models import Placement
    from twinning.programmes.models import Cohort, Pair, Programme

    home = Organisation(name="Zero Waste Lyon", name_zh="里昂零废弃", city="Lyon", country="FR")
    host = Organisation(
        name="Chengdu Green Home", name_zh="成都绿色家园", city="Chengdu", country="CN"
    )
    programme = Programme(
        name="EU–China NGO Twinning Programme", name_zh="中欧社会组织结对交流项目"
    )
    pair = Pair(
        cohort=Cohort(programme=programme, year=2030), organisation_a=home, organisation_b=host
    )
    return Placement(
        pair=pair,
        fellow=User(username="lea", display_name="Léa Martin"),
        home=home,
        host=host,
        city="Chengdu",
        planned_start=datetime.date(2030, 8, 5),
        planned_end=datetime.date(2030, 9, 10),
        host_contact_name="Wang Fang",
        work_plan="Compost pilots in two neighbourhoods. " * 20,
    )


def bench_letter() -> list[dict[str, object]]:
    from twinning.exchanges.letter import invitation_letter

    placement = _placement()
    invitation_letter(placement)
    started = time.perf_counter()
    for _ in range(LETTERS):
        data = invitation_letter(placement)
    per_letter = (time.perf_counter() - started) / LETTERS * 1000
    params = {"letters": LETTERS, "bytes": len(data)}
    return [
        {
            "name": "invitation letter (EN+ZH PDF)",
            "metric": "time per letter",
            "value": round(per_letter, 2),
            "unit": "ms",
            "peer": None,
            "peer_value": None,
            "params": params,
        },
    ]


def _items() -> list[Any]:
    from twinning.common.ical import CalendarItem

    start = datetime.date(2030, 1, 1)
    moment = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
    return [
        CalendarItem(
            key=f"report-{n}",
            summary=f"Report due: pair {n}",
            start=start + datetime.timedelta(days=n % 365),
            end=start + datetime.timedelta(days=n % 365),
            sequence=n % 5,
            modified=moment,
            url=f"http://127.0.0.1:8000/exchanges/reports/{n}/",
            is_deadline=n % 2 == 0,
        )
        for n in range(ENTRIES)
    ]


def _bare(items: list[Any]) -> bytes:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//bare//EN")
    calendar.add("version", "2.0")
    for item in items:
        event = Event()
        event.add("uid", item.key)
        event.add("dtstamp", item.modified)
        event.add("summary", item.summary)
        event.add("dtstart", item.start)
        event.add("dtend", item.end + datetime.timedelta(days=1))
        calendar.add_component(event)
    return calendar.to_ical()


def bench_calendar() -> list[dict[str, object]]:
    from twinning.common.ical import build_calendar

    items = _items()
    started = time.perf_counter()
    ours = build_calendar(items, name="bench", site_url="http://127.0.0.1:8000")
    ours_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    _bare(items)
    bare_ms = (time.perf_counter() - started) * 1000
    return [
        {
            "name": "personal calendar feed",
            "metric": "build time",
            "value": round(ours_ms, 1),
            "unit": "ms",
            "peer": "icalendar, bare events",
            "peer_value": round(bare_ms, 1),
            "params": {"entries": ENTRIES, "bytes": len(ours)},
        },
    ]


def run() -> list[dict[str, object]]:
    """The letter alone; the calendar beside its bare peer from the same run."""
    return bench_letter() + bench_calendar()


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
