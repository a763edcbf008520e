"""`twinning extract FILE... [--json]` and `twinning eval-extract GOLD.json FILE...`.

Pure: reads files, prints records or scores, touches no database and never imports Django.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from twinning.extract import DEFAULT_MAX_BYTES, ExtractError, ExtractionResult, extract_paths
from twinning.extract.org_tagger import OrganisationTaggerError
from twinning.extract.relation_model import RelationModelError


def register(subcommands: Any) -> None:
    parser = subcommands.add_parser(
        "extract",
        help="extract organisations, partnerships, events and people from documents",
        description="Read text, HTML, PDF, CSV or XLSX files (folders expand; '-' is standard input) and print the records found.",
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="documents to read; '-' for standard input"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object (CONTRACTS §2)")
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help="largest file accepted (default: 50 MB)",
    )
    parser.set_defaults(handler=run_extract)

    evaluation = subcommands.add_parser(
        "eval-extract",
        help="score extraction against a gold file (precision, recall, F1 per field)",
        description="Compare the records extracted from FILES with GOLD.json, which maps each file's basename to its expected records.",
    )
    evaluation.add_argument("gold", metavar="GOLD.json")
    evaluation.add_argument("files", nargs="+", metavar="FILE")
    evaluation.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluation.set_defaults(handler=run_evaluation)


def quiet_on_closed_pipe(handler: Callable[[argparse.Namespace], int]) -> Callable[..., int]:
    """A reader that stops early (`twinning extract … | head`) ends the command quietly: no
    traceback, exit status 0, and standard output pointed at /dev/null so that Python's own
    flush at exit does not complain again."""

    @functools.wraps(handler)
    def wrapper(args: argparse.Namespace) -> int:
        try:
            status = handler(args)
            sys.stdout.flush()
            return status
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
            return 0

    return wrapper


@quiet_on_closed_pipe
def run_extract(args: argparse.Namespace) -> int:
    try:
        result = extract_paths(args.files, max_bytes=args.max_bytes)
    except (ExtractError, OrganisationTaggerError, RelationModelError) as error:
        print(f"twinning extract: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print_tables(result)
    return 0


def print_tables(result: ExtractionResult) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()

    def closed_pipe() -> None:
        raise BrokenPipeError  # handled by quiet_on_closed_pipe, as for --json

    console.on_broken_pipe = closed_pipe  # type: ignore[method-assign]
    sections: list[tuple[str, list[str], list[list[str]]]] = [
        (
            "Organisations",
            ["Name", "Acronym", "Country", "City", "Founded", "Type", "Topics"],
            [
                [
                    o.name,
                    o.acronym or "",
                    o.country or "",
                    o.city or "",
                    str(o.founded or ""),
                    o.type or "",
                    ", ".join(o.topics),
                ]
                for o in result.organisations
            ],
        ),
        (
            "Partnerships",
            ["A", "B", "Kind", "Year", "Topics"],
            [
                [p.a, p.b, p.kind, str(p.year or ""), ", ".join(p.topics)]
                for p in result.partnerships
            ],
        ),
        (
            "Events",
            ["Name", "Start", "Place", "Organisers"],
            [
                [e.name, e.start or "", e.place or "", ", ".join(e.organisers)]
                for e in result.events
            ],
        ),
        (
            "People",
            ["Name", "Role", "Organisation"],
            [[p.name, p.role or "", p.organisation or ""] for p in result.people],
        ),
    ]
    for title, columns, rows in sections:
        table = Table(title=f"{title} ({len(rows)})", show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*row)
        console.print(table)


def _evaluation() -> Any:
    """The `evaluation` package, which lives in the repository beside src/ (not installed)."""
    try:
        import evaluation.scoring as scoring
    except ImportError:
        root = Path(__file__).resolve().parents[3]
        if not (root / "evaluation").is_dir():
            raise
        sys.path.insert(0, str(root))
        import evaluation.scoring as scoring
    return scoring


def _score_json(score: Any) -> dict[str, Any]:
    return {
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.f1, 4),
        "true_positives": score.true_positives,
        "predicted": score.predicted,
        "expected": score.expected,
    }


@quiet_on_closed_pipe
def run_evaluation(args: argparse.Namespace) -> int:
    try:
        scoring = _evaluation()
    except ImportError:
        print(
            "twinning eval-extract: needs the evaluation package of a repository clone",
            file=sys.stderr,
        )
        return 2
    try:
        runs = scoring.evaluate_runs(args.gold, args.files)
    except (ExtractError, OrganisationTaggerError, RelationModelError) as error:
        print(f"twinning eval-extract: {error}", file=sys.stderr)
        return 2
    except KeyError as error:
        print(f"twinning eval-extract: {error.args[0]} is not in the gold file", file=sys.stderr)
        return 2
    except (OSError, ValueError) as error:
        print(f"twinning eval-extract: cannot read gold file: {error}", file=sys.stderr)
        return 2
    ours, baseline = runs["twinning"], runs["baseline"]
    for line in ours.refused:
        print(f"twinning eval-extract: refused, scored as nothing found: {line}", file=sys.stderr)
    if args.json:
        payload: dict[str, Any] = {field: _score_json(s) for field, s in ours.fields.items()}
        payload["by_language"] = {
            language: {field: _score_json(s) for field, s in scores.items()}
            for language, scores in ours.languages.items()
        }
        payload["baseline"] = {field: _score_json(s) for field, s in baseline.fields.items()}
        payload["baseline"]["by_language"] = {
            language: {field: _score_json(s) for field, s in scores.items()}
            for language, scores in baseline.languages.items()
        }
        print(json.dumps(payload, indent=2))
        return 0
    fields = (*scoring.FIELDS, "overall")
    print(
        f"{'field':<14} {'precision':>9} {'recall':>7} {'f1':>6} {'tp':>5} {'pred':>5} {'gold':>5}"
    )
    for field in fields:
        s = ours.fields[field]
        print(
            f"{field:<14} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} {s.true_positives:>5} {s.predicted:>5} {s.expected:>5}"
        )
    print()
    print("F1 per language: Twinning / regex baseline (same run)")
    languages = list(ours.languages)
    print(f"{'field':<14} " + " ".join(f"{language + ' (n)':>13}" for language in languages))
    for field in fields:
        cells = []
        for language in languages:
            mine, theirs = ours.languages[language][field], baseline.languages[language][field]
            cells.append(f"{mine.f1:.2f}/{theirs.f1:.2f} ({mine.expected})".rjust(13))
        print(f"{field:<14} " + " ".join(cells))
    print()
    print("regex baseline (same run)")
    for field in fields:
        s = baseline.fields[field]
        print(
            f"{field:<14} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} {s.true_positives:>5} {s.predicted:>5} {s.expected:>5}"
        )
    return 0
