"""Full rankings of every evaluation query, on the SQL path and on the embedded index, to compare.

Speed work on the search must not change what it ranks (issue 12, ADR 0037). This writes, for
every query of the sets a-e (queries.tsv), f, g and h, the top RESULTS records (kind, id, score)
and the facet counts of `engine.find` in each mode, once through the SQL/numpy path and once
through the embedded index (exact, and with every vector set quantised), to a JSON file;
`--compare` checks a new snapshot against a saved one (same ids in the same order, scores
within 1e-6):

    PYTHONPATH=src .venv/bin/python evaluation/search/ranking_snapshot.py --out before.json
    PYTHONPATH=src .venv/bin/python evaluation/search/ranking_snapshot.py --out after.json --compare before.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402

RESULTS = 50
SETS = {
    "a-e": (run.TRAINING_PAGES, run.TRAINING_QUERIES),
    **{part: ([HERE / f"pages_{part}.json"], HERE / f"queries_{part}.tsv") for part in "fgh"},
}
MODES = ("hybrid", "text", "meaning")
TOLERANCE = 1e-6


def _rankings(queries: list[dict]) -> dict[str, list]:
    from twinning.library.search.engine import find
    from twinning.library.search.retrieval import SearchFilters

    found: dict[str, list] = {}
    for query in queries:
        for mode in MODES:
            for kind in ("document", ""):
                results = find(
                    query["query"],
                    SearchFilters(kind=kind, public_only=False),
                    limit=RESULTS,
                    mode=mode,
                )
                found[f"{mode}|{kind or 'any'}|{query['query']}"] = [
                    [[hit.type, hit.object_id, hit.score] for hit in results.hits],
                    results.kinds,
                ]
    return found


def snapshot(name: str, embedder: str, database_url: str | None) -> dict[str, dict[str, list]]:
    """One set's rankings by path: "sql", "index" (exact) and "index-quantised" (a fresh database)."""
    run.setup(database_url)
    from django.conf import settings

    from twinning.library.search import index_store
    from twinning.library.search.index_reader import reader
    from twinning.library.search.indexing import drain_pending

    settings.TWINNING_SEARCH_EMBEDDER = embedder
    settings.TWINNING_SEARCH_INDEX_BUILD_FROM = 10**9  # the SQL path until the index is built here
    pages_paths, queries_path = SETS[name]
    run.load_into_library(run.load_pages(pages_paths))
    drain_pending(embedder=embedder)
    queries = run.load_queries("all", queries_path)
    assert reader.current() is None, "an index was built before the SQL path was ranked"
    paths = {f"{name}/sql": _rankings(queries)}
    for label, exact_below in (("index", 20_000), ("index-quantised", 0)):
        settings.TWINNING_SEARCH_INDEX_EXACT_BELOW = exact_below
        index_store.rebuild()
        assert reader.current() is not None, "the embedded index does not serve"
        paths[f"{name}/{label}"] = _rankings(queries)
    return paths


def compare(before: dict, after: dict) -> list[str]:
    """Differences between two snapshots: a record set or order, a facet count, a score beyond TOLERANCE."""
    problems: list[str] = []
    for path, rankings in before.items():
        for key, (hits, kinds) in rankings.items():
            new_hits, new_kinds = after.get(path, {}).get(key, [[], {}])
            if [h[:2] for h in hits] != [h[:2] for h in new_hits]:
                problems.append(f"{path} {key}: order {hits[:3]} -> {new_hits[:3]}")
            elif any(abs(a[2] - b[2]) > TOLERANCE for a, b in zip(hits, new_hits, strict=True)):
                problems.append(f"{path} {key}: scores differ")
            if kinds != new_kinds:
                problems.append(f"{path} {key}: facets {kinds} -> {new_kinds}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--compare", type=Path, help="a snapshot to compare with")
    parser.add_argument("--embedder", default="use")
    parser.add_argument("--database-url", help="as in run.py ('postgresql': the embedded server)")
    parser.add_argument(
        "--set", choices=list(SETS), help="only this set (each runs in its own process)"
    )
    args = parser.parse_args()
    if args.set:
        args.out.write_text(
            json.dumps(snapshot(args.set, args.embedder, args.database_url), ensure_ascii=False)
        )
        return 0
    taken: dict[str, dict[str, list]] = {}
    for name in SETS:
        part = args.out.with_suffix(f".{name}.json")
        command = [sys.executable, __file__, "--set", name, "--out", str(part)]
        command += ["--embedder", args.embedder]
        if args.database_url:
            command += ["--database-url", args.database_url]
        subprocess.run(command, check=True)
        taken.update(json.loads(part.read_text()))
        part.unlink()
        print(f"{name}: done", file=sys.stderr)
    args.out.write_text(json.dumps(taken, ensure_ascii=False))
    count = sum(len(rankings) for rankings in taken.values())
    print(f"wrote {args.out}: {count} rankings")
    if args.compare:
        problems = compare(json.loads(args.compare.read_text()), taken)
        for problem in problems[:40]:
            print(problem)
        print(f"{len(problems)} differences from {args.compare}")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
