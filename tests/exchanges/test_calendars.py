import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from icalendar import Calendar

from tests.factories import EventFactory
from twinning.exchanges import actions
from twinning.programmes.enums import DatePrecision

pytestmark = pytest.mark.django_db


def _feed(client, user):
    feed = actions.renew_calendar_token(user=user)
    response = client.get(reverse("exchanges:personal_calendar", args=[feed.token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def _only(calendar, kind):
    (event,) = [e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith(kind)]
    return event


def test_the_fellows_feed_holds_the_placement_as_an_all_day_span(client, placement, fellow):
    calendar = _feed(client, fellow)
    event = _only(calendar, "placement-")
    deadline = _only(calendar, "call-deadline-")
    assert str(deadline["summary"]) == "Call deadline: Twinning call"
    assert str(event["uid"]) == f"placement-{placement.pk}@127.0.0.1"
    assert str(event["summary"]) == "Placement: Léa Martin at Chengdu Green Home"
    assert (event.decoded("dtstart"), event.decoded("dtend")) == (
        datetime.date(2030, 8, 5),
        datetime.date(2030, 9, 11),
    )
    assert int(event["sequence"]) == 0
    assert event.decoded("last-modified") == placement.updated_at.replace(microsecond=0)
    assert event.decoded("dtstamp") == placement.updated_at.replace(microsecond=0)
    assert str(event["organizer"]) == "mailto:fang@example.org"
    assert [str(a) for a in [event["attendee"]]] == ["mailto:lea@example.org"]
    assert str(event["url"]) == settings.TWINNING_SITE_URL + placement.get_absolute_url()


def test_the_sequence_grows_when_the_placement_changes(client, placement, fellow, host_staff):
    actions.confirm_placement(placement=placement, actor=host_staff)
    actions.reschedule_placement(
        placement=placement,
        planned_start=datetime.date(2030, 8, 12),
        planned_end=datetime.date(2030, 9, 1),
        actor=fellow,
    )
    event = _only(_feed(client, fellow), "placement-")
    assert (int(event["sequence"]), event.decoded("dtstart")) == (2, datetime.date(2030, 8, 12))


def test_a_report_deadline_carries_alarms_a_week_and_a_day_before(
    client, pair, host_staff, coordinator
):
    report = actions.request_report(
        pair=pair, title="Final report", due_on=datetime.date(2030, 12, 20), actor=coordinator
    )
    event = _only(_feed(client, host_staff), "report-")
    assert str(event["uid"]) == f"report-{report.pk}@127.0.0.1"
    assert [alarm.decoded("trigger") for alarm in event.walk("VALARM")] == [
        -datetime.timedelta(days=7),
        -datetime.timedelta(days=1),
    ]


def test_a_renewed_token_revokes_the_old_address_and_revoking_ends_it(client, fellow):
    old = actions.renew_calendar_token(user=fellow).token
    new = actions.renew_calendar_token(user=fellow).token
    assert client.get(reverse("exchanges:personal_calendar", args=[old])).status_code == 404
    assert client.get(reverse("exchanges:personal_calendar", args=[new])).status_code == 200
    actions.revoke_calendar_token(user=fellow)
    assert client.get(reverse("exchanges:personal_calendar", args=[new])).status_code == 404


def test_an_empty_calendar_holds_a_timezone_and_no_invented_event(client, outsider):
    calendar = _feed(client, outsider)
    assert calendar.walk("VEVENT") == []
    assert [c.name for c in calendar.subcomponents] == ["VTIMEZONE"]


def test_month_events_are_spans_and_a_newline_in_a_name_does_not_break_the_feed(client):
    EventFactory(
        name="Zero waste\nforum",
        start=datetime.date(2015, 6, 1),
        start_precision=DatePrecision.MONTH,
    )
    response = client.get(reverse("programmes:events_calendar"))
    assert response.status_code == 200
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert (str(event["summary"]), event.decoded("dtstart"), event.decoded("dtend")) == (
        "Zero waste forum",
        datetime.date(2015, 6, 1),
        datetime.date(2015, 7, 1),
    )


def test_the_cohort_feed_shows_confirmed_placements_without_the_fellow(
    client, placement, host_staff, pair
):
    cohort = pair.cohort
    url = reverse("exchanges:cohort_calendar", args=[cohort.programme.slug, cohort.year])
    planned = Calendar.from_ical(client.get(url).content)
    assert [str(e["uid"]).split("@")[0] for e in planned.walk("VEVENT")] == [
        f"call-deadline-{cohort.calls.get().pk}"
    ]
    actions.confirm_placement(placement=placement, actor=host_staff)
    confirmed = Calendar.from_ical(client.get(url).content)
    summaries = [str(e["summary"]) for e in confirmed.walk("VEVENT")]
    assert "Staff exchange: Zero Waste Lyon at Chengdu Green Home" in summaries
    assert not any("Léa" in s for s in summaries)


def test_a_reviewers_feed_holds_the_review_deadline_and_the_call_deadline(
    client, call, coordinator
):
    from tests.calls.factories import european, reviewer_for, staff_of, submitted
    from twinning.calls.actions import assign_reviewer

    applicant = european(name="Compost Paris", type="ngo")
    application = submitted(call, applicant, staff_of(applicant, "paul"))
    rita = reviewer_for(call, "rita")
    review = assign_reviewer(application=application, reviewer=rita, actor=coordinator)
    calendar = _feed(client, rita)
    entry = _only(calendar, "review-")
    assert (str(entry["uid"]), str(entry["summary"]), entry.decoded("dtstart")) == (
        f"review-{review.pk}@127.0.0.1",
        "Review due: Compost Paris (Twinning call)",
        call.decision_on,
    )
    assert len(entry.walk("VALARM")) == 2
    assert str(_only(calendar, "call-deadline-")["uid"]) == f"call-deadline-{call.pk}@127.0.0.1"


def test_the_programme_feed_holds_its_events_and_call_deadlines(client, call):
    EventFactory(
        name="Kick-off forum",
        start=datetime.date(2030, 5, 1),
        start_precision=DatePrecision.MONTH,
        programme=call.programme,
    )
    EventFactory(name="Another programme's forum", start=datetime.date(2030, 5, 3))
    response = client.get(reverse("exchanges:programme_calendar", args=[call.programme.slug]))
    summaries = sorted(
        str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT")
    )
    assert summaries == ["Call deadline: Twinning call", "Kick-off forum"]
    assert (
        "The programme's calendar (iCal)"
        in client.get(call.programme.get_absolute_url()).content.decode()
    )
