"""The backup file format (ADR 0006), read and checked without Django.

A backup is a zip archive holding `manifest.json` (format name and version, the schema's
applied migrations, one entry per table with its columns and row count, one entry per stored
file with its size and SHA-256), `data/NNN-app.model.jsonl` (one JSON object per row, tables
in dependency order) and `files/<path under MEDIA_ROOT>`.
"""

from __future__ import annotations

import json
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT_NAME = "twinning-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
FILES_PREFIX = "files/"


class BackupRefused(Exception):
    """A backup or restore that cannot go ahead; `str(error)` is one line for the operator."""


@dataclass(frozen=True)
class TableEntry:
    model: str
    table: str
    member: str
    columns: list[str]
    rows: int


@dataclass(frozen=True)
class FileEntry:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """`raw_tables` are engine tables outside the models (SQLite's full-text shadow tables);
    `sequences` the highest id each table's counter handed out (deleted rows included)."""

    version: int
    created_at: str
    vendor: str
    migrations: dict[str, list[str]]
    tables: list[TableEntry]
    files: list[FileEntry]
    raw_tables: list[TableEntry] = field(default_factory=list)
    sequences: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "version": self.version,
            "created_at": self.created_at,
            "vendor": self.vendor,
            "migrations": self.migrations,
            "tables": [vars(table) for table in self.tables],
            "files": [vars(entry) for entry in self.files],
            "raw_tables": [vars(table) for table in self.raw_tables],
            "sequences": self.sequences,
        }


def _safe_path(path: str) -> bool:
    parts = Path(path).parts
    return bool(parts) and not Path(path).is_absolute() and ".." not in parts and "\\" not in path


def _table(item: Any) -> TableEntry:
    return TableEntry(
        model=str(item["model"]),
        table=str(item["table"]),
        member=str(item["member"]),
        columns=[str(column) for column in item["columns"]],
        rows=int(item["rows"]),
    )


def _parse_manifest(raw: Any, members: set[str]) -> Manifest:
    if not isinstance(raw, dict) or raw.get("format") != FORMAT_NAME:
        raise BackupRefused("not a Twinning backup (its manifest names another format)")
    if raw.get("version") != FORMAT_VERSION:
        raise BackupRefused(
            f"backup format version {raw.get('version')!r} is not supported "
            f"(this Twinning reads version {FORMAT_VERSION})"
        )
    try:
        tables = [_table(item) for item in raw["tables"]]
        raw_tables = [_table(item) for item in raw.get("raw_tables", [])]
        sequences = {str(name): int(value) for name, value in raw.get("sequences", {}).items()}
        files = [
            FileEntry(path=str(item["path"]), size=int(item["size"]), sha256=str(item["sha256"]))
            for item in raw["files"]
        ]
        migrations = {
            str(app): [str(name) for name in names] for app, names in raw["migrations"].items()
        }
        manifest = Manifest(
            version=FORMAT_VERSION,
            created_at=str(raw.get("created_at", "")),
            vendor=str(raw.get("vendor", "")),
            migrations=migrations,
            tables=tables,
            files=files,
            raw_tables=raw_tables,
            sequences=sequences,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise BackupRefused(f"the backup's manifest is damaged ({error})") from None
    for table in [*tables, *raw_tables]:
        if table.member not in members:
            raise BackupRefused(f"the backup lacks {table.member} named in its manifest")
    for entry in files:
        if not _safe_path(entry.path):
            raise BackupRefused(f"the backup names an unsafe file path {entry.path!r}")
        if FILES_PREFIX + entry.path not in members:
            raise BackupRefused(f"the backup lacks the stored file {entry.path}")
    return manifest


class Archive:
    """An opened, checked backup file: the manifest is valid and every member's CRC matches."""

    def __init__(self, path: Path) -> None:
        try:
            self.zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise BackupRefused(f"{path}: no such file") from None
        except (zipfile.BadZipFile, OSError) as error:
            raise BackupRefused(f"{path}: not a Twinning backup ({error})") from None
        try:
            bad = self.zip.testzip()
            if bad is not None:
                raise BackupRefused(f"{path}: the backup is damaged ({bad} fails its checksum)")
            members = set(self.zip.namelist())
            if MANIFEST not in members:
                raise BackupRefused(f"{path}: not a Twinning backup (no {MANIFEST})")
            raw = json.loads(self.zip.read(MANIFEST).decode("utf-8"))
            self.manifest = _parse_manifest(raw, members)
        except BackupRefused as error:
            self.zip.close()
            if str(error).startswith(str(path)):
                raise
            raise BackupRefused(f"{path}: {error}") from None
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            UnicodeDecodeError,
            ValueError,
            EOFError,
        ) as error:
            self.zip.close()
            raise BackupRefused(f"{path}: the backup is damaged ({error})") from None
        self.path = path

    def rows(self, table: TableEntry) -> Iterator[Any]:
        """The rows of one table as written (objects; lists for engine tables).

        A damaged line raises `BackupRefused`."""
        expected = list if table in self.manifest.raw_tables else dict
        try:
            with self.zip.open(table.member) as handle:
                for number, line in enumerate(handle, start=1):
                    try:
                        row = json.loads(line)
                    except ValueError:
                        raise BackupRefused(
                            f"{self.path}: {table.member} line {number} is not JSON"
                        ) from None
                    if not isinstance(row, expected):
                        raise BackupRefused(f"{self.path}: {table.member} line {number} is damaged")
                    yield row
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as error:
            raise BackupRefused(f"{self.path}: {table.member} is damaged ({error})") from None

    def read_file(self, entry: FileEntry) -> bytes:
        try:
            return self.zip.read(FILES_PREFIX + entry.path)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as error:
            raise BackupRefused(
                f"{self.path}: the stored file {entry.path} is damaged ({error})"
            ) from None

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
