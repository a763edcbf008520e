import datetime

import pytest
from django.utils import timezone
from pypdf import PdfReader

from twinning.demo.load import load_demo
from twinning.exchanges.enums import PlacementStatus, ReportStatus
from twinning.exchanges.models import PairReport, Placement

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_counts):
    """The demo, loaded once for this module (each test's writes roll back)."""
    return demo_counts


def test_the_past_cohort_is_done_and_reported(demo, client):
    past = Placement.objects.get(pair__cohort__year=2018)
    assert (past.status, past.actual_start, past.actual_end) == (
        PlacementStatus.REPORTED,
        datetime.date(2018, 9, 3),
        datetime.date(2018, 10, 12),
    )
    reports = PairReport.objects.filter(pair__cohort__year=2018).order_by("pk")
    assert [(r.title, r.status) for r in reports] == [
        ("Final report", ReportStatus.ACCEPTED),
        ("Twinning report", ReportStatus.ACCEPTED),
    ]
    seed = reports[1]
    assert seed.document.title == "Twinning report: Eco Canton and Zero Waste Europe"
    assert seed.document.title in client.get(seed.pair.get_absolute_url()).content.decode()


def test_the_current_cohort_follows_todays_date_inside_its_windows(demo):
    today = timezone.localdate()
    current = Placement.objects.filter(pair__cohort__year=2025).select_related("pair")
    assert current.count() == 2
    for placement in current:
        assert placement.planned_start.year == today.year
        expected = (
            PlacementStatus.CONFIRMED
            if placement.planned_start > today
            else PlacementStatus.UNDER_WAY
            if placement.planned_end >= today
            else PlacementStatus.COMPLETED
        )
        assert placement.status == expected
    assert sorted(
        PairReport.objects.filter(pair__cohort__year=2025).values_list("status", flat=True)
    ) == [
        ReportStatus.DUE,
        ReportStatus.DUE,
    ]


def test_the_past_pair_is_alumni_with_a_follow_up_and_the_current_has_a_project(demo, client):
    from twinning.exchanges.models import AlumniRecord, JointProject

    record = AlumniRecord.objects.get()
    assert (record.pair.cohort.year, record.completed_on) == (2018, datetime.date(2019, 1, 15))
    assert [f.title for f in record.follow_ups.all()] == [
        "Street labs for low-carbon neighbourhoods"
    ]
    assert (
        "Street labs for low-carbon neighbourhoods"
        in client.get("/exchanges/alumni/").content.decode()
    )
    current = JointProject.objects.get(pair__cohort__year=2025)
    assert [m.title for m in current.milestones.all()] == [
        "Sorting stations in the pilot canteens",
        "Canteen waste audit (both cities)",
    ]


def test_workshops_held_have_attendance_and_coming_ones_none(demo):
    from twinning.exchanges.models import WorkshopRegistration

    today = timezone.localdate()
    for registration in WorkshopRegistration.objects.select_related("workshop"):
        assert registration.attended is (True if registration.workshop.starts_on < today else None)
    assert (
        WorkshopRegistration.objects.filter(workshop__cohort__year=2018, attended=True).count() == 3
    )


def test_a_second_load_adds_nothing(demo):
    before = (Placement.objects.count(), PairReport.objects.count())
    load_demo()
    assert (Placement.objects.count(), PairReport.objects.count()) == before == (3, 4)


def test_the_demo_letter_reads_back(demo):
    import io

    from twinning.exchanges.letter import invitation_letter

    placement = Placement.objects.get(fellow__username="fellow-china")
    text = PdfReader(io.BytesIO(invitation_letter(placement))).pages[0].extract_text()
    assert "Host: Friends of the Middle Danube" in text and "邀请函" in text


def test_the_seed_visit_page_shows_its_five_delegates_their_organisations_and_topics(demo, client):
    from twinning.programmes.models import Visit

    visit = Visit.objects.get(date=datetime.date(2023, 11, 28))
    page = client.get(f"/exchanges/visits/{visit.pk}/").content.decode()
    rows = page[page.index('class="data participants"') :].split("</table>")[0]
    assert rows.count("<tr>") == 1 + 5  # the header and five delegates
    assert "(leader)" in rows and "Secretary General and Senior Engineer" in rows
    for organisation in visit.visitors.all():
        assert organisation.name in page
    topics = page[page.index('class="topics"') :].split("</dd>")[0]
    assert topics.count('class="tag"') == 3
