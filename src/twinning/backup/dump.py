"""`twinning backup FILE`: every table and every stored file into one zip, read in one snapshot."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from twinning.backup.archive import (
    FILES_PREFIX,
    FORMAT_VERSION,
    MANIFEST,
    BackupRefused,
    FileEntry,
    Manifest,
    TableEntry,
)
from twinning.backup.engine import dump_engine_tables, read_sequences
from twinning.backup.tables import backed_up_models, columns, encode, label

CHUNK = 2000


def applied_migrations(alias: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connections[alias]).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def stored_files(root: Path) -> Iterator[Path]:
    """Every file under the media root, in a stable order."""
    if not root.is_dir():
        return
    for directory, subdirectories, names in os.walk(root):
        subdirectories.sort()
        for name in sorted(names):
            yield Path(directory) / name


def _write_tables(archive: zipfile.ZipFile, alias: str) -> list[TableEntry]:
    entries: list[TableEntry] = []
    for position, model in enumerate(backed_up_models(), start=1):
        fields = model._meta.concrete_fields
        names = columns(model)
        member = f"data/{position:03d}-{label(model)}.jsonl"
        count = 0
        with archive.open(member, "w") as handle:
            rows = (
                model._base_manager.using(alias)
                .order_by("pk")
                .values_list(*names)
                .iterator(chunk_size=CHUNK)
            )
            for values in rows:
                record = {
                    name: encode(field, value)
                    for name, field, value in zip(names, fields, values, strict=True)
                }
                handle.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
                count += 1
        entries.append(
            TableEntry(
                model=label(model),
                table=model._meta.db_table,
                member=member,
                columns=names,
                rows=count,
            )
        )
    return entries


def _write_files(archive: zipfile.ZipFile, root: Path) -> list[FileEntry]:
    entries: list[FileEntry] = []
    for path in stored_files(root):
        relative = path.relative_to(root).as_posix()
        digest = hashlib.sha256()
        size = 0
        with path.open("rb") as source, archive.open(FILES_PREFIX + relative, "w") as target:
            while block := source.read(1 << 20):
                digest.update(block)
                size += len(block)
                target.write(block)
        entries.append(FileEntry(path=relative, size=size, sha256=digest.hexdigest()))
    return entries


def write_backup(target: Path, *, alias: str = DEFAULT_DB_ALIAS) -> Manifest:
    """Write the whole installation to `target` (replaced only once complete); returns the manifest."""
    target = target.resolve()
    if target.is_dir():
        raise BackupRefused(f"{target}: is a directory; name the backup file to write")
    if not target.parent.is_dir():
        raise BackupRefused(f"{target.parent}: no such directory")
    handle, temporary = tempfile.mkstemp(prefix=".twinning-backup-", dir=target.parent)
    os.close(handle)
    connection = connections[alias]
    try:
        with (
            zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive,
            transaction.atomic(using=alias),
        ):
            if connection.vendor == "postgresql":  # one snapshot for every table
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            models_ = backed_up_models()
            manifest = Manifest(
                version=FORMAT_VERSION,
                created_at=timezone.now().isoformat(),
                vendor=connection.vendor,
                migrations=applied_migrations(alias),
                tables=_write_tables(archive, alias),
                files=_write_files(archive, Path(settings.MEDIA_ROOT)),
                raw_tables=dump_engine_tables(
                    connection, archive, {model._meta.db_table for model in models_}
                ),
                sequences=read_sequences(connection, models_),
            )
            archive.writestr(MANIFEST, json.dumps(manifest.as_json(), indent=1, ensure_ascii=False))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return manifest
