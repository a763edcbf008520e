"""The demo: a decided and an open call with the accounts of every role, idempotent, every page renders."""

import pytest
from django.contrib.auth import authenticate
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from twinning.calls.demo import load_calls_demo
from twinning.calls.models import Application, AuditEntry, Call, Review
from twinning.common.dates import in_zone
from twinning.demo.load import load_demo
from twinning.programmes.models import Pair

pytestmark = pytest.mark.django_db


def test_demo_calls_load_once_and_render(client):
    load_demo()
    assert load_calls_demo() == {"calls": 2, "applications": 8, "accounts": 6}
    counts = {
        model: model.objects.count() for model in (Call, Application, Review, Pair, AuditEntry)
    }
    assert load_calls_demo() == {"calls": 2, "applications": 8, "accounts": 6}
    assert {model: model.objects.count() for model in counts} == counts
    decided, open_call = Call.objects.order_by("deadline")
    for call in (decided, open_call):
        local = in_zone(call.deadline, call.time_zone)
        assert (call.time_zone, local.hour, local.minute, local.second) == (
            "Europe/Brussels",
            12,
            0,
            0,
        )
    # The open call's pairs travel after its decision; the decided call's pairs travel in this
    # year's windows, where the exchanges demo shows their placements.
    assert all(window.starts_on > open_call.decision_on for window in open_call.windows.all())
    year = timezone.localdate().year
    assert {window.starts_on.year for window in decided.windows.all()} == {year}
    assert (decided.status, open_call.status, open_call.accepts_changes) == (
        "decided",
        "open",
        True,
    )
    assert sorted(decided.applications.values_list("status", flat=True)) == [
        "accepted",
        "accepted",
        "accepted",
        "rejected",
    ]
    assert decided.cohort.pairs.count() == 2
    for username in (
        "coordinator",
        "applicant",
        "applicant-europe",
        "applicant-single",
        "reviewer-1",
        "reviewer-2",
    ):
        assert authenticate(username=username, password="twinning-demo") is not None, username
    from django.template import Context, Template

    block = Template("{% load calls_demo %}{% demo_accounts %}").render(Context({"user": None}))
    assert (
        "reviewer-2" in block and "twinning-demo" in block and open_call.get_absolute_url() in block
    )
    coordinator = Client()
    coordinator.force_login(authenticate(username="coordinator", password="twinning-demo"))
    for call in (decided, open_call):
        for url in (
            call.get_absolute_url(),
            reverse("calls:manage", args=[call.slug]),
            reverse("calls:committee", args=[call.slug]),
            reverse("calls:audit", args=[call.slug]),
        ):
            assert coordinator.get(url).status_code == 200, url
    for application in Application.objects.all():
        assert coordinator.get(application.get_absolute_url()).status_code == 200
