"""Measure a learned precision filter for the rules' pairs by leave-one-set-out cross-validation.

    PYTHONPATH=src python evaluation/train_relation_filter.py                  # the CV tables
    PYTHONPATH=src python evaluation/train_relation_filter.py --cache /tmp/f.pkl  # reuse extraction

Every set of `evaluation.sets.TRAINING_SETS` is one fold. The rules' pairs of each document
(extracted with the shape rule only, as `learned` sees them) are labelled by the gold (`evaluation.scoring`'s matching).
For each held-out set the filter is fitted on the other sets, its threshold chosen by an inner
leave-one-set-out over those sets only (pairs F1); the held-out set is then scored once with
`score_document`, beside the unfiltered rules and the regex baseline. Threshold 0 keeps every
pair. The filter is not shipped: its chosen thresholds kept every pair (ADR 0039).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["TWINNING_RELATION_FILTER"] = "rules"  # the shape rule runs first, as at run time
os.environ["TWINNING_RELATIONS"] = "off"
if "--tagger" in sys.argv[1:-1]:
    os.environ["TWINNING_ORG_TAGGER"] = sys.argv[sys.argv.index("--tagger") + 1]

from evaluation import relation_filter_features as rf  # noqa: E402
from evaluation.all_sets import set_files  # noqa: E402
from evaluation.baseline import baseline_extract  # noqa: E402
from evaluation.scoring import Score, score_document  # noqa: E402
from evaluation.sets import TRAINING_SETS  # noqa: E402
from twinning.extract.language import detect_language  # noqa: E402
from twinning.extract.pipeline import extract_document  # noqa: E402
from twinning.extract.readers import read_document  # noqa: E402
from twinning.extract.text import clean_text  # noqa: E402

L2 = 1.0
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(19))  # 0.0 keeps every pair


@dataclass
class Doc:
    set: str
    name: str
    language: str
    gold: dict[str, Any]
    predicted: dict[str, Any]
    baseline: dict[str, Any]
    features: np.ndarray
    labels: np.ndarray


def greedy_labels(gold: dict[str, Any], predicted: dict[str, Any]) -> np.ndarray:
    """1 for each predicted pair the scorer's greedy matching gives a gold pair, else 0."""
    pairs = predicted["partnerships"]
    labels = np.zeros(len(pairs), dtype=int)
    for gold_pair in gold.get("partnerships", []):
        single = {"organisations": gold.get("organisations", []), "partnerships": [gold_pair]}
        for index, pair in enumerate(pairs):
            if labels[index]:
                continue
            one = {"organisations": predicted["organisations"], "partnerships": [pair]}
            if score_document(single, one)["pairs"].true_positives:
                labels[index] = 1
                break
    return labels


def load_documents(cache: Path | None) -> list[Doc]:
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    docs = []
    for set_name, folder in TRAINING_SETS.items():
        gold = json.loads((ROOT / "tests/extract/gold" / f"{set_name}.json").read_text("utf-8"))
        for path in set_files(folder):
            basename = Path(path).name
            if basename not in gold:
                continue
            document = read_document(path)
            result = extract_document(document)
            whole = clean_text(document.text)
            language = detect_language(whole)
            features = rf.pair_features(result, whole, language)
            predicted = result.to_json()
            expected = gold[basename]
            docs.append(
                Doc(
                    set_name,
                    basename,
                    expected.get("language") or language or "?",
                    expected,
                    predicted,
                    baseline_extract(document.text),
                    features,
                    greedy_labels(expected, predicted),
                )
            )
    if cache is not None:
        cache.write_bytes(pickle.dumps(docs))
    return docs


def fit(features: np.ndarray, labels: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    """Binary logistic regression (L2 on the weights, not the bias) by L-BFGS."""
    n, width = features.shape

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        weights, bias = flat[:width], flat[width]
        z = features @ weights + bias
        p = 1.0 / (1.0 + np.exp(-z))
        eps = 1e-12
        value = -np.mean(labels * np.log(p + eps) + (1 - labels) * np.log(1 - p + eps))
        value += 0.5 * l2 * float(weights @ weights) / n
        residual = (p - labels) / n
        gradient = np.concatenate([features.T @ residual + l2 * weights / n, [residual.sum()]])
        return float(value), gradient

    found = minimize(loss, np.zeros(width + 1), jac=True, method="L-BFGS-B")
    return found.x[:width], float(found.x[width])


def _stack(docs: list[Doc]) -> tuple[np.ndarray, np.ndarray]:
    rows = [d.features for d in docs if len(d.features)]
    labels = [d.labels for d in docs if len(d.features)]
    return np.vstack(rows), np.concatenate(labels)


def _model(docs: list[Doc]) -> tuple[np.ndarray, float]:
    return fit(*_stack(docs))


def _probabilities(doc: Doc, model: tuple[np.ndarray, float]) -> np.ndarray:
    if not len(doc.features):
        return np.zeros(0)
    weights, bias = model
    return 1.0 / (1.0 + np.exp(-(doc.features @ weights + bias)))


def choose_threshold(docs: list[Doc]) -> float:
    """The threshold of best pairs F1 over a leave-one-set-out of `docs` (labels' counts)."""
    sets = sorted({d.set for d in docs})
    counts = {t: [0, 0, 0] for t in THRESHOLDS}
    for held in sets:
        model = _model([d for d in docs if d.set != held])
        for doc in (d for d in docs if d.set == held):
            probs = _probabilities(doc, model)
            gold = len(doc.gold.get("partnerships", []))
            for t in THRESHOLDS:
                keep = probs >= t
                counts[t][0] += int(doc.labels[keep].sum())
                counts[t][1] += int(keep.sum())
                counts[t][2] += gold

    def f1(t: float) -> float:
        tp, pred, gold = counts[t]
        return 2 * tp / (pred + gold) if pred + gold else 0.0

    return max(THRESHOLDS, key=lambda t: (f1(t), -t))


def scored(doc: Doc, keep: np.ndarray | None) -> Score:
    predicted = dict(doc.predicted)
    pairs = doc.predicted["partnerships"]
    if keep is not None:
        predicted["partnerships"] = [p for p, k in zip(pairs, keep, strict=True) if k]
    return score_document(doc.gold, predicted)["pairs"]


def cross_validate(docs: list[Doc]) -> dict[str, Any]:
    """{"sets"|"languages": {key: {"baseline"|"rules"|"filtered": Score}}, "thresholds"}."""
    tables: dict[str, dict[str, dict[str, Score]]] = {"sets": {}, "languages": {}}
    thresholds = {}
    for held in TRAINING_SETS:
        train = [d for d in docs if d.set != held]
        threshold = choose_threshold(train)
        thresholds[held] = threshold
        model = _model(train)
        for doc in (d for d in docs if d.set == held):
            keep = _probabilities(doc, model) >= threshold
            runs = {
                "baseline": score_document(doc.gold, doc.baseline)["pairs"],
                "rules": scored(doc, None),
                "filtered": scored(doc, keep),
            }
            for table, key in (("sets", held), ("sets", "ALL"), ("languages", doc.language)):
                row = tables[table].setdefault(key, {r: Score() for r in runs})
                for run, score in runs.items():
                    row[run].add(score)
    return {**tables, "thresholds": thresholds}


def _cell(score: Score) -> str:
    return (
        f"{score.precision:.2f} / {score.recall:.2f} / {score.f1:.2f} "
        f"({score.true_positives}/{score.predicted}/{score.expected})"
    )


def report(figures: dict[str, Any]) -> str:
    lines = []
    for title in ("sets", "languages"):
        table = figures[title]
        lines.append(
            f"\n| held-out {title[:-1]} | regex baseline | rules | rules + filter (LOSO) |"
        )
        lines.append("| --- | --- | --- | --- |")
        keys = sorted(table) if title == "languages" else [k for k in table if k != "ALL"] + ["ALL"]
        for key in keys:
            row = table[key]
            lines.append(
                f"| {key} | {row['baseline'].f1:.2f} | {_cell(row['rules'])} | "
                f"{_cell(row['filtered'])} |"
            )
    lines.append(f"\nthresholds per held-out set: {figures['thresholds']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tagger", help="TWINNING_ORG_TAGGER for the run (default: shipped)")
    parser.add_argument("--cache", type=Path, help="pickle of the extracted documents (reused)")
    parser.add_argument("--auc", action="store_true", help="also the pooled held-out ROC AUC")
    args = parser.parse_args(argv)
    docs = load_documents(args.cache)
    print(report(cross_validate(docs)))
    if args.auc:
        print(f"\npooled held-out ROC AUC: {held_out_auc(docs):.3f}")
    weights, _bias = _model(docs)
    print("\nweights fitted on every set (largest first):")
    for name, weight in sorted(zip(rf.FEATURES, weights, strict=True), key=lambda x: -abs(x[1])):
        print(f"  {name:<36} {weight:+.3f}")
    return 0


def held_out_auc(docs: list[Doc]) -> float:
    """ROC AUC of the leave-one-set-out probabilities, all held-out pairs pooled."""
    probabilities, labels = [], []
    for held in TRAINING_SETS:
        model = _model([d for d in docs if d.set != held])
        for doc in (d for d in docs if d.set == held and len(d.features)):
            probabilities.append(_probabilities(doc, model))
            labels.append(doc.labels)
    p, y = np.concatenate(probabilities), np.concatenate(labels)
    ranks = np.argsort(np.argsort(p)) + 1
    positives, negatives = int(y.sum()), int(len(y) - y.sum())
    return float((ranks[y == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives))


if __name__ == "__main__":
    raise SystemExit(main())
