"""Train the learned relation component and measure it by leave-one-set-out cross-validation.

    PYTHONPATH=src python evaluation/train_relations.py            # CV table, then the weights
    PYTHONPATH=src python evaluation/train_relations.py --no-save  # the CV table only

Every gold set under `tests/extract/` is one fold. For each held-out set the model is fitted on
the others, and its threshold is chosen by an inner leave-one-set-out over those others only;
the held-out set is then scored once with `evaluation.scoring.score_document`, beside the
pattern rules and the regex baseline of the same run. The shipped weights are fitted on every
set, their threshold chosen by the same leave-one-set-out. Embeddings are cached in
`--cache` (default `/tmp/twinning-relations-cache.npz`); the cache changes no figure.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["TWINNING_RELATIONS"] = "off"
# The candidates come from the organisations the product finds: the rules plus the organisation
# tagger (ADR 0029, on by default). `--tagger off` re-creates the first weights' setting.
if "--tagger" in sys.argv[1:-1]:
    os.environ["TWINNING_ORG_TAGGER"] = sys.argv[sys.argv.index("--tagger") + 1]
else:
    os.environ.setdefault("TWINNING_ORG_TAGGER", "add")

from evaluation import scoring  # noqa: E402
from evaluation.baseline import baseline_extract  # noqa: E402
from evaluation.scoring import FIELDS, Score, score_document  # noqa: E402
from evaluation.sets import TRAINING_SETS  # noqa: E402
from twinning.extract import relation_model as rm  # noqa: E402
from twinning.extract.pipeline import extract_document  # noqa: E402
from twinning.extract.readers import read_document  # noqa: E402
from twinning.extract.records import Partnership  # noqa: E402
from twinning.extract.relation_candidates import CLASSES, Candidate, candidates  # noqa: E402
from twinning.extract.text import clean_text, name_key  # noqa: E402

# The same keys, computed once per name: the threshold search scores every document often.
scoring.name_key = functools.lru_cache(maxsize=None)(scoring.name_key)

SETS = TRAINING_SETS
THRESHOLDS = tuple(round(0.1 + 0.05 * i, 2) for i in range(17))
L2 = 1.0
BALANCED = False  # --balanced: classes weighted n / (classes × count)
MODES = ("replace", "add")
TRAIN_TAGGER: str | None = None  # --train-tagger: another tagger mode for training candidates


@dataclass
class Doc:
    set: str
    name: str
    language: str
    gold: dict[str, Any]
    rules: dict[str, Any]
    baseline: dict[str, Any]
    test: list[Candidate]
    train: list[Candidate]
    train_labels: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))


def _keys(name: str, organisations: list[dict[str, Any]]) -> set[str]:
    keys = {name_key(name)}
    for record in organisations:
        known = {name_key(record["name"])} | (
            {name_key(record["acronym"])} if record.get("acronym") else set()
        )
        if keys & known:
            return keys | known
    return keys


def label(candidate: Candidate, gold: dict[str, Any], organisations: list[dict[str, Any]]) -> int:
    """The class of `candidate` by the gold pairs (none when the gold does not pair its ends)."""
    a, b = _keys(candidate.a, organisations), _keys(candidate.b, organisations)
    for pair in gold.get("partnerships", []):
        gold_a = _keys(pair["a"], gold.get("organisations", []))
        gold_b = _keys(pair["b"], gold.get("organisations", []))
        forward, backward = bool(a & gold_a and b & gold_b), bool(a & gold_b and b & gold_a)
        if forward or backward:
            kind = pair["kind"]
            if kind in ("membership", "visit"):
                kind += "_ab" if forward else "_ba"
            return CLASSES.index(kind)
    return 0


def _found_for_training(document: Any, found: list[tuple[str, str | None]]) -> list[Any]:
    """The organisations training candidates start from: those of the run, or those found with
    the tagger in `TRAIN_TAGGER` mode (the first weights' recipe: `off`)."""
    if TRAIN_TAGGER is None or os.environ["TWINNING_ORG_TAGGER"] == TRAIN_TAGGER:
        return found
    run_mode = os.environ["TWINNING_ORG_TAGGER"]
    os.environ["TWINNING_ORG_TAGGER"] = TRAIN_TAGGER
    try:
        return [(o.name, o.acronym) for o in extract_document(document).organisations]
    finally:
        os.environ["TWINNING_ORG_TAGGER"] = run_mode


def load_documents() -> list[Doc]:
    docs = []
    for set_name, folder in SETS.items():
        gold = json.loads((ROOT / "tests/extract/gold" / f"{set_name}.json").read_text("utf-8"))
        for path in sorted((ROOT / "tests/extract" / folder).iterdir()):
            if path.name == "README.md" or path.name not in gold:
                continue
            document = read_document(str(path))
            result = extract_document(document)
            rules = result.to_json()
            text = clean_text(document.text)
            found = [(o.name, o.acronym) for o in result.organisations]
            expected = gold[path.name]
            with_gold = _found_for_training(document, found) + [
                (o["name"], o.get("acronym")) for o in expected.get("organisations", [])
            ]
            tables = "\n".join(" | ".join(r) for t in document.tables for r in t)
            doc = Doc(
                set_name,
                path.name,
                expected.get("language") or scoring._language(document.text),
                expected,
                rules,
                baseline_extract("\n".join([document.text, tables])),
                candidates(text, found, result.subject),
                candidates(text, with_gold, result.subject),
            )
            organisations = rules["organisations"] + expected.get("organisations", [])
            doc.train_labels = np.asarray(
                [label(c, expected, organisations) for c in doc.train], dtype=int
            )
            docs.append(doc)
    return docs


def embed_all(docs: list[Doc], cache_path: Path) -> dict[str, np.ndarray]:
    """Context → embedding for every candidate, read from / added to the cache file."""
    cache: dict[str, np.ndarray] = {}
    if cache_path.is_file():
        with np.load(cache_path) as data:
            cache = dict(zip(data["texts"].tolist(), data["vectors"], strict=True))
    texts = sorted({c.context for d in docs for c in d.test + d.train} - set(cache))
    if texts:
        print(f"embedding {len(texts)} contexts", file=sys.stderr)
        vectors = rm.Encoder().encode(texts)
        cache.update(zip(texts, vectors, strict=True))
        keys = sorted(cache)
        np.savez(cache_path, texts=np.asarray(keys), vectors=np.stack([cache[k] for k in keys]))
    return cache


def matrix(found: list[Candidate], cache: dict[str, np.ndarray]) -> np.ndarray:
    from twinning.extract.relation_candidates import structural_matrix

    if not found:
        return np.zeros((0, rm.EMBEDDING_WIDTH + len(structural_matrix([]).T)))
    embedded = np.stack([cache[c.context] for c in found])
    return np.hstack([embedded, structural_matrix(found)]).astype(np.float64)


def fit_on(docs: list[Doc], cache: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    features = np.vstack([matrix(d.train, cache) for d in docs if d.train])
    labels = np.concatenate([d.train_labels for d in docs if d.train])
    weights = rm.balanced_weights(labels) if BALANCED else None
    return rm.fit(features, labels, l2=L2, class_weight=weights)


def predicted(doc: Doc, probs: np.ndarray, threshold: float, mode: str) -> dict[str, Any]:
    rules = [
        Partnership(p["a"], p["b"], p["kind"], [], p.get("year")) for p in doc.rules["partnerships"]
    ]
    learned = rm.decide(doc.test, probs, threshold) if doc.test else []
    pairs = rm.combine(rules, learned, mode)
    return {**doc.rules, "partnerships": [p.to_json() for p in pairs]}


def probabilities(
    doc: Doc, model: tuple[np.ndarray, np.ndarray], cache: dict[str, np.ndarray]
) -> np.ndarray:
    if not doc.test:
        return np.zeros((0, len(CLASSES)))
    return rm.softmax(matrix(doc.test, cache) @ model[0] + model[1])


def pair_f1(docs: list[Doc], probs: dict[int, np.ndarray], threshold: float, mode: str) -> float:
    total = Score()
    for index, doc in enumerate(docs):
        total.add(score_document(doc.gold, predicted(doc, probs[index], threshold, mode))["pairs"])
    return total.f1


def choose_threshold(
    docs: list[Doc],
    cache: dict[str, np.ndarray],
    mode: str,
    oof: dict[int, np.ndarray] | None = None,
) -> tuple[float, dict[int, np.ndarray]]:
    """The threshold with the best pair F1 over `docs`, each set scored by a model fitted on
    the other sets of `docs` only."""
    if oof is None:
        oof = {}
        for held in sorted({d.set for d in docs}):
            model = fit_on([d for d in docs if d.set != held], cache)
            for index, doc in enumerate(docs):
                if doc.set == held:
                    oof[index] = probabilities(doc, model, cache)
    best = max(THRESHOLDS, key=lambda t: (pair_f1(docs, oof, t, mode), t))
    return best, oof


def _cell(score: Score) -> str:
    return f"{score.precision:.2f} / {score.recall:.2f} / {score.f1:.2f} ({score.true_positives}/{score.predicted}/{score.expected})"


def cross_validate(
    docs: list[Doc], cache: dict[str, np.ndarray], held_out: list[str] | None = None
) -> dict[str, Any]:
    systems = ("baseline", "rules", *MODES)
    per_set: dict[str, dict[str, dict[str, Score]]] = {}
    per_language: dict[str, dict[str, dict[str, Score]]] = {}
    thresholds: dict[str, dict[str, float]] = {}
    for held in held_out or list(SETS):
        training = [d for d in docs if d.set != held]
        model = fit_on(training, cache)
        oof = None
        chosen = {}
        for mode in MODES:
            chosen[mode], oof = choose_threshold(training, cache, mode, oof)
        thresholds[held] = chosen
        for doc in (d for d in docs if d.set == held):
            probs = probabilities(doc, model, cache)
            outputs = {"baseline": doc.baseline, "rules": doc.rules}
            outputs.update({mode: predicted(doc, probs, chosen[mode], mode) for mode in MODES})
            for system in systems:
                scores = score_document(doc.gold, outputs[system])
                for table, key in ((per_set, held), (per_language, doc.language)):
                    bucket = table.setdefault(key, {}).setdefault(
                        system, {f: Score() for f in (*FIELDS, "overall")}
                    )
                    for field_name in FIELDS:
                        bucket[field_name].add(scores[field_name])
                        bucket["overall"].add(scores[field_name])
        print(f"fold {held}: thresholds {chosen}", file=sys.stderr)
    return {"sets": per_set, "languages": per_language, "thresholds": thresholds}


def report(figures: dict[str, Any]) -> str:
    lines = []
    for title, table in (("held-out set", figures["sets"]), ("language", figures["languages"])):
        lines.append(
            f"| {title} | pairs: regex baseline | pairs: rules | pairs: learned only | pairs: rules + learned | overall F1 baseline / rules / learned only / rules + learned |"
        )
        lines.append("| --- | --- | --- | --- | --- | --- |")
        totals: dict[str, dict[str, Score]] = {}
        for key in sorted(table) if title == "language" else list(table):
            row = table[key]
            for system, scores in row.items():
                bucket = totals.setdefault(system, {"pairs": Score(), "overall": Score()})
                bucket["pairs"].add(scores["pairs"])
                bucket["overall"].add(scores["overall"])
            lines.append(_row(key, row))
        lines.append(_row("**all**", totals))
        lines.append("")
    return "\n".join(lines)


def _row(key: str, row: dict[str, dict[str, Score]]) -> str:
    systems = ("baseline", "rules", *MODES)
    overall = " / ".join(f"{row[s]['overall'].f1:.3f}" for s in systems)
    return f"| {key} | " + " | ".join(_cell(row[s]["pairs"]) for s in systems) + f" | {overall} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default="/tmp/twinning-relations-cache.npz")
    parser.add_argument("--no-save", action="store_true")
    parser.add_argument("--balanced", action="store_true", help="weight classes by 1/frequency")
    parser.add_argument(
        "--tagger", choices=("add", "off"), default="add", help="TWINNING_ORG_TAGGER for the run"
    )
    parser.add_argument(
        "--train-tagger",
        choices=("add", "off"),
        help="the tagger mode for training candidates (default: the run's, --tagger)",
    )
    parser.add_argument(
        "--held-out", nargs="+", choices=list(SETS), help="score only these folds (default all)"
    )
    arguments = parser.parse_args()
    global BALANCED, TRAIN_TAGGER
    BALANCED = arguments.balanced
    TRAIN_TAGGER = arguments.train_tagger
    docs = load_documents()
    print(
        f"{len(docs)} documents, {sum(len(d.test) for d in docs)} test / "
        f"{sum(len(d.train) for d in docs)} training candidates, "
        f"{int(sum((d.train_labels > 0).sum() for d in docs))} positive",
        file=sys.stderr,
    )
    cache = embed_all(docs, Path(arguments.cache))
    print(report(cross_validate(docs, cache, arguments.held_out)))
    if not arguments.no_save:
        weights, bias = fit_on(docs, cache)
        thresholds: dict[str, float] = {}
        oof = None
        for mode in MODES:
            thresholds[mode], oof = choose_threshold(docs, cache, mode, oof)
        rm.RelationWeights(weights, bias, thresholds).save(rm.WEIGHTS_PATH)
        print(f"saved {rm.WEIGHTS_PATH} (thresholds {thresholds})", file=sys.stderr)


if __name__ == "__main__":
    main()
