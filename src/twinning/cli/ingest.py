"""`twinning ingest`: store documents, extract candidates, and optionally accept them all."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from twinning.cli import setup_django


def register(subcommands: argparse._SubParsersAction) -> None:
    parser = subcommands.add_parser(
        "ingest", help="store documents and queue what they state for review"
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="FILE|FOLDER",
        help="documents (text, HTML, PDF, CSV, XLSX) or folders of them",
    )
    parser.add_argument(
        "--accept", action="store_true", help="accept every extracted candidate without review"
    )
    parser.add_argument(
        "--programme",
        metavar="SLUG",
        help="programme that twinning pairs found in the documents join",
    )
    parser.set_defaults(handler=run_ingest)


def run_ingest(args: argparse.Namespace) -> int:
    setup_django()
    from rich.progress import Progress

    from twinning.extract.readers import expand_paths
    from twinning.ingest.actions import IngestError, ingest_file
    from twinning.ingest.resolution import OrganisationIndex
    from twinning.programmes.models import Programme

    programme = None
    if args.programme:
        programme = Programme.objects.filter(slug=args.programme).first()
        if programme is None:
            print(f"error: no programme {args.programme!r}", file=sys.stderr)
            return 2
    try:
        paths = expand_paths(args.paths)
    except Exception as error:  # a missing path is reported like any unreadable file
        print(f"error: {error}", file=sys.stderr)
        return 2
    failures = documents = candidates = accepted = 0
    index = OrganisationIndex.build()
    with Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
        bar = progress.add_task("ingesting", total=len(paths))
        for path in paths:
            progress.update(bar, description=f"ingesting {Path(path).name}")
            try:
                data = Path(path).read_bytes() if path != "-" else sys.stdin.buffer.read()
                outcome = ingest_file(
                    data=data,
                    filename=Path(path).name if path != "-" else "stdin.txt",
                    source=path,
                    user=None,
                    programme=programme,
                    accept=args.accept,
                    index=index,
                )
                documents += 1 if outcome.changed else 0
                candidates += outcome.queued
                accepted += outcome.accepted
                for problem in outcome.problems:
                    print(f"warning: {path}: {problem}", file=sys.stderr)
            except (OSError, IngestError) as error:
                failures += 1
                print(f"error: {error}", file=sys.stderr)
            progress.advance(bar)
    print(
        f"{documents} document(s) stored, {candidates} candidate(s) queued"
        + (f", {accepted} accepted" if args.accept else "")
        + (f", {failures} file(s) failed" if failures else "")
        + "."
    )
    return 2 if failures else 0
