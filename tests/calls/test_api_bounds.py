"""Bad numbers answer 422 (or the action's 400) with a message, never 500; error answers are documented."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from tests.calls.factories import make_call
from twinning.calls.models import Call

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "url",
    [
        f"/api/organisations?offset={2**64}",
        "/api/organisations?limit=0",
        "/api/organisations?limit=101",
        "/api/organisations?year=100000",
        "/api/pairs?year=0",
        f"/api/events?offset={2**63}",
        "/api/documents?year=-1",
        f"/api/pairs/{2**63}",
        "/api/map?year=748455",
        "/api/city-pairs?year=10000",
        f"/api/cities?offset={10**9 + 1}",
        "/api/programmes/any/cohorts/100000/workshops",
        "/api/visits/0",
    ],
)
def test_out_of_range_parameters_answer_422(client, url):
    response = client.get(url)
    assert (response.status_code, "detail" in response.json()) == (422, True)


def test_application_ids_out_of_range_answer_422_and_unknown_ones_404(europe_staff):
    api = signed_in(europe_staff)
    assert api.get(f"/api/applications/{2**64}").status_code == 422
    assert api.get("/api/applications/0").status_code == 422
    assert api.get("/api/applications/123456").status_code == 404
    assert (
        api.patch(
            f"/api/applications/{2**63}", {"answers": {}}, content_type="application/json"
        ).status_code
        == 422
    )


def test_a_score_for_a_criterion_past_the_largest_id_is_refused(europe_staff):
    response = signed_in(europe_staff).post(
        "/api/reviews/1/scores",
        {"scores": [{"criterion": 2**64, "value": 3}]},
        content_type="application/json",
    )
    assert response.status_code == 422


def test_post_calls_refuses_a_zero_weight_criterion_like_the_form(coordinator):
    programme = make_call().programme
    before = Call.objects.count()
    body = {
        "programme": programme.slug,
        "title": "API call",
        "opens_on": str(timezone.localdate()),
        "deadline": (timezone.now() + datetime.timedelta(days=9)).isoformat(),
        "decision_on": str(timezone.localdate() + datetime.timedelta(days=30)),
        "side_a_areas": ["europe"],
        "side_b_areas": ["china"],
        "criteria": [["Fit", 0]],
    }
    response = signed_in(coordinator).post("/api/calls", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["reasons"] == [
        "Each criterion needs a weight of at least 1 and a highest score between 1 and 100."
    ]
    assert Call.objects.count() == before


def test_every_operation_documents_its_error_answers(client):
    schema = client.get("/api/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            statuses = set(operation["responses"])
            assert "403" in statuses, (method, path)
            if operation.get("security"):
                assert "401" in statuses, (method, path)
            if "{" in path:
                assert "404" in statuses, (method, path)
            if operation.get("parameters") or operation.get("requestBody"):
                assert "422" in statuses, (method, path)
    patch = schema["paths"]["/api/applications/{application_id}"]["patch"]["responses"]
    assert {"200", "400", "409"} <= set(patch)
