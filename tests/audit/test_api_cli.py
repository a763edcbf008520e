"""The audit log through the API (`{items, count}`, 401/403) and `twinning audit`."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from tests.calls.factories import staff_of
from tests.factories import OrganisationFactory
from twinning.audit.models import AuditRecord
from twinning.cli import main
from twinning.directory.actions import update_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_histories(coordinator):
    blue = OrganisationFactory(name="Blue River", slug="blue-river", founded=2001, type="ngo")
    red = OrganisationFactory(name="Red Hill", slug="red-hill", founded=1990)
    update_organisation(organisation=blue, actor=coordinator, founded=2004, type="foundation")
    update_organisation(organisation=red, actor=coordinator, founded=1991)
    return blue, red


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_api_answers_401_to_anonymous_visitors(client, two_histories):
    assert client.get("/api/audit").status_code == 401


def test_api_answers_403_to_users_who_speak_for_no_organisation(member_client, two_histories):
    answer = member_client.get("/api/audit")
    assert answer.status_code == 403
    assert answer.json()["detail"]


def test_api_gives_coordinators_everything_readable(coordinator_client, two_histories):
    blue, red = two_histories
    body = coordinator_client.get("/api/audit", {"limit": 1}).json()
    assert body["count"] == 2
    (item,) = body["items"]
    assert item["record"] == "Red Hill"
    assert item["kind"] == "directory.organisation"
    assert item["actor"] == "coord"
    assert item["organisation"] == "red-hill"
    assert item["channel"] == "system"
    assert item["changes"] == [
        {
            "field": "founded",
            "label": "Founding year",
            "old": 1990,
            "new": 1991,
            "old_text": "1990",
            "new_text": "1991",
        }
    ]
    second = coordinator_client.get("/api/audit", {"limit": 1, "offset": 1}).json()
    types = {change["field"]: change for change in second["items"][0]["changes"]}
    assert (types["type"]["old_text"], types["type"]["new_text"]) == ("NGO", "Foundation")


def test_api_gives_an_editor_their_organisations_history(two_histories):
    blue, _red = two_histories
    body = _client(staff_of(blue, "editor")).get("/api/audit").json()
    assert body["count"] == 1
    assert body["items"][0]["record"] == "Blue River"


def test_api_filters_and_bounds(coordinator_client, two_histories):
    blue, _red = two_histories
    one = coordinator_client.get(
        "/api/audit", {"kind": "directory.organisation", "record_id": blue.pk}
    ).json()
    assert [item["record"] for item in one["items"]] == ["Blue River"]
    assert coordinator_client.get("/api/audit", {"kind": "nothing.here"}).status_code == 422
    assert coordinator_client.get("/api/audit", {"limit": 0}).status_code == 422
    assert coordinator_client.get("/api/audit", {"offset": -1}).status_code == 422
    assert coordinator_client.get("/api/audit", {"record_id": 2**70}).status_code == 422


def test_api_schema_documents_the_endpoint(client):
    schema = client.get("/api/openapi.json").json()
    answers = schema["paths"]["/api/audit"]["get"]["responses"]
    assert {"200", "401", "403", "422"} <= set(answers)


def test_cli_lists_recent_changes_readably(two_histories, capsys):
    assert main(["audit", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "coord updated · Organisation: Red Hill" in out
    assert "    Founding year: 1990 → 1991" in out
    assert "Blue River" not in out


def test_cli_filters_by_record(two_histories, capsys):
    blue, _red = two_histories
    assert main(["audit", "--kind", "directory.organisation", "--record", str(blue.pk)]) == 0
    out = capsys.readouterr().out
    assert "Type: NGO → Foundation" in out
    assert "Red Hill" not in out


def test_cli_json(two_histories, capsys):
    assert main(["audit", "--json", "--organisation", "blue-river"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["count"] == 1
    assert body["items"][0]["changes"]["founded"] == [2001, 2004]


def test_cli_as_a_reader_shows_only_what_they_may_read(two_histories, member, capsys):
    blue, _red = two_histories
    staff_of(blue, "editor")
    assert main(["audit", "--as", "editor"]) == 0
    out = capsys.readouterr().out
    assert "Blue River" in out and "Red Hill" not in out
    assert main(["audit", "--as", "member"]) == 2
    assert "may not read the audit log" in capsys.readouterr().err
    assert main(["audit", "--as", "coord"]) == 0
    out = capsys.readouterr().out
    assert "Blue River" in out and "Red Hill" in out


def test_cli_refuses_bad_filters(two_histories, capsys):
    assert main(["audit", "--kind", "nothing.here"]) == 2
    assert "Unknown kind of record" in capsys.readouterr().err
    assert main(["audit", "--record", "3"]) == 2
    assert main(["audit", "--organisation", "nowhere"]) == 2
    assert AuditRecord.objects.count() == 2
