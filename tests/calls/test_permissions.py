"""Every role sees and changes only its own: each refusal also leaves the data as it was."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.calls.factories import european, make_call, reviewer_for, staff_of, submitted
from tests.factories import UserFactory
from twinning.calls.actions import assign_reviewer, declare_conflict, start_application
from twinning.calls.enums import ApplicationStatus, CallStatus
from twinning.calls.models import Answer, Application, AuditEntry, Decision, Review, Score

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def snapshot():
    return (
        list(
            Application.objects.order_by("pk").values_list(
                "pk", "status", "updated_at", "partner_status"
            )
        ),
        list(Answer.objects.order_by("pk").values_list("application_id", "question_id", "text")),
        Review.objects.count(),
        Score.objects.count(),
        Decision.objects.count(),
        AuditEntry.objects.count(),
    )


def test_visitor_sees_published_calls_only_and_no_applications(
    client, call, europe_org, europe_staff
):
    draft = make_call(title="Draft call", publish=False)
    application = start_application(call=call, organisation=europe_org, actor=europe_staff)
    before = snapshot()
    listing = client.get(reverse("calls:list")).content.decode()
    assert "Twinning call" in listing and "Draft call" not in listing
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(call.get_absolute_url()).status_code == 200
    response = client.post(application.get_absolute_url(), {"answer_1": "hijack"})
    assert (response.status_code, response.url.split("?")[0]) == (302, reverse("accounts:login"))
    for name in ("calls:manage", "calls:committee", "calls:audit"):
        assert client.get(reverse(name, args=[call.slug])).status_code == 403
    assert (
        client.post(reverse("calls:committee", args=[call.slug]), {"apply": "1"}).status_code == 403
    )
    assert client.get("/api/applications").status_code == 401
    assert snapshot() == before
    assert Application.objects.get().answers == {}


def test_applicant_cannot_see_or_change_another_organisations_application(
    call, europe_org, europe_staff
):
    other_org = european(name="Other Org")
    other_staff = staff_of(other_org)
    theirs = start_application(call=call, organisation=other_org, actor=other_staff)
    question = call.questions.first()
    before = snapshot()
    intruder = client_for(europe_staff)
    assert intruder.get(theirs.get_absolute_url()).status_code == 404
    assert (
        intruder.post(
            theirs.get_absolute_url(), {f"answer_{question.key}": "hijack", "submit": "1"}
        ).status_code
        == 404
    )
    assert (
        intruder.post(
            reverse("calls:partner", args=[theirs.pk]),
            {"partner": europe_org.pk, "mode": "propose"},
        ).status_code
        == 404
    )
    assert intruder.get(f"/api/applications/{theirs.pk}").status_code == 404
    assert (
        intruder.patch(
            f"/api/applications/{theirs.pk}",
            {"answers": {question.key: "hijack"}},
            content_type="application/json",
        ).status_code
        == 404
    )
    assert intruder.post(f"/api/applications/{theirs.pk}/submit").status_code == 404
    assert [a["id"] for a in intruder.get("/api/applications").json()["items"]] == []
    assert b"Other Org" not in intruder.get(reverse("calls:applications")).content
    assert snapshot() == before


def test_invited_partner_reads_but_cannot_edit_and_others_cannot_answer(
    call, europe_org, china_org, europe_staff, china_staff
):
    application = start_application(
        call=call, organisation=europe_org, actor=europe_staff, kind="tandem", partner=china_org
    )
    question = call.questions.first()
    before = snapshot()
    partner = client_for(china_staff)
    assert b"Confirm the tandem" in partner.get(application.get_absolute_url()).content
    assert (
        partner.post(
            application.get_absolute_url(), {f"answer_{question.key}": "hijack"}
        ).status_code
        == 403
    )
    bystander = client_for(staff_of(european(name="Bystander")))
    assert (
        bystander.post(
            reverse("calls:invitation", args=[application.pk]), {"answer": "confirm"}
        ).status_code
        == 404
    )
    lead = client_for(europe_staff)
    assert (
        lead.post(
            reverse("calls:invitation", args=[application.pk]), {"answer": "confirm"}
        ).status_code
        == 403
    )
    assert snapshot() == before


def test_reviewer_sees_only_assigned_and_never_a_conflicted_application(
    call, europe_org, china_org, europe_staff, china_staff
):
    mine = submitted(call, europe_org, europe_staff)
    not_mine = submitted(call, china_org, china_staff)
    reviewer = reviewer_for(call, "rita")
    review = assign_reviewer(application=mine, reviewer=reviewer, actor=None)
    client = client_for(reviewer)
    assert client.get(review.get_absolute_url()).status_code == 200
    assert client.get(mine.get_absolute_url()).status_code == 200
    assert client.get(not_mine.get_absolute_url()).status_code == 404
    declare_conflict(reviewer=reviewer, organisation=europe_org, reason="My sister works there")
    relevance, capacity = call.criteria.all()
    before = snapshot()
    assert client.get(review.get_absolute_url()).status_code == 404
    assert client.get(mine.get_absolute_url()).status_code == 404
    assert (
        client.post(
            review.get_absolute_url(),
            {f"score_{relevance.pk}": 5, f"score_{capacity.pk}": 5, "submit": "1"},
        ).status_code
        == 404
    )
    body = {
        "scores": [{"criterion": relevance.pk, "value": 5}, {"criterion": capacity.pk, "value": 5}]
    }
    assert (
        client.post(
            f"/api/reviews/{review.pk}/scores", body, content_type="application/json"
        ).status_code
        == 404
    )
    assert client.get("/api/reviews").json() == {"items": [], "count": 0}
    assert review.get_absolute_url().encode() not in client.get(reverse("calls:reviews")).content
    assert snapshot() == before


def test_applicant_and_reviewer_cannot_coordinate(call, europe_org, europe_staff):
    application = submitted(call, europe_org, europe_staff)
    reviewer = reviewer_for(call, "rita")
    before = snapshot()
    for user in (europe_staff, reviewer):
        client = client_for(user)
        assert (
            client.post(reverse("calls:manage", args=[call.slug]), {"auto": "1"}).status_code == 403
        )
        assert (
            client.post(
                reverse("calls:committee", args=[call.slug]),
                {"application": application.pk, "outcome": "accept"},
            ).status_code
            == 403
        )
        assert (
            client.post(
                f"/api/calls/{call.slug}/assignments",
                {"application": application.pk, "reviewer": "rita"},
                content_type="application/json",
            ).status_code
            == 403
        )
        assert (
            client.post(
                f"/api/calls/{call.slug}/decisions",
                {"application": application.pk, "outcome": "accept"},
                content_type="application/json",
            ).status_code
            == 403
        )
        assert client.get(f"/api/calls/{call.slug}/ranking").status_code == 403
    assert snapshot() == before
    assert (Application.objects.get().status, type(call).objects.get().status) == (
        ApplicationStatus.SUBMITTED,
        CallStatus.OPEN,
    )


def test_api_writes_need_csrf_with_session_auth(call, europe_org, europe_staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(europe_staff)
    response = client.post(
        f"/api/calls/{call.slug}/applications",
        {"organisation": europe_org.slug},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert Application.objects.count() == 0


def test_applicant_cannot_apply_for_an_organisation_it_does_not_speak_for(call, china_org):
    outsider = UserFactory(username="outsider")
    response = client_for(outsider).post(
        f"/api/calls/{call.slug}/applications",
        {"organisation": china_org.slug},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert Application.objects.count() == 0
