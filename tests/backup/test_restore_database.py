"""Restore the SQLite demo backup into the test database: PostgreSQL under `-p tests.postgres_plugin`.

Both sides are compared through a second backup of the target, so every table is compared row
by row, value by value, whatever engine holds it.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth import authenticate
from django.db import connection

from tests.factories import OrganisationFactory
from tests.installation import Installation, twinning
from twinning.backup.archive import BackupRefused
from twinning.backup.dump import write_backup
from twinning.backup.restore import restore_backup
from twinning.directory.models import Organisation


def dumped_rows(path: Path) -> dict[str, list[dict]]:
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        return {
            table["model"]: sorted(
                (json.loads(line) for line in archive.read(table["member"]).splitlines()),
                key=lambda row: json.dumps(row, sort_keys=True),
            )
            for table in manifest["tables"]
        }


def stored(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {
            name: archive.read(name) for name in archive.namelist() if name.startswith("files/")
        }


@pytest.fixture
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.mark.django_db(transaction=True)
def test_sqlite_backup_restores_into_this_database_table_for_table(
    demo_backup, media_root, tmp_path
):
    manifest = restore_backup(demo_backup)
    assert sum(table.rows for table in manifest.tables) > 2000
    again = tmp_path / "again.zip"
    write_backup(again)
    source, restored = dumped_rows(demo_backup), dumped_rows(again)
    assert restored.keys() == source.keys()
    assert {row["channel"] for row in source["audit.auditrecord"]} >= {"cli"}  # the audit log too
    for model, rows in source.items():
        assert restored[model] == rows, model
    assert stored(again) == stored(demo_backup)
    assert len(list(media_root.rglob("*.txt"))) == 2  # the ingested page, the filed report
    # Sequences follow the restored ids, and the restored password hash still signs in.
    highest = Organisation.objects.order_by("-pk").values_list("pk", flat=True)[0]
    assert OrganisationFactory().pk > highest
    assert authenticate(username="keeper", password="kept-Pw-491") is not None
    # And back: this database's backup (PostgreSQL under the plugin) restores into a new SQLite
    # file whose own backup holds the source's rows again.
    target = Installation(database=tmp_path / "back.sqlite3", data_dir=tmp_path / "back-data")
    done = twinning(target, "restore", str(again))
    assert done.returncode == 0, done.stderr
    third = tmp_path / "third.zip"
    assert twinning(target, "backup", str(third)).returncode == 0
    back = dumped_rows(third)
    for model, rows in source.items():
        assert back[model] == rows, model


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_with_data_and_changes_nothing(demo_backup, media_root):
    OrganisationFactory(name="Already Here")
    with pytest.raises(BackupRefused, match="the target database is not empty"):
        restore_backup(demo_backup)
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Already Here"]
    assert not media_root.exists()


@pytest.mark.django_db(transaction=True)
def test_a_wrong_row_count_rolls_back_everything(demo_backup, media_root, tmp_path):
    damaged = tmp_path / "count.zip"
    with zipfile.ZipFile(demo_backup) as original, zipfile.ZipFile(damaged, "w") as copy:
        for name in original.namelist():
            data = original.read(name)
            if name == "manifest.json":
                manifest = json.loads(data)
                for table in manifest["tables"]:
                    if table["model"] == "calls.auditentry":
                        table["rows"] += 1
                data = json.dumps(manifest).encode()
            copy.writestr(name, data)
    with pytest.raises(BackupRefused, match="its manifest says"):
        restore_backup(damaged)
    assert not Organisation.objects.exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM accounts_user")
        assert cursor.fetchone() == (0,)
    assert not media_root.exists()


@pytest.mark.django_db(transaction=True)
def test_the_command_restores_into_a_new_postgresql_database(demo_backup, tmp_path):
    """The laptop-to-team move through the CLI: the target database exists but is empty."""
    if connection.vendor != "postgresql":
        pytest.skip("needs the PostgreSQL server (-p tests.postgres_plugin)")
    import os
    import subprocess
    import sys
    import urllib.parse

    from tests.installation import ROOT

    name = "twinning_restore_target"
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name}")
        cursor.execute(f"CREATE DATABASE {name}")
    base = urllib.parse.urlsplit(os.environ["TWINNING_DATABASE_URL"])
    url = urllib.parse.urlunsplit(base._replace(path=f"/{name}"))
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "TWINNING_DATABASE_URL": url,
        "TWINNING_DATA_DIR": str(tmp_path / "team"),
    }
    try:

        def restore() -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [sys.executable, "-m", "twinning", "restore", str(demo_backup)],
                capture_output=True,
                text=True,
                env=env,
                check=False,
            )

        done = restore()
        assert done.returncode == 0, done.stderr
        assert (tmp_path / "team" / "media").is_dir()
        again = restore()
        assert again.returncode == 2
        assert again.stderr.count("\n") == 1 and "not empty" in again.stderr
    finally:
        connection.close()  # nothing may hold the target open while it is dropped
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.mark.django_db(transaction=True)
def test_a_backup_of_another_schema_version_is_refused(demo_backup, media_root, tmp_path):
    other = tmp_path / "other-schema.zip"
    with zipfile.ZipFile(demo_backup) as original, zipfile.ZipFile(other, "w") as copy:
        for name in original.namelist():
            data = original.read(name)
            if name == "manifest.json":
                manifest = json.loads(data)
                manifest["migrations"]["directory"].append("0099_from_the_future")
                data = json.dumps(manifest).encode()
            copy.writestr(name, data)
    with pytest.raises(BackupRefused, match="another schema version .*0099_from_the_future"):
        restore_backup(other)
    assert not Organisation.objects.exists()
