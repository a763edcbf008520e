"""Network commands: tie free-text places to city records; the public network as Popolo JSON."""

from __future__ import annotations

import argparse
import json
import os


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


def run_export_popolo(args: argparse.Namespace) -> int:
    from twinning.cli import setup_django

    setup_django()
    from django.conf import settings

    from twinning.programmes.popolo import popolo_network

    # TWINNING_SITE_URL is the address every exported link is built from (CONTRACTS §8).
    site = str(
        os.environ.get("TWINNING_SITE_URL")
        or getattr(settings, "TWINNING_SITE_URL", "http://127.0.0.1:8000")
    )
    data = popolo_network(None, base_url=site.rstrip("/"))
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        print(text, end="")
    return 0
