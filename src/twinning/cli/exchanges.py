"""Exchange commands for coordinators: list placements, move one on, ask a cohort's pairs for reports.

Commands that change something act as a named account (`--as USERNAME`), recorded in the log.
Refusals print one `twinning: error:` line (and one line per reason) and exit 2, changing nothing.
"""

from __future__ import annotations

import argparse
import datetime
import json
from typing import Any

from twinning.cli.calls import CommandFailed, _coordinator, _handled

STEPS = ("confirm", "start", "complete", "cancel")


def register(subcommands: argparse._SubParsersAction) -> None:
    listing = subcommands.add_parser(
        "placements", help="list placements with their fellow, host, dates and status"
    )
    listing.add_argument("--programme", metavar="SLUG", help="only this programme's placements")
    listing.add_argument("--year", type=int, help="only the cohort of this year")
    listing.add_argument("--status", help="only placements in this status (e.g. under_way)")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=_handled(run_placements))

    step = subcommands.add_parser(
        "placement-step",
        help="move a placement on: confirm, start, complete or cancel",
        description="Move a placement to its next state; start and complete take --on (default today), cancel needs --reason.",
    )
    step.add_argument(
        "placement",
        type=int,
        metavar="ID",
        help="the placement, as listed by `twinning placements`",
    )
    step.add_argument("step", choices=STEPS, help="what happened")
    step.add_argument(
        "--on", type=datetime.date.fromisoformat, help="the date it happened (YYYY-MM-DD)"
    )
    step.add_argument("--reason", default="", help="why it is cancelled")
    step.add_argument(
        "--as", dest="actor", metavar="USERNAME", required=True, help="the coordinator acting"
    )
    step.set_defaults(handler=_handled(run_placement_step))

    reports = subcommands.add_parser(
        "request-reports",
        help="ask every active pair of a cohort for a report due on a date",
        description="Ask every active pair of the cohort for a report; a pair already asked for a report of the same title is skipped.",
    )
    reports.add_argument("programme", metavar="PROGRAMME_SLUG")
    reports.add_argument("year", type=int, metavar="YEAR")
    reports.add_argument("--title", required=True, help="the report's title, e.g. 'Final report'")
    reports.add_argument(
        "--due", required=True, type=datetime.date.fromisoformat, help="due date (YYYY-MM-DD)"
    )
    reports.add_argument(
        "--as", dest="actor", metavar="USERNAME", required=True, help="the coordinator acting"
    )
    reports.set_defaults(handler=_handled(run_request_reports))
    _register_messages(subcommands)


def _register_messages(subcommands: argparse._SubParsersAction) -> None:
    sending = subcommands.add_parser(
        "send-message",
        help="e-mail a cohort's pairs, fellows or reviewers, each in their own language",
        description=(
            "Send one message to everyone in the audience. FILE.json holds subject_en, body_en, "
            "subject_zh and body_zh; placeholders {name} {organisation} {partner} {cohort} {url}."
        ),
    )
    sending.add_argument("programme", metavar="PROGRAMME_SLUG")
    sending.add_argument("year", type=int, metavar="YEAR")
    sending.add_argument("file", metavar="FILE.json", help="the message in English and Chinese")
    sending.add_argument(
        "--to", dest="audience", choices=("pairs", "fellows", "reviewers"), required=True
    )
    sending.add_argument(
        "--as", dest="actor", metavar="USERNAME", required=True, help="the coordinator sending"
    )
    sending.set_defaults(handler=_handled(run_send_message))


def run_send_message(args: argparse.Namespace) -> int:
    from twinning.exchanges import actions
    from twinning.programmes.models import Cohort

    actor = _coordinator(args.actor)
    cohort = Cohort.objects.filter(programme__slug=args.programme, year=args.year).first()
    if cohort is None:
        raise CommandFailed(f"no cohort {args.programme} {args.year}")
    try:
        with open(args.file, encoding="utf-8") as handle:
            texts = json.load(handle)
    except (OSError, ValueError) as error:
        raise CommandFailed(f"{args.file}: {error}") from None
    fields = ("subject_en", "body_en", "subject_zh", "body_zh")
    if not isinstance(texts, dict) or not all(isinstance(texts.get(f), str) for f in fields):
        raise CommandFailed(f"{args.file}: give {', '.join(fields)} as strings")
    try:
        message = actions.send_bulk_message(
            cohort=cohort,
            audience=args.audience,
            actor=actor,
            **{f: texts[f] for f in fields},
        )
    except actions.ExchangeError as error:
        raise CommandFailed(*error.reasons) from None
    print(f"Sent to {len(message.recipients)} people.")
    return 0


def run_placements(args: argparse.Namespace) -> int:
    from twinning.exchanges.models import Placement

    placements = Placement.objects.select_related(
        "fellow", "home", "host", "pair__cohort__programme"
    )
    if args.programme:
        placements = placements.filter(pair__cohort__programme__slug=args.programme)
    if args.year:
        placements = placements.filter(pair__cohort__year=args.year)
    if args.status:
        placements = placements.filter(status=args.status)
    rows: list[dict[str, Any]] = [
        {
            "id": p.pk,
            "fellow": p.fellow.username,
            "home": p.home.slug,
            "host": p.host.slug,
            "start": p.start.isoformat(),
            "end": p.end.isoformat(),
            "status": p.status,
        }
        for p in placements.order_by("planned_start", "pk")
    ]
    if args.json:
        print(json.dumps({"placements": rows}, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        print(
            f"{row['id']:>5}  {row['start']} – {row['end']}  {row['status']:<10} {row['fellow']} ({row['home']}) → {row['host']}"
        )
    if not rows:
        print("No placements.")
    return 0


def run_placement_step(args: argparse.Namespace) -> int:
    from twinning.exchanges import actions
    from twinning.exchanges.models import Placement

    actor = _coordinator(args.actor)
    placement = Placement.objects.filter(pk=args.placement).first()
    if placement is None:
        raise CommandFailed(f"no placement {args.placement}; `twinning placements` lists them")
    try:
        if args.step == "confirm":
            placement = actions.confirm_placement(placement=placement, actor=actor)
        elif args.step == "start":
            placement = actions.start_placement(placement=placement, actor=actor, on=args.on)
        elif args.step == "complete":
            placement = actions.complete_placement(placement=placement, actor=actor, on=args.on)
        else:
            placement = actions.cancel_placement(
                placement=placement, reason=args.reason, actor=actor
            )
    except actions.ExchangeError as error:
        raise CommandFailed(*error.reasons) from None
    print(f"Placement {placement.pk} is {placement.status}.")
    return 0


def run_request_reports(args: argparse.Namespace) -> int:
    from django.db import transaction

    from twinning.exchanges import actions
    from twinning.exchanges.models import PairReport
    from twinning.programmes.enums import PairStatus
    from twinning.programmes.models import Pair

    actor = _coordinator(args.actor)
    pairs = Pair.objects.filter(
        cohort__programme__slug=args.programme, cohort__year=args.year, status=PairStatus.ACTIVE
    ).select_related("organisation_a", "organisation_b")
    if not pairs.exists():
        raise CommandFailed(f"no active pair in {args.programme} {args.year}")
    asked = 0
    try:
        with transaction.atomic():
            for pair in pairs:
                if PairReport.objects.filter(pair=pair, title=args.title).exists():
                    continue
                actions.request_report(pair=pair, title=args.title, due_on=args.due, actor=actor)
                asked += 1
    except actions.ExchangeError as error:
        raise CommandFailed(*error.reasons) from None
    print(f"Asked {asked} pair(s) for “{args.title}”, due {args.due.isoformat()}.")
    return 0
