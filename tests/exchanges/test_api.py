import datetime

import pytest

from twinning.exchanges import actions
from twinning.exchanges.enums import PlacementStatus, ReportStatus
from twinning.exchanges.models import Placement

pytestmark = pytest.mark.django_db

PLAN = {
    "fellow": "lea",
    "home": "",
    "planned_start": "2030-08-05",
    "planned_end": "2030-09-10",
    "host_contact_name": "Wang Fang",
    "work_plan": "Compost pilots.",
}


def test_the_pair_plans_and_moves_a_placement_through_the_api(client, pair, fellow, host_staff):
    client.force_login(fellow)
    created = client.post(
        f"/api/pairs/{pair.pk}/placements",
        {**PLAN, "home": pair.organisation_a.slug},
        content_type="application/json",
    )
    assert created.status_code == 201
    body = created.json()
    assert (body["fellow"], body["host"], body["status"], body["city"]) == (
        "lea",
        pair.organisation_b.slug,
        "planned",
        "Chengdu",
    )
    assert [p["id"] for p in client.get("/api/placements").json()["items"]] == [body["id"]]
    client.force_login(host_staff)
    confirmed = client.post(
        f"/api/placements/{body['id']}/steps", {"step": "confirm"}, content_type="application/json"
    )
    assert confirmed.json()["status"] == PlacementStatus.CONFIRMED
    letter = client.get(f"/api/placements/{body['id']}/letter")
    assert letter["Content-Type"] == "application/pdf" and letter.content.startswith(b"%PDF")


def test_refusals_answer_400_with_reasons_and_strangers_403(client, pair, fellow, outsider):
    client.force_login(fellow)
    refused = client.post(
        f"/api/pairs/{pair.pk}/placements",
        {**PLAN, "home": pair.organisation_a.slug, "planned_end": "2030-10-05"},
        content_type="application/json",
    )
    assert refused.status_code == 400
    assert "outside the exchange window" in refused.json()["reasons"][0]
    client.force_login(outsider)
    forbidden = client.post(
        f"/api/pairs/{pair.pk}/placements",
        {**PLAN, "home": pair.organisation_a.slug},
        content_type="application/json",
    )
    assert forbidden.status_code == 403
    assert Placement.objects.count() == 0


def test_reports_through_the_api(client, coordinator_client, pair, host_staff):
    asked = coordinator_client.post(
        f"/api/pairs/{pair.pk}/reports",
        {"title": "Final report", "due_on": "2030-12-20"},
        content_type="application/json",
    )
    assert asked.status_code == 201
    report_id = asked.json()["id"]
    client.force_login(host_staff)
    from django.core.files.uploadedfile import SimpleUploadedFile

    filed = client.post(
        f"/api/reports/{report_id}/file",
        {
            "file": SimpleUploadedFile("final.txt", b"Final report\nWhat we learned."),
            "language": "en",
        },
    )
    assert filed.status_code == 200 and filed.json()["status"] == ReportStatus.SUBMITTED
    assert (
        client.post(
            f"/api/reports/{report_id}/review", {"accept": True}, content_type="application/json"
        ).status_code
        == 403
    )
    accepted = coordinator_client.post(
        f"/api/reports/{report_id}/review", {"accept": True}, content_type="application/json"
    )
    assert accepted.json()["status"] == ReportStatus.ACCEPTED
    assert [r["id"] for r in client.get(f"/api/pairs/{pair.pk}/reports").json()["items"]] == [
        report_id
    ]


def test_anonymous_visitors_see_only_accepted_reports(client, pair, coordinator):
    actions.request_report(
        pair=pair, title="Due one", due_on=datetime.date(2030, 12, 1), actor=coordinator
    )
    assert client.get(f"/api/pairs/{pair.pk}/reports").json() == {"items": [], "count": 0}
    assert client.get("/api/placements").status_code == 401
