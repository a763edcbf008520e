"""`twinning backup` → `twinning restore` on SQLite, through the command line (CONTRACTS §7)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from tests.installation import Installation, python_in, twinning
from twinning.cli import main

SKIPPED = {"django_migrations"}  # the target's own record of applying the schema
# What `migrate` writes into a new file: vocabulary, permissions, an empty full-text index.
MIGRATE_WRITTEN = {
    "django_content_type",
    "auth_permission",
    "directory_topic",
    "common_cachegeneration",  # the public-page cache counter the topic sync starts
    "sqlite_sequence",
    "library_searchchunk_fts_config",
    "library_searchchunk_fts_data",
}


def table_contents(database: Path) -> dict[str, list[tuple]]:
    """Every table's rows (sorted), FTS shadow tables and sqlite_sequence included."""
    with sqlite3.connect(database) as connection:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
            if name not in SKIPPED
        }


def stored_files(data_dir: Path) -> dict[str, str]:
    media = data_dir / "media"
    return {
        path.relative_to(media).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(media.rglob("*"))
        if path.is_file()
    }


def fresh(tmp_path: Path, name: str = "target") -> Installation:
    return Installation(database=tmp_path / f"{name}.sqlite3", data_dir=tmp_path / f"{name}-data")


@pytest.fixture(scope="module")
def restored(demo_backup, tmp_path_factory) -> Installation:
    target = fresh(tmp_path_factory.mktemp("restored"))
    done = twinning(target, "restore", str(demo_backup))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Restored ")
    return target


def test_restore_into_a_new_sqlite_file_gives_every_table_and_file_back(
    demo_installation, restored
):
    source_tables = table_contents(demo_installation.database)
    restored_tables = table_contents(restored.database)
    assert restored_tables.keys() == source_tables.keys()
    assert "library_searchchunk_fts_data" in source_tables  # SQLite's full-text index, copied too
    for name, rows in source_tables.items():
        assert restored_tables[name] == rows, name
    # The round trip is not vacuous: the tables the contract names hold rows.
    for name in (
        "accounts_user",
        "calls_call",
        "calls_review",
        "calls_auditentry",
        "library_searchchunk",
        "library_document_topics",
        "library_source",
    ):
        assert source_tables[name], name
    with sqlite3.connect(restored.database) as connection:
        fts = "library_searchchunk_fts"
        connection.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
        found = connection.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH 'wuhan'").fetchall()
    assert found
    files = stored_files(demo_installation.data_dir)
    assert len(files) == 2  # the ingested page and the report the demo pair filed
    assert stored_files(restored.data_dir) == files


def test_the_restored_installation_is_refused_a_second_restore_and_still_works(
    demo_backup, restored
):
    before = table_contents(restored.database)
    done = twinning(restored, "restore", str(demo_backup))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "the target database is not empty" in done.stderr
    assert table_contents(restored.database) == before
    check = (
        "from django.contrib.auth import authenticate\n"
        "from twinning.directory.models import Organisation\n"
        "top = Organisation.objects.order_by('-pk').first().pk\n"
        "new = Organisation.objects.create(name='After restore', slug='after-restore')\n"
        "print(authenticate(username='keeper', password='kept-Pw-491') is not None, new.pk > top)"
    )
    done = python_in(restored, check)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]


def _rewrite(source: Path, target: Path, change) -> None:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for item in original.infolist():
            data = change(item.filename, original.read(item.filename))
            if data is not None:
                copy.writestr(item.filename, data)


def test_a_damaged_row_rolls_the_whole_restore_back(demo_backup, tmp_path):
    damaged = tmp_path / "damaged.zip"

    def break_last_review(name: str, data: bytes) -> bytes:
        if "calls.review.jsonl" in name:
            lines = data.splitlines()
            return b"\n".join([*lines[:-1], b'{"id": "not a number"}']) + b"\n"
        return data

    _rewrite(demo_backup, damaged, break_last_review)
    target = fresh(tmp_path)
    done = twinning(target, "restore", str(damaged))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "calls.review.jsonl row" in done.stderr
    left = table_contents(target.database)
    assert {name for name, rows in left.items() if rows} <= MIGRATE_WRITTEN
    assert not (target.data_dir / "media").exists()


def test_a_file_that_is_no_backup_is_refused_by_the_command(tmp_path):
    garbage = tmp_path / "garbage.zip"
    garbage.write_bytes(b"PK\x03\x04 not really a zip")
    target = fresh(tmp_path)
    done = twinning(target, "restore", str(garbage))
    assert done.returncode == 2
    assert (
        done.stderr
        == f"error: {garbage}: not a Twinning backup (File is not a zip file); nothing was restored.\n"
    )
    assert done.stdout == ""
    assert not target.database.exists()


def test_damaged_or_foreign_backups_are_refused_with_one_line_before_any_database(
    demo_backup, tmp_path, capsys
):
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(demo_backup.read_bytes()[: demo_backup.stat().st_size // 2])
    foreign = tmp_path / "foreign.zip"
    _rewrite(
        demo_backup,
        foreign,
        lambda name, data: (
            json.dumps({"format": "other", "version": 1}).encode()
            if name == "manifest.json"
            else data
        ),
    )
    newer = tmp_path / "newer.zip"
    _rewrite(
        demo_backup,
        newer,
        lambda name, data: (
            json.dumps({**json.loads(data), "version": 99}).encode()
            if name == "manifest.json"
            else data
        ),
    )
    missing_member = tmp_path / "missing.zip"
    _rewrite(
        demo_backup, missing_member, lambda name, data: None if "calls.review" in name else data
    )
    flipped = tmp_path / "flipped.zip"
    raw = bytearray(demo_backup.read_bytes())
    with zipfile.ZipFile(demo_backup) as archive:
        largest = max(archive.infolist(), key=lambda item: item.compress_size)
        header = largest.header_offset + 30 + len(largest.filename.encode()) + len(largest.extra)
    raw[header + largest.compress_size // 2] ^= 0xFF  # inside its compressed data
    flipped.write_bytes(bytes(raw))
    expected = {
        truncated: "not a Twinning backup",
        foreign: "names another format",
        newer: "format version 99 is not supported",
        missing_member: "lacks data/",
        flipped: "damaged",
        tmp_path / "absent.zip": "no such file",
    }
    for path, message in expected.items():
        # The command refuses before it configures Django, so it can run inside this process.
        assert main(["restore", str(path)]) == 2, path
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.count("\n") == 1, captured.err
        assert message in captured.err, captured.err
        assert captured.err.endswith("nothing was restored.\n")
