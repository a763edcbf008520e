"""Render the CLI reference (docs/cli.md) from the parsers' own --help texts.

`python -m twinning.cli.reference > docs/cli.md` regenerates it; a test fails when the
document and the code disagree.
"""

from __future__ import annotations

import argparse
import os

from twinning.cli import build_parser


def render() -> str:
    os.environ["COLUMNS"] = (
        "100"  # argparse wraps help to the terminal; fix it for a stable document
    )
    parser = build_parser()
    lines = [
        "# Command line reference",
        "",
        "Generated from `twinning --help` by `python -m twinning.cli.reference`; do not edit by hand.",
        "",
        "```",
        parser.format_help().rstrip(),
        "```",
    ]
    subparsers = next(
        action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
    )
    for name, subparser in subparsers.choices.items():
        lines += ["", f"## twinning {name}", "", "```", subparser.format_help().rstrip(), "```"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
