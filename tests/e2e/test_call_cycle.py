"""The whole selection cycle in real Chromium: a tandem applies and confirms, a single applies,
the coordinator assigns reviewers (a conflict is refused), reviewers score, the committee
decides in one batch, and the pairs appear on the public cohort page."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from tests.calls.factories import chinese, european, make_call, reviewer_for, staff_of, submitted
from tests.e2e.conftest import pick, save_screenshot
from tests.factories import UserFactory
from twinning.calls.actions import reschedule_call
from twinning.calls.models import Application
from twinning.directory.actions import sync_topics

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-password-1"


@pytest.fixture
def cycle(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    sync_topics()
    call = make_call(reviews_per_application=1)
    lyon, chengdu = (
        european(name="Zero Waste Lyon", topics=["waste"]),
        chinese(name="Chengdu Green Home", topics=["waste"]),
    )
    milan, wuhan = (
        european(name="Milan Water Forum", topics=["water"]),
        chinese(name="Wuhan Lakes Watch", topics=["water"]),
    )
    people = {
        "lea": staff_of(lyon, "lea"),
        "wei": staff_of(chengdu, "wei"),
        "wu": staff_of(wuhan, "wu"),
    }
    submitted(call, milan, staff_of(milan, "marco"))
    for name in ("rita", "sam", "colleague"):
        people[name] = reviewer_for(call, name)
    staff_of(lyon).staff_memberships.update(user=people["colleague"])
    people["coordinator"] = UserFactory(username="coord", is_staff=True)
    return call, people


def sign_in(browser, live_server, username):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10000)
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.stacked button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return page


def fill_and_submit(page):
    page.locator("textarea").first.fill(
        "We want to learn how our partner runs neighbourhood composting."
    )
    page.check("#id_staff_is_permanent")
    page.click("button[name=submit]")
    page.wait_for_selector(".application-status")
    assert page.inner_text(".application-status") == "Submitted"


def test_whole_selection_cycle(browser, live_server, cycle):
    call, people = cycle
    lea = sign_in(browser, live_server, "lea")
    lea.goto(f"{live_server.url}{call.get_absolute_url()}")
    lea.get_by_role("link", name="Apply").click()
    pick(lea, "id_organisation", "Lyon", "Zero Waste Lyon (France)")
    lea.check("input[name=kind][value=tandem]")
    pick(lea, "id_partner", "Chengdu", "Chengdu Green Home (China)")
    lea.click("form.apply-form button[type=submit]")
    lea.wait_for_selector(".partner-status")
    assert lea.inner_text(".partner-status") == "Chengdu Green Home — Invited"

    invitation = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    wei = sign_in(browser, live_server, "wei")
    wei.goto(live_server.url + invitation.split("127.0.0.1:8000", 1)[1])
    wei.click("button[value=confirm]")
    wei.wait_for_selector(".partner-status:has-text('Confirmed')")

    lea.reload()
    fill_and_submit(lea)

    wu = sign_in(browser, live_server, "wu")
    wu.goto(f"{live_server.url}/calls/{call.slug}/apply/")
    pick(wu, "id_organisation", "Wuhan", "Wuhan Lakes Watch (China)")
    wu.click("form.apply-form button[type=submit]")
    wu.wait_for_selector(".application-form")
    assert wu.inner_text(".suggestions").startswith("Milan Water Forum")
    fill_and_submit(wu)

    coordinator = sign_in(browser, live_server, "coord")
    coordinator.goto(f"{live_server.url}/calls/{call.slug}/manage/")
    tandem = Application.objects.get(organisation__name="Zero Waste Lyon")
    coordinator.select_option("#id_assign-application", str(tandem.pk))
    coordinator.select_option("#id_assign-reviewer", label="colleague")
    coordinator.click("form.assign-form button[type=submit]")
    assert "The reviewer works for Zero Waste Lyon." in coordinator.inner_text(".messages")
    coordinator.click("button[name=auto]")
    coordinator.wait_for_selector(".messages:has-text('3 reviews assigned.')")

    for name in ("rita", "sam", "colleague"):
        reviewer = sign_in(browser, live_server, name)
        reviewer.goto(f"{live_server.url}/calls/reviews/")
        links = reviewer.locator("table.reviews a")
        assert links.count() == 1
        links.first.click()
        for field in reviewer.locator("input[name^=score_]").all():
            field.fill("4")
        reviewer.click("button[name=submit]")
        reviewer.wait_for_url("**/calls/reviews/")
        reviewer.context.close()

    reschedule_call(
        call=call,
        deadline=timezone.now() - datetime.timedelta(minutes=1),
        actor=people["coordinator"],
    )
    coordinator.goto(f"{live_server.url}/calls/{call.slug}/committee/")
    milan, wuhan = (
        Application.objects.get(organisation__name=name)
        for name in ("Milan Water Forum", "Wuhan Lakes Watch")
    )
    assert "Milan Water Forum & Wuhan Lakes Watch" in coordinator.inner_text(".proposals")
    for application, partner in ((tandem, None), (milan, wuhan), (wuhan, milan)):
        row = coordinator.locator(f"tr[data-application='{application.pk}']")
        row.locator("select[name=outcome]").select_option("accept")
        if partner is not None:
            row.locator("select[name=paired_with]").select_option(str(partner.pk))
        row.locator("button[type=submit]").click()
        coordinator.wait_for_selector(f"tr[data-application='{application.pk}'] .decision-state")
    coordinator.click("button[name=confirm]")
    assert "Apply 3 decisions and notify applicants?" in coordinator.inner_text("#confirm")
    # Applying pairs, notifies and indexes: slower than a page view on a busy machine.
    with coordinator.expect_navigation(timeout=60000):
        coordinator.click("#confirm button[name=apply]", no_wait_after=True)
    coordinator.wait_for_selector(".messages:has-text('3 decisions applied')")

    visitor = browser.new_context(locale="en-GB").new_page()
    visitor.goto(f"{live_server.url}{call.cohort.get_absolute_url()}")
    pairs = visitor.inner_text("table.pairs")
    for name in ("Zero Waste Lyon", "Chengdu Green Home", "Milan Water Forum", "Wuhan Lakes Watch"):
        assert name in pairs
    save_screenshot(visitor, "call-cycle-cohort")
    lea.goto(f"{live_server.url}{tandem.get_absolute_url()}")
    assert lea.inner_text(".application-status") == "Accepted"
