import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.calls.factories import staff_of
from tests.exchanges.conftest import plan
from twinning.exchanges import actions
from twinning.exchanges.enums import PlacementStatus

pytestmark = pytest.mark.django_db


def _placements(pair, fellow, count):
    for index in range(count):
        start = datetime.date(2030, 8, 1 + index)
        plan(pair, fellow, dates=(start, start + datetime.timedelta(days=20)))


def _queries(client, url):
    client.get(url)  # the first request of a session costs its own queries; count a steady one
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["mine", "pair"])
def test_list_pages_cost_the_same_for_one_and_three_placements(
    client, pair, fellow, coordinator, page
):
    client.force_login(fellow)
    url = reverse("exchanges:mine") if page == "mine" else reverse("exchanges:pair", args=[pair.pk])
    _placements(pair, fellow, 1)
    actions.request_report(
        pair=pair, title="Report 1", due_on=datetime.date(2030, 12, 1), actor=coordinator
    )
    one = _queries(client, url)
    _placements(pair, fellow, 2)
    for n in (2, 3):
        actions.request_report(
            pair=pair, title=f"Report {n}", due_on=datetime.date(2030, 12, n), actor=coordinator
        )
    assert _queries(client, url) == one


def test_the_pair_page_shows_the_exchange_at_a_constant_cost(client, pair, fellow):
    client.force_login(fellow)
    _placements(pair, fellow, 1)
    one = _queries(client, pair.get_absolute_url())
    _placements(pair, fellow, 2)
    assert _queries(client, pair.get_absolute_url()) == one


def test_planning_on_the_page_and_a_refusal_listed(client, pair, fellow):
    client.force_login(fellow)
    url = reverse("exchanges:plan", args=[pair.pk])
    assert "Europe → China" in client.get(url).content.decode()
    data = {
        "fellow": fellow.pk,
        "planned_start": "2030-09-25",
        "planned_end": "2030-10-05",
        "host_contact_name": "Wang Fang",
        "work_plan": "Compost pilots.",
    }
    refused = client.post(url, data).content.decode()
    assert "is outside the exchange window for this direction" in refused
    assert pair.placements.count() == 0
    data["planned_end"] = "2030-09-30"
    response = client.post(url, data)
    placement = pair.placements.get()
    assert response.url == placement.get_absolute_url()
    assert (placement.status, placement.city) == (PlacementStatus.PLANNED, "Chengdu")


def test_the_host_confirms_on_the_page_in_chinese(client, placement, host_staff):
    client.force_login(host_staff)
    page = client.get("/zh-hans" + placement.get_absolute_url()).content.decode()
    assert "邀请函" in page  # the letter link names the Chinese letter
    response = client.post(reverse("exchanges:placement_step", args=[placement.pk, "confirm"]))
    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.CONFIRMED


def test_my_exchanges_offers_a_calendar_address(client, fellow):
    client.force_login(fellow)
    assert "Make my calendar address" in client.get(reverse("exchanges:mine")).content.decode()
    client.post(reverse("exchanges:renew_token"))
    page = client.get(reverse("exchanges:mine")).content.decode()
    assert fellow.calendar_feed.token in page


def test_staff_of_another_pair_sees_none_of_these_placements(client, placement, db):
    from tests.calls.factories import european

    other = staff_of(european(name="Other Org"), "other-staff")
    client.force_login(other)
    assert "Léa Martin" not in client.get(reverse("exchanges:mine")).content.decode()


def test_my_page_lists_organisations_applications_and_due_dates(
    client, placement, fellow, coordinator
):
    actions.request_report(
        pair=placement.pair,
        title="Final report",
        due_on=datetime.date(2030, 12, 20),
        actor=coordinator,
    )
    client.force_login(fellow)
    page = client.get(reverse("exchanges:mine")).content.decode()
    assert "Zero Waste Lyon" in page
    due = page[page.index('class="due-dates"') :]
    assert due.index("Placement: Léa Martin at Chengdu Green Home") < due.index(
        "Report due: Final report"
    )


def test_the_dashboard_is_for_coordinators_and_links_what_to_do(
    client, coordinator_client, placement, fellow, host_staff, coordinator
):
    client.force_login(fellow)
    assert client.get(reverse("exchanges:dashboard")).status_code == 403
    actions.confirm_placement(placement=placement, actor=host_staff)
    actions.start_placement(placement=placement, actor=fellow, on=datetime.date(2030, 8, 6))
    report = actions.request_report(
        pair=placement.pair,
        title="Interim report",
        due_on=datetime.date(2020, 1, 1),
        actor=coordinator,
    )
    page = coordinator_client.get(reverse("exchanges:dashboard")).content.decode()
    under_way = page[page.index("Placements under way") : page.index("Placements starting")]
    assert placement.get_absolute_url() in under_way
    overdue = page[page.index("Reports overdue") : page.index("Reports to review")]
    assert report.get_absolute_url() in overdue and "overdue" in overdue


def test_the_dashboard_costs_the_same_for_one_and_three_rows(
    coordinator_client, pair, fellow, host_staff, coordinator
):
    def add(count):
        for index in range(count):
            start = datetime.date(2030, 8, 1 + index)
            placement = plan(pair, fellow, dates=(start, start + datetime.timedelta(days=20)))
            actions.confirm_placement(placement=placement, actor=host_staff)
            actions.start_placement(placement=placement, actor=fellow, on=start)
            actions.request_report(
                pair=pair,
                title=f"R{start}",
                due_on=datetime.date(2020, 1, 1 + index),
                actor=coordinator,
            )

    url = reverse("exchanges:dashboard")
    add(1)
    one = _queries(coordinator_client, url)
    add(2)
    assert _queries(coordinator_client, url) == one
