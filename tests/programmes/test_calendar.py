import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from icalendar import Calendar

from tests.factories import EventFactory
from twinning.programmes.enums import DatePrecision
from twinning.programmes.models import Event

pytestmark = pytest.mark.django_db


def test_events_feed_holds_the_events_known_to_the_day(client):
    EventFactory(
        name="Eco Forum Global",
        name_zh="生态文明贵阳国际论坛",
        start=datetime.date(2013, 7, 19),
        end=datetime.date(2013, 7, 21),
        place="Guiyang",
    )
    EventFactory(
        name="World Urban Forum",
        start=datetime.date(2008, 1, 1),
        start_precision=DatePrecision.YEAR,
    )
    response = client.get(reverse("programmes:events_calendar"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Eco Forum Global / 生态文明贵阳国际论坛"]
    only = events[0]
    assert (only.decoded("dtstart"), only.decoded("dtend"), str(only["location"])) == (
        datetime.date(2013, 7, 19),
        datetime.date(2013, 7, 22),
        "Guiyang",
    )
    assert (
        str(only["url"])
        == settings.TWINNING_SITE_URL
        + Event.objects.get(name="Eco Forum Global").get_absolute_url()
    )


def test_one_event_as_a_file_and_unknown_events_are_404(client):
    event = EventFactory(start=datetime.date(2014, 10, 20))
    response = client.get(reverse("programmes:event_calendar", args=[event.slug]))
    assert response.status_code == 200 and b"BEGIN:VEVENT" in response.content
    assert client.get(reverse("programmes:event_calendar", args=["nope"])).status_code == 404
    assert "Add to my calendar" in client.get(event.get_absolute_url()).content.decode()
