"""A coordinator ingests a page in real Chromium: upload, watch the job, review the queue, accept."""

import pytest

from tests.e2e.conftest import save_screenshot
from tests.factories import OrganisationFactory, UserFactory
from twinning.directory.actions import sync_topics
from twinning.directory.models import Organisation
from twinning.library.models import Source

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PAGE = """Twinning partners of the 2021 cohort

Vltava River Friends (VRF), Czechia

Vltava River Friends is a non-profit association founded in 2003 in Prague that restores riverbanks with volunteers.

Jiangxi Poyang Lake Watch, China

Jiangxi Poyang Lake Watch is a grassroots NGO established in 2011 that monitors water birds and lake pollution.

Exchange Topic: Water, Biodiversity
"""


def test_coordinator_uploads_reviews_and_accepts(live_server, page, tmp_path, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    sync_topics()
    UserFactory(username="secretariat", is_staff=True, password="a-long-password-1")
    OrganisationFactory(name="Vltava River Friends", country="CZ", founded=None, acronym="")
    document = tmp_path / "cohort-2021.txt"
    document.write_text(PAGE, encoding="utf-8")

    page.goto(f"{live_server.url}/accounts/login/?next=/ingest/")
    page.fill("#id_username", "secretariat")
    page.fill("#id_password", "a-long-password-1")
    page.click("form.stacked button[type=submit]")
    page.wait_for_url("**/ingest/")
    page.set_input_files("input[type=file]", str(document))
    page.click("form.stacked button[type=submit]")
    page.wait_for_url("**/ingest/jobs/*/")
    page.get_by_text("Succeeded").wait_for()
    page.locator("a.button").click()
    page.wait_for_url("**/ingest/queue/")
    assert (
        "same name" in page.locator("table.data").inner_text()
    )  # the known organisation would be merged
    page.locator("thead input[type=checkbox]").check()
    page.click("button[value=accept]")
    page.wait_for_url("**/ingest/queue/**")
    save_screenshot(page, "ingest-queue-after-accept")

    assert Organisation.objects.filter(name="Vltava River Friends").count() == 1
    merged = Organisation.objects.get(name="Vltava River Friends")
    assert (merged.founded, merged.acronym) == (2003, "VRF")
    lake = Organisation.objects.get(name="Jiangxi Poyang Lake Watch")
    assert Source.objects.filter(object_id=lake.pk, document__source="cohort-2021.txt").exists()
