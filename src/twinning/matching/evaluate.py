"""Pair accuracy and MRR of the true partner, for Twinning and for baselines on the same cohorts."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from twinning.matching.embedding import (
    E5Embedder,
    Embedder,
    FusedEmbedder,
    default_embedder,
    matching_embedder,
)
from twinning.matching.features import Lexicon, prepare_sides
from twinning.matching.pairing import pair_cohort
from twinning.matching.profiles import Cohort
from twinning.matching.score import Weights, score_matrix, shipped_weights
from twinning.matching.text import detect_language, tokenise

Scorer = Callable[[Cohort], np.ndarray]  # cohort → side A × side B score matrix


@dataclass
class Evaluation:
    """`pair_accuracy`: share of true pairs the cohort pairing recovers; `mrr` over both sides."""

    method: str
    cohorts: int
    true_pairs: int
    recovered: int
    mrr: float
    by_language: dict[str, tuple[int, int, float]] = field(default_factory=dict)

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
            "by_language": {
                key: {"true_pairs": total, "recovered": found, "mrr": round(mrr, 4)}
                for key, (found, total, mrr) in sorted(self.by_language.items())
            },
        }


def evaluate(method: str, cohorts: Sequence[Cohort], scorer: Scorer) -> Evaluation:
    """Pair each cohort with `scorer` and compare with its true pairs."""
    recovered = total = 0
    reciprocal: list[float] = []
    groups: dict[str, list[tuple[bool, float]]] = {}
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
            pair_reciprocal = [
                1.0 / _rank(scores[i], scores[i, j]),
                1.0 / _rank(scores[:, j], scores[i, j]),
            ]
            reciprocal.extend(pair_reciprocal)
            key = "/".join(
                detect_language(p.description) for p in (cohort.side_a[i], cohort.side_b[j])
            )
            groups.setdefault(key, []).append(((i, j) in chosen, float(np.mean(pair_reciprocal))))
    by_language = {
        key: (sum(found for found, _ in rows), len(rows), float(np.mean([r for _, r in rows])))
        for key, rows in groups.items()
    }
    return Evaluation(
        method,
        len(cohorts),
        total,
        recovered,
        float(np.mean(reciprocal)) if reciprocal else 0.0,
        by_language,
    )


def descriptions_only(cohort: Cohort) -> Cohort:
    """The cohort as descriptions alone: topics, interests and every optional field removed."""
    return dataclasses.replace(
        cohort,
        profiles=[
            dataclasses.replace(
                p,
                topics=(),
                free_labels=(),
                interests=(),
                region=None,
                org_type=None,
                languages=(),
                partner_regions=(),
            )
            for p in cohort.profiles
        ],
    )


def pooled(cohorts: Sequence[Cohort]) -> Cohort:
    """All cohorts as one round (ids must be unique across them), as real checks pool them."""
    return Cohort(
        profiles=[p for c in cohorts for p in c.profiles],
        fixed=[pair for c in cohorts for pair in c.fixed],
        forbidden=[pair for c in cohorts for pair in c.forbidden],
        true_pairs=[pair for c in cohorts for pair in c.true_pairs],
        name="pooled",
        split="pooled",
    )


def _rank(candidates: np.ndarray, value: float) -> float:
    """1-based rank of `value` among `candidates` (which include it); ties share the mean rank."""
    better = int((candidates > value).sum())
    tied = int((candidates == value).sum()) - 1
    return 1.0 + better + tied / 2.0


def twinning_scorer(embedder: Embedder | None = None, weights: Weights | None = None) -> Scorer:
    """The full engine: learned score over all features."""

    def score(cohort: Cohort) -> np.ndarray:
        a, b = prepare_sides(cohort.side_a, cohort.side_b, embedder or matching_embedder())
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
    """Twinning, the TF-IDF + Hungarian baseline and plain description-embedding cosines +
    Hungarian (each part of the fused matching embedder: USE, e5-small), same cohorts."""
    model = embedder or matching_embedder()
    results = [
        evaluate("twinning", cohorts, twinning_scorer(model, weights)),
        evaluate("tfidf-hungarian", cohorts, tfidf_scorer),
    ]
    if isinstance(model, FusedEmbedder):
        for part in model.parts:
            name = "e5-small" if isinstance(part, E5Embedder) else "use"
            results.append(evaluate(f"{name}-cosine-hungarian", cohorts, embedding_scorer(part)))
    else:
        results.append(
            evaluate("description-embedding-hungarian", cohorts, embedding_scorer(model))
        )
    return results
