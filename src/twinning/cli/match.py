"""`twinning match` and `twinning eval-match`: cohort pairing from a JSON file, no database."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from twinning.matching.profiles import CohortError


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}")
    return number


def _embedder(name: str) -> Any:
    from twinning.matching.embedding import HashingEmbedder, matching_embedder

    return HashingEmbedder() if name == "hashing" else matching_embedder()


def register(subcommands: argparse._SubParsersAction) -> None:
    """Add the `match` and `eval-match` sub-commands."""
    match = subcommands.add_parser(
        "match",
        help="pair side A with side B of a cohort file",
        description="Pair organisations of side A with side B (CONTRACTS §3); reads no database.",
    )
    match.add_argument(
        "cohort", metavar="COHORT.json", help="cohort file: organisations, fixed, forbidden"
    )
    match.add_argument(
        "--json", action="store_true", help="print one JSON object (pairs, unmatched, rankings)"
    )
    match.add_argument(
        "--top", type=_positive_int, metavar="K", help="cut each ranking to its best K"
    )
    match.add_argument(
        "--max-min", action="store_true", help="maximise the weakest pair first, then the total"
    )
    match.add_argument(
        "--language", choices=["en", "zh"], default="en", help="language of the reasons"
    )
    match.add_argument(
        "--embedder",
        choices=["use", "hashing"],
        default="use",
        help="sentence embedder: multilingual USE + e5-small (default) or the fast hashing stand-in",
    )
    match.set_defaults(handler=run_match)

    evaluation = subcommands.add_parser(
        "eval-match",
        help="pair accuracy and MRR on labelled cohorts, with a TF-IDF baseline",
        description="Evaluate cohort pairing on labelled cohorts against a TF-IDF + Hungarian baseline.",
    )
    evaluation.add_argument(
        "labelled",
        metavar="LABELLED.json",
        nargs="?",
        help="labelled cohorts (default: the set shipped with the package)",
    )
    evaluation.add_argument(
        "--split",
        choices=["heldout", "hard-heldout", "train", "all"],
        default="heldout",
        help="held-out cohorts (default), the harder held-out cohorts, training cohorts or all",
    )
    evaluation.add_argument(
        "--descriptions-only",
        action="store_true",
        help="drop topics and every optional field: descriptions alone",
    )
    evaluation.add_argument(
        "--pooled", action="store_true", help="pool the chosen cohorts into one round"
    )
    evaluation.add_argument(
        "--by-language",
        action="store_true",
        help="also print figures per language pair of the true pairs",
    )
    evaluation.add_argument("--json", action="store_true", help="print the figures as JSON")
    evaluation.add_argument("--embedder", choices=["use", "hashing"], default="use")
    evaluation.set_defaults(handler=run_eval_match)


def _fail(message: str) -> int:
    print(f"twinning: error: {message}", file=sys.stderr)
    return 2


def run_match(args: argparse.Namespace) -> int:
    from twinning.matching.cohort import match_cohort
    from twinning.matching.profiles import read_cohort

    try:
        cohort = read_cohort(args.cohort)
    except CohortError as error:
        return _fail(str(error).replace("\n", " "))
    if not cohort.side_a or not cohort.side_b:
        return _fail("the cohort needs organisations on both side A and side B")
    result = match_cohort(
        cohort, _embedder(args.embedder), maximise_weakest=args.max_min, top=args.top
    )
    if args.json:
        json.dump(result.to_contract(args.language), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    _print_match(cohort, result, args.language)
    return 0


def _print_match(cohort: Any, result: Any, language: str) -> None:
    from rich.console import Console
    from rich.table import Table

    from twinning.matching.reasons import render

    names = {p.id: p.name for p in cohort.profiles}
    table = Table(title=f"Proposed pairs ({len(result.pairs)})", show_lines=True)
    for column in ("Side A", "Side B", "Score", "Why"):
        table.add_column(column, justify="right" if column == "Score" else "left")
    for pair in result.pairs:
        table.add_row(
            names[pair.a],
            names[pair.b],
            f"{pair.score:.3f}",
            "; ".join(render(reason, language) for reason in pair.reasons),
        )
    console = Console()
    console.print(table)
    if result.unmatched:
        console.print("Unmatched: " + ", ".join(names[i] for i in result.unmatched))
    console.print(f"Blocking pairs (both would rather be together): {result.blocking_pairs}")
    for a, b, score in result.blocking_examples[:5]:
        console.print(f"  {names[a]} + {names[b]} ({score:.3f})")


def run_eval_match(args: argparse.Namespace) -> int:
    from twinning.matching.evaluate import descriptions_only, evaluate_all, pooled
    from twinning.matching.learn import LABELLED_PATH
    from twinning.matching.profiles import read_labelled

    try:
        cohorts = read_labelled(args.labelled or LABELLED_PATH)
    except CohortError as error:
        return _fail(str(error).replace("\n", " "))
    chosen = cohorts if args.split == "all" else [c for c in cohorts if c.split == args.split]
    if not chosen:
        return _fail(f"no cohort in split {args.split!r}")
    if args.descriptions_only:
        chosen = [descriptions_only(c) for c in chosen]
    if args.pooled:
        identifiers = [p.id for c in chosen for p in c.profiles]
        if len(set(identifiers)) != len(identifiers):
            return _fail("--pooled needs organisation ids that are unique across cohorts")
        chosen = [pooled(chosen)]
    results = evaluate_all(chosen, _embedder(args.embedder))
    if args.json:
        print(
            json.dumps(
                {
                    "split": args.split,
                    "descriptions_only": args.descriptions_only,
                    "pooled": args.pooled,
                    "results": [r.as_dict() for r in results],
                },
                ensure_ascii=False,
            )
        )
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=f"Cohort pairing on {args.split} cohorts ({len(chosen)}: "
        + ", ".join(c.name for c in chosen)
        + ")"
    )
    for column in ("Method", "True pairs", "Recovered", "Pair accuracy", "MRR"):
        table.add_column(column, justify="left" if column == "Method" else "right")
    for result in results:
        table.add_row(
            result.method,
            str(result.true_pairs),
            str(result.recovered),
            f"{result.pair_accuracy:.1%}",
            f"{result.mrr:.3f}",
        )
    Console().print(table)
    if args.by_language:
        _print_by_language(results)
    return 0


def _print_by_language(results: list[Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Per language pair of the true pairs (side A / side B): recovered, MRR")
    table.add_column("Method")
    keys = sorted({key for result in results for key in result.by_language})
    for key in keys:
        table.add_column(key, justify="right")
    for result in results:
        cells = []
        for key in keys:
            found, total, mrr = result.by_language.get(key, (0, 0, 0.0))
            cells.append(f"{found}/{total} {mrr:.2f}" if total else "")
        table.add_row(result.method, *cells)
    Console().print(table)
