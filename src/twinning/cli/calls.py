"""Calls commands for coordinators: list, open, assign reviewers, apply decisions, export, remind.

Commands that change something act as a named coordinator account (`--as USERNAME`, a staff
account), so the audit log records who. Errors print one `twinning: error:` line and exit 2.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import sys
from collections.abc import Callable, Iterator
from typing import IO, Any

from twinning.cli import setup_django
from twinning.cli.call_file import read_call_file
from twinning.cli.errors import CommandFailed

EXPORT_COLUMNS = ["organisation", "kind", "side", "status", "partner", "weighted_score"]


def register(subcommands: argparse._SubParsersAction) -> None:
    listing = subcommands.add_parser("calls", help="list calls with their status, dates and counts")
    listing.set_defaults(handler=_handled(run_calls))

    opening = subcommands.add_parser(
        "open-call",
        help="open a call described in a JSON file (the fields of POST /api/calls)",
        description=(
            "Open a call from a JSON object with the fields of POST /api/calls: programme (slug), title, "
            "opens_on, deadline, decision_on, side_a_areas, side_b_areas, and optionally side_a_label, "
            "side_b_label, organisation_types, min_years_registered, requires_permanent_staff, "
            "same_country_is_conflict, questions, criteria ([name, weight(, max score)]), "
            "windows ([a_to_b|b_to_a, start, end]); also title_zh, description, description_zh, "
            "reviews_per_application, cohort_year and publish (default true). Nothing is created on error."
        ),
    )
    opening.add_argument("file", metavar="FILE.json", help="the call, one JSON object")
    opening.add_argument(
        "--as",
        dest="actor",
        metavar="USERNAME",
        required=True,
        help="the coordinator opening it (recorded in the audit log)",
    )
    opening.set_defaults(handler=_handled(run_open_call))

    assigning = subcommands.add_parser(
        "assign-reviewers",
        help="show reviewer assignments and conflicts; --auto assigns with balanced loads",
        description=(
            "Without --auto, list the call's assignments and the conflicts of interest that refuse one. "
            "With --auto, give every submitted application its reviewers, least-loaded first, never conflicted."
        ),
    )
    assigning.add_argument(
        "call", metavar="CALL_SLUG", help="the call, as listed by `twinning calls`"
    )
    assigning.add_argument("--auto", action="store_true", help="assign automatically (needs --as)")
    assigning.add_argument(
        "--as", dest="actor", metavar="USERNAME", help="the coordinator account acting"
    )
    assigning.set_defaults(handler=_handled(run_assign_reviewers))

    applying = subcommands.add_parser(
        "apply-decisions",
        help="apply the committee's pending decisions in one batch (after the deadline)",
        description="Apply every pending decision at once: statuses, pairs, e-mails; the call becomes decided. Refuses with every reason.",
    )
    applying.add_argument(
        "call", metavar="CALL_SLUG", help="the call, as listed by `twinning calls`"
    )
    applying.add_argument(
        "--as",
        dest="actor",
        metavar="USERNAME",
        required=True,
        help="the coordinator account acting",
    )
    applying.set_defaults(handler=_handled(run_apply_decisions))

    exporting = subcommands.add_parser(
        "export-applications",
        help="write a call's applications as CSV or JSON rows",
        description="Stream one row per application: " + ", ".join(EXPORT_COLUMNS) + ".",
    )
    exporting.add_argument(
        "call", metavar="CALL_SLUG", help="the call, as listed by `twinning calls`"
    )
    exporting.add_argument(
        "--format", choices=["csv", "json"], default="csv", help="csv (default) or a JSON array"
    )
    exporting.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    exporting.set_defaults(handler=_handled(run_export_applications))

    reminders = subcommands.add_parser(
        "send-reminders",
        help="e-mail reminders of due dates: call deadlines to draft applicants, reports and placements to pairs (each once)",
    )
    reminders.add_argument(
        "--now", help="pretend the time is this ISO date-time (for testing a schedule)"
    )
    reminders.set_defaults(handler=run_send_reminders)


def _handled(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        setup_django()
        try:
            return handler(args)
        except CommandFailed as failure:
            first, *rest = failure.lines
            print(f"twinning: error: {first}", file=sys.stderr)
            for line in rest:
                print(f"  - {line}", file=sys.stderr)
            return 2

    return run


def _coordinator(username: str | None) -> Any:
    """The staff account named by --as; the CLI's actions are recorded under it."""
    from django.contrib.auth import get_user_model

    from twinning.directory.access import is_coordinator

    if not username:
        raise CommandFailed("name the coordinator account acting with --as USERNAME")
    user = get_user_model().objects.filter(username=username).first()
    if not is_coordinator(user):
        raise CommandFailed(f"{username!r} is not an active coordinator (staff) account")
    return user


def _call(slug: str, user: Any = None) -> Any:
    """The call to read (any call: the CLI runs on the server) or, with a coordinator, to manage."""
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    from twinning.calls.access import access_call_to_coordinate
    from twinning.calls.models import Call

    try:
        if user is not None:
            return access_call_to_coordinate(user, slug)
        return Call.objects.select_related("programme", "cohort").get(slug=slug)
    except (Call.DoesNotExist, Http404):
        raise CommandFailed(f"no call {slug!r}; `twinning calls` lists them") from None
    except PermissionDenied as error:
        raise CommandFailed(str(error)) from None


def run_calls(args: argparse.Namespace) -> int:
    from django.db.models import Count, Q
    from django.utils import timezone

    from twinning.calls.enums import ApplicationStatus
    from twinning.calls.models import Call

    calls = Call.objects.annotate(
        applications_count=Count("applications", distinct=True),
        submitted_count=Count(
            "applications",
            filter=~Q(
                applications__status__in=[ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN]
            ),
            distinct=True,
        ),
        reviews_count=Count("applications__reviews", distinct=True),
        reviews_done=Count(
            "applications__reviews",
            filter=Q(applications__reviews__submitted_at__isnull=False),
            distinct=True,
        ),
        decisions_count=Count("applications__decision", distinct=True),
    ).order_by("-deadline", "slug")
    rows = [
        (
            "CALL",
            "STATUS",
            "OPENS",
            "DEADLINE",
            "DECISION",
            "APPLICATIONS",
            "SUBMITTED",
            "REVIEWS DONE",
            "DECISIONS",
        )
    ]
    for call in calls:
        rows.append(
            (
                call.slug,
                call.status,
                call.opens_on.isoformat(),
                timezone.localtime(call.deadline).strftime("%Y-%m-%d %H:%M %Z"),
                call.decision_on.isoformat(),
                str(call.applications_count),
                str(call.submitted_count),
                f"{call.reviews_done}/{call.reviews_count}",
                str(call.decisions_count),
            )
        )
    if len(rows) == 1:
        print("No call yet.")
        return 0
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for row in rows:
        print(
            "  ".join(value.ljust(width) for value, width in zip(row, widths, strict=True)).rstrip()
        )
    return 0


def run_open_call(args: argparse.Namespace) -> int:
    from twinning.calls import actions
    from twinning.programmes.models import Programme

    fields = read_call_file(args.file)
    slug = fields.pop("programme")
    programme = Programme.objects.filter(slug=slug).first()
    if programme is None:
        raise CommandFailed(f"no programme {slug!r}")
    actor = _coordinator(args.actor)
    try:
        call = actions.open_call(programme=programme, actor=actor, **fields)
    except actions.CallError as error:
        raise CommandFailed(str(error)) from None
    print(
        f"Opened {call.slug} ({call.status}) in the {call.programme.name} cohort {call.cohort.year}: "
        f"{call.questions.count()} question(s), {call.criteria.count()} criterion/criteria, {call.windows.count()} exchange window(s)."
    )
    return 0


def run_assign_reviewers(args: argparse.Namespace) -> int:
    from twinning.calls import actions
    from twinning.calls.conflicts import refused_assignments
    from twinning.calls.models import Review

    if args.auto:
        actor = _coordinator(args.actor)
        call = _call(args.call, actor)
        try:
            reviews = actions.assign_reviewers_automatically(call=call, actor=actor)
        except actions.CallError as error:
            raise CommandFailed(str(error)) from None
        print(f"Assigned {len(reviews)} review(s) as {actor.username}:")
    else:
        call = _call(args.call, _coordinator(args.actor) if args.actor else None)
        reviews = list(
            Review.objects.filter(application__call=call).select_related(
                "reviewer", "application__organisation", "application__partner"
            )
        )
        print(f"{len(reviews)} review(s) assigned (add --auto to assign more):")
    for review in sorted(
        reviews, key=lambda r: (r.application.organisation.name, r.reviewer.username)
    ):
        print(f"  {review.reviewer.username} -> {_applicants(review.application)}")
    refused = refused_assignments(call)
    print(f"Refused for a conflict of interest: {len(refused)}")
    for application, reviewer, reasons in refused:
        print(f"  {reviewer.username} x {_applicants(application)}: {' '.join(reasons)}")
    return 0


def _applicants(application: Any) -> str:
    if application.partner_id:
        return f"{application.organisation.name} + {application.partner.name}"
    return application.organisation.name


def run_apply_decisions(args: argparse.Namespace) -> int:
    from twinning.calls import actions

    actor = _coordinator(args.actor)
    call = _call(args.call, actor)
    try:
        decisions = actions.apply_decisions(call=call, actor=actor)
    except actions.CallError as error:
        raise CommandFailed(
            f"the decisions on {call.slug} were not applied:", *error.reasons
        ) from None
    print(
        f"Applied {len(decisions)} decision(s) on {call.slug} as {actor.username}; the call is decided."
    )
    for decision in decisions:
        pair = f" -> pair {decision.pair_id}" if decision.pair_id else ""
        print(f"  {decision.outcome}: {_applicants(decision.application)}{pair}")
    return 0


def run_export_applications(args: argparse.Namespace) -> int:
    call = _call(args.call)
    rows = export_rows(call)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as output:
            count = _write(rows, output, args.format)
        print(f"Wrote {count} application(s) to {args.output}.", file=sys.stderr)
    else:
        _write(rows, sys.stdout, args.format)
    return 0


def export_rows(call: Any) -> Iterator[dict[str, Any]]:
    """One dict per application, read in chunks; the score is the ranking's (None before reviews)."""
    from twinning.calls.ranking import scores_by_application

    scores = scores_by_application(call)
    applications = call.applications.select_related(
        "organisation", "partner", "decision__paired_with__organisation"
    ).order_by("side", "organisation__name")
    for application in applications.iterator(chunk_size=500):
        decision = getattr(application, "decision", None)
        if application.partner_id:
            partner = application.partner.name
        elif decision is not None and decision.paired_with_id:
            partner = decision.paired_with.organisation.name
        else:
            partner = ""
        yield {
            "organisation": application.organisation.name,
            "kind": application.kind,
            "side": call.side_label(application.side),
            "status": application.status,
            "partner": partner,
            "weighted_score": scores.get(application.pk),
        }


def _write(rows: Iterator[dict[str, Any]], output: IO[str], output_format: str) -> int:
    from twinning.common.spreadsheets import guard_row

    count = 0
    if output_format == "csv":
        writer = csv.DictWriter(output, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(guard_row(row))
            count += 1
        return count
    output.write("[")
    for row in rows:
        output.write(("," if count else "") + "\n" + json.dumps(row, ensure_ascii=False))
        count += 1
    output.write("\n]\n")
    return count


def run_send_reminders(args: argparse.Namespace) -> int:
    setup_django()
    from django.utils import timezone

    from twinning.calls.actions import send_deadline_reminders

    now = None
    if args.now:
        now = datetime.datetime.fromisoformat(args.now)
        if timezone.is_naive(now):
            now = timezone.make_aware(now, datetime.UTC)
    from twinning.exchanges.reminders import send_exchange_reminders

    sent = send_deadline_reminders(now=now) + send_exchange_reminders(now=now)
    print(f"Sent {sent} reminder(s).")
    return 0
