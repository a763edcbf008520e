"""The engine-specific full-text index beside `library_searchchunk`, created by a migration.

SQLite gets an FTS5 table kept in step by triggers; PostgreSQL gets a generated tsvector column
('simple' config over the jieba-segmented words) with a GIN index, and a pgvector column when
the extension can be had.
"""

from __future__ import annotations

from typing import Any

FTS_TABLE = "library_searchchunk_fts"

SQLITE_CREATE = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(segmented, content='library_searchchunk', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER library_searchchunk_fts_insert AFTER INSERT ON library_searchchunk BEGIN INSERT INTO {FTS_TABLE}(rowid, segmented) VALUES (new.id, new.segmented); END",
    f"CREATE TRIGGER library_searchchunk_fts_delete AFTER DELETE ON library_searchchunk BEGIN INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, segmented) VALUES ('delete', old.id, old.segmented); END",
    f"CREATE TRIGGER library_searchchunk_fts_update AFTER UPDATE OF segmented ON library_searchchunk BEGIN INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, segmented) VALUES ('delete', old.id, old.segmented); INSERT INTO {FTS_TABLE}(rowid, segmented) VALUES (new.id, new.segmented); END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS library_searchchunk_fts_insert",
    "DROP TRIGGER IF EXISTS library_searchchunk_fts_delete",
    "DROP TRIGGER IF EXISTS library_searchchunk_fts_update",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
POSTGRES_CREATE = [
    "ALTER TABLE library_searchchunk ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, segmented)) STORED",
    "CREATE INDEX library_searchchunk_search_vector ON library_searchchunk USING GIN (search_vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS library_searchchunk_search_vector",
    "ALTER TABLE library_searchchunk DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE library_searchchunk DROP COLUMN IF EXISTS embedding_vector",
]


def _pgvector_available(cursor: Any) -> bool:
    cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'vector'")
    if cursor.fetchone():
        return True
    cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")
    if not cursor.fetchone():
        return False
    try:
        cursor.execute("SAVEPOINT twinning_pgvector")
        cursor.execute("CREATE EXTENSION IF NOT EXISTS vector")
        cursor.execute("RELEASE SAVEPOINT twinning_pgvector")
        return True
    except Exception:  # no privilege to create it: vectors stay in the bytea column
        cursor.execute("ROLLBACK TO SAVEPOINT twinning_pgvector")
        return False


def create_text_index(apps: Any, schema_editor: Any) -> None:
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for statement in SQLITE_CREATE:
                cursor.execute(statement)
        elif connection.vendor == "postgresql":
            for statement in POSTGRES_CREATE:
                cursor.execute(statement)
            if _pgvector_available(cursor):
                # Untyped `vector`: the dimension follows the embedder in use.
                cursor.execute("ALTER TABLE library_searchchunk ADD COLUMN embedding_vector vector")


def restore_sqlite_triggers(apps: Any, schema_editor: Any) -> None:
    """After a migration rebuilt the chunk table (SQLite drops its triggers): triggers back, FTS rebuilt."""
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        for statement in SQLITE_DROP[:3] + SQLITE_CREATE[1:]:
            cursor.execute(statement)
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def drop_text_index(apps: Any, schema_editor: Any) -> None:
    connection = schema_editor.connection
    statements = (
        SQLITE_DROP
        if connection.vendor == "sqlite"
        else POSTGRES_DROP
        if connection.vendor == "postgresql"
        else []
    )
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
