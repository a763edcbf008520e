"""Match a whole cohort: profiles in, scored pairs with reasons, rankings and stability out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from twinning.matching.embedding import Embedder, matching_embedder
from twinning.matching.features import SideMatrices, aligned_features, prepare_sides
from twinning.matching.pairing import pair_cohort, rankings, stability_report
from twinning.matching.profiles import Cohort
from twinning.matching.reasons import Evidence, Reason, explain_pair, render
from twinning.matching.score import Weights, score_matrix, shipped_weights


@dataclass
class ProposedPair:
    a: str
    b: str
    score: float
    reasons: list[Reason]
    fixed: bool = False


@dataclass
class CohortMatch:
    """The result of `match_cohort`; ids throughout, side A first in every pair."""

    pairs: list[ProposedPair]
    unmatched: list[str]
    rankings: dict[str, list[str]]
    blocking_pairs: int
    blocking_examples: list[tuple[str, str, float]] = field(default_factory=list)

    def to_contract(self, language: str = "en") -> dict[str, Any]:
        """The CONTRACTS §3 output object, reasons rendered in `language`."""
        return {
            "pairs": [
                {
                    "a": pair.a,
                    "b": pair.b,
                    "score": round(pair.score, 4),
                    "reasons": [render(reason, language) for reason in pair.reasons],
                }
                for pair in self.pairs
            ],
            "unmatched": self.unmatched,
            "rankings": self.rankings,
        }


def cohort_scores(
    cohort: Cohort, embedder: Embedder | None = None, weights: Weights | None = None
) -> tuple[SideMatrices, SideMatrices, np.ndarray]:
    """Side matrices and the A × B score matrix of a cohort."""
    a, b = prepare_sides(cohort.side_a, cohort.side_b, embedder or matching_embedder())
    return a, b, score_matrix(a, b, weights or shipped_weights())


def match_cohort(
    cohort: Cohort,
    embedder: Embedder | None = None,
    weights: Weights | None = None,
    maximise_weakest: bool = False,
    top: int | None = None,
) -> CohortMatch:
    """Pair the cohort (fixed kept, forbidden avoided) and rank the other side for everyone."""
    weights = weights or shipped_weights()
    a, b, scores = cohort_scores(cohort, embedder, weights)
    row_of = {p.id: i for i, p in enumerate(a.profiles)}
    column_of = {p.id: j for j, p in enumerate(b.profiles)}
    fixed = [(row_of[x], column_of[y]) for x, y in cohort.fixed]
    forbidden = [(row_of[x], column_of[y]) for x, y in cohort.forbidden]
    assignment = pair_cohort(scores, fixed, forbidden, maximise_weakest=maximise_weakest)
    rows = np.array([i for i, _ in assignment.pairs], dtype=np.int64)
    columns = np.array([j for _, j in assignment.pairs], dtype=np.int64)
    features = aligned_features(a, rows, b, columns, weights.affinity())
    pairs = []
    for k, (i, j) in enumerate(assignment.pairs):
        is_fixed = (i, j) in assignment.fixed
        evidence = Evidence(a.inferred[i], b.inferred[j], a.kinds[i], b.kinds[j])
        reasons = explain_pair(a.profiles[i], b.profiles[j], features[k], weights.weights, evidence)
        if is_fixed:
            reasons = [Reason("fixed"), *[r for r in reasons if r.code != "weak_fit"]]
        pairs.append(
            ProposedPair(a.profiles[i].id, b.profiles[j].id, float(scores[i, j]), reasons, is_fixed)
        )
    pairs.sort(key=lambda pair: (-pair.score, pair.a))
    order_rows, order_columns = rankings(scores)
    limit = top if top is not None else max(len(a), len(b))
    ranking: dict[str, list[str]] = {}
    for profile in cohort.profiles:
        if profile.side == "A":
            ranking[profile.id] = [b.profiles[j].id for j in order_rows[row_of[profile.id]][:limit]]
        else:
            ranking[profile.id] = [
                a.profiles[i].id for i in order_columns[column_of[profile.id]][:limit]
            ]
    report = stability_report(scores, assignment, forbidden)
    return CohortMatch(
        pairs=pairs,
        unmatched=[a.profiles[i].id for i in assignment.unmatched_rows]
        + [b.profiles[j].id for j in assignment.unmatched_columns],
        rankings=ranking,
        blocking_pairs=report.count,
        blocking_examples=[(a.profiles[i].id, b.profiles[j].id, s) for i, j, s in report.examples],
    )
