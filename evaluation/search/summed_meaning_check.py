"""The engine end to end with the summed meaning score (ADR 0028): `MEANING_FUSION = "sum"`, no margin.

    PYTHONPATH=src .venv/bin/python evaluation/search/summed_meaning_check.py --set f   # or e, or ad

Sets: `ad` = the 70 queries of `queries.tsv` (tuning + frozen) over pages a-d; `e` = `blind-e` over
pages a-e; `f` = `queries_f.tsv` over pages_f. Same baselines as `run.py`, same run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402 - the evaluation runner beside this file


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=["ad", "e", "f"], required=True)
    args = parser.parse_args()
    run.setup(None)
    from twinning.library.search import engine

    engine.MEANING_FUSION = "sum"
    engine.MEANING_MARGIN = None
    engine.WORDS = "rrf"  # as the engine was at ADR 0028 (ADR 0031 made the words a bonus)
    engine.FOUND_MARGIN = None
    run.setup = lambda url: None  # already set up
    pages = [run.HERE / f"pages_{part}.json" for part in "abcd"]
    if args.set == "e":
        report = run.evaluate("blind-e", "use", pages_paths=[*pages, run.HERE / "pages_e.json"])
    elif args.set == "f":
        report = run.evaluate(
            "all",
            "use",
            pages_paths=[run.HERE / "pages_f.json"],
            queries_path=run.HERE / "queries_f.tsv",
        )
    else:
        lines = run.TRAINING_QUERIES.read_text(encoding="utf-8").splitlines()
        kept = [line for line in lines if not line.startswith("blind-e")]
        queries = Path(tempfile.mkdtemp()) / "queries_ad.tsv"
        queries.write_text("\n".join(kept) + "\n", encoding="utf-8")
        report = run.evaluate("all", "use", pages_paths=pages, queries_path=queries)
    print(run.format_table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
