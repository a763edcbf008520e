"""Top-k partners for one profile among candidates, with the full score and reasons."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from twinning.matching.embedding import Embedder, matching_embedder
from twinning.matching.features import aligned_features, prepare_sides
from twinning.matching.profiles import Profile
from twinning.matching.reasons import Evidence, Reason, explain_pair
from twinning.matching.score import Weights, score_matrix, shipped_weights


@dataclass
class Recommendation:
    partner: Profile
    score: float
    reasons: list[Reason]


def recommend_partners(
    profile: Profile,
    candidates: Sequence[Profile],
    k: int = 10,
    embedder: Embedder | None = None,
    weights: Weights | None = None,
) -> list[Recommendation]:
    """The `k` best-scoring candidates (never `profile` itself), best first, ties by id.

    Exact over all candidates; for a million profiles shortlist with `index.PartnerIndex` first.
    """
    weights = weights or shipped_weights()
    others = [c for c in candidates if c.id != profile.id]
    if not others or k < 1:
        return []
    query, items = prepare_sides([profile], others, embedder or matching_embedder())
    scores = score_matrix(query, items, weights)[0]
    order = sorted(range(len(others)), key=lambda j: (-float(scores[j]), others[j].id))[:k]
    features = aligned_features(
        query, np.zeros(len(order), dtype=np.int64), items, np.array(order), weights.affinity()
    )
    return [
        Recommendation(
            others[j],
            float(scores[j]),
            explain_pair(
                profile,
                others[j],
                features[n],
                weights.weights,
                Evidence(query.inferred[0], items.inferred[j], query.kinds[0], items.kinds[j]),
            ),
        )
        for n, j in enumerate(order)
    ]
