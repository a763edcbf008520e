import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from twinning.exchanges import actions
from twinning.exchanges.enums import MilestoneStatus
from twinning.exchanges.models import AlumniRecord, ExchangeLogEntry, JointProject, Milestone
from twinning.programmes.enums import PairStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(pair, fellow):
    return actions.describe_joint_project(
        pair=pair,
        title="Compost in every courtyard",
        goals="Two pilot courtyards per city.",
        actor=fellow,
    )


def _finish(placement, fellow, host_staff, coordinator):
    actions.confirm_placement(placement=placement, actor=host_staff)
    actions.start_placement(placement=placement, actor=fellow, on=datetime.date(2030, 8, 6))
    actions.complete_placement(placement=placement, actor=fellow, on=datetime.date(2030, 9, 6))
    report = actions.request_report(
        pair=placement.pair,
        title="Final report",
        due_on=datetime.date(2030, 12, 20),
        actor=coordinator,
    )
    actions.file_report(report=report, data=b"Final report\nDone.", filename="r.txt", actor=fellow)
    return report


def test_milestones_progress_on_the_pair_pages(client, pair, project, fellow, host_staff):
    first = actions.add_milestone(
        pair=pair, title="Pilot courtyards chosen", due_on=datetime.date(2030, 9, 1), actor=fellow
    )
    actions.add_milestone(
        pair=pair,
        title="Handbook",
        due_on=datetime.date(2030, 12, 1),
        actor=host_staff,
        kind="deliverable",
    )
    done = actions.complete_milestone(
        milestone=first, actor=host_staff, on=datetime.date(2030, 8, 28)
    )
    assert (done.status, done.done_on, done.sequence) == (
        MilestoneStatus.DONE,
        datetime.date(2030, 8, 28),
        1,
    )
    client.force_login(fellow)
    page = client.get(reverse("exchanges:pair", args=[pair.pk])).content.decode()
    assert "1 of 2 milestones reached" in page
    assert "1 of 2 milestones reached" in client.get(pair.get_absolute_url()).content.decode()


def test_a_milestone_needs_a_project_and_outsiders_change_nothing(pair, outsider, fellow):
    with pytest.raises(actions.ExchangeError, match="Describe the joint project"):
        actions.add_milestone(pair=pair, title="X", due_on=datetime.date(2030, 9, 1), actor=fellow)
    with pytest.raises(PermissionDenied):
        actions.describe_joint_project(pair=pair, title="Mine", goals="Mine", actor=outsider)
    assert (
        JointProject.objects.count(),
        Milestone.objects.count(),
        ExchangeLogEntry.objects.count(),
    ) == (0, 0, 0)


def test_a_due_milestone_is_in_my_calendar_with_alarms(client, pair, project, host_staff):
    milestone = actions.add_milestone(
        pair=pair,
        title="Handbook",
        due_on=datetime.date(2030, 12, 1),
        actor=host_staff,
        kind="deliverable",
    )
    feed = actions.renew_calendar_token(user=host_staff)
    calendar = Calendar.from_ical(
        client.get(reverse("exchanges:personal_calendar", args=[feed.token])).content
    )
    (event,) = [e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("milestone-")]
    assert str(event["summary"]) == f"Deliverable due: Handbook ({pair})"
    assert len(event.walk("VALARM")) == 2
    assert str(event["uid"]) == f"milestone-{milestone.pk}@127.0.0.1"


def test_a_pair_becomes_alumni_only_when_its_exchange_is_over_and_reported(
    pair, placement, fellow, host_staff, coordinator
):
    with pytest.raises(actions.ExchangeError) as refused:
        actions.record_alumni(pair=pair, actor=coordinator)
    assert refused.value.reasons == [
        "A placement of the pair has not ended.",
        "The pair has no accepted report yet.",
    ]
    report = _finish(placement, fellow, host_staff, coordinator)
    with pytest.raises(PermissionDenied):
        actions.record_alumni(pair=pair, actor=fellow)
    actions.accept_report(report=report, actor=coordinator)
    record = actions.record_alumni(
        pair=pair, actor=coordinator, note="They keep in touch.", on=datetime.date(2030, 12, 22)
    )
    pair.refresh_from_db()
    assert (pair.status, record.completed_on) == (PairStatus.COMPLETED, datetime.date(2030, 12, 22))
    follow_up = actions.add_follow_up(
        alumni=record, title="Courtyard compost network", start_year=2031, actor=fellow
    )
    with pytest.raises(actions.ExchangeError, match="cannot start before"):
        actions.add_follow_up(alumni=record, title="Too early", start_year=2000, actor=fellow)
    assert follow_up.get_absolute_url() == reverse("exchanges:follow_up", args=[follow_up.pk])


def test_alumni_network_costs_the_same_for_one_and_three_pairs(client, db):
    from tests.factories import PairFactory

    def add(count):
        for _ in range(count):
            record = AlumniRecord.objects.create(
                pair=PairFactory(), completed_on=datetime.date(2020, 1, 1)
            )
            record.follow_ups.create(title="Follow-up", start_year=2021)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("exchanges:alumni"))
        assert response.status_code == 200
        return len(captured), response.content.decode().count("Follow-up</a>")

    add(1)
    one, shown = queries()
    add(2)
    assert queries() == (one, 3) and shown == 1


def test_the_follow_up_page_and_the_pair_page_forms(
    client, coordinator_client, pair, placement, fellow, host_staff, coordinator
):
    report = _finish(placement, fellow, host_staff, coordinator)
    actions.accept_report(report=report, actor=coordinator)
    page = coordinator_client.get(reverse("exchanges:pair", args=[pair.pk])).content.decode()
    assert "Record the pair as alumni" in page
    assert (
        coordinator_client.post(
            reverse("exchanges:record_alumni", args=[pair.pk]), {"note": "Good."}
        ).status_code
        == 302
    )
    response = coordinator_client.post(
        reverse("exchanges:add_follow_up", args=[pair.pk]),
        {"title": "Compost network", "start_year": 2031},
    )
    follow_up = AlumniRecord.objects.get().follow_ups.get()
    assert response.url == follow_up.get_absolute_url()
    assert "Compost network" in client.get(follow_up.get_absolute_url()).content.decode()


def test_project_and_milestones_through_the_api(client, pair, fellow):
    client.force_login(fellow)
    put = client.put(
        f"/api/pairs/{pair.pk}/project",
        {"title": "Compost", "goals": "Pilots."},
        content_type="application/json",
    )
    assert put.status_code == 200
    added = client.post(
        f"/api/pairs/{pair.pk}/milestones",
        {"title": "Pilots chosen", "due_on": "2030-09-01"},
        content_type="application/json",
    )
    assert added.status_code == 201
    assert client.post(f"/api/milestones/{added.json()['id']}/done").json()["status"] == "done"
    project = client.get(f"/api/pairs/{pair.pk}/project").json()
    assert [(m["title"], m["status"]) for m in project["milestones"]] == [("Pilots chosen", "done")]
