"""Background work of exchanges: due-date reminders, queued every hour by `twinning serve`."""

from __future__ import annotations

from django_tasks import task

from twinning.exchanges.reminders import send_exchange_reminders


@task()
def send_exchange_reminders_task() -> int:
    """Send the exchange reminders that are due (idempotent: each goes out once)."""
    return send_exchange_reminders()
