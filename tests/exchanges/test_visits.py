import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from tests.factories import OrganisationFactory, PersonFactory
from twinning.programmes.actions import record_visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit(db):
    host = OrganisationFactory(name="Belt and Road Research Centre", city="Beijing", country="CN")
    cres = OrganisationFactory(name="Renewable Energy Society", country="CN")
    hidden = OrganisationFactory(name="Hidden Partner", country="CN", is_published=False)
    people = [PersonFactory(name=name) for name in ("Ma Dingping", "Ma Siyu", "Wang Xiaofei")]
    return record_visit(
        date=datetime.date(2023, 11, 28),
        host=host,
        visitors=[cres, hidden],
        participants=[
            (people[0], cres, "Secretary General", True),
            (people[1], cres, "Director of the International Department", False),
            (people[2], hidden, "Delegate", False),
        ],
        topics=["renewable-energy", "energy-efficiency"],
        summary="A delegation met the centre to explore joint seminars.",
        follow_ups="Joint seminars on green energy.",
    )


def test_the_visit_page_shows_every_stored_fact_visible_to_the_visitor(client, visit):
    response = client.get(reverse("exchanges:visit", args=[visit.pk]))
    page = response.content.decode()
    for fact in (
        "Delegation visit to Belt and Road Research Centre",
        "Renewable Energy Society",
        "Ma Dingping",
        "(leader)",
        "Director of the International Department",
        "Joint seminars on green energy.",
    ):
        assert fact in page, fact
    topics = page[page.index('class="topics"') :].split("</dd>")[0]
    assert "Renewable energy" in topics
    assert "Hidden Partner" not in page
    linked = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    )
    assert (linked["@type"], linked["startDate"], linked["organizer"]["name"]) == (
        "Event",
        "2023-11-28",
        "Belt and Road Research Centre",
    )
    leader = next(a for a in linked["attendee"] if a.get("name") == "Ma Dingping")
    assert (leader["jobTitle"], leader["affiliation"]["name"]) == (
        "Secretary General",
        "Renewable Energy Society",
    )


def test_the_visit_is_a_calendar_entry_and_in_the_api(client, visit):
    calendar = Calendar.from_ical(
        client.get(reverse("exchanges:visit_calendar", args=[visit.pk])).content
    )
    (event,) = calendar.walk("VEVENT")
    assert (str(event["uid"]), event.decoded("dtstart")) == (
        f"visit-{visit.pk}@127.0.0.1",
        datetime.date(2023, 11, 28),
    )
    body = client.get(f"/api/visits/{visit.pk}").json()
    cres = visit.visitors.get(name="Renewable Energy Society")
    assert body["visitors"] == [cres.slug]
    assert [(p["person"], p["organisation"], p["is_leader"]) for p in body["participants"]] == [
        ("Ma Dingping", cres.slug, True),
        ("Ma Siyu", cres.slug, False),
        ("Wang Xiaofei", None, False),
    ]
    assert sorted(body["topics"]) == ["energy-efficiency", "renewable-energy"]


def test_visits_list_costs_the_same_for_one_and_three(client, visit):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("exchanges:visits")).status_code == 200
        return len(captured)

    one = queries()
    for day in (1, 2):
        record_visit(
            date=datetime.date(2024, 1, day),
            host=visit.host,
            visitors=[OrganisationFactory()],
            topics=["energy"],
        )
    assert queries() == one


def test_a_visit_hosted_by_an_unpublished_organisation_is_404(client, db):
    host = OrganisationFactory(is_published=False)
    hidden = record_visit(
        date=datetime.date(2024, 1, 1), host=host, visitors=[OrganisationFactory()]
    )
    assert client.get(reverse("exchanges:visit", args=[hidden.pk])).status_code == 404
    assert client.get(f"/api/visits/{hidden.pk}").status_code == 404
