"""The REST API runs the same cycle with the same rules; its schema validates and lists the paths."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from tests.calls.factories import make_call, reviewer_for
from twinning.calls.actions import reschedule_call
from twinning.calls.models import Application
from twinning.programmes.models import Pair

pytestmark = pytest.mark.django_db
CALL_PATHS = {
    "/api/calls",
    "/api/calls/{slug}",
    "/api/calls/{slug}/applications",
    "/api/applications",
    "/api/applications/{application_id}",
    "/api/applications/{application_id}/submit",
    "/api/applications/{application_id}/invitation",
    "/api/reviews",
    "/api/reviews/{review_id}",
    "/api/reviews/{review_id}/scores",
    "/api/calls/{slug}/assignments",
    "/api/calls/{slug}/assignments/automatic",
    "/api/calls/{slug}/ranking",
    "/api/calls/{slug}/decisions",
    "/api/calls/{slug}/decisions/apply",
}


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_openapi_schema_validates_and_lists_the_calls_paths(client):
    schema = client.get("/api/openapi.json").json()
    assert set(schema["paths"]) >= CALL_PATHS
    try:
        from openapi_spec_validator import validate
    except ImportError:  # not installed: check the structure the validator would
        assert schema["openapi"].startswith("3.") and schema["info"]["title"] == "Twinning API"
        components = schema["components"]["schemas"]
        for path in CALL_PATHS:
            for method, operation in schema["paths"][path].items():
                assert method in {"get", "post", "patch", "put", "delete"}
                assert operation["responses"], (path, method)
                for reference in _references(operation):
                    assert reference.removeprefix("#/components/schemas/") in components, reference
    else:
        validate(schema)


def _references(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _references(value)
    elif isinstance(node, list):
        for item in node:
            yield from _references(item)


def test_visitor_reads_calls_with_criteria_and_windows(client, call):
    body = client.get(f"/api/calls/{call.slug}").json()
    assert (body["title"], body["accepts_applications"], body["side_a_areas"]) == (
        "Twinning call",
        True,
        ["europe"],
    )
    assert [(c["name"], c["weight"]) for c in body["criteria"]] == [
        ("Relevance", 2),
        ("Capacity", 1),
    ]
    assert [w["label"] for w in body["windows"]] == ["Europe → China", "China → Europe"]
    assert [c["slug"] for c in client.get("/api/calls").json()["items"]] == [call.slug]


def test_whole_cycle_through_the_api(coordinator, europe_org, china_org, europe_staff, china_staff):
    coordinator_api = client_for(coordinator)
    body = {
        "programme": make_call().programme.slug,
        "title": "API call",
        "opens_on": str(timezone.localdate()),
        "deadline": (timezone.now() + datetime.timedelta(days=9)).isoformat(),
        "decision_on": str(timezone.localdate() + datetime.timedelta(days=30)),
        "side_a_areas": ["europe"],
        "side_b_areas": ["china"],
        "questions": ["Why?"],
        "criteria": [["Fit", 1]],
        "windows": [["a_to_b", "2030-08-01", "2030-09-30"]],
    }
    response = coordinator_api.post("/api/calls", body, content_type="application/json")
    assert response.status_code == 201, response.content
    slug = response.json()["slug"]
    lead, partner = client_for(europe_staff), client_for(china_staff)
    created = lead.post(
        f"/api/calls/{slug}/applications",
        {"organisation": europe_org.slug, "kind": "tandem", "partner": china_org.slug},
        content_type="application/json",
    )
    assert created.status_code == 201
    application_id = created.json()["id"]
    refused = lead.post(f"/api/applications/{application_id}/submit")
    assert refused.status_code == 400
    assert refused.json()["reasons"] == [
        "This call requires that the participating staff member is a permanent employee; please confirm it.",
        "Chengdu Green Home has not confirmed the tandem yet.",
        "Please answer: Why?",
    ]
    question_key = str(Application.objects.get().call.questions.get().pk)
    lead.patch(
        f"/api/applications/{application_id}",
        {"answers": {question_key: "To learn"}, "staff_is_permanent": True},
        content_type="application/json",
    )
    assert (
        partner.post(
            f"/api/applications/{application_id}/invitation",
            {"confirm": True},
            content_type="application/json",
        ).json()["partner_status"]
        == "confirmed"
    )
    assert lead.post(f"/api/applications/{application_id}/submit").json()["status"] == "submitted"
    from twinning.calls.models import Call

    call = Call.objects.get(slug=slug)
    reviewer = reviewer_for(call, "rita")
    review = coordinator_api.post(
        f"/api/calls/{slug}/assignments",
        {"application": application_id, "reviewer": "rita"},
        content_type="application/json",
    ).json()
    criterion = call.criteria.get().pk
    scored = (
        client_for(reviewer)
        .post(
            f"/api/reviews/{review['id']}/scores",
            {"scores": [{"criterion": criterion, "value": 4}]},
            content_type="application/json",
        )
        .json()
    )
    assert (scored["submitted"], scored["scores"]) == (True, {str(criterion): 4})
    assert coordinator_api.get(f"/api/calls/{slug}/ranking").json()["items"][0]["score"] == 80.0
    assert (
        coordinator_api.post(
            f"/api/calls/{slug}/decisions",
            {"application": application_id, "outcome": "accept"},
            content_type="application/json",
        ).json()["pending"]
        is True
    )
    reschedule_call(
        call=call, deadline=timezone.now() - datetime.timedelta(minutes=1), actor=coordinator
    )
    applied = coordinator_api.post(f"/api/calls/{slug}/decisions/apply").json()
    pair = Pair.objects.get()
    assert applied == [
        {
            "application": application_id,
            "outcome": "accept",
            "paired_with": None,
            "pending": False,
            "pair": pair.pk,
        }
    ]
    assert (pair.organisation_a, pair.organisation_b, pair.cohort) == (
        europe_org,
        china_org,
        call.cohort,
    )
    assert lead.get(f"/api/applications/{application_id}").json()["status"] == "accepted"
