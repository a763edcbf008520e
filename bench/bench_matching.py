"""Matching benchmarks (CONTRACTS §6): partner search among 1,000,000 profiles and cohort pairing.

`run()` returns the result entries; run standalone it prints them as JSON.
"""

from __future__ import annotations

import ctypes
import json
import os
import sys
import time
from collections.abc import Callable

import numpy as np
from scipy.optimize import linear_sum_assignment

from twinning.matching.bottleneck import assign_total, max_min_pairs, max_min_pairs_dense
from twinning.matching.index import (
    PartnerIndex,
    dimension_gains,
    exact_search,
    item_vectors,
    query_vectors,
)
from twinning.matching.pairing import pair_cohort, stability_report
from twinning.matching.score import score_matrix
from twinning.matching.synthetic import synthetic_side

PROFILES = 1_000_000
QUERIES = 200
COHORT_SIDE = 5_000
FIXED = 500
FORBIDDEN = 5_000


def _entry(
    name: str,
    metric: str,
    value: float,
    unit: str,
    peer: str | None,
    peer_value: float | None,
    params: dict[str, object],
) -> dict[str, object]:
    return {
        "name": name,
        "metric": metric,
        "value": round(float(value), 4),
        "unit": unit,
        "peer": peer,
        "peer_value": None if peer_value is None else round(float(peer_value), 4),
        "params": params,
    }


def bench_recommendation(
    profiles: int = PROFILES, queries: int = QUERIES
) -> list[dict[str, object]]:
    """Top-10 partners among `profiles` synthetic profiles: faiss IVF (float16 codes) + float16
    re-rank vs exact brute force."""
    side = synthetic_side(profiles, seed=1)
    vectors, gains = item_vectors(side), dimension_gains(side)
    del side  # as large as the vectors
    query = query_vectors(synthetic_side(queries, seed=2))
    started = time.perf_counter()
    index = PartnerIndex.build(vectors, gains=gains)
    build_seconds = time.perf_counter() - started
    exact_latency, index_latency, recall = [], [], []
    for row in query[:20]:  # warm the index pages and BLAS threads before timing
        index.search(row, 10)
    found = []
    for row in query:  # index queries back to back, as a serving process would run them
        started = time.perf_counter()
        found.append(index.search(row, 10)[0])
        index_latency.append(time.perf_counter() - started)
    for row, approximate in zip(query, found, strict=True):
        started = time.perf_counter()
        truth, _ = exact_search(vectors, row, 10)
        exact_latency.append(time.perf_counter() - started)
        recall.append(len(set(truth.tolist()) & set(approximate.tolist())) / 10)
    params = {
        "profiles": profiles,
        "queries": queries,
        "dimensions": vectors.shape[1],
        "engine": "faiss IVF, float16 scalar-quantised codes, on the projection; float16 re-rank"
        " (ADR 0024)",
        "lists": index.coarse.nlist,
        "probes": 32,
        "candidates": 384,
        "projection": index.projection.shape[1],
        "indexed_dimensions": index.full.shape[1],
        "projection_weighting": "dimensions the weights ignore dropped, the rest scaled by"
        " sqrt(gain) (ADR 0021)",
        "build_seconds": round(build_seconds, 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    per_million = 1e6 / 2**20  # bytes per profile → MiB per million profiles
    return [
        _entry(
            "recommend_top10_latency",
            "p95 latency",
            np.percentile(index_latency, 95) * 1e3,
            "ms",
            "exact brute force (float32 matrix-vector product)",
            np.percentile(exact_latency, 95) * 1e3,
            params,
        ),
        _entry(
            "recommend_top10_recall",
            "recall@10 against exact",
            float(np.mean(recall)),
            "ratio",
            "exact brute force",
            1.0,
            params,
        ),
        _entry(
            "recommend_index_memory",
            "memory per million profiles",
            index.bytes_per_profile * per_million,
            "MiB",
            "exact brute force float32 vectors",
            vectors.shape[1] * 4 * per_million,
            params,
        ),
    ]


def bench_cohort_pairing(
    side: int = COHORT_SIDE, fixed: int = FIXED, forbidden: int = FORBIDDEN
) -> list[dict[str, object]]:
    """Score and pair side × side profiles with fixed tandems and forbidden pairs."""
    rng = np.random.default_rng(7)
    side_a, side_b = synthetic_side(side, seed=11), synthetic_side(side, seed=12)
    rows, columns = rng.permutation(side)[:fixed], rng.permutation(side)[:fixed]
    fixed_pairs = list(zip(rows.tolist(), columns.tolist(), strict=True))
    forbidden_pairs = {(int(i), int(j)) for i, j in rng.integers(0, side, size=(forbidden * 2, 2))}
    forbidden_pairs = [p for p in forbidden_pairs if p not in set(fixed_pairs)][:forbidden]
    started = time.perf_counter()
    scores = score_matrix(side_a, side_b)
    score_seconds = time.perf_counter() - started
    assignment = pair_cohort(scores, fixed_pairs, forbidden_pairs)
    report = stability_report(scores, assignment, forbidden_pairs)
    total_seconds = time.perf_counter() - started
    started = time.perf_counter()
    linear_sum_assignment(scores, maximize=True)
    peer_seconds = time.perf_counter() - started
    chosen = set(assignment.pairs)
    assert all(p in chosen for p in fixed_pairs) and not chosen & set(forbidden_pairs)
    started = time.perf_counter()
    weakest_first = pair_cohort(scores, fixed_pairs, forbidden_pairs, maximise_weakest=True)
    max_min_seconds = time.perf_counter() - started
    assert set(fixed_pairs) <= set(weakest_first.pairs)
    weakest = {
        "max_total": float(min(scores[i, j] for i, j in assignment.pairs)),
        "max_min": float(min(scores[i, j] for i, j in weakest_first.pairs)),
    }
    params = {
        "side_a": side,
        "side_b": side,
        "fixed": fixed,
        "forbidden": len(forbidden_pairs),
        "score_matrix_seconds": round(score_seconds, 2),
        "pairs": len(assignment.pairs),
        "blocking_pairs": report.count,
        "includes": "score matrix, constrained assignment, stability report",
    }
    return [
        _entry(
            "cohort_pairing_5000x5000",
            "wall time",
            total_seconds,
            "s",
            "scipy linear_sum_assignment on the dense score matrix, no constraints",
            peer_seconds,
            params,
        ),
        _entry(
            "cohort_max_min_pairing_5000x5000",
            "wall time",
            max_min_seconds,
            "s",
            "scipy linear_sum_assignment on the dense score matrix, no constraints",
            peer_seconds,
            {
                **params,
                "includes": "max-min pairing on the score matrix (binary search + Hopcroft-Karp,"
                " then max total on a dual-checked subgraph, ADR 0024), constraints kept",
                "weakest_pair_max_total": round(weakest["max_total"], 4),
                "weakest_pair_max_min": round(weakest["max_min"], 4),
            },
        ),
    ]


def _status_kib(key: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(key):
                return int(line.split()[1])
    return 0


Pairs = list[tuple[int, int]]


def _timed_peak(
    method: Callable[[np.ndarray, np.ndarray], Pairs], scores: np.ndarray, blocked: np.ndarray
) -> tuple[Pairs, float, float]:
    """(pairs, seconds, MiB of resident memory added at the peak): VmHWM reset before."""
    ctypes.CDLL("libc.so.6").malloc_trim(0)  # freed heap back to the system, so reuse counts
    with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
        refs.write("5")  # resets the peak resident set size to the current one
    baseline = _status_kib("VmRSS")
    started = time.perf_counter()
    pairs = method(scores, blocked)
    seconds = time.perf_counter() - started
    return pairs, seconds, (_status_kib("VmHWM") - baseline) / 1024


def bench_max_min(
    old_sizes: tuple[int, ...] = (1_000, 2_000), size: int = COHORT_SIDE
) -> list[dict[str, object]]:
    """Max-min pairing: sparse bottleneck search beside the old dense search (smaller sizes)
    and beside plain max-total assignment at `size`²; time and peak memory, same run."""
    entries = []
    rng = np.random.default_rng(7)
    for n in (*old_sizes, size):
        scores = score_matrix(synthetic_side(n, seed=11), synthetic_side(n, seed=12))
        blocked = np.zeros(scores.shape, dtype=bool)
        blocked[rng.integers(0, n, size=n), rng.integers(0, n, size=n)] = True
        new, new_seconds, new_mib = _timed_peak(max_min_pairs, scores, blocked)
        if n in old_sizes:
            peer = "previous max-min (dense bisection, Hopcroft-Karp, two linear_sum_assignment)"
            old, peer_seconds, peer_mib = _timed_peak(max_min_pairs_dense, scores, blocked)
        else:
            peer = "scipy linear_sum_assignment, maximum total (not max-min)"
            old, peer_seconds, peer_mib = _timed_peak(assign_total, scores, blocked)
        params = {
            "side_a": n,
            "side_b": n,
            "forbidden": int(blocked.sum()),
            "pairs": len(new),
            "weakest_pair": round(float(min(scores[i, j] for i, j in new)), 5),
            "peer_weakest_pair": round(float(min(scores[i, j] for i, j in old)), 5),
            "total": round(float(sum(scores[i, j] for i, j in new)), 3),
            "peer_total": round(float(sum(scores[i, j] for i, j in old)), 3),
            "load_average": [round(x, 2) for x in os.getloadavg()],
        }
        label = f"{n}x{n}"
        entries += [
            _entry(f"max_min_{label}", "wall time", new_seconds, "s", peer, peer_seconds, params),
            _entry(
                f"max_min_{label}_memory", "peak added RSS", new_mib, "MiB", peer, peer_mib, params
            ),
        ]
    return entries


def run() -> list[dict[str, object]]:
    """All matching benchmarks, each project figure beside its peer from the same run."""
    return bench_recommendation() + bench_cohort_pairing() + bench_max_min()


PIECES: dict[str, Callable[[], list[dict[str, object]]]] = {
    "recommendation": bench_recommendation,
    "cohort": bench_cohort_pairing,
    "max-min": bench_max_min,
}

if __name__ == "__main__":  # optional piece names run only those: `bench_matching.py max-min`
    chosen = sys.argv[1:] or list(PIECES)
    print(json.dumps([entry for name in chosen for entry in PIECES[name]()], indent=2))
