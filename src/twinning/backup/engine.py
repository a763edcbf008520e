"""What a backup keeps beyond the model tables: engine tables and id counters.

SQLite's full-text index lives in shadow tables the FTS5 triggers fill; a restore into SQLite
from SQLite copies them byte for byte (the triggers would rebuild an equivalent index with a
different layout). Into PostgreSQL the index rebuilds itself (a generated column). Counters
(`sqlite_sequence`, PostgreSQL sequences) are kept so an id is never handed out twice.
"""

from __future__ import annotations

import base64
import json
import zipfile
from typing import Any

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper

from twinning.backup.archive import TableEntry

NOT_COPIED = {"django_migrations"}


def _quote(connection: BaseDatabaseWrapper, name: str) -> str:
    return connection.ops.quote_name(name)


def engine_tables(connection: BaseDatabaseWrapper, model_tables: set[str]) -> list[str]:
    """SQLite tables outside the models (FTS5 shadow tables); none on other engines."""
    if connection.vendor != "sqlite":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
        found = cursor.fetchall()
    return [
        name
        for name, sql in found
        if name not in model_tables
        and name not in NOT_COPIED
        and not (sql or "").upper().startswith("CREATE VIRTUAL")
    ]


def _raw(value: Any) -> Any:
    if isinstance(value, bytes | memoryview):
        return {"b64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def _unraw(value: Any) -> Any:
    if isinstance(value, dict):
        return base64.b64decode(value["b64"])
    return value


def dump_engine_tables(
    connection: BaseDatabaseWrapper, archive: zipfile.ZipFile, model_tables: set[str]
) -> list[TableEntry]:
    entries: list[TableEntry] = []
    for name in engine_tables(connection, model_tables):
        member = f"raw/{name}.jsonl"
        with connection.cursor() as cursor, archive.open(member, "w") as handle:
            cursor.execute(f"SELECT * FROM {_quote(connection, name)}")  # noqa: S608 - a listed table
            names = [column[0] for column in cursor.description]
            count = 0
            for row in cursor.fetchall():
                record = json.dumps([_raw(value) for value in row]).encode("utf-8")
                handle.write(record + b"\n")
                count += 1
        entries.append(TableEntry(model="", table=name, member=member, columns=names, rows=count))
    return entries


def restore_engine_table(
    connection: BaseDatabaseWrapper, table: TableEntry, rows: list[list[Any]]
) -> bool:
    """Replace one engine table's rows by the backup's; False when this database has no such table."""
    if table.table not in engine_tables(connection, set()):
        return False
    name = _quote(connection, table.table)
    columns = ", ".join(_quote(connection, column) for column in table.columns)
    marks = ", ".join("%s" for _ in table.columns)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {name}")  # noqa: S608 - a listed table
        cursor.executemany(
            f"INSERT INTO {name} ({columns}) VALUES ({marks})",  # noqa: S608
            [[_unraw(value) for value in row] for row in rows],
        )
    return True


def _pk_sequence(connection: BaseDatabaseWrapper, model: type[models.Model]) -> str | None:
    pk = model._meta.pk
    if pk is None or not isinstance(pk, models.AutoField | models.BigAutoField):
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [model._meta.db_table, pk.column])
        row = cursor.fetchone()
    return row[0] if row else None


def read_sequences(
    connection: BaseDatabaseWrapper, models_: list[type[models.Model]]
) -> dict[str, int]:
    """The highest id each table's counter has handed out."""
    found: dict[str, int] = {}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name, seq FROM sqlite_sequence")
            return {name: int(seq) for name, seq in cursor.fetchall()}
        if connection.vendor != "postgresql":
            return found
        for model in models_:
            sequence = _pk_sequence(connection, model)
            if sequence:
                cursor.execute(f"SELECT last_value, is_called FROM {sequence}")  # noqa: S608
                last, called = cursor.fetchone()
                if called:
                    found[model._meta.db_table] = int(last)
    return found


def write_sequences(
    connection: BaseDatabaseWrapper, models_: list[type[models.Model]], sequences: dict[str, int]
) -> None:
    """Move each counter to the backup's value, never below the highest id restored."""
    with connection.cursor() as cursor:
        for model in models_:
            table = model._meta.db_table
            pk = model._meta.pk
            if pk is None or not isinstance(pk, models.AutoField | models.BigAutoField):
                continue
            column = _quote(connection, pk.column or "id")
            cursor.execute(f"SELECT MAX({column}) FROM {_quote(connection, table)}")  # noqa: S608
            highest = max(cursor.fetchone()[0] or 0, sequences.get(table, 0))
            if connection.vendor == "sqlite":
                cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
                if highest or table in sequences:
                    cursor.execute(
                        "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, highest]
                    )
            elif connection.vendor == "postgresql" and highest:
                sequence = _pk_sequence(connection, model)
                if sequence:
                    cursor.execute("SELECT setval(%s, %s, true)", [sequence, highest])
