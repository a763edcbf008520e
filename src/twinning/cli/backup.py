"""`twinning backup FILE` and `twinning restore FILE` (CONTRACTS §7)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from twinning.cli import setup_django


def register(subcommands: argparse._SubParsersAction) -> None:
    backup = subcommands.add_parser(
        "backup",
        help="write everything (every table, users and audit included, and the stored files) to FILE",
    )
    backup.add_argument("file", type=Path, help="the backup file to write (a zip archive)")
    backup.set_defaults(handler=run_backup)

    restore = subcommands.add_parser(
        "restore",
        help="rebuild a backup into the empty database named by TWINNING_DATABASE_URL",
    )
    restore.add_argument("file", type=Path, help="a file written by `twinning backup`")
    restore.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    setup_django()
    from twinning.backup.archive import BackupRefused
    from twinning.backup.dump import write_backup

    try:
        manifest = write_backup(args.file)
    except (BackupRefused, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    rows = sum(table.rows for table in manifest.tables)
    print(
        f"Backed up {rows} rows in {len(manifest.tables)} tables and "
        f"{len(manifest.files)} stored files to {args.file}."
    )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from twinning.backup.archive import Archive, BackupRefused

    try:  # a damaged file is refused before any database is created or touched
        Archive(args.file).close()
    except BackupRefused as error:
        print(f"error: {error}; nothing was restored.", file=sys.stderr)
        return 2
    setup_django()
    from twinning.backup.restore import restore_backup

    try:
        manifest = restore_backup(args.file)
    except (BackupRefused, OSError) as error:
        print(f"error: {error}; nothing was restored.", file=sys.stderr)
        return 2
    rows = sum(table.rows for table in manifest.tables)
    print(
        f"Restored {rows} rows in {len(manifest.tables)} tables and "
        f"{len(manifest.files)} stored files from {args.file}."
    )
    return 0
