"""Pages of the cycle: list query counts, messages that explain refusals, the committee batch."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.calls.factories import chinese, european, make_call, reviewer_for, staff_of, submitted
from tests.factories import UserFactory
from twinning.calls.actions import assign_reviewer, reschedule_call, start_application
from twinning.calls.enums import CallStatus
from twinning.calls.models import Application, Call, Decision, Review

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("rows", [1, 3])
def test_call_list_query_count(client, django_assert_num_queries, rows):
    programme = make_call().programme
    for index in range(rows - 1):
        make_call(title=f"Call {index}", programme=programme)
    with django_assert_num_queries(1):
        response = client.get(reverse("calls:list"))
    assert response.content.decode().count('<tr><td><a href="/calls/') == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_my_applications_query_count(django_assert_num_queries, rows):
    user = UserFactory(username="multi")
    for index in range(rows):
        call = make_call(title=f"Call {index}")
        organisation = european(name=f"Org {index}")
        staff_of(organisation).staff_memberships.update(user=user)
        start_application(call=call, organisation=organisation, actor=user)
    client = client_for(user)
    with django_assert_num_queries(3):
        response = client.get(reverse("calls:applications"))
    assert response.content.decode().count('<tr><td><a href="/calls/applications/') == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_my_reviews_query_count(call, django_assert_num_queries, rows):
    reviewer = reviewer_for(call, "rita")
    for index in range(rows):
        organisation = european(name=f"Org {index}")
        assign_reviewer(
            application=submitted(call, organisation, staff_of(organisation)),
            reviewer=reviewer,
            actor=None,
        )
    client = client_for(reviewer)
    with django_assert_num_queries(5):
        response = client.get(reverse("calls:reviews"))
    assert response.content.decode().count('<tr><td><a href="/calls/reviews/') == rows


def test_web_apply_then_submit_shows_every_reason(call, europe_org, europe_staff):
    client = client_for(europe_staff)
    response = client.post(
        reverse("calls:apply", args=[call.slug]), {"organisation": europe_org.pk, "kind": "single"}
    )
    application = Application.objects.get()
    assert response.url == application.get_absolute_url()
    page = client.post(
        application.get_absolute_url(), {"submit": "1"}, follow=True
    ).content.decode()
    assert (
        "This call requires that the participating staff member is a permanent employee; please confirm it."
        in page
    )
    assert "Please answer: What do you want to learn?" in page
    question = call.questions.first()
    client.post(
        application.get_absolute_url(),
        {f"answer_{question.key}": "Composting", "staff_is_permanent": "on", "submit": "1"},
    )
    application.refresh_from_db()
    assert (application.status, application.answers[question.key]) == ("submitted", "Composting")


def test_single_applicant_sees_suggested_partners_from_the_matching_engine(
    call, europe_org, europe_staff
):
    # own descriptions carry the match (issue 11); declared topics alone no longer decide it
    europe_org.description = "Zero waste workshops: composting and sorting household waste."
    europe_org.save(update_fields=["description"])
    application = start_application(call=call, organisation=europe_org, actor=europe_staff)
    for name, topics, description in (
        ("Water Only", ["water"], "Volunteers monitor river water quality."),
        ("Waste Too", ["waste"], "Neighbourhood waste sorting and composting with residents."),
    ):
        organisation = chinese(name=name, topics=topics, description=description)
        start_application(call=call, organisation=organisation, actor=staff_of(organisation))
    page = client_for(europe_staff).get(application.get_absolute_url())
    suggestions = page.context["suggestions"]
    assert [s.organisation.name for s in suggestions] == ["Waste Too", "Water Only"]
    assert suggestions[0].score > suggestions[1].score and suggestions[0].reasons
    assert "matching engine" in page.content.decode()


def test_coordinator_sees_the_conflict_reason_when_assigning(
    coordinator_client, call, europe_org, europe_staff
):
    application = submitted(call, europe_org, europe_staff)
    colleague = reviewer_for(call, "colleague")
    staff_of(europe_org).staff_memberships.update(user=colleague)
    page = coordinator_client.post(
        reverse("calls:manage", args=[call.slug]),
        {"assign-application": application.pk, "assign-reviewer": colleague.pk},
        follow=True,
    )
    assert "The reviewer works for Zero Waste Lyon." in page.content.decode()
    assert Review.objects.count() == 0


def test_committee_batch_forms_pairs_shown_on_the_cohort_page(
    coordinator, coordinator_client, client, europe_org, china_org, europe_staff, china_staff
):
    call = make_call(days_left=3)
    tandem = submitted(
        call, europe_org, europe_staff, kind="tandem", partner=china_org, partner_user=china_staff
    )
    url = reverse("calls:committee", args=[call.slug])
    coordinator_client.post(url, {"application": tandem.pk, "outcome": "accept", "note": ""})
    assert Decision.objects.get().is_pending
    reschedule_call(
        call=call, deadline=timezone.now() - datetime.timedelta(minutes=5), actor=coordinator
    )
    page = coordinator_client.post(url, {"apply": "1", "confirmed": "1"}, follow=True)
    page = page.content.decode()
    assert "1 decision applied; every applicant is notified." in page
    assert Call.objects.get().status == CallStatus.DECIDED
    cohort_page = client.get(call.cohort.get_absolute_url()).content.decode()
    assert "Zero Waste Lyon" in cohort_page and "Chengdu Green Home" in cohort_page
    assert "Selected." in client_for(europe_staff).get(tandem.get_absolute_url()).content.decode()


def test_audit_log_page_lists_who_did_what(coordinator_client, call, europe_org, europe_staff):
    submitted(call, europe_org, europe_staff)
    page = coordinator_client.get(reverse("calls:audit", args=[call.slug])).content.decode()
    assert page.count('<td data-label="Who">lea</td>') == 3
