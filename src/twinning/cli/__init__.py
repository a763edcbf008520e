"""The `twinning` command line.

Each sub-command lives in its own module with a `register(subcommands)` function that adds
its parser and sets `handler`. Commands that need the database call `setup_django()` first;
the pure ones (`extract`, `match`) never touch Django.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

COMMAND_MODULES = [
    "twinning.cli.server",
    "twinning.cli.data",
    "twinning.cli.backup",
    "twinning.cli.privacy",
    "twinning.cli.extract",
    "twinning.cli.match",
    "twinning.cli.ingest",
    "twinning.cli.search",
    "twinning.cli.calls",
    "twinning.cli.network",
    "twinning.cli.exchanges",
    "twinning.cli.pairing",
    "twinning.cli.audit",
]


def setup_django() -> None:
    """Configure Django and bring the schema up to date (a new SQLite file gets created)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="twinning",
        description="Run cross-border partnership programmes: directory, ingest, matching, calls.",
    )
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_name in COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        module.register(subcommands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from twinning.audit.channel import using_channel  # Django-free

    try:
        with using_channel("cli"):
            return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
