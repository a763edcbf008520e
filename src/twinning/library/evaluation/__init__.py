"""Search quality on a labelled query set: nDCG@10 and recall@10, hybrid against full-text alone.

The corpus (`corpus.json`) and the judgements (`queries.json`, grade 2 = answers the query,
1 = related) are ours; both systems run on the same freshly indexed data in the same run.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
CUTOFF = 10
SYSTEMS = {"twinning-hybrid": "hybrid", "full-text-only": "text", "meaning-only": "meaning"}


def load_corpus() -> list[dict]:
    return json.loads((HERE / "corpus.json").read_text(encoding="utf-8"))["documents"]


def load_queries() -> list[dict]:
    return json.loads((HERE / "queries.json").read_text(encoding="utf-8"))["queries"]


def dcg(gains: Sequence[float]) -> float:
    return sum((2**gain - 1) / math.log2(rank + 2) for rank, gain in enumerate(gains))


def ndcg_at(ranked: list[str], relevant: dict[str, int], cutoff: int = CUTOFF) -> float:
    ideal = dcg(sorted(relevant.values(), reverse=True)[:cutoff])
    return dcg([relevant.get(item, 0) for item in ranked[:cutoff]]) / ideal if ideal else 0.0


def recall_at(ranked: list[str], relevant: dict[str, int], cutoff: int = CUTOFF) -> float:
    return len(set(ranked[:cutoff]) & set(relevant)) / len(relevant) if relevant else 0.0


def load_into_database(documents: list[dict]) -> None:
    from twinning.library.actions import add_document

    for item in documents:
        add_document(
            title=item["title"],
            text=item["text"],
            source=f"evaluation:{item['id']}",
            kind=item["kind"],
            language=item["language"],
            published=date(item["year"], 1, 1),
        )


def evaluate(*, embedder: str = "use") -> dict:
    """Index the evaluation corpus in the current (empty) database and score every system."""
    from twinning.library.search.engine import search
    from twinning.library.search.indexing import drain_pending
    from twinning.library.search.retrieval import SearchFilters

    documents, queries = load_corpus(), load_queries()
    load_into_database(documents)
    started = time.perf_counter()
    drain_pending(embedder=embedder)
    indexing_seconds = time.perf_counter() - started
    report: dict = {
        "documents": len(documents),
        "queries": [],
        "query_count": len(queries),
        "embedder": embedder,
        "cutoff": CUTOFF,
        "indexing_seconds": round(indexing_seconds, 2),
        "systems": {},
    }
    totals = {name: {"ndcg@10": 0.0, "recall@10": 0.0} for name in SYSTEMS}
    for item in queries:
        row: dict = {"query": item["query"]}
        for name, mode in SYSTEMS.items():
            hits = search(
                item["query"],
                SearchFilters(kind="document", public_only=False),
                limit=CUTOFF,
                mode=mode,
                embedder=embedder,
            )
            ranked = [hit.source.removeprefix("evaluation:") for hit in hits if hit.source]
            scores = {
                "ndcg@10": ndcg_at(ranked, item["relevant"]),
                "recall@10": recall_at(ranked, item["relevant"]),
            }
            row[name] = {key: round(value, 4) for key, value in scores.items()}
            for key, value in scores.items():
                totals[name][key] += value
        report["queries"].append(row)
    report["systems"] = {
        name: {key: round(value / len(queries), 4) for key, value in figures.items()}
        for name, figures in totals.items()
    }
    return report


def format_report(report: dict, *, per_query: bool = False) -> str:
    lines = [
        f"{report['query_count']} queries over {report['documents']} documents; embedder {report['embedder']}",
        f"{'system':<18} {'nDCG@10':>8} {'recall@10':>10}",
    ]
    for name, figures in report["systems"].items():
        lines.append(f"{name:<18} {figures['ndcg@10']:>8.4f} {figures['recall@10']:>10.4f}")
    if per_query:
        for row in report["queries"]:
            lines.append(
                f"  {row['query'][:40]:<40} "
                + "  ".join(f"{name}={row[name]['ndcg@10']:.2f}" for name in SYSTEMS)
            )
    return "\n".join(lines)
