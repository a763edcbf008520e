"""`twinning restore FILE`: rebuild a backup into an empty database, in one transaction.

The target must hold nothing beyond what `migrate` writes (content types, permissions, the
topic vocabulary); those rows are replaced by the backup's so every id matches. Rows are
inserted raw (no `save()`, no signals, `auto_now` kept), sequences are reset on PostgreSQL,
and stored files go back under MEDIA_ROOT; any failure leaves database and files as they were.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models, transaction

from twinning import topics as vocabulary
from twinning.backup.archive import Archive, BackupRefused, FileEntry, Manifest, TableEntry
from twinning.backup.dump import applied_migrations
from twinning.backup.engine import restore_engine_table, write_sequences
from twinning.backup.tables import MIGRATE_WRITTEN, backed_up_models, columns, decode, label


def _expected_permissions() -> set[tuple[str, str, str]]:
    expected: set[tuple[str, str, str]] = set()
    for model in backed_up_models():
        meta = model._meta
        if meta.auto_created:
            continue
        name = meta.model_name or ""
        for action in meta.default_permissions:
            expected.add((meta.app_label, name, f"{action}_{name}"))
        for codename, _name in meta.permissions:
            expected.add((meta.app_label, name, str(codename)))
    return expected


def refuse_unless_empty(alias: str = DEFAULT_DB_ALIAS) -> None:
    """Raise `BackupRefused` if the database holds anything `migrate` did not write."""
    from twinning.directory.models import Topic

    for model in backed_up_models():
        if label(model) in MIGRATE_WRITTEN:
            continue
        if model._base_manager.using(alias).exists():
            raise BackupRefused(
                f"the target database is not empty ({model._meta.db_table} holds rows); "
                "restore only into a new database"
            )
    known = set(vocabulary.vocabulary())
    extra = Topic.objects.using(alias).exclude(slug__in=known).values_list("slug", flat=True)
    if extra.exists():
        raise BackupRefused(
            f"the target database is not empty (topic {extra[0]!r} is not in the vocabulary); "
            "restore only into a new database"
        )
    expected = _expected_permissions()
    for app_label, model_name, codename in Permission.objects.using(alias).values_list(
        "content_type__app_label", "content_type__model", "codename"
    ):
        if (app_label, model_name, codename) not in expected:
            raise BackupRefused(
                f"the target database is not empty (permission {codename!r} was added by hand); "
                "restore only into a new database"
            )


def _check_compatible(manifest: Manifest, alias: str) -> dict[str, type[models.Model]]:
    target = applied_migrations(alias)
    if manifest.migrations != target:
        missing = sorted(
            f"{app}.{name}"
            for app in set(manifest.migrations) | set(target)
            for name in set(manifest.migrations.get(app, [])) ^ set(target.get(app, []))
        )
        raise BackupRefused(
            "the backup was made with another schema version "
            f"(migrations differ: {', '.join(missing[:3])}); restore it with the same Twinning version"
        )
    by_label = {label(model): model for model in backed_up_models()}
    for table in manifest.tables:
        model = by_label.get(table.model)
        if model is None:
            raise BackupRefused(f"the backup holds a table this Twinning lacks ({table.model})")
        if table.columns != columns(model):
            raise BackupRefused(f"the backup's columns of {table.model} differ from this schema")
    return by_label


def _insert_table(
    archive: Archive, table: TableEntry, model: type[models.Model], alias: str
) -> None:
    fields = model._meta.concrete_fields
    connection = connections[alias]
    manager = model._base_manager.using(alias)
    count = 0
    batch: list[models.Model] = []
    size = max(1, min(500, connection.ops.bulk_batch_size(list(fields), [None] * 500)))
    for row in archive.rows(table):
        try:
            values = {field.attname: decode(field, row[field.attname]) for field in fields}
        except (KeyError, ValueError, TypeError, ValidationError) as error:
            raise BackupRefused(
                f"{archive.path}: {table.member} row {count + 1} is damaged ({error})"
            ) from None
        batch.append(model(**values))
        count += 1
        if len(batch) >= size:
            manager._insert(batch, fields=fields, using=alias, raw=True)  # type: ignore[attr-defined]
            batch = []
    if batch:
        manager._insert(batch, fields=fields, using=alias, raw=True)  # type: ignore[attr-defined]
    if count != table.rows:
        raise BackupRefused(
            f"{archive.path}: {table.member} holds {count} rows, its manifest says {table.rows}"
        )


def _store_pgvectors(alias: str) -> None:
    from twinning.library.models import SearchChunk
    from twinning.library.search.indexing import _store_vectors
    from twinning.library.search.retrieval import has_pgvector

    if connections[alias].vendor != "postgresql" or not has_pgvector():
        return
    chunks = SearchChunk.objects.using(alias).only("pk", "embedding")
    ids = list(chunks.order_by("pk").values_list("pk", flat=True))
    # Batches by id, not a server-side cursor: storing vectors may create their HNSW index,
    # which PostgreSQL refuses while a cursor on the table is open in the same session.
    for start in range(0, len(ids), 500):
        _store_vectors(list(chunks.filter(pk__in=ids[start : start + 500]).order_by("pk")))


def _check_files(archive: Archive, root: Path) -> list[FileEntry]:
    """The files still to write; a different file already at a backup's path is refused."""
    missing: list[FileEntry] = []
    for entry in archive.manifest.files:
        destination = root / entry.path
        if not destination.exists():
            missing.append(entry)
            continue
        if hashlib.sha256(destination.read_bytes()).hexdigest() != entry.sha256:
            raise BackupRefused(
                f"{destination}: a different file is already stored there; "
                "restore into an empty TWINNING_DATA_DIR"
            )
    return missing


def _place_files(
    archive: Archive, root: Path, entries: list[FileEntry], written: list[Path]
) -> None:
    for entry in entries:
        data = archive.read_file(entry)
        if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
            raise BackupRefused(f"{archive.path}: the stored file {entry.path} is damaged")
        destination = root / entry.path
        destination.parent.mkdir(parents=True, exist_ok=True)
        temporary = destination.with_name(f".{destination.name}.restoring")
        temporary.write_bytes(data)
        os.replace(temporary, destination)
        written.append(destination)


def restore_backup(path: Path, *, alias: str = DEFAULT_DB_ALIAS) -> Manifest:
    """Rebuild the backup at `path` into the empty database; all or nothing (`BackupRefused`)."""
    root = Path(settings.MEDIA_ROOT)
    written: list[Path] = []
    with Archive(path) as archive:
        manifest = archive.manifest
        try:
            with transaction.atomic(using=alias):
                refuse_unless_empty(alias)
                by_label = _check_compatible(manifest, alias)
                to_write = _check_files(archive, root)
                for model_label in reversed(MIGRATE_WRITTEN):
                    by_label[model_label]._base_manager.using(alias).all()._raw_delete(alias)
                for table in manifest.tables:
                    _insert_table(archive, table, by_label[table.model], alias)
                connection = connections[alias]
                if connection.vendor == manifest.vendor:
                    for table in manifest.raw_tables:
                        restore_engine_table(connection, table, list(archive.rows(table)))
                statements = connection.ops.sequence_reset_sql(no_style(), list(by_label.values()))
                with connection.cursor() as cursor:
                    for statement in statements:
                        cursor.execute(statement)
                write_sequences(connection, list(by_label.values()), manifest.sequences)
                connection.check_constraints()
                _store_pgvectors(alias)
                _place_files(archive, root, to_write, written)
        except BaseException as error:
            for destination in written:
                destination.unlink(missing_ok=True)
            if isinstance(error, DatabaseError):
                message = " ".join(str(error).split())
                raise BackupRefused(f"{path}: the backup does not fit ({message})") from None
            raise
        finally:
            ContentType.objects.clear_cache()
    return manifest
