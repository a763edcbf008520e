"""One path from proposal to pair in real Chromium: the coordinator pairs a call's single
applicants in the pairing tool and accepts; the committee applies; the pairs appear once."""

import datetime

import pytest
from django.utils import timezone

from tests.calls.factories import chinese, european, make_call, staff_of, submitted
from tests.e2e.conftest import save_screenshot
from tests.factories import UserFactory
from twinning.calls.actions import reschedule_call
from twinning.calls.models import Call, Decision
from twinning.directory.actions import sync_topics
from twinning.programmes.models import Pair

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-password-1"


def test_coordinator_pairs_a_call_and_the_committee_applies_the_pairs_once(
    live_server, page, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    sync_topics()
    call = make_call()
    for name, make, description in (
        ("Zero Waste Lyon", european, "Zero waste shops and household waste sorting."),
        ("Milan Water Forum", european, "Pupils test river water and clean the banks."),
        ("Dalian Recycling Network", chinese, "Recycling points and waste sorting."),
        ("Wuhan Lakes Watch", chinese, "Volunteers guard lake and river water."),
    ):
        organisation = make(name=name, description=description)
        submitted(call, organisation, staff_of(organisation))
    coordinator = UserFactory(username="coord", is_staff=True, password=PASSWORD)
    cohort = call.cohort

    page.goto(
        f"{live_server.url}/accounts/login/?next=/programmes/{cohort.programme.slug}/{cohort.year}/pairing/"
    )
    page.fill("#id_username", "coord")
    page.fill("#id_password", PASSWORD)
    page.click("form.stacked button[type=submit]")
    page.wait_for_url("**/pairing/")
    page.click("button[value=applicants]")
    page.get_by_text("4 single applicant(s) are in the pool.").wait_for()
    page.click("button[value=run]")
    page.get_by_text("Proposed pairs").wait_for()
    page.get_by_role("link", name="Accept these pairs…").click()
    page.get_by_text("Pairs to accept").wait_for()
    page.fill("#reason", "The committee's choice, meeting of 3 June.")
    page.get_by_role("button", name="Confirm and form the pairs").click()
    page.get_by_text("Accepted: these pairs are now twinning pairs of the cohort.").wait_for()
    assert Pair.objects.count() == 2

    reschedule_call(
        call=call, deadline=timezone.now() - datetime.timedelta(minutes=1), actor=coordinator
    )
    page.goto(f"{live_server.url}/calls/{call.slug}/committee/")
    page.get_by_text("4 decisions pending.").wait_for()
    page.click("button[name=confirm]")
    assert "Apply 4 decisions and notify applicants?" in page.inner_text("#confirm")
    with page.expect_navigation(timeout=60000):
        page.click("#confirm button[name=apply]", no_wait_after=True)
    page.wait_for_selector(".messages:has-text('4 decisions applied')")
    save_screenshot(page, "pairing-to-decisions")

    assert set(Pair.objects.values_list("organisation_a__name", "organisation_b__name")) == {
        ("Zero Waste Lyon", "Dalian Recycling Network"),
        ("Milan Water Forum", "Wuhan Lakes Watch"),
    }
    assert Decision.objects.filter(pair__isnull=False).count() == 4
    assert Call.objects.get(pk=call.pk).status == "decided"
    page.goto(f"{live_server.url}{cohort.get_absolute_url()}")
    pairs = page.inner_text("table.pairs")
    assert pairs.count("Zero Waste Lyon") == 1 and pairs.count("Wuhan Lakes Watch") == 1
