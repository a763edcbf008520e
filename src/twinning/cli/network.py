"""Network commands: tie free-text places to city records."""

from __future__ import annotations

import argparse
import json


def register(subcommands: argparse._SubParsersAction) -> None:
    place = subcommands.add_parser(
        "place",
        help="tie organisations, events and activities to the cities their place text names",
    )
    place.add_argument("--json", action="store_true", help="print the counts as JSON")
    place.set_defaults(handler=run_place)


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
