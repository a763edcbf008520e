"""The pair score: a learned logistic model over the visible features of `features.py`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from twinning.matching.features import (
    BILINEAR,
    FEATURES,
    SideMatrices,
    feature_blocks,
    item_vectors,
    no_affinity,
    query_vectors,
)
from twinning.matching.infer import KINDS

WEIGHTS_PATH = Path(__file__).with_name("data") / "weights.json"


@dataclass(frozen=True)
class Weights:
    """Logistic weights per feature and a bias; `score = sigmoid(bias + Σ weight·feature)`;
    `kind_affinity` is the learned kind × kind table (rows and columns follow `infer.KINDS`)."""

    bias: float
    weights: dict[str, float]
    meta: dict[str, object] = field(default_factory=dict)
    kind_affinity: tuple[tuple[float, ...], ...] = ()

    def vector(self) -> np.ndarray:
        return np.array([self.weights.get(name, 0.0) for name in FEATURES], dtype=np.float32)

    def affinity(self) -> np.ndarray:
        if not self.kind_affinity:
            return no_affinity()
        return np.array(self.kind_affinity, dtype=np.float32)

    def to_json(self) -> str:
        body: dict[str, object] = {"bias": self.bias, "weights": self.weights}
        if self.kind_affinity:
            body["kind_affinity"] = {
                "kinds": list(KINDS),
                "log_odds": [list(row) for row in self.kind_affinity],
            }
        body["meta"] = self.meta
        return json.dumps(body, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Weights:
        data = json.loads(text)
        table = data.get("kind_affinity") or {}
        if table and list(table.get("kinds", [])) != list(KINDS):
            raise ValueError("weights: kind_affinity kinds differ from infer.KINDS")
        return cls(
            bias=float(data["bias"]),
            weights={k: float(v) for k, v in data["weights"].items()},
            meta=dict(data.get("meta", {})),
            kind_affinity=tuple(tuple(float(v) for v in row) for row in table.get("log_odds", [])),
        )


@cache
def shipped_weights() -> Weights:
    """The weights fitted by `learn.fit_weights` on the labelled training cohorts."""
    return Weights.from_json(WEIGHTS_PATH.read_text(encoding="utf-8"))


def sigmoid(values: np.ndarray) -> np.ndarray:
    return (1.0 / (1.0 + np.exp(-np.clip(values, -40, 40)))).astype(np.float32)


def score_matrix(
    a: SideMatrices, b: SideMatrices, weights: Weights | None = None, block_rows: int = 1024
) -> np.ndarray:
    """Pair scores in [0, 1], float32 len(a) × len(b), computed in row blocks."""
    weights = weights or shipped_weights()
    result = np.empty((len(a), len(b)), dtype=np.float32)
    affinity = weights.affinity()
    queries, items = query_vectors(a, weights.weights, affinity), item_vectors(b).T.copy()
    # the bilinear features are one matrix product; the others are added one by one
    skip = frozenset(BILINEAR) | {name for name in FEATURES if not weights.weights.get(name)}
    for start in range(0, len(a), block_rows):
        rows = slice(start, min(start + block_rows, len(a)))
        total = queries[rows] @ items
        total += np.float32(weights.bias)
        for name, block in feature_blocks(a, b, rows, skip, affinity):
            weight = weights.weights.get(name, 0.0)
            if weight:
                total += np.float32(weight) * block
        result[rows] = sigmoid(total)
    return result


def contributions(features: np.ndarray, weights: Weights | None = None) -> dict[str, float]:
    """Each feature's share of one pair's logit (weight × value), by feature name."""
    weights = weights or shipped_weights()
    return {
        name: float(weights.weights.get(name, 0.0) * features[i]) for i, name in enumerate(FEATURES)
    }
