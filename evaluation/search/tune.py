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
    grid = itertools.product(("all", "tiered", "fallback"), (0.25, 0.5, 1.0), (1.0,), (1.0,))
    for match, text, chunk, whole in grid:
        engine.TEXT_MATCH = match
        engine.WEIGHTS = {"text": text, "chunk": chunk, "whole": whole}
        score = sum(run.ndcg(ranker(q["query"]), q["relevant"]) for q in queries) / len(queries)
        results.append((round(score, 3), match, text, chunk, whole))
        print(f"match={match} text={text} chunk={chunk} whole={whole}: {score:.3f}", flush=True)
    best = max(results)
    print(f"best on tuning: {best}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
