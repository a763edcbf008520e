"""Grid of fusion settings scored on the training pages and queries (pages_a..d, queries.tsv).

PYTHONPATH=src .venv/bin/python evaluation/search/tune.py --embedder use

Every query of queries.tsv is training data now (its frozen part was spent in run 3); a blind
set (pages_e) is never loaded here: `run.load_pages()` names pages_a..d.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402 - the evaluation runner beside this file


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--embedder", default="use")
    args = parser.parse_args()
    run.setup(None)
    from twinning.library.search import engine
    from twinning.library.search.indexing import drain_pending

    pages, queries = run.load_pages(), run.load_queries("all")
    run.load_into_library(pages)
    drain_pending(embedder=args.embedder)
    ranker = run.twinning_ranker("hybrid", args.embedder)
    # the engine as it was when this grid was run (before ADR 0031): words by rank fusion, the
    # margin cutting the lists, no separate found rule
    engine.WORDS, engine.FOUND_MARGIN = "rrf", None
    results = []
    grid = itertools.product(
        ("rrf", "sum"),  # how paragraphs and whole records make one meaning ranking
        (0.3, 0.5, 0.8),  # text weight
        (1.0,),  # chunk weight
        (0.2, None),  # margin
        (0.0,),  # feedback weight (0.3-1.0 with 2-5 records all lost 0.02-0.06)
        (3,),  # feedback records
    )
    for fusion, text, chunk, margin, feedback, records in grid:
        engine.MEANING_FUSION = fusion
        engine.WEIGHTS = {"text": text, "chunk": chunk, "whole": 1.0}
        engine.MEANING_MARGIN = margin
        engine.FEEDBACK_WEIGHT, engine.FEEDBACK_RECORDS = feedback, records
        by_language: dict[str, list[float]] = defaultdict(list)
        for query in queries:
            score = run.ndcg(ranker(query["query"]), query["relevant"])
            by_language["all"].append(score)
            by_language[query["language"] if query["language"] in ("en", "zh") else "other"].append(
                score
            )
        means = {key: sum(values) / len(values) for key, values in by_language.items()}
        results.append((round(means["all"], 3), fusion, text, chunk, margin or 9, feedback))
        print(
            f"fusion={fusion} text={text} chunk={chunk} margin={margin} feedback={feedback}x{records}: "
            + " ".join(f"{key}={value:.3f}" for key, value in means.items()),
            flush=True,
        )
    print(f"best on training: {max(results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
