"""No acknowledged answer is lost when several people save one draft at once (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.calls.concurrent_editing import _form_values, build, many_writers, two_sessions
from twinning.calls.models import Answer, Application, AuditEntry, answer_version

ROOT = Path(__file__).resolve().parents[2]


def _sqlite_scenario(scenario: str, tmp_path: Path) -> dict[str, int]:
    """A fresh interpreter on a file database: the settings a real SQLite deployment runs with."""
    environment = {
        **os.environ,
        "TWINNING_DATA_DIR": str(tmp_path),
        "TWINNING_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "TWINNING_MATCHING_EMBEDDER": "hashing",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
    }
    finished = subprocess.run(
        [sys.executable, "-m", "tests.calls.concurrent_editing", scenario],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert finished.returncode == 0, finished.stderr[-4000:]
    return json.loads(finished.stdout.strip().splitlines()[-1])


@pytest.mark.django_db(transaction=True)
def test_two_sessions_saving_different_answers_lose_nothing(tmp_path):
    if connection.vendor == "sqlite":
        tally = _sqlite_scenario("two", tmp_path)
    else:
        tally = two_sessions(build(editors=2)[0], rounds=20)
    assert tally == {"rounds": 20, "acknowledged": 40, "lost_rounds": 0, "errors": 0}


@pytest.mark.django_db(transaction=True)
def test_thirty_editors_saving_through_pages_and_api_lose_nothing(tmp_path):
    if connection.vendor == "sqlite":
        tally = _sqlite_scenario("many", tmp_path)
    else:
        tally = many_writers(build(editors=6, applications=5, questions=6), rounds=5)
    assert tally == {
        "writers": 30,
        "saves": 150,
        "acknowledged": 150,
        "conflicts": 0,
        "errors": 0,
        "answers": 30,
        "lost": 0,
    }


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_stale_edit_of_the_same_answer_is_refused_with_the_text_kept(db):
    draft = build(editors=2)[0]
    url = reverse("calls:application", args=[draft["pk"]])
    first, second = (_signed_in(user) for user in draft["users"])
    key = draft["keys"][0]
    first_form, second_form = (
        _form_values(first.get(url).content),
        _form_values(second.get(url).content),
    )
    first_form[f"answer_{key}"] = "Composting in schools"
    second_form[f"answer_{key}"] = "River monitoring with volunteers"
    assert first.post(url, first_form).status_code == 302
    audit_before = AuditEntry.objects.count()

    refused = second.post(url, second_form)

    page = refused.content.decode()
    assert refused.status_code == 409
    assert "River monitoring with volunteers" in page  # the editor's own text, in the form
    assert "Someone else changed the answer to “Question 1”" in page
    assert Application.objects.get(pk=draft["pk"]).answers == {key: "Composting in schools"}
    assert AuditEntry.objects.count() == audit_before
    again = _form_values(refused.content)
    assert again[f"version_{key}"] == answer_version("Composting in schools")
    assert second.post(url, again).status_code == 302  # saving again after seeing it overwrites
    assert Application.objects.get(pk=draft["pk"]).answers == {
        key: "River monitoring with volunteers"
    }


def test_untouched_answers_and_declaration_are_not_written_back(db):
    draft = build(editors=2)[0]
    url = reverse("calls:application", args=[draft["pk"]])
    first, second = (_signed_in(user) for user in draft["users"])
    stale = _form_values(second.get(url).content)
    first_form = _form_values(first.get(url).content)
    first_form["staff_is_permanent"] = "on"
    first_form[f"answer_{draft['keys'][0]}"] = "Composting"
    assert first.post(url, first_form).status_code == 302
    stale[f"answer_{draft['keys'][1]}"] = "Nothing else"
    assert second.post(url, stale).status_code == 302
    application = Application.objects.get(pk=draft["pk"])
    assert (application.answers, application.staff_is_permanent) == (
        {draft["keys"][0]: "Composting", draft["keys"][1]: "Nothing else"},
        True,
    )


def test_api_answers_409_for_a_stale_version_and_changes_nothing(db):
    draft = build(editors=1)[0]
    client = _signed_in(draft["users"][0])
    key = draft["keys"][0]
    api = f"/api/applications/{draft['pk']}"
    saved = client.patch(api, {"answers": {key: "First"}}, content_type="application/json")
    assert saved.json()["answer_versions"] == {key: answer_version("First")}

    stale = client.patch(
        api,
        {"answers": {key: "Second"}, "based_on": {key: answer_version("")}},
        content_type="application/json",
    )

    assert stale.status_code == 409
    assert stale.json()["questions"] == [key]
    assert list(Answer.objects.values_list("text", flat=True)) == ["First"]
    fresh = client.patch(
        api,
        {"answers": {key: "Second"}, "based_on": {key: answer_version("First")}},
        content_type="application/json",
    )
    assert (fresh.status_code, fresh.json()["answers"]) == (200, {key: "Second"})
