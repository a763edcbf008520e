import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from twinning.exchanges import actions
from twinning.exchanges.models import ExchangeLogEntry, Workshop, WorkshopRegistration

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(pair, coordinator):
    return actions.schedule_workshop(
        cohort=pair.cohort,
        kind="kick_off",
        title="Kick-off in Brussels",
        starts_on=datetime.date(2030, 6, 10),
        ends_on=datetime.date(2030, 6, 11),
        place="Brussels",
        materials="https://example.org/agenda.pdf",
        actor=coordinator,
    )


def test_only_coordinators_schedule_and_bad_input_lists_every_problem(pair, fellow, coordinator):
    with pytest.raises(PermissionDenied):
        actions.schedule_workshop(
            cohort=pair.cohort,
            kind="kick_off",
            title="X",
            starts_on=datetime.date(2030, 6, 1),
            ends_on=datetime.date(2030, 6, 1),
            place="Lyon",
            actor=fellow,
        )
    with pytest.raises(actions.ExchangeError) as refused:
        actions.schedule_workshop(
            cohort=pair.cohort,
            kind="party",
            title=" ",
            starts_on=datetime.date(2030, 6, 2),
            ends_on=datetime.date(2030, 6, 1),
            place="",
            actor=coordinator,
        )
    assert refused.value.reasons == [
        "A workshop is a kick-off, mid-term or closing workshop.",
        "Give the workshop a title.",
        "Say where the workshop takes place.",
        "The workshop cannot end before it starts.",
    ]
    assert (Workshop.objects.count(), ExchangeLogEntry.objects.count()) == (0, 0)


def test_people_of_the_pairs_register_and_attendance_is_recorded(
    workshop, fellow, host_staff, outsider, coordinator
):
    lea = actions.register_for_workshop(workshop=workshop, user=fellow, actor=fellow)
    actions.register_for_workshop(workshop=workshop, user=host_staff, actor=coordinator)
    assert lea.organisation.name == "Zero Waste Lyon"
    with pytest.raises(actions.ExchangeError, match="Only people of the cohort's pairs"):
        actions.register_for_workshop(workshop=workshop, user=outsider, actor=outsider)
    with pytest.raises(actions.ExchangeError, match="Already registered"):
        actions.register_for_workshop(workshop=workshop, user=fellow, actor=fellow)
    with pytest.raises(PermissionDenied):
        actions.register_for_workshop(workshop=workshop, user=host_staff, actor=fellow)
    with pytest.raises(PermissionDenied):
        actions.record_attendance(workshop=workshop, attended=[lea.pk], actor=fellow)
    assert actions.record_attendance(workshop=workshop, attended=[lea.pk], actor=coordinator) == 1
    assert dict(WorkshopRegistration.objects.values_list("user__username", "attended")) == {
        "lea": True,
        "wei": False,
    }


def test_a_registered_workshop_is_in_my_calendar_and_every_one_in_the_cohorts(
    client, workshop, fellow, pair
):
    actions.register_for_workshop(workshop=workshop, user=fellow, actor=fellow)
    feed = actions.renew_calendar_token(user=fellow)
    mine = Calendar.from_ical(
        client.get(reverse("exchanges:personal_calendar", args=[feed.token])).content
    )
    (event,) = [e for e in mine.walk("VEVENT") if str(e["uid"]).startswith("workshop-")]
    assert (
        str(event["summary"]),
        event.decoded("dtstart"),
        event.decoded("dtend"),
        str(event["location"]),
    ) == (
        "Kick-off workshop: Kick-off in Brussels",
        datetime.date(2030, 6, 10),
        datetime.date(2030, 6, 12),
        "Brussels",
    )
    cohort = pair.cohort
    public = Calendar.from_ical(
        client.get(
            reverse("exchanges:cohort_calendar", args=[cohort.programme.slug, cohort.year])
        ).content
    )
    assert f"workshop-{workshop.pk}@127.0.0.1" in [str(e["uid"]) for e in public.walk("VEVENT")]


def test_the_workshop_pages(client, coordinator_client, workshop, fellow, pair):
    client.force_login(fellow)
    assert client.post(reverse("exchanges:register", args=[workshop.pk])).status_code == 302
    page = client.get(workshop.get_absolute_url()).content.decode()
    assert "You are registered." in page and "Registrations and attendance" not in page
    registration = WorkshopRegistration.objects.get()
    coordinator_client.post(
        reverse("exchanges:attendance", args=[workshop.pk]), {"present": [registration.pk]}
    )
    registration.refresh_from_db()
    assert registration.attended is True
    listing = client.get(
        reverse("exchanges:workshops", args=[pair.cohort.programme.slug, pair.cohort.year])
    )
    assert "Kick-off in Brussels" in listing.content.decode()
    assert (
        client.get(
            reverse(
                "exchanges:schedule_workshop", args=[pair.cohort.programme.slug, pair.cohort.year]
            )
        ).status_code
        == 403
    )


def test_the_workshop_list_costs_the_same_for_one_and_three(client, workshop, pair, coordinator):
    url = reverse("exchanges:workshops", args=[pair.cohort.programme.slug, pair.cohort.year])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    one = queries()
    for kind in ("mid_term", "closing"):
        actions.schedule_workshop(
            cohort=pair.cohort,
            kind=kind,
            title=kind,
            starts_on=datetime.date(2030, 11, 1),
            ends_on=datetime.date(2030, 11, 1),
            place="Chengdu",
            actor=coordinator,
        )
    assert queries() == one


def test_workshops_through_the_api(client, workshop, fellow, pair):
    listed = client.get(
        f"/api/programmes/{pair.cohort.programme.slug}/cohorts/{pair.cohort.year}/workshops"
    ).json()["items"]
    assert [w["title"] for w in listed] == ["Kick-off in Brussels"]
    client.force_login(fellow)
    response = client.post(f"/api/workshops/{workshop.pk}/registrations")
    assert (response.status_code, response.json()["organisation"]) == (
        201,
        pair.organisation_a.slug,
    )
