"""Date inputs: the browser's picker with an ISO value and the page's language, a hint in the
reader's language, the call's time zone beside the deadline, and typed dates read in either
language (1 December 2026, 2026年12月1日, 2026-12-01)."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.urls import reverse
from django.utils import timezone, translation

from tests.calls.factories import make_call
from twinning.calls.forms import RescheduleForm
from twinning.common.date_fields import DateField, parse_date_text, parse_datetime_text

DECEMBER_FIRST = datetime.date(2026, 12, 1)


@pytest.mark.parametrize(
    "text",
    [
        "2026-12-01",
        "1 December 2026",
        "1 december 2026",
        "1 Dec 2026",
        "December 1, 2026",
        "2026年12月1日",
        "2026 年 12 月 1 日",
        "2026/12/01",
        "01.12.2026",
    ],
)
def test_a_typed_date_is_read_in_either_language(text: str) -> None:
    assert parse_date_text(text) == DECEMBER_FIRST


@pytest.mark.parametrize("text", ["soon", "31 February 2026", "2026年13月1日", "12/31/2026", ""])
def test_a_date_that_is_no_date_is_refused(text: str) -> None:
    assert parse_date_text(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "2026-12-01T14:00",
        "2026-12-01 14:00",
        "1 December 2026, 14:00",
        "1 December 2026 14:00",
        "2026年12月1日 14:00",
        "2026年12月1日14：00",
    ],
)
def test_a_typed_date_and_time_is_read_in_either_language(text: str) -> None:
    assert parse_datetime_text(text) == datetime.datetime(2026, 12, 1, 14, 0)


def test_a_time_past_the_day_is_refused() -> None:
    assert parse_datetime_text("1 December 2026, 25:00") is None


class _OneDate(forms.Form):
    on = DateField(label="On")


@pytest.mark.parametrize(
    ("language", "hint"),
    [
        ("en", "Day, month and year, for example 1 December 2026 or 2026-12-01."),
        ("zh-hans", "年月日，例如 2026年12月1日 或 2026-12-01。"),
    ],
)
def test_the_picker_keeps_an_iso_value_the_pages_language_and_a_hint(
    language: str, hint: str
) -> None:
    with translation.override(language):
        form = _OneDate(initial={"on": DECEMBER_FIRST})
        html = str(form["on"])
        assert str(form.fields["on"].help_text) == hint
    # Chinese input formats start with 2026/12/01, which a date input would show as empty.
    assert 'type="date"' in html and 'value="2026-12-01"' in html
    assert f'lang="{language}"' in html


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_refused_date_says_how_to_write_one(language: str) -> None:
    with translation.override(language):
        form = _OneDate(data={"on": "next week"})
        assert not form.is_valid()
        assert form.errors["on"] == [str(form.fields["on"].help_text)]


@pytest.mark.django_db
def test_the_dates_page_in_chinese_reads_typed_dates_in_the_calls_zone(coordinator_client):
    call = make_call()
    call.time_zone = "Asia/Shanghai"
    call.save(update_fields=["time_zone"])
    today = timezone.localdate()
    deadline_day = today + datetime.timedelta(days=10)
    decision_day = today + datetime.timedelta(days=40)
    with translation.override("zh-hans"):
        url = reverse("calls:reschedule", args=[call.slug])
    page = coordinator_client.get(url).content.decode()
    assert 'type="datetime-local"' in page and 'lang="zh-hans"' in page
    assert "例如 2026年12月1日 14:00 或 2026-12-01 14:00。 时区：Asia/Shanghai" in page
    response = coordinator_client.post(
        url,
        {
            "deadline": f"{deadline_day.year}年{deadline_day.month}月{deadline_day.day}日 14:00",
            "decision_on": decision_day.strftime("%d %B %Y"),
        },
    )
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.deadline == datetime.datetime.combine(
        deadline_day, datetime.time(14, 0), ZoneInfo("Asia/Shanghai")
    )
    assert call.decision_on == decision_day


@pytest.mark.django_db
def test_a_deadline_typed_as_words_is_placed_in_the_chosen_zone() -> None:
    form = RescheduleForm(
        data={"deadline": "1 December 2027, 14:00", "decision_on": "2028-01-15"},
        time_zone="Europe/Brussels",
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["deadline"] == datetime.datetime(
        2027, 12, 1, 14, 0, tzinfo=ZoneInfo("Europe/Brussels")
    )


@pytest.mark.django_db
def test_the_open_call_form_shows_the_time_zone_beside_the_deadline(coordinator_client):
    with translation.override("zh-hans"):
        page = coordinator_client.get(reverse("calls:new")).content.decode()
    deadline = page.index('name="deadline"')
    zone = page.index('name="time_zone"')
    between = page[deadline:zone]
    assert 'type="datetime-local"' in page[page.rindex("<input", 0, deadline) : zone]
    assert "例如 2026年12月1日 14:00" in between and between.count("<p") == 1
