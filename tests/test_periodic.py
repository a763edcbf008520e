import datetime

import pytest
from django.core import mail
from django.utils import timezone

from tests.calls.factories import european, make_call, staff_of
from twinning.calls.actions import start_application
from twinning.calls.models import Reminder
from twinning.cli.server import enqueue_periodic_work

pytestmark = pytest.mark.django_db


def test_periodic_work_sends_the_due_reminders_once(django_capture_on_commit_callbacks):
    call = make_call(days_left=6)
    organisation = european(name="Late Drafters")
    start_application(call=call, organisation=organisation, actor=staff_of(organisation))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_periodic_work()  # tasks run inline in tests; e-mails leave on commit
    assert Reminder.objects.count() == 1 and len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_periodic_work()
    assert Reminder.objects.count() == 1 and len(mail.outbox) == 1
    assert call.deadline - timezone.now() < datetime.timedelta(days=7)
