"""Pair accuracy and MRR of the true partner, for Twinning and for baselines on the same cohorts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from twinning.matching.embedding import Embedder, default_embedder
from twinning.matching.features import Lexicon, prepare_sides
from twinning.matching.pairing import pair_cohort
from twinning.matching.profiles import Cohort
from twinning.matching.score import Weights, score_matrix, shipped_weights
from twinning.matching.text import tokenise

Scorer = Callable[[Cohort], np.ndarray]  # cohort → side A × side B score matrix


@dataclass
class Evaluation:
    """`pair_accuracy`: share of true pairs the cohort pairing recovers; `mrr` over both sides."""

    method: str
    cohorts: int
    true_pairs: int
    recovered: int
    mrr: float

    @property
    def pair_accuracy(self) -> float:
        return self.recovered / self.true_pairs if self.true_pairs else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "method": self.method,
            "cohorts": self.cohorts,
            "true_pairs": self.true_pairs,
            "recovered": self.recovered,
            "pair_accuracy": round(self.pair_accuracy, 4),
            "mrr": round(self.mrr, 4),
        }


def evaluate(method: str, cohorts: Sequence[Cohort], scorer: Scorer) -> Evaluation:
    """Pair each cohort with `scorer` and compare with its true pairs."""
    recovered = total = 0
    reciprocal: list[float] = []
    for cohort in cohorts:
        scores = scorer(cohort)
        row_of = {p.id: i for i, p in enumerate(cohort.side_a)}
        column_of = {p.id: j for j, p in enumerate(cohort.side_b)}
        fixed = [(row_of[a], column_of[b]) for a, b in cohort.fixed]
        forbidden = [(row_of[a], column_of[b]) for a, b in cohort.forbidden]
        chosen = set(pair_cohort(scores, fixed, forbidden).pairs)
        for a, b in cohort.true_pairs:
            i, j = row_of[a], column_of[b]
            total += 1
            recovered += (i, j) in chosen
            reciprocal.append(1.0 / _rank(scores[i], scores[i, j]))
            reciprocal.append(1.0 / _rank(scores[:, j], scores[i, j]))
    return Evaluation(
        method, len(cohorts), total, recovered, float(np.mean(reciprocal)) if reciprocal else 0.0
    )


def _rank(candidates: np.ndarray, value: float) -> float:
    """1-based rank of `value` among `candidates` (which include it); ties share the mean rank."""
    better = int((candidates > value).sum())
    tied = int((candidates == value).sum()) - 1
    return 1.0 + better + tied / 2.0


def twinning_scorer(embedder: Embedder | None = None, weights: Weights | None = None) -> Scorer:
    def score(cohort: Cohort) -> np.ndarray:
        a, b = prepare_sides(cohort.side_a, cohort.side_b, embedder or default_embedder())
        return score_matrix(a, b, weights or shipped_weights())

    return score


def tfidf_scorer(cohort: Cohort) -> np.ndarray:
    """Baseline: TF-IDF cosine of the descriptions alone (segmented tokens, IDF on the cohort)."""
    lexicon = Lexicon([tokenise(p.description) for p in cohort.profiles])
    side_a = [tokenise(p.description) for p in cohort.side_a]
    side_b = [tokenise(p.description) for p in cohort.side_b]
    return np.asarray((lexicon.transform(side_a) @ lexicon.transform(side_b).T).todense())


def embedding_scorer(embedder: Embedder | None = None) -> Scorer:
    """Reference: cosine of description embeddings alone ("overall likeness")."""

    def score(cohort: Cohort) -> np.ndarray:
        model = embedder or default_embedder()
        return (
            model.encode([p.description for p in cohort.side_a])
            @ model.encode([p.description for p in cohort.side_b]).T
        )

    return score


def evaluate_all(
    cohorts: Sequence[Cohort], embedder: Embedder | None = None, weights: Weights | None = None
) -> list[Evaluation]:
    """Twinning, the TF-IDF + Hungarian baseline and description embeddings, same cohorts."""
    return [
        evaluate("twinning", cohorts, twinning_scorer(embedder, weights)),
        evaluate("tfidf-hungarian", cohorts, tfidf_scorer),
        evaluate("description-embedding-hungarian", cohorts, embedding_scorer(embedder)),
    ]
