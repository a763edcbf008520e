"""Dates read as people write them: 1 December 2026, 14:00 CET; 2026年12月1日 14:00 CET."""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from twinning.calls.templatetags.call_dates import deadline


class _Call:
    deadline = datetime.datetime(2026, 12, 1, 13, 0, tzinfo=datetime.UTC)
    time_zone = "Europe/Brussels"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "1 December 2026, 14:00 CET"), ("zh-hans", "2026年12月1日 14:00 CET")],
)
def test_a_deadline_is_shown_in_the_calls_time_zone(language: str, expected: str) -> None:
    with translation.override(language):
        assert deadline(_Call()) == expected


def test_a_summer_deadline_names_summer_time() -> None:
    call = _Call()
    call.deadline = datetime.datetime(2026, 7, 1, 10, 0, tzinfo=datetime.UTC)
    with translation.override("en"):
        assert deadline(call) == "1 July 2026, 12:00 CEST"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "12 September 2018 · 12 Sep 2018"), ("zh-hans", "2018年9月12日 · 2018年9月12日")],
)
def test_plain_dates_follow_the_language(language: str, expected: str) -> None:
    template = Template("{{ day }} · {{ day|date:'SHORT_DATE_FORMAT' }}")
    with translation.override(language):
        rendered = template.render(Context({"day": datetime.date(2018, 9, 12)}))
    assert rendered == expected
