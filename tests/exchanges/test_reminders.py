import datetime

import pytest
from django.core import mail

from twinning.exchanges import actions
from twinning.exchanges.models import SentReminder
from twinning.exchanges.reminders import kind_due, send_exchange_reminders

pytestmark = pytest.mark.django_db


def _at(day):
    return datetime.datetime.combine(day, datetime.time(9), datetime.UTC)


def test_the_reminder_kinds():
    today = datetime.date(2030, 8, 1)
    assert [kind_due(today + datetime.timedelta(days=d), today) for d in (-1, 0, 1, 7, 8)] == [
        None,
        "day",
        "week",
        "week",
        None,
    ]


def test_a_week_before_and_on_the_day_each_once_in_the_recipients_language(
    django_capture_on_commit_callbacks, pair, fellow, host_staff, coordinator, settings
):
    report = actions.request_report(
        pair=pair, title="Final report", due_on=datetime.date(2030, 12, 20), actor=coordinator
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert send_exchange_reminders(now=_at(datetime.date(2030, 12, 14))) == 1
        assert send_exchange_reminders(now=_at(datetime.date(2030, 12, 15))) == 0
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == ["lea@example.org", "wei@example.org"]
    assert by_address["lea@example.org"].subject == "Report due in a week: Final report"
    assert by_address["wei@example.org"].subject == "报告一周后截止：Final report"
    assert (
        settings.TWINNING_SITE_URL + report.get_absolute_url() in by_address["lea@example.org"].body
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert send_exchange_reminders(now=_at(datetime.date(2030, 12, 20))) == 1
    assert mail.outbox[-1].subject in (
        "Report due today: Final report",
        "报告今天截止：Final report",
    )
    sent = SentReminder.objects.order_by("pk")
    assert [(s.kind, s.due_on) for s in sent] == [
        ("week", datetime.date(2030, 12, 20)),
        ("day", datetime.date(2030, 12, 20)),
    ]
    assert sorted(sent[0].recipients) == ["lea@example.org", "wei@example.org"]


def test_a_placement_about_to_start_reminds_the_fellow_and_both_partners(
    django_capture_on_commit_callbacks, placement
):
    with django_capture_on_commit_callbacks(execute=True):
        assert send_exchange_reminders(now=_at(datetime.date(2030, 8, 5))) == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["lea@example.org"]
    assert mail.outbox[0].subject == "Placement starts today: Léa Martin → Chengdu Green Home"


def test_the_cli_counts_exchange_reminders_too(capsys, monkeypatch, placement):
    from twinning.cli import main

    monkeypatch.setattr("twinning.cli.calls.setup_django", lambda: None)
    assert main(["send-reminders", "--now", "2030-07-30T09:00"]) == 0
    assert capsys.readouterr().out == "Sent 1 reminder(s).\n"
