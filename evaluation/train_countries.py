"""Train the learned country chooser and measure it by leave-one-set-out cross-validation.

    PYTHONPATH=src python evaluation/train_countries.py            # CV tables, then the weights
    PYTHONPATH=src python evaluation/train_countries.py --no-save  # the CV tables only

Every gold set under `tests/extract/` is one fold. For each held-out set the model is fitted
on the others and its threshold chosen by an inner leave-one-set-out over those others only;
the held-out set is then scored once with `evaluation.scoring.score_document` beside the
rules' countries and the regex baseline of the same run. Two variants are fitted on the same
folds: the evidence with the rules' choice as one more feature, and the evidence alone. The
shipped weights (the first variant) are fitted on every set, their threshold chosen by the
same leave-one-set-out. The extractions are cached in `--cache` (default
`/tmp/twinning-countries-cache.pkl`, keyed by the source tree); the cache changes no figure.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import pickle
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["TWINNING_COUNTRIES"] = "rules"
os.environ["TWINNING_RELATIONS"] = "off"

from evaluation import scoring  # noqa: E402
from evaluation.baseline import baseline_extract  # noqa: E402
from evaluation.scoring import FIELDS, Score, score_document  # noqa: E402
from evaluation.sets import TRAINING_SETS  # noqa: E402
from twinning.extract import country_model as cm  # noqa: E402
from twinning.extract import tabular  # noqa: E402
from twinning.extract.country_evidence import FEATURES, OrganisationEvidence, collect  # noqa: E402
from twinning.extract.language import detect_language  # noqa: E402
from twinning.extract.pipeline import extract_document  # noqa: E402
from twinning.extract.readers import read_document  # noqa: E402
from twinning.extract.records import ExtractionResult  # noqa: E402
from twinning.extract.text import clean_text  # noqa: E402

SETS = TRAINING_SETS
THRESHOLDS = tuple(round(0.2 + 0.05 * i, 2) for i in range(15))
L2 = 0.3
VARIANTS = ("model", "evidence")  # with the rules' choice as a feature / without it
RULES_COLUMN = FEATURES.index("rules")


@dataclass
class Doc:
    set: str
    name: str
    language: str
    gold: dict[str, Any]
    rules: dict[str, Any]
    baseline: dict[str, Any]
    evidence: list[OrganisationEvidence]
    labels: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    reachable: int = 0
    matched: dict[int, str | None] = field(default_factory=dict)
    gold_countries: int = 0


def _tree_key() -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src/twinning/extract").rglob("*.py")):
        if path.name not in ("country_evidence.py", "country_model.py", "country_places.py"):
            digest.update(path.read_bytes())
    for set_name, folder in SETS.items():
        digest.update((ROOT / "tests/extract/gold" / f"{set_name}.json").read_bytes())
        for path in sorted((ROOT / "tests/extract" / folder).iterdir()):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def _extractions(cache_path: Path) -> list[tuple[str, str, Any, ExtractionResult, str, str]]:
    """(set, file name, read document, rules result, cleaned text, detected language) of every
    gold document, from the cache when the sources are unchanged."""
    key = _tree_key()
    if cache_path.is_file():
        with cache_path.open("rb") as handle:
            stored = pickle.load(handle)
        if stored.get("key") == key:
            return list(stored["documents"])
    documents = []
    for set_name, folder in SETS.items():
        gold = json.loads((ROOT / "tests/extract/gold" / f"{set_name}.json").read_text("utf-8"))
        for path in sorted((ROOT / "tests/extract" / folder).iterdir()):
            if path.name == "README.md" or path.name not in gold:
                continue
            document = read_document(str(path))
            result = extract_document(document)
            text = clean_text(document.text)
            documents.append((set_name, path.name, document, result, text, detect_language(text)))
        print(f"extracted {set_name}", file=sys.stderr)
    with cache_path.open("wb") as handle:
        pickle.dump({"key": key, "documents": documents}, handle)
    return documents


def load_documents(cache_path: Path) -> list[Doc]:
    docs = []
    golds = {
        s: json.loads((ROOT / "tests/extract/gold" / f"{s}.json").read_text("utf-8")) for s in SETS
    }
    for set_name, name, document, result, text, language in _extractions(cache_path):
        expected = golds[set_name][name]
        rules = result.to_json()
        tables = "\n".join(" | ".join(r) for t in document.tables for r in t)
        evidence = collect(
            result,
            text,
            title=document.title,
            footer=document.footer,
            language=language,
            tables=document.tables or tabular.markdown_tables(document.text),
        )
        doc = Doc(
            set_name,
            name,
            expected.get("language") or scoring._language(document.text),
            expected,
            rules,
            baseline_extract("\n".join([document.text, tables])),
            evidence,
        )
        gold_organisations = expected.get("organisations", [])
        gold_of = {
            predicted: gold_organisations[gold_index].get("country")
            for gold_index, predicted in scoring._match_organisations(
                gold_organisations, rules["organisations"]
            )
        }
        labels = []
        for item in evidence:
            country = gold_of.get(item.index)
            labels.append(item.countries.index(country) if country in item.countries else -1)
            doc.reachable += int(country in item.countries)
        doc.labels = np.asarray(labels, dtype=int)
        doc.matched = gold_of
        doc.gold_countries = sum(1 for o in gold_organisations if o.get("country") is not None)
        docs.append(doc)
    return docs


def _matrix(docs: list[Doc], variant: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows, groups, labels, offset, group = [], [], [], 0, 0
    for doc in docs:
        for item, label in zip(doc.evidence, doc.labels, strict=True):
            rows.append(item.rows)
            groups.append(np.full(len(item.countries), group))
            labels.append(offset + label if label >= 0 else -1)
            group += 1
            offset += len(item.countries)
    if not rows:
        return np.zeros((0, len(FEATURES))), np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    matrix = np.vstack(rows)
    if variant == "evidence":
        matrix = matrix.copy()
        matrix[:, RULES_COLUMN] = 0.0
    return matrix, np.concatenate(groups), np.asarray(labels, dtype=int)


def fit_on(docs: list[Doc], variant: str) -> np.ndarray:
    rows, groups, labels = _matrix(docs, variant)
    return cm.fit(rows, groups, labels, l2=L2)


def predicted(doc: Doc, weights: np.ndarray, threshold: float, variant: str) -> dict[str, Any]:
    """The rules' output with the countries the model chooses."""
    output = {**doc.rules, "organisations": [dict(o) for o in doc.rules["organisations"]]}
    evidence = doc.evidence
    if variant == "evidence":
        evidence = [copy.copy(item) for item in evidence]
        for item in evidence:
            item.rows = item.rows.copy()
            item.rows[:, RULES_COLUMN] = 0.0
    chosen = cm.choose(evidence, weights, threshold)
    for index, record in enumerate(output["organisations"]):
        record["country"] = chosen.get(index)
    return output


def country_score(
    docs: list[Doc], models: dict[str, np.ndarray], threshold: float, variant: str
) -> Score:
    """The country field of `score_document` over `docs`, computed from the matches alone."""
    total = Score()
    for doc in docs:
        output = predicted(doc, models[doc.set], threshold, variant)["organisations"]
        total.add(
            Score(
                sum(
                    1 for p, g in doc.matched.items() if g is not None and output[p]["country"] == g
                ),
                sum(1 for record in output if record["country"] is not None),
                doc.gold_countries,
            )
        )
    return total


def choose_threshold(docs: list[Doc], variant: str) -> float:
    """The threshold with the best country F1 over `docs`, each set scored by a model fitted
    on the other sets of `docs` only."""
    held_sets = sorted({d.set for d in docs})
    models = {held: fit_on([d for d in docs if d.set != held], variant) for held in held_sets}
    return max(THRESHOLDS, key=lambda t: (country_score(docs, models, t, variant).f1, t))


def _empty() -> dict[str, Score]:
    return {f: Score() for f in (*FIELDS, "overall")}


def cross_validate(docs: list[Doc]) -> dict[str, Any]:
    systems = ("baseline", "rules", *VARIANTS)
    per_set: dict[str, dict[str, dict[str, Score]]] = {}
    per_language: dict[str, dict[str, dict[str, Score]]] = {}
    thresholds: dict[str, dict[str, float]] = {}
    for held in SETS:
        training = [d for d in docs if d.set != held]
        chosen = {variant: choose_threshold(training, variant) for variant in VARIANTS}
        models = {variant: fit_on(training, variant) for variant in VARIANTS}
        thresholds[held] = chosen
        for doc in (d for d in docs if d.set == held):
            outputs = {"baseline": doc.baseline, "rules": doc.rules}
            for variant in VARIANTS:
                outputs[variant] = predicted(doc, models[variant], chosen[variant], variant)
            for system in systems:
                scores = score_document(doc.gold, outputs[system])
                for table, key in ((per_set, held), (per_language, doc.language)):
                    bucket = table.setdefault(key, {}).setdefault(system, _empty())
                    for field_name in FIELDS:
                        bucket[field_name].add(scores[field_name])
                        bucket["overall"].add(scores[field_name])
        print(f"fold {held}: thresholds {chosen}", file=sys.stderr)
    return {"sets": per_set, "languages": per_language, "thresholds": thresholds}


def _cell(score: Score) -> str:
    return (
        f"{score.precision:.2f} / {score.recall:.2f} / {score.f1:.2f} "
        f"({score.true_positives}/{score.predicted}/{score.expected})"
    )


def report(figures: dict[str, Any], docs: list[Doc]) -> str:
    systems = ("baseline", "rules", *VARIANTS)
    names = {
        "baseline": "regex baseline",
        "rules": "rules",
        "model": "model (evidence + rules' choice)",
        "evidence": "model (evidence only)",
    }
    lines = []
    reach: dict[str, int] = {}
    for doc in docs:
        reach[doc.set] = reach.get(doc.set, 0) + doc.reachable
        reach[doc.language] = reach.get(doc.language, 0) + doc.reachable
    for title, table in (("held-out set", figures["sets"]), ("language", figures["languages"])):
        header = " | ".join(f"country: {names[s]}" for s in systems)
        lines.append(f"| {title} | {header} | reachable | overall F1 rules / model / evidence |")
        lines.append("| --- " * (len(systems) + 3) + "|")
        totals = {s: _empty() for s in systems}
        keys = sorted(table) if title == "language" else list(table)
        for key in keys:
            row = table[key]
            for system in systems:
                for name, score in row[system].items():
                    totals[system][name].add(score)
            lines.append(_row(key, row, systems, reach.get(key, 0)))
        lines.append(_row("**all**", totals, systems, sum(d.reachable for d in docs)))
        if title == "held-out set":
            means = " | ".join(
                f"{np.mean([table[k][s]['country'].f1 for k in keys]):.3f}" for s in systems
            )
            lines.append(f"| mean F1 over held-out sets | {means} | | |")
        lines.append("")
    return "\n".join(lines)


def _row(key: str, row: dict[str, dict[str, Score]], systems: tuple[str, ...], reach: int) -> str:
    overall = " / ".join(f"{row[s]['overall'].f1:.3f}" for s in ("rules", *VARIANTS))
    cells = " | ".join(_cell(row[s]["country"]) for s in systems)
    return f"| {key} | {cells} | {reach} | {overall} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--cache", default="/tmp/twinning-countries-cache.pkl")
    parser.add_argument("--no-save", action="store_true")
    arguments = parser.parse_args()
    docs = load_documents(Path(arguments.cache))
    groups = sum(len(d.evidence) for d in docs)
    print(
        f"{len(docs)} documents, {groups} organisations with evidence, "
        f"{sum(d.reachable for d in docs)} with the gold country among their candidates",
        file=sys.stderr,
    )
    figures = cross_validate(docs)
    print(report(figures, docs))
    if not arguments.no_save:
        threshold = choose_threshold(docs, "model")
        weights = fit_on(docs, "model")
        cm.CountryWeights(weights, threshold).save(cm.WEIGHTS_PATH)
        listed = ", ".join(f"{n} {w:+.2f}" for n, w in zip(FEATURES, weights, strict=True))
        print(f"saved {cm.WEIGHTS_PATH} (threshold {threshold}): {listed}", file=sys.stderr)


if __name__ == "__main__":
    main()
