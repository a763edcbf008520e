"""After selection, in real Chromium: a selected pair plans a placement inside the window (a date
outside is refused with the window), downloads the invitation letter, the fellow's calendar feed
shows the placement, the coordinator moves it to completed, the pair files its report, the coordinator accepts it and
records the pair as alumni."""

import datetime

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from tests.calls.factories import chinese, european, make_call, staff_of
from tests.e2e.conftest import save_screenshot
from tests.e2e.test_call_cycle import sign_in
from tests.factories import UserFactory
from twinning.directory.actions import sync_topics
from twinning.exchanges import actions
from twinning.exchanges.models import PairReport, Placement
from twinning.programmes.actions import form_pair

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def selected(settings, live_server):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TWINNING_SITE_URL = live_server.url
    sync_topics()
    call = make_call()
    lyon = european(name="Zero Waste Lyon", topics=["waste"])
    chengdu = chinese(name="Chengdu Green Home", name_zh="成都绿色家园", topics=["waste"])
    pair = form_pair(
        cohort=call.cohort, organisation_a=lyon, organisation_b=chengdu, topics=["waste"]
    )
    lea = staff_of(lyon, "lea", display_name="Léa Martin")
    coordinator = UserFactory(username="coord", is_staff=True)
    actions.request_report(
        pair=pair, title="Final report", due_on=datetime.date(2030, 12, 20), actor=coordinator
    )
    return pair, lea


def test_plan_letter_calendar_report_and_acceptance(browser, live_server, selected):
    pair, lea = selected
    page = sign_in(browser, live_server, "lea")
    page.goto(live_server.url + pair.get_absolute_url())
    page.click("text=Plan placements and file reports")
    page.click("text=Plan a placement")
    page.select_option("#id_fellow", str(lea.pk))
    page.fill("#id_planned_start", "2030-09-20")
    page.fill("#id_planned_end", "2030-10-05")
    page.fill("#id_host_contact_name", "Wang Fang")
    page.fill("#id_host_contact_email", "fang@example.org")
    page.fill("#id_work_plan", "Compost pilots in two neighbourhoods.")
    page.click("form.placement-form button[type=submit]")
    assert "outside the exchange window for this direction" in page.inner_text(".messages")
    assert Placement.objects.count() == 0
    page.fill("#id_planned_end", "2030-09-30")
    page.click("form.placement-form button[type=submit]")
    page.wait_for_selector(".placement-status")
    assert page.inner_text(".placement-status") == "Planned"

    with page.expect_download() as download:
        page.click("text=Invitation letter (PDF, English and Chinese)")
    letter = PdfReader(download.value.path()).pages[0].extract_text()
    assert "Host: Chengdu Green Home" in letter and "接待机构：成都绿色家园" in letter

    page.click("text=My page")
    page.click("text=Make my calendar address")
    feed_url = page.inner_text("code.feed-url")
    feed = Calendar.from_ical(page.request.get(feed_url).body())
    summaries = [str(event["summary"]) for event in feed.walk("VEVENT")]
    assert "Placement: Léa Martin at Chengdu Green Home" in summaries

    placement_url = live_server.url + Placement.objects.get().get_absolute_url()
    coordinator = sign_in(browser, live_server, "coord")
    coordinator.goto(placement_url)
    coordinator.click("form[action$='/confirm/'] button[type=submit]")
    coordinator.fill("form[action$='/start/'] #id_on", "2030-08-05")
    coordinator.click("form[action$='/start/'] button[type=submit]")
    coordinator.fill("form[action$='/complete/'] #id_on", "2030-09-30")
    coordinator.click("form[action$='/complete/'] button[type=submit]")
    assert coordinator.inner_text(".placement-status") == "Completed"

    page.goto(live_server.url + "/exchanges/")
    page.click("text=Final report")
    page.set_input_files(
        "#id_file",
        files=[
            {
                "name": "final.txt",
                "mimeType": "text/plain",
                "buffer": b"Final report\nWhat we learned.",
            }
        ],
    )
    page.click("form.report-file button[type=submit]")
    assert page.inner_text(".report-status") == "Submitted"
    save_screenshot(page, "exchange-report-filed")

    coordinator.goto(live_server.url + PairReport.objects.get().get_absolute_url())
    coordinator.fill("#accept-note", "Thank you.")
    coordinator.click("text=Accept the report")
    assert coordinator.inner_text(".report-status") == "Accepted"
    coordinator.goto(placement_url)
    assert coordinator.inner_text(".placement-status") == "Reported"
    coordinator.goto(live_server.url + f"/exchanges/pairs/{pair.pk}/")
    coordinator.fill("#alumni-note", "They keep in touch.")
    coordinator.click("text=Record the pair as alumni")
    assert "Alumni since" in coordinator.inner_text(".alumni-since")
    page.goto(live_server.url + pair.get_absolute_url())
    assert "Final report: Zero Waste Lyon – Chengdu Green Home" in page.inner_text(".pair-exchange")


def test_exchange_pages_fit_a_phone(browser, live_server, selected):
    pair, lea = selected
    actions.plan_placement(
        pair=pair,
        fellow=lea,
        home=pair.organisation_a,
        planned_start=datetime.date(2030, 8, 5),
        planned_end=datetime.date(2030, 9, 10),
        host_contact_name="Wang Fang",
        work_plan="Compost pilots.",
        actor=lea,
    )
    actions.renew_calendar_token(user=lea)
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "lea")
    page.fill("#id_password", "a-long-password-1")
    page.click("form.stacked button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    for path in (
        "/exchanges/",
        f"/zh-hans/exchanges/pairs/{pair.pk}/",
        f"/zh-hans{Placement.objects.get().get_absolute_url()}",
    ):
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    context.close()
