"""A coordinator pairs a cohort in real Chromium: run, forbid a pair, run again, accept."""

import pytest

from tests.e2e.conftest import save_screenshot
from tests.factories import CohortFactory, OrganisationFactory, UserFactory
from twinning.directory.actions import sync_topics
from twinning.pairing.actions import add_to_pool
from twinning.programmes.models import Pair

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_coordinator_runs_forbids_and_accepts_a_pairing(live_server, page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    sync_topics()
    UserFactory(username="secretariat", is_staff=True, password="a-long-password-1")
    cohort = CohortFactory(year=2021, programme__slug="twinning")
    # own descriptions carry the match (issue 11)
    for name, country, topic, description in (
        ("Zero Waste Vienna", "AT", "waste", "Zero waste shops and household waste sorting."),
        ("Danube Water School", "RO", "water", "Pupils test river water and clean the banks."),
        ("Dalian Recycling Network", "CN", "waste", "Recycling points and waste sorting."),
        ("Jiangxi Lake Guardians", "CN", "water", "Volunteers guard lake and river water."),
    ):
        add_to_pool(
            cohort=cohort,
            organisation=OrganisationFactory(
                name=name, country=country, topics=[topic], description=description
            ),
            actor=None,
        )

    page.goto(f"{live_server.url}/accounts/login/?next=/programmes/twinning/2021/pairing/")
    page.fill("#id_username", "secretariat")
    page.fill("#id_password", "a-long-password-1")
    page.click("form.stacked button[type=submit]")
    page.wait_for_url("**/pairing/")
    page.click("button[value=run]")
    page.get_by_text("Proposed pairs").wait_for()
    rows = page.locator("table.proposal tbody tr")
    assert rows.count() == 2
    first = rows.filter(has_text="Zero Waste Vienna")
    assert "Dalian Recycling Network" in first.inner_text()
    first.locator("button[value=forbidden]").click()
    page.get_by_text("Forbidden: never paired").wait_for()
    page.click("button[value=run]")
    page.get_by_text("Proposed pairs").wait_for()
    assert (
        "Jiangxi Lake Guardians"
        in page.locator("table.proposal tbody tr").filter(has_text="Zero Waste Vienna").inner_text()
    )
    page.get_by_role("link", name="Accept these pairs…").click()
    page.get_by_text("Pairs to accept").wait_for()
    page.fill("#reason", "The committee's choice, meeting of 3 June.")
    page.get_by_role("button", name="Confirm and form the pairs").click()
    page.get_by_text("Accepted: these pairs are now twinning pairs of the cohort.").wait_for()
    save_screenshot(page, "pairing-accepted")
    assert set(Pair.objects.values_list("organisation_a__name", "organisation_b__name")) == {
        ("Zero Waste Vienna", "Jiangxi Lake Guardians"),
        ("Danube Water School", "Dalian Recycling Network"),
    }
