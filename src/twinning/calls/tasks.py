"""Background work of calls: deadline reminders, queued every hour by `twinning serve`."""

from __future__ import annotations

from django_tasks import task

from twinning.calls.actions.reminders import send_deadline_reminders


@task()
def send_reminders_task() -> int:
    """Send the reminders that are due (idempotent: each one goes out once)."""
    return send_deadline_reminders()
