"""Grid of fusion weights scored on the TUNING queries only (never the frozen ones).

PYTHONPATH=src .venv/bin/python evaluation/search/tune.py --embedder use
"""

from __future__ import annotations

import argparse
import itertools
import sys
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

    pages, queries = run.load_pages(), run.load_queries("tuning")
    run.load_into_library(pages)
    drain_pending(embedder=args.embedder)
    ranker = run.twinning_ranker("hybrid", args.embedder)
    results = []
    grid = itertools.product(("all",), (0.5,), (1.0,), (1.0,), (None, 0.05, 0.1, 0.15, 0.2, 0.3))
    for match, text, chunk, whole, margin in grid:
        engine.TEXT_MATCH = match
        engine.WEIGHTS = {"text": text, "chunk": chunk, "whole": whole}
        engine.MEANING_MARGIN = margin
        score = sum(run.ndcg(ranker(q["query"]), q["relevant"]) for q in queries) / len(queries)
        found = sum(len(ranker(q["query"])) for q in queries) / len(queries)
        results.append((round(score, 3), match, text, chunk, whole, margin or 9))
        print(
            f"match={match} text={text} chunk={chunk} whole={whole} margin={margin}: {score:.3f}"
            f" ({found:.1f} results of 10 on average)",
            flush=True,
        )
    best = max(results)
    print(f"best on tuning: {best}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
