"""Calls commands: deadline reminders (run it daily, e.g. from cron; it is idempotent)."""

from __future__ import annotations

import argparse
import datetime

from twinning.cli import setup_django


def register(subcommands: argparse._SubParsersAction) -> None:
    reminders = subcommands.add_parser(
        "send-reminders", help="e-mail draft applicants a week and a day before a call's deadline (each reminder once)"
    )
    reminders.add_argument("--now", help="pretend the time is this ISO date-time (for testing a schedule)")
    reminders.set_defaults(handler=run_send_reminders)


def run_send_reminders(args: argparse.Namespace) -> int:
    setup_django()
    from django.utils import timezone

    from twinning.calls.actions import send_deadline_reminders

    now = None
    if args.now:
        now = datetime.datetime.fromisoformat(args.now)
        if timezone.is_naive(now):
            now = timezone.make_aware(now, datetime.UTC)
    sent = send_deadline_reminders(now=now)
    print(f"Sent {sent} reminder(s).")
    return 0
