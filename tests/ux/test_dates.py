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


@pytest.mark.django_db
def test_the_api_opens_a_call_in_its_time_zone_and_refuses_an_unknown_one(coordinator_client):
    from tests.factories import ProgrammeFactory
    from twinning.calls.models import Call

    programme = ProgrammeFactory(slug="eu-china")
    payload = {
        "programme": "eu-china",
        "title": "Twinning 2031",
        "opens_on": "2031-01-10",
        "deadline": "2031-03-01T17:00:00+08:00",
        "decision_on": "2031-05-01",
        "side_a_areas": ["europe"],
        "side_b_areas": ["china"],
        "time_zone": "Asia/Shanghai",
    }
    created = coordinator_client.post("/api/calls", payload, content_type="application/json")
    assert created.status_code == 201, created.content
    call = Call.objects.get(programme=programme)
    with translation.override("en"):
        assert deadline(call) == "1 March 2031, 17:00 CST"
    refused = coordinator_client.post(
        "/api/calls",
        {**payload, "title": "Another", "time_zone": "Mars/Olympus"},
        content_type="application/json",
    )
    assert refused.status_code == 400, refused.content
    assert "Mars/Olympus is not a time zone." in refused.content.decode()
    assert Call.objects.count() == 1
