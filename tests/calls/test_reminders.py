"""Deadline reminders: a week and a day before, once per application and kind, drafts only."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from tests.calls.factories import make_call, submitted
from twinning.calls.actions import send_deadline_reminders, start_application
from twinning.calls.actions.reminders import due_kind
from twinning.calls.models import Reminder
from twinning.cli import main

pytestmark = pytest.mark.django_db


def test_due_kind_by_time_left():
    deadline = datetime.datetime(2030, 3, 31, 12, tzinfo=datetime.UTC)
    assert [
        due_kind(deadline, deadline - datetime.timedelta(days=days))
        for days in (8, 7, 2, 1, 0.5, 0, -1)
    ] == [None, "week", "week", "day", "day", None, None]


def test_reminders_go_once_to_drafts_only(
    europe_org, china_org, europe_staff, china_staff, django_capture_on_commit_callbacks
):
    call = make_call(days_left=6)
    draft = start_application(call=call, organisation=europe_org, actor=europe_staff)
    submitted(call, china_org, china_staff)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders() == 1
        assert send_deadline_reminders() == 0
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["lea@example.org"], "Deadline approaching: Twinning call")
    ]
    assert "is in a week" in mail.outbox[0].body
    day_before = call.deadline - datetime.timedelta(hours=20)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders(now=day_before) == 1
        assert send_deadline_reminders(now=day_before) == 0
    assert "is tomorrow" in mail.outbox[1].body
    assert sorted(Reminder.objects.filter(application=draft).values_list("kind", flat=True)) == [
        "day",
        "week",
    ]
    assert send_deadline_reminders(now=call.deadline + datetime.timedelta(minutes=1)) == 0


def test_cli_send_reminders(capsys, europe_org, europe_staff, monkeypatch):
    monkeypatch.setattr("twinning.cli.calls.setup_django", lambda: None)
    call = make_call(days_left=20)
    start_application(call=call, organisation=europe_org, actor=europe_staff)
    assert main(["send-reminders"]) == 0
    assert (
        main(
            [
                "send-reminders",
                "--now",
                (timezone.now() + datetime.timedelta(days=19, hours=12)).strftime("%Y-%m-%dT%H:%M"),
            ]
        )
        == 0
    )
    assert capsys.readouterr().out == "Sent 0 reminder(s).\nSent 1 reminder(s).\n"
