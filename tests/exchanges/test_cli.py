import datetime
import json

import pytest

from twinning.cli import main
from twinning.exchanges.enums import PlacementStatus
from twinning.exchanges.models import ExchangeLogEntry, PairReport

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_migrate(monkeypatch):
    """The test database is migrated already; the CLI's setup step must not redo it."""
    monkeypatch.setattr("twinning.cli.calls.setup_django", lambda: None)


def test_placements_listed_and_moved_on_by_a_coordinator(capsys, placement, coordinator):
    assert main(["placements", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["placements"]
    assert listed == [
        {
            "id": placement.pk,
            "fellow": "lea",
            "home": placement.home.slug,
            "host": placement.host.slug,
            "start": "2030-08-05",
            "end": "2030-09-10",
            "status": "planned",
        }
    ]
    assert main(["placement-step", str(placement.pk), "confirm", "--as", "coord"]) == 0
    assert capsys.readouterr().out == f"Placement {placement.pk} is confirmed.\n"
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.CONFIRMED


def test_a_refused_step_exits_2_and_changes_nothing(capsys, placement, coordinator):
    assert main(["placement-step", str(placement.pk), "start", "--as", "coord"]) == 2
    assert "This placement is planned" in capsys.readouterr().err
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.PLANNED
    assert main(["placement-step", str(placement.pk), "confirm", "--as", "lea"]) == 2
    assert ExchangeLogEntry.objects.filter(verb="confirmed").count() == 0


def test_request_reports_asks_each_active_pair_once(capsys, pair, coordinator):
    args = [
        "request-reports",
        pair.cohort.programme.slug,
        str(pair.cohort.year),
        "--title",
        "Final report",
        "--due",
        "2030-12-20",
        "--as",
        "coord",
    ]
    assert main(args) == 0
    assert main(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "Asked 1 pair(s) for “Final report”, due 2030-12-20.",
        "Asked 0 pair(s) for “Final report”, due 2030-12-20.",
    ]
    assert list(PairReport.objects.values_list("due_on", flat=True)) == [
        datetime.date(2030, 12, 20)
    ]


def test_send_message_from_a_file(capsys, tmp_path, pair, fellow, host_staff, coordinator):
    from twinning.exchanges.models import BulkMessage

    path = tmp_path / "message.json"
    path.write_text(
        json.dumps(
            {
                "subject_en": "Hi",
                "body_en": "Hello {name}",
                "subject_zh": "你好",
                "body_zh": "{name}您好",
            }
        ),
        encoding="utf-8",
    )
    slug, year = pair.cohort.programme.slug, str(pair.cohort.year)
    assert main(["send-message", slug, year, str(path), "--to", "pairs", "--as", "coord"]) == 0
    assert capsys.readouterr().out == "Sent to 2 people.\n"
    path.write_text(json.dumps({"subject_en": "Hi"}), encoding="utf-8")
    assert main(["send-message", slug, year, str(path), "--to", "pairs", "--as", "coord"]) == 2
    assert "give subject_en, body_en, subject_zh, body_zh as strings" in capsys.readouterr().err
    assert BulkMessage.objects.count() == 1
