"""The committee page: labelled decision controls, a confirmation after Record, a confirm step
with warnings before applying all decisions."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.calls.factories import make_call, submitted
from twinning.calls.actions import reschedule_call
from twinning.calls.enums import CallStatus
from twinning.calls.models import Call, Decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def tandem(europe_org, china_org, europe_staff, china_staff):
    call = make_call(days_left=3)
    return submitted(
        call, europe_org, europe_staff, kind="tandem", partner=china_org, partner_user=china_staff
    )


def test_every_decision_control_has_its_own_label(coordinator_client, tandem):
    page = coordinator_client.get(reverse("calls:committee", args=[tandem.call.slug]))
    body = page.content.decode()
    for name in ("outcome", "paired_with", "note"):
        control_id = f"decision-{tandem.pk}-{name}"
        assert f'id="{control_id}"' in body
        assert f'<label for="{control_id}">' in body
    ids = re.findall(r'id="([^"]+)"', body)
    assert len(ids) == len(set(ids))


def test_record_says_what_was_recorded(coordinator_client, tandem):
    url = reverse("calls:committee", args=[tandem.call.slug])
    response = coordinator_client.post(
        url, {"application": tandem.pk, "outcome": "accept", "note": ""}, follow=True
    )
    assert (
        "Recorded for Zero Waste Lyon: Accept. Nothing is sent until you apply all decisions."
        in response.content.decode()
    )


def test_apply_asks_first_and_warns_about_missing_reviews(coordinator, coordinator_client, tandem):
    call = tandem.call
    url = reverse("calls:committee", args=[call.slug])
    coordinator_client.post(url, {"application": tandem.pk, "outcome": "accept", "note": ""})
    reschedule_call(
        call=call, deadline=timezone.now() - datetime.timedelta(minutes=5), actor=coordinator
    )
    unconfirmed = coordinator_client.post(url, {"apply": "1"})
    assert unconfirmed["Location"] == f"{url}?confirm=1#confirm"
    assert Call.objects.get().status == CallStatus.OPEN
    assert Decision.objects.get().is_pending
    confirm = coordinator_client.get(url, {"confirm": "1"}).content.decode()
    assert "Apply 1 decision and notify applicants?" in confirm
    assert "These applications have fewer than 2 submitted reviews:" in confirm
    assert "Zero Waste Lyon: 0 of 2 reviews · Accept" in confirm
    applied = coordinator_client.post(url, {"apply": "1", "confirmed": "1"}, follow=True)
    assert "1 decision applied; every applicant is notified." in applied.content.decode()
    assert Call.objects.get().status == CallStatus.DECIDED


def test_a_decided_call_offers_no_confirm_step(coordinator_client):
    call = make_call(days_left=3)
    Call.objects.filter(pk=call.pk).update(status=CallStatus.DECIDED)
    page = coordinator_client.get(
        reverse("calls:committee", args=[call.slug]), {"confirm": "1"}
    ).content.decode()
    assert 'id="confirm"' not in page
