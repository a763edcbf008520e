"""`twinning search`, `twinning reindex` and `twinning eval-search`: the library search from a shell."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile

from twinning.cli import setup_django

KINDS = ["document", "organisation", "pair", "event", "visit", "activity", "person"]


def register(subcommands: argparse._SubParsersAction) -> None:
    search = subcommands.add_parser(
        "search",
        help="search documents, organisations, pairs, events, visits, activities and people (English, Chinese or mixed)",
    )
    search.add_argument("query", help="the words to look for")
    search.add_argument("--json", action="store_true", help='print {"results": [...]} as JSON')
    search.add_argument("--type", choices=KINDS, help="only this kind of record")
    search.add_argument("--limit", type=int, default=10, help="how many results (default: 10)")
    search.add_argument(
        "--mode",
        choices=["hybrid", "text", "meaning"],
        default="hybrid",
        help="ranking: both (default), words only, meaning only",
    )
    search.set_defaults(handler=run_search)

    reindex = subcommands.add_parser(
        "reindex", help="rebuild the search index (chunks, full-text and embeddings)"
    )
    reindex.add_argument(
        "--pending", action="store_true", help="only index what changed since the last update"
    )
    reindex.add_argument(
        "--index-only",
        action="store_true",
        help="only rebuild the embedded search index from the stored chunks (no re-embedding)",
    )
    reindex.add_argument(
        "--embedder",
        choices=["use", "hashing"],
        help="embedder to use (default: $TWINNING_SEARCH_EMBEDDER or use)",
    )
    reindex.set_defaults(handler=run_reindex)

    evaluate = subcommands.add_parser(
        "eval-search",
        help="nDCG@10 and recall@10 of hybrid and full-text search on the labelled query set",
    )
    evaluate.add_argument("--json", action="store_true", help="print the figures as JSON")
    evaluate.add_argument(
        "--embedder",
        choices=["use", "hashing"],
        default="use",
        help="embedder for the meaning side (default: use)",
    )
    evaluate.add_argument("--per-query", action="store_true", help="also list each query's figures")
    evaluate.set_defaults(handler=run_eval_search)


def run_search(args: argparse.Namespace) -> int:
    if args.limit < 1:
        print("error: --limit must be at least 1", file=sys.stderr)
        return 2
    setup_django()
    from twinning.library.search.engine import find
    from twinning.library.search.indexing import drain_pending
    from twinning.library.search.retrieval import SearchFilters

    drain_pending()  # no worker may have run since the last `twinning ingest`: catch up first
    # The same ranking as the web page and the API; a shell user sees what a coordinator sees.
    hits = find(
        args.query,
        SearchFilters(kind=args.type or "", public_only=False),
        limit=args.limit,
        mode=args.mode,
    ).hits
    if args.json:
        json.dump({"results": [hit.as_json() for hit in hits]}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for number, hit in enumerate(hits, 1):
        print(f"{number:>2}. [{hit.type}] {hit.title}  ({hit.score:.4f})\n    {hit.snippet}")
    if not hits:
        print("No result.")
    return 0


def run_reindex(args: argparse.Namespace) -> int:
    setup_django()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from twinning.library.search import index_store
    from twinning.library.search.indexing import drain_pending, reindex_all

    if not args.index_only:
        rebuild = drain_pending if args.pending else reindex_all
        with Progress(
            TextColumn("[bold]indexing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            transient=False,
        ) as progress:
            bar = progress.add_task("index", total=None)
            count = rebuild(
                embedder=args.embedder,
                progress=lambda done, total: progress.update(bar, completed=done, total=total),
            )
        print(f"Indexed {count} records.")
    if args.pending and not args.index_only:
        return 0  # drain_pending already brought an existing embedded index up to date
    # A full rebuild: a new generation beside the live one, swapped in at the end.
    generation = index_store.rebuild()
    print(f"Search index {generation} built in {index_store.index_root()}.")
    return 0


def run_eval_search(args: argparse.Namespace) -> int:
    # The evaluation corpus goes into a fresh SQLite file so the figures never depend on local data.
    directory = tempfile.mkdtemp(prefix="twinning-eval-")
    os.environ["TWINNING_DATABASE_URL"] = f"sqlite:///{directory}/evaluation.sqlite3"
    os.environ["TWINNING_TASK_BACKEND"] = "django_tasks.backends.dummy.DummyBackend"
    setup_django()
    from twinning.library.evaluation import evaluate, format_report

    report = evaluate(embedder=args.embedder)
    if args.json:
        if not args.per_query:
            report = {key: value for key, value in report.items() if key != "queries"}
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_report(report, per_query=args.per_query))
    return 0
