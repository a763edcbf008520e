"""Network commands: tie free-text places to city records; the public network as Popolo JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from decimal import Decimal
from typing import Any


def register(subcommands: argparse._SubParsersAction) -> None:
    place = subcommands.add_parser(
        "place",
        help="tie organisations, events and activities to the cities their place text names",
    )
    place.add_argument("--json", action="store_true", help="print the counts as JSON")
    place.set_defaults(handler=run_place)

    popolo = subcommands.add_parser(
        "export-popolo",
        help="export the public network (organisations, people, memberships, pairs, events) as Popolo JSON",
    )
    popolo.add_argument("--output", "-o", help="file to write (default: standard output)")
    popolo.set_defaults(handler=run_export_popolo)

    giving = subcommands.add_parser(
        "export-360giving",
        help="export the grants a programme awards (pair partners, placements' hosts) as 360Giving JSON",
    )
    giving.add_argument("programme", help="the programme's slug")
    giving.add_argument("--output", "-o", help="file to write (default: standard output)")
    giving.add_argument(
        "--public", action="store_true", help="only what a visitor sees (no placements)"
    )
    giving.set_defaults(handler=run_export_360giving)

    grants = subcommands.add_parser(
        "set-grants", help="set what a programme awards each pair partner and each placement"
    )
    grants.add_argument("programme", help="the programme's slug")
    grants.add_argument("--currency", required=True, help="ISO 4217 code, e.g. EUR")
    grants.add_argument("--per-partner", type=Decimal, help="grant to each partner of a pair")
    grants.add_argument("--per-placement", type=Decimal, help="grant for each placement")
    grants.set_defaults(handler=run_set_grants)


def run_place(args: argparse.Namespace) -> int:
    from twinning.cli import setup_django

    setup_django()
    from twinning.directory.actions import place_organisations
    from twinning.directory.models import City
    from twinning.programmes.city_actions import place_programme_records

    placed = {"organisations": place_organisations(), **place_programme_records()}
    placed["cities"] = City.objects.count()
    if args.json:
        print(json.dumps(placed))
    else:
        print(
            "Placed {organisations} organisations, {events} events and {activities} activities; "
            "{cities} cities in all.".format(**placed)
        )
    return 0


def _site() -> str:
    from django.conf import settings

    # TWINNING_SITE_URL is the address every exported link is built from (CONTRACTS §8).
    site = str(
        os.environ.get("TWINNING_SITE_URL")
        or getattr(settings, "TWINNING_SITE_URL", "http://127.0.0.1:8000")
    )
    return site.rstrip("/")


def _print_json(data: Any, output: str | None) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        print(text, end="")


def run_export_popolo(args: argparse.Namespace) -> int:
    from twinning.cli import setup_django

    setup_django()
    from twinning.programmes.popolo import popolo_network

    _print_json(popolo_network(None, base_url=_site()), args.output)
    return 0


class _Operator:
    """The operator at the command line: sees and may change everything, like a coordinator."""

    is_authenticated = True
    is_active = True
    is_staff = True


def _programme(slug: str) -> Any:
    from twinning.programmes.models import Programme

    programme = Programme.objects.filter(slug=slug).first()
    if programme is None:
        print(f"error: no programme {slug!r}", file=sys.stderr)
    return programme


def run_export_360giving(args: argparse.Namespace) -> int:
    from twinning.cli import setup_django

    setup_django()
    from twinning.exchange.giving import programme_grants

    programme = _programme(args.programme)
    if programme is None:
        return 2
    viewer = None if args.public else _Operator()
    _print_json(programme_grants(viewer, programme, base_url=_site()), args.output)
    return 0


def run_set_grants(args: argparse.Namespace) -> int:
    from twinning.cli import setup_django

    setup_django()
    from twinning.programmes.actions import ProgrammeError, set_programme_grants

    programme = _programme(args.programme)
    if programme is None:
        return 2
    try:
        set_programme_grants(
            actor=_Operator(),
            programme=programme,
            currency=args.currency,
            per_partner=args.per_partner,
            per_placement=args.per_placement,
        )
    except ProgrammeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"Grants of {programme.slug} set.")
    return 0
