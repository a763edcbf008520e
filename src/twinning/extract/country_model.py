"""The learned country chooser: a conditional logit over each organisation's candidate countries.

Each organisation's candidates (`country_evidence.collect`) get a score `features · weights`;
abstaining scores 0, so P(country) = exp(score) / (1 + Σ exp(scores)). The most probable
country is kept when its probability reaches the stored threshold, else the organisation gets
no country. Weights are a small `.npz` in the package written by `evaluation/train_countries.py`
(ADR 0032); `TWINNING_COUNTRIES` chooses `model` or `rules`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from twinning.extract.country_evidence import FEATURES, OrganisationEvidence, collect, stack
from twinning.extract.readers import ExtractError
from twinning.extract.records import ExtractionResult
from twinning.extract.text import clean_text

WEIGHTS_PATH = Path(__file__).with_name("data") / "countries.npz"
MODES = ("rules", "model")
DEFAULT_MODE = "model"


class CountryModelError(ExtractError):
    """The country weights cannot be used (missing or malformed file), or the mode is unknown."""


@dataclass(frozen=True)
class CountryWeights:
    """One weight per feature (`FEATURES`) and the probability a country needs to be kept."""

    weights: np.ndarray
    threshold: float

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            np.savez_compressed(
                handle,
                weights=self.weights.astype(np.float64),
                threshold=np.float64(self.threshold),
                features=np.asarray(FEATURES),
            )


def load_weights(path: Path | None = None) -> CountryWeights:
    """The weights at `path` (the shipped file by default); `CountryModelError` when the file is
    missing, unreadable or written for other features."""
    path = path or WEIGHTS_PATH
    if not path.is_file():
        raise CountryModelError(
            f"country weights not found at {path}: run `python evaluation/train_countries.py`"
            " or set TWINNING_COUNTRIES=rules"
        )
    try:
        with np.load(path) as data:
            features = tuple(data["features"].tolist())
            weights = CountryWeights(data["weights"].astype(np.float64), float(data["threshold"]))
    except (OSError, KeyError, ValueError, EOFError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise CountryModelError(f"country weights at {path} are unreadable: {reason}") from error
    if features != FEATURES or weights.weights.shape != (len(FEATURES),):
        raise CountryModelError(
            f"country weights at {path} were trained for other features: retrain"
        )
    return weights


def probabilities(rows: np.ndarray, groups: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """P(candidate) of every row, abstaining (score 0) being the other option of its group."""
    if rows.size == 0:
        return np.zeros(0)
    scores = rows @ weights
    groups_count = int(groups.max()) + 1
    top = np.zeros(groups_count)
    np.maximum.at(top, groups, scores)
    exp = np.exp(scores - top[groups])
    total = np.exp(-top) + np.bincount(groups, weights=exp, minlength=groups_count)
    return exp / total[groups]


def fit(rows: np.ndarray, groups: np.ndarray, labels: np.ndarray, l2: float = 1.0) -> np.ndarray:
    """Weights maximising the conditional likelihood of the chosen rows (`labels[g]` is the
    row of `rows` holding group g's right country, -1 to abstain), minus `l2` times the squared weights
    (the bias not penalised), by L-BFGS."""
    groups_count = len(labels)
    chosen = labels[labels >= 0]
    penalty = np.ones(rows.shape[1])
    penalty[FEATURES.index("bias")] = 0.0

    def loss(weights: np.ndarray) -> tuple[float, np.ndarray]:
        scores = rows @ weights
        top = np.zeros(groups_count)
        np.maximum.at(top, groups, scores)
        exp = np.exp(scores - top[groups])
        total = np.exp(-top) + np.bincount(groups, weights=exp, minlength=groups_count)
        value = float(np.sum(np.log(total) + top) - np.sum(scores[chosen]))
        probs = exp / total[groups]
        gradient = rows.T @ probs - rows[chosen].sum(axis=0)
        value += l2 * float(np.sum(penalty * weights**2))
        gradient = gradient + 2 * l2 * penalty * weights
        return value / groups_count, gradient / groups_count

    start = np.zeros(rows.shape[1])
    solution = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 1000})
    return np.asarray(solution.x)


def choose(
    evidence: Sequence[OrganisationEvidence], weights: np.ndarray, threshold: float
) -> dict[int, str | None]:
    """Organisation index → the country kept (None to abstain), for every organisation with
    evidence."""
    rows, groups = stack(evidence)
    probs = probabilities(rows, groups, weights)
    chosen: dict[int, str | None] = {}
    offset = 0
    for item in evidence:
        mine = probs[offset : offset + len(item.countries)]
        offset += len(item.countries)
        best = int(np.argmax(mine))
        chosen[item.index] = item.countries[best] if mine[best] >= threshold else None
    return chosen


def country_mode() -> str:
    """The mode `TWINNING_COUNTRIES` sets (`rules`, `model`), `DEFAULT_MODE` when unset; an
    unknown value is a `CountryModelError`."""
    mode = os.environ.get("TWINNING_COUNTRIES", "").strip().lower() or DEFAULT_MODE
    if mode not in MODES:
        raise CountryModelError(f"TWINNING_COUNTRIES={mode!r} is not one of {', '.join(MODES)}")
    return mode


_shared: CountryWeights | None = None


def _shared_weights() -> CountryWeights:
    global _shared
    if _shared is None:
        _shared = load_weights()
    return _shared


def assign(
    result: ExtractionResult,
    evidence: Sequence[OrganisationEvidence],
    chosen: dict[int, str | None],
) -> None:
    """Set each organisation's country to the chosen one (in place); a city stays only when
    its country does."""
    for item in evidence:
        organisation = result.organisations[item.index]
        country = chosen.get(item.index)
        if country != organisation.country:
            organisation.city = item.cities.get(country) if country else None
            organisation.country = country


def apply(
    result: ExtractionResult,
    text: str,
    *,
    title: str = "",
    footer: str = "",
    language: str | None = None,
    mode: str | None = None,
    tables: Sequence[Sequence[Sequence[str]]] = (),
) -> ExtractionResult:
    """`result` with its countries chosen by the model (in place) in mode `model`; unchanged in
    mode `rules`."""
    mode = mode or country_mode()
    if mode not in MODES:
        raise CountryModelError(f"country mode {mode!r} is not one of {', '.join(MODES)}")
    if mode == "rules" or not result.organisations:
        return result
    weights = _shared_weights()
    evidence = collect(
        result, clean_text(text), title=title, footer=footer, language=language, tables=tables
    )
    assign(result, evidence, choose(evidence, weights.weights, weights.threshold))
    return result
