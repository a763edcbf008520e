"""Coordinator commands: accounts, data import and export."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from twinning.cli import setup_django
from twinning.exchange.names import KIND_NAMES


def register(subcommands: argparse._SubParsersAction) -> None:
    migrate = subcommands.add_parser("migrate", help="create or update the database schema")
    migrate.set_defaults(handler=run_migrate)

    coordinator = subcommands.add_parser(
        "create-coordinator", help="create a coordinator account (staff, may use the admin)"
    )
    coordinator.add_argument("username")
    coordinator.add_argument("--email", required=True)
    coordinator.add_argument(
        "--password", help="the password (default: $TWINNING_PASSWORD, else asked)"
    )
    coordinator.set_defaults(handler=run_create_coordinator)

    export = subcommands.add_parser(
        "export",
        help="export the public data: everything as JSON, or the organisations as CSV or XLSX",
    )
    export.add_argument(
        "--format",
        choices=["csv", "json", "xlsx"],
        default="json",
        help="json: organisations, identifiers, people, positions, affiliations, programmes, "
        "cohorts, pairs, activities, events, visits and documents' metadata (default); "
        "csv/xlsx: the organisations",
    )
    export.add_argument(
        "--kind",
        choices=KIND_NAMES,
        help="one kind of record as a table (csv, xlsx) or a one-section exchange file (json), "
        "which import reads back; default: everything (json) or the organisations (csv/xlsx)",
    )
    export.add_argument(
        "--public",
        action="store_true",
        help="only what a visitor sees: published records, people who consented, public roles",
    )
    export.add_argument(
        "--output", "-o", help="file to write (default: standard output; required for xlsx)"
    )
    export.set_defaults(handler=run_export)

    load = subcommands.add_parser(
        "import",
        help="create or update records from an export (JSON, or organisations as CSV/XLSX), "
        "matched by natural key; all or nothing",
    )
    load.add_argument("file", type=Path)
    load.add_argument(
        "--dry-run",
        action="store_true",
        help="show what would be created, updated or left unchanged, and write nothing",
    )
    load.set_defaults(handler=run_import)

    demo_data = subcommands.add_parser(
        "load-demo", help="load the demo data set into the database (idempotent)"
    )
    demo_data.set_defaults(handler=run_load_demo)


def run_migrate(args: argparse.Namespace) -> int:
    setup_django()
    print("The database schema is up to date.")
    return 0


def run_create_coordinator(args: argparse.Namespace) -> int:
    setup_django()
    from twinning.accounts.actions import AccountError, create_coordinator

    password = args.password or os.environ.get("TWINNING_PASSWORD") or getpass.getpass("Password: ")
    try:
        user = create_coordinator(username=args.username, email=args.email, password=password)
    except AccountError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"Created coordinator {user.username}.")
    return 0


def run_export(args: argparse.Namespace) -> int:
    setup_django()
    if args.kind:
        return _export_kind(args)
    from twinning.directory.exchange import (
        ORGANISATION_COLUMNS,
        all_organisation_rows,
        stream_csv,
        write_xlsx,
    )
    from twinning.exchange.export import stream_exchange

    if args.format == "xlsx":
        if not args.output:
            print("error: --output is required for xlsx", file=sys.stderr)
            return 2
        write_xlsx(all_organisation_rows(public=args.public), ORGANISATION_COLUMNS, args.output)
        return 0
    chunks = (
        stream_csv(all_organisation_rows(public=args.public), ORGANISATION_COLUMNS)
        if args.format == "csv"
        else stream_exchange(everything=not args.public)
    )
    _write(chunks, args.output)
    return 0


def _export_kind(args: argparse.Namespace) -> int:
    from twinning.exchange.export import records, stream_exchange
    from twinning.exchange.kinds import BY_NAME
    from twinning.exchange.public import public_fields
    from twinning.exchange.tables import stream_table_csv, write_table_xlsx

    kind = BY_NAME[args.kind]
    everything = not args.public
    if args.format == "xlsx":
        if not args.output:
            print("error: --output is required for xlsx", file=sys.stderr)
            return 2
        columns = public_fields(kind, everything=everything)
        write_table_xlsx(kind, records(kind, everything=everything), columns, args.output)
        return 0
    if args.format == "csv":
        columns = public_fields(kind, everything=everything)
        chunks = stream_table_csv(kind, records(kind, everything=everything), columns)
    else:
        chunks = stream_exchange(everything=everything, kinds=[kind])
    _write(chunks, args.output)
    return 0


def _write(chunks: Iterable[str], output: str | None) -> None:
    target = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115 - closed below
    try:
        for chunk in chunks:
            target.write(chunk)
    finally:
        if output:
            target.close()


def run_import(args: argparse.Namespace) -> int:
    setup_django()
    from twinning.audit.channel import using_channel
    from twinning.directory.exchange import ImportRefused, read_exchange
    from twinning.exchange.load import import_exchange
    from twinning.exchange.records import ExchangeRefused

    try:
        data, first_row = read_exchange(args.file)
        with using_channel("import"):
            report = import_exchange(
                data, source_name=args.file.name, dry_run=args.dry_run, first_row=first_row
            )
    except (ImportRefused, ExchangeRefused) as error:
        print(f"error: {args.file}: {error} Nothing was imported.", file=sys.stderr)
        return 2
    for kind, counts in report.items():
        print(
            f"{kind}: {counts['created']} created, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged"
        )
    if args.dry_run:
        print(f"Dry run of {args.file}: nothing was written.")
    else:
        print(f"Imported {args.file}.")
    return 0


def run_load_demo(args: argparse.Namespace) -> int:
    setup_django()
    from twinning.demo.load import load_demo

    counts = load_demo()
    print("Demo data: " + ", ".join(f"{value} {key}" for key, value in counts.items()))
    return 0
