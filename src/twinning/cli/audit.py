"""`twinning audit`: recent changes of every record, readable, filtered by record, who and when.

The operator at the command line reads everything; `--as USERNAME` shows what that account
may read (coordinators everything, an organisation's staff its history, others nothing)."""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from typing import Any

from twinning.cli.calls import CommandFailed, _handled


def register(subcommands: argparse._SubParsersAction) -> None:
    audit = subcommands.add_parser(
        "audit",
        help="list recent audit log entries (who changed which record, and what)",
        description="List the newest audit log entries, optionally for one record, kind, actor or organisation.",
    )
    audit.add_argument(
        "--kind", default="", help="kind of record as app.model, e.g. directory.organisation"
    )
    audit.add_argument("--record", type=int, metavar="ID", help="only this record (with --kind)")
    audit.add_argument("--organisation", metavar="SLUG", help="only this organisation's history")
    audit.add_argument("--actor", default="", metavar="USERNAME", help="only changes by this user")
    audit.add_argument(
        "--since", type=datetime.date.fromisoformat, help="from this date (YYYY-MM-DD)"
    )
    audit.add_argument(
        "--until", type=datetime.date.fromisoformat, help="until this date (YYYY-MM-DD)"
    )
    audit.add_argument("--limit", type=int, default=20, help="how many entries (default 20)")
    audit.add_argument(
        "--as", dest="reader", metavar="USERNAME", help="show only what this account may read"
    )
    audit.add_argument("--json", action="store_true", help="print JSON instead of text")
    audit.set_defaults(handler=_handled(run_audit))


def _records(args: argparse.Namespace) -> Any:
    from django.contrib.auth import get_user_model

    from twinning.audit.access import may_read_some_history, records_visible_to
    from twinning.audit.models import AuditRecord

    records = AuditRecord.objects.all()
    if args.reader:
        reader = get_user_model().objects.filter(username=args.reader).first()
        if reader is None:
            raise CommandFailed(f"no account {args.reader!r}")
        if not may_read_some_history(reader):
            raise CommandFailed(f"{args.reader!r} may not read the audit log")
        records = records_visible_to(reader)
    return records


def run_audit(args: argparse.Namespace) -> int:
    from twinning.audit.display import readable
    from twinning.audit.queries import AuditFilter, AuditFilterError, filter_records

    if not 1 <= args.limit <= 1000:
        raise CommandFailed("--limit must be 1–1000")
    if args.record is not None and not args.kind:
        raise CommandFailed("--record needs --kind (e.g. --kind directory.organisation)")
    wanted = AuditFilter(
        kind=args.kind,
        record_id=args.record,
        actor=args.actor,
        since=args.since,
        until=args.until,
        organisation=args.organisation or "",
    )
    try:
        records = filter_records(_records(args), wanted)
    except AuditFilterError as error:
        raise CommandFailed(str(error)) from None
    lines = readable(records[: args.limit])
    if args.json:
        rows = [
            {
                "id": line.entry.pk,
                "created_at": line.entry.created_at.isoformat(),
                "actor": line.entry.actor.username if line.entry.actor else None,
                "verb": line.entry.verb,
                "record": line.name,
                "kind": line.kind,
                "record_id": line.entry.record_id,
                "channel": line.entry.channel,
                "changes": line.entry.changes,
            }
            for line in lines
        ]
        json.dump({"items": rows, "count": records.count()}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    if not lines:
        print("No change recorded.")
    for line in lines:
        print(f"{line.when}  {line.actor} {line.verb} · {line.kind}: {line.name}  [{line.channel}]")
        for change in line.changes:
            before = f"{change.old} → " if change.old != "—" else ""
            print(f"    {change.label}: {before}{change.new}")
    return 0
