"""Concurrent editors of application drafts, each thread with its own database connection.

Used by `test_concurrent_saves.py` in-process (PostgreSQL) and in a fresh interpreter against a
file SQLite database (`python -m tests.calls.concurrent_editing two|many`), so SQLite runs with
its real settings (WAL, busy timeout, IMMEDIATE) instead of the shared in-memory test database.
A write counts as acknowledged when the server answered success; it is lost when the stored
answer differs from the last acknowledged text of that answer at the end.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable
from typing import Any

import lxml.html
from django.db import connection
from django.test import Client
from django.urls import reverse


def build(*, editors: int, applications: int = 1, questions: int = 2) -> list[dict[str, Any]]:
    """Open a call with `questions` questions and `applications` drafts, each with `editors` staff."""
    from tests.calls.factories import european, make_call, staff_of
    from twinning.calls.actions import start_application

    call = make_call(questions=[f"Question {n}" for n in range(1, questions + 1)])
    keys = [question.key for question in call.questions.all()]
    drafts = []
    for number in range(applications):
        organisation = european(name=f"Applicant {number}", slug=f"applicant-{number}")
        users = [staff_of(organisation, f"editor-{number}-{n}") for n in range(editors)]
        application = start_application(call=call, organisation=organisation, actor=users[0])
        drafts.append({"pk": application.pk, "users": users, "keys": keys})
    return drafts


def _form_values(html: bytes) -> dict[str, str]:
    """The fields of the draft form as a browser would post them."""
    page = lxml.html.fromstring(html)
    form = next(f for f in page.forms if "application-form" in (f.get("class") or ""))
    return {name: value for name, value in form.form_values()}


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _in_threads(count: int, work: Callable[[int], None]) -> None:
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            work(index)
        except BaseException as error:  # noqa: BLE001 - re-raised in the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def _stored(application_pk: int) -> dict[str, str]:
    from twinning.calls.models import Application

    answers = Application.objects.get(pk=application_pk).answers
    connection.close()
    return answers


def two_sessions(draft: dict[str, Any], *, rounds: int = 20) -> dict[str, int]:
    """Two people load the draft, each changes a different answer, both save at the same moment."""
    url = reverse("calls:application", args=[draft["pk"]])
    clients = [_client(user) for user in draft["users"][:2]]
    keys = draft["keys"][:2]
    tally = {"rounds": rounds, "acknowledged": 0, "lost_rounds": 0, "errors": 0}
    loaded = threading.Barrier(2)  # both have the page before either saves
    acknowledged: dict[str, str] = {}
    for round_number in range(rounds):
        acknowledged.clear()

        def edit(index: int, round_number: int = round_number) -> None:
            client = clients[index]
            values = _form_values(client.get(url).content)
            text = f"session {index} round {round_number}"
            values[f"answer_{keys[index]}"] = text
            loaded.wait()
            response = client.post(url, values)
            if response.status_code == 302:
                acknowledged[keys[index]] = text
            else:
                tally["errors"] += 1

        _in_threads(2, edit)
        stored = _stored(draft["pk"])
        tally["acknowledged"] += len(acknowledged)
        if any(stored.get(key) != text for key, text in acknowledged.items()):
            tally["lost_rounds"] += 1
    return tally


def many_writers(drafts: list[dict[str, Any]], *, rounds: int = 5) -> dict[str, int]:
    """Every editor saves its own answer of its draft `rounds` times: pages and API, at once."""
    jobs = [
        (draft, user, draft["keys"][n % len(draft["keys"])], n)
        for draft in drafts
        for n, user in enumerate(draft["users"])
    ]
    last: dict[tuple[int, str], str] = {}
    lock = threading.Lock()
    tally = {"writers": len(jobs), "saves": 0, "acknowledged": 0, "conflicts": 0, "errors": 0}
    start = threading.Barrier(len(jobs))

    def write(index: int) -> None:
        draft, user, key, n = jobs[index]
        client = _client(user)
        url = reverse("calls:application", args=[draft["pk"]])
        start.wait()
        for round_number in range(rounds):
            text = f"editor {n} round {round_number}"
            if n % 2:
                response = client.patch(
                    f"/api/applications/{draft['pk']}",
                    {"answers": {key: text}},
                    content_type="application/json",
                )
                ok = response.status_code == 200
            else:
                values = _form_values(client.get(url).content)
                values[f"answer_{key}"] = text
                response = client.post(url, values)
                ok = response.status_code == 302
            with lock:
                tally["saves"] += 1
                if ok:
                    tally["acknowledged"] += 1
                    last[(draft["pk"], key)] = text
                elif response.status_code == 409:
                    tally["conflicts"] += 1
                else:
                    tally["errors"] += 1

    # Editors sharing a question would legitimately overwrite each other; give each its own.
    assert all(len(d["users"]) <= len(d["keys"]) for d in drafts), "one question per editor"
    _in_threads(len(jobs), write)
    lost = 0
    for (pk, key), text in last.items():
        lost += _stored(pk).get(key) != text
    tally["answers"] = len(last)
    tally["lost"] = lost
    return tally


def main(scenario: str) -> int:
    """Run one scenario on the database named by TWINNING_DATABASE_URL; print the tally as JSON."""
    from twinning.cli import setup_django

    setup_django()
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from twinning.directory.actions import sync_topics

    sync_topics()
    if scenario == "two":
        tally = two_sessions(build(editors=2)[0], rounds=20)
    else:
        tally = many_writers(build(editors=6, applications=5, questions=6), rounds=5)
    print(json.dumps(tally))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
