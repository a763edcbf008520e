import pytest

from tests.ingest.test_actions import PROFILE
from twinning.cli import main
from twinning.directory.models import Organisation
from twinning.library.models import Document
from twinning.programmes.models import Pair

pytestmark = pytest.mark.django_db(transaction=True)


def test_ingest_accept_fills_the_directory_and_a_second_run_changes_nothing(tmp_path, capsys):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "profile.txt").write_text(PROFILE, encoding="utf-8")
    assert main(["ingest", str(folder), "--accept"]) == 0
    captured = capsys.readouterr()
    first, first_err = captured.out, captured.err
    assert "1 document(s) stored" in first
    assert Organisation.objects.filter(name="Blue Delta Water Alliance").count() == 1
    # The page states no cohort year, so no pair is put in a guessed (current) year's cohort.
    assert Pair.objects.count() == 0
    assert "states no cohort year" in first_err
    assert Document.objects.get().source == str(folder / "profile.txt")
    assert main(["ingest", str(folder), "--accept"]) == 0
    assert "0 document(s) stored, 0 candidate(s) queued" in capsys.readouterr().out
    assert Organisation.objects.count() == 2


def test_ingest_reports_unreadable_files_with_exit_status_2(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["ingest", str(empty)]) == 2
    assert "empty.txt: file is empty" in capsys.readouterr().err
    assert Document.objects.count() == 0
