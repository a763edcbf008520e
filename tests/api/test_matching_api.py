import pytest
from django.test import Client

from twinning.directory.actions import approve_staff_membership, claim_staff_membership
from twinning.pairing.models import PairingRun
from twinning.programmes.models import Pair

pytestmark = pytest.mark.django_db

COHORT = {
    "organisations": [
        {
            "id": "zwb",
            "name": "Zero Waste Brussels",
            "side": "A",
            "country": "BE",
            "description": "Zero waste campaigns.",
            "topics": ["waste"],
        },
        {
            "id": "srf",
            "name": "Solar Schools",
            "side": "A",
            "country": "FI",
            "description": "Solar lessons for schools.",
            "topics": ["renewable energy"],
        },
        {
            "id": "crh",
            "name": "Canton Recycling",
            "side": "B",
            "country": "CN",
            "description": "Waste sorting pilots.",
            "topics": ["Waste management"],
        },
        {
            "id": "ccp",
            "name": "Clean Power",
            "side": "B",
            "country": "CN",
            "description": "Rooftop solar.",
            "topics": ["Renewable Energy"],
        },
    ],
    "fixed": [],
    "forbidden": [["zwb", "ccp"]],
}


def test_stateless_match_follows_the_contract_and_needs_a_coordinator(
    client, coordinator_client, member_client
):
    assert client.post("/api/match", COHORT, content_type="application/json").status_code == 401
    assert (
        member_client.post("/api/match", COHORT, content_type="application/json").status_code == 403
    )
    body = coordinator_client.post("/api/match", COHORT, content_type="application/json").json()
    assert {(p["a"], p["b"]) for p in body["pairs"]} == {("zwb", "crh"), ("srf", "ccp")}
    assert set(body["rankings"]) == {"zwb", "srf", "crh", "ccp"} and body["unmatched"] == []
    bad = coordinator_client.post(
        "/api/match", {"organisations": [{"id": "x", "side": "C"}]}, content_type="application/json"
    )
    assert bad.status_code == 400 and "side" in bad.json()["detail"]


def test_suggestions_endpoint_respects_who_speaks_for_the_organisation(
    cohort, client, member, member_client, coordinator_client
):
    brussels = cohort.pool.get(organisation__name="Zero Waste Brussels").organisation
    url = f"/api/organisations/{brussels.slug}/suggestions"
    assert client.get(url).status_code == 401
    assert member_client.get(url).status_code == 403
    approve_staff_membership(membership=claim_staff_membership(user=member, organisation=brussels))
    body = member_client.get(url).json()["items"]
    assert body[0]["organisation"]["name"] == "Canton Recycling Hub" and body[0]["reasons"]


def test_pairing_run_through_the_api(
    cohort, coordinator, member_client, django_capture_on_commit_callbacks
):
    base = f"/api/programmes/{cohort.programme.slug}/cohorts/{cohort.year}/pairing"
    assert member_client.post(base, {}, content_type="application/json").status_code == 403
    assert PairingRun.objects.count() == 0
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    assert (
        client.post(base, {}, content_type="application/json").status_code == 403
    )  # no CSRF token
    client = Client()
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(base, {"maximise_weakest": True}, content_type="application/json")
    assert started.status_code == 202
    run = client.get(base).json()
    assert (
        run["status"] == "succeeded"
        and len(run["proposal"]["pairs"]) == 3
        and run["maximise_weakest"] is True
    )
    assert (run["message"], run["message_key"], run["message_params"], run["shown_message"]) == (
        "scoring 3 × 3 organisations",
        "scoring %(a)d × %(b)d organisations",
        {"a": 3, "b": 3},
        "scoring 3 × 3 organisations",
    )
    accept = f"{base}/{run['id']}/accept"
    refused = client.post(accept, {"reason": " "}, content_type="application/json")
    assert refused.status_code == 400 and Pair.objects.filter(cohort=cohort).count() == 0
    body = {"reason": "The committee's choice of 3 June."}
    accepted = client.post(accept, body, content_type="application/json")
    assert accepted.json()["accepted"] is True and Pair.objects.filter(cohort=cohort).count() == 3
    assert PairingRun.objects.get(pk=run["id"]).accepted_by == coordinator
    assert client.post(accept, body, content_type="application/json").status_code == 400
