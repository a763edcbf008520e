"""The writer and its helpers: plain JSON changes, only what changed, the channel."""

from __future__ import annotations

import datetime
import decimal

import pytest

from tests.factories import OrganisationFactory, UserFactory
from twinning.audit.channel import current_channel, using_channel
from twinning.audit.log import as_changes, created, diff, plain, record, snapshot
from twinning.audit.models import AuditRecord

pytestmark = pytest.mark.django_db


def test_plain_values_are_json():
    assert plain(datetime.date(2026, 3, 1)) == "2026-03-01"
    assert plain(decimal.Decimal("12.50")) == "12.50"
    assert plain({"a": (1, 2)}) == {"a": [1, 2]}
    assert plain({3, 1, 2}) == [1, 2, 3]


def test_diff_keeps_only_changed_fields():
    organisation = OrganisationFactory(name="Blue River", founded=2001, type="ngo")
    before = snapshot(organisation)
    organisation.founded = 2005
    organisation.save()
    assert diff(before, snapshot(organisation)) == {"founded": [2001, 2005]}


def test_snapshot_skips_secrets_and_bookkeeping():
    user = UserFactory(username="sam")
    values = snapshot(user)
    assert "password" not in values
    assert values["username"] == "sam"
    assert "updated_at" not in snapshot(OrganisationFactory())


def test_created_lists_filled_fields_with_foreign_keys_as_ids():
    organisation = OrganisationFactory(name="Blue River", city="", description="")
    changes = created(organisation)
    assert changes["name"] == [None, "Blue River"]
    assert "city" not in changes
    assert "description" not in changes


def test_as_changes_wraps_old_notes():
    assert as_changes({"status": "open", "deadline": ["a", "b"]}, pairs=["deadline"]) == {
        "status": [None, "open"],
        "deadline": ["a", "b"],
    }


def test_record_keeps_label_channel_and_organisation():
    organisation = OrganisationFactory(name="Blue River")
    actor = UserFactory(username="ana")
    with using_channel("api"):
        entry = record(actor=actor, verb="updated", record=organisation, changes={"x": [1, 2]})
    assert current_channel() == "system"
    stored = AuditRecord.objects.get(pk=entry.pk)
    assert (stored.actor, stored.verb, stored.record_id, stored.record_label) == (
        actor,
        "updated",
        organisation.pk,
        "Blue River",
    )
    assert (stored.organisation, stored.channel, stored.changes) == (
        organisation,
        "api",
        {"x": [1, 2]},
    )


def test_record_of_anonymous_actor_has_no_actor():
    from django.contrib.auth.models import AnonymousUser

    entry = record(actor=AnonymousUser(), verb="created", record=OrganisationFactory())
    assert entry.actor is None


def test_web_and_api_requests_set_the_channel(client, django_user_model):
    from twinning.privacy.models import ErasureRequest

    web_user = django_user_model.objects.create_user(
        username="web", email="web@example.org", password="pw-web-1234"
    )
    api_user = django_user_model.objects.create_user(
        username="api", email="api@example.org", password="pw-api-1234"
    )
    client.force_login(web_user)
    client.post("/privacy/erasure/", {"reason": "moving on"})
    client.force_login(api_user)
    answer = client.post("/api/me/erasure", {"reason": ""}, content_type="application/json")
    assert answer.status_code == 201
    assert ErasureRequest.objects.count() == 2
    channels = dict(AuditRecord.objects.values_list("actor__username", "channel"))
    assert channels == {"web": "web", "api": "api"}


def test_background_tasks_are_the_workers_channel():
    from types import SimpleNamespace

    from django_tasks.signals import task_finished, task_started

    from twinning.audit.apps import _task_finished, _task_started

    assert _task_started in [entry[1]() for entry in task_started.receivers]
    assert _task_finished in [entry[1]() for entry in task_finished.receivers]
    result = SimpleNamespace(id="task-1")
    _task_started(sender=object, task_result=result)
    assert current_channel() == "worker"
    _task_finished(sender=object, task_result=result)
    assert current_channel() == "system"
