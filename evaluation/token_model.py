"""The alternative measured beside the CRF (ADR 0029): a token-level multinomial logistic
regression over the same features, each token labelled on its own (no transitions)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

from twinning.extract.org_features import tokenise
from twinning.extract.org_tagger import LABELS, Mention, clean_name


@dataclass
class TokenModel:
    vocabulary: dict[str, int]
    weights: np.ndarray  # features × labels
    bias: np.ndarray


def _matrix(rows: list[list[str]], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    indices, pointers = [], [0]
    for features in rows:
        indices.extend(sorted({vocabulary[f] for f in features if f in vocabulary}))
        pointers.append(len(indices))
    data = np.ones(len(indices))
    return sparse.csr_matrix((data, indices, pointers), shape=(len(rows), len(vocabulary)))


def _softmax(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


def fit_token_model(docs: list[Any], l2: float = 1.0) -> TokenModel:
    """Fitted on every token of `docs` (features seen twice or more), by L-BFGS."""
    rows = [f for d in docs for seq in d.features for f in seq]
    labels = np.asarray([LABELS.index(x) for d in docs for seq in d.labels for x in seq])
    counts = Counter(f for features in rows for f in features)
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= 2))}
    features = _matrix(rows, vocabulary)
    n, width, classes = features.shape[0], features.shape[1], len(LABELS)
    onehot = np.zeros((n, classes))
    onehot[np.arange(n), labels] = 1.0

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        weights = flat[: width * classes].reshape(width, classes)
        probs = _softmax(features @ weights + flat[width * classes :])
        value = -float(np.mean(np.log(probs[np.arange(n), labels] + 1e-12)))
        value += l2 / n * float(np.sum(weights**2))
        residual = (probs - onehot) / n
        grad = np.asarray(features.T @ residual) + 2 * l2 / n * weights
        return value, np.concatenate([grad.ravel(), residual.sum(axis=0)])

    start = np.zeros(width * classes + classes)
    solution = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 300})
    flat = solution.x
    return TokenModel(
        vocabulary, flat[: width * classes].reshape(width, classes), flat[width * classes :]
    )


def token_mentions(model: TokenModel, doc: Any) -> list[Mention]:
    """Spans of tokens whose best label is B or I (an I after O opens a span); confidence is
    the lowest best-label probability in the span."""
    found: list[Mention] = []
    for tokens, rows in zip(tokenise(doc.text), doc.features, strict=True):
        probs = _softmax(_matrix(rows, model.vocabulary) @ model.weights + model.bias)
        best = probs.argmax(axis=1)
        index = 0
        while index < len(tokens):
            if best[index] == 0:
                index += 1
                continue
            end = index + 1
            while end < len(tokens) and best[end] == 2:
                end += 1
            confidence = float(probs[np.arange(index, end), best[index:end]].min())
            name = clean_name(doc.text[tokens[index].start : tokens[end - 1].end])
            if name:
                found.append(Mention(tokens[index].start, tokens[end - 1].end, name, confidence))
            index = end
    return found
