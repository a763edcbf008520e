"""Pairing commands for coordinators: pair a cohort's pool, accept a run's proposal.

They act as a named coordinator (`--as USERNAME`), through the pairing app's actions; a refusal
prints one `twinning: error:` line and exits 2, changing nothing.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from twinning.cli.calls import CommandFailed, _coordinator, _handled


def register(subcommands: argparse._SubParsersAction) -> None:
    pair = subcommands.add_parser(
        "pair-cohort",
        help="run cohort pairing on a cohort's pool and print the proposal (nothing is formed)",
        description=(
            "Pair the cohort's pool (pins, forbidden pairs and existing pairs respected) and"
            " store the run; accept it with `twinning accept-pairing`."
        ),
    )
    pair.add_argument("programme", metavar="PROGRAMME_SLUG")
    pair.add_argument("year", type=int, metavar="YEAR")
    pair.add_argument(
        "--applicants",
        action="store_true",
        help="first pool the submitted applicants of the cohort's calls (tandems pinned)",
    )
    pair.add_argument(
        "--max-min", action="store_true", help="make the weakest pair as strong as possible"
    )
    pair.add_argument(
        "--as", dest="actor", metavar="USERNAME", required=True, help="the coordinator acting"
    )
    pair.add_argument("--json", action="store_true", help="print the run as JSON")
    pair.set_defaults(handler=_handled(run_pair_cohort))

    accept = subcommands.add_parser(
        "accept-pairing",
        help="accept a pairing run's proposal (or some of its pairs), giving the reasons",
    )
    accept.add_argument("programme", metavar="PROGRAMME_SLUG")
    accept.add_argument("year", type=int, metavar="YEAR")
    accept.add_argument("run", type=int, metavar="RUN", help="the run, as `pair-cohort` printed")
    accept.add_argument("--reason", required=True, help="why the committee accepts these pairs")
    accept.add_argument(
        "--pair",
        action="append",
        metavar="A:B",
        help="accept only this proposed pair (organisation ids; repeatable; default: all)",
    )
    accept.add_argument(
        "--as", dest="actor", metavar="USERNAME", required=True, help="the coordinator acting"
    )
    accept.add_argument("--json", action="store_true", help="print the formed pairs as JSON")
    accept.set_defaults(handler=_handled(run_accept_pairing))


def _cohort(slug: str, year: int) -> Any:
    from django.http import Http404

    from twinning.programmes.access import access_cohort

    try:
        return access_cohort(slug, year)
    except Http404 as missing:
        raise CommandFailed(f"no cohort {year} of programme {slug!r}") from missing


def _run_json(run: Any) -> dict[str, Any]:
    proposal = run.proposal
    return {
        "run": run.pk,
        "status": run.job.status,
        "error": run.job.error,
        "pairs": [
            {
                "a": pair.a,
                "b": pair.b,
                "a_name": proposal.names.get(str(pair.a), ""),
                "b_name": proposal.names.get(str(pair.b), ""),
                "score": pair.score,
                "fixed": pair.fixed,
                "reasons": pair.reasons_in("en"),
            }
            for pair in proposal.pairs
        ],
        "unmatched": list(proposal.unmatched),
        "blocking_pairs": proposal.blocking_pairs,
    }


def run_pair_cohort(args: argparse.Namespace) -> int:
    from twinning.pairing.actions import fill_pool, start_pairing_run
    from twinning.pairing.errors import PairingError

    user = _coordinator(args.actor)
    cohort = _cohort(args.programme, args.year)
    try:
        if args.applicants:
            fill_pool(cohort=cohort, source="applicants", actor=user)
        run = start_pairing_run(
            cohort=cohort, user=user, maximise_weakest=args.max_min, background=False
        )
    except PairingError as error:
        raise CommandFailed(str(error)) from error
    found = _run_json(run)
    if found["error"]:
        raise CommandFailed(f"pairing run {run.pk} failed: {found['error']}")
    if args.json:
        print(json.dumps(found, ensure_ascii=False))
        return 0
    print(f"run {run.pk}: {len(found['pairs'])} pairs, {len(found['unmatched'])} unmatched")
    for pair in found["pairs"]:
        pinned = " (pinned)" if pair["fixed"] else ""
        print(
            f"  {pair['a']}:{pair['b']}  {pair['score']:.3f}  {pair['a_name']} – {pair['b_name']}{pinned}"
        )
    return 0


def _pairs(values: list[str] | None) -> list[tuple[int, int]] | None:
    if values is None:
        return None
    chosen = []
    for value in values:
        first, _colon, second = value.partition(":")
        if not (first.isdigit() and second.isdigit()):
            raise CommandFailed(f"--pair {value!r}: write two organisation ids as A:B")
        chosen.append((int(first), int(second)))
    return chosen


def run_accept_pairing(args: argparse.Namespace) -> int:
    from twinning.pairing.actions import accept_pairing_run
    from twinning.pairing.errors import PairingError

    user = _coordinator(args.actor)
    cohort = _cohort(args.programme, args.year)
    run = cohort.pairing_runs.filter(pk=args.run).first()
    if run is None:
        raise CommandFailed(f"no pairing run {args.run} in cohort {cohort}")
    try:
        formed = accept_pairing_run(run=run, user=user, reason=args.reason, pairs=_pairs(args.pair))
    except PairingError as error:
        raise CommandFailed(str(error)) from error
    rows = [
        {"pair": pair.pk, "a": pair.organisation_a_id, "b": pair.organisation_b_id}
        for pair in formed
    ]
    if args.json:
        print(json.dumps({"run": run.pk, "formed": rows}))
    else:
        print(f"{len(rows)} pair(s) formed from run {run.pk}")
    return 0
