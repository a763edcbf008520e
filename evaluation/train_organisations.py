"""Train the organisation-mention tagger and measure it by leave-one-set-out cross-validation.

    PYTHONPATH=src python evaluation/train_organisations.py --no-save   # CV tables only
    PYTHONPATH=src python evaluation/train_organisations.py             # + writes organisations.npz
    ... --relations     # also score each held-out set with TWINNING_RELATIONS=add
    ... --alternative   # also a token-level logistic regression over the same features
    ... --cut 0.8       # every fold, and the saved model, use this cut (no inner choice)

Every gold set under `tests/extract/` but the seeds is one fold. Labels are distant
supervision: every occurrence of a gold organisation's name or acronym in the document's text.
For each held-out set a CRF is fitted on the other sets, and its marginal-probability cut is
chosen by an inner leave-one-set-out over those sets only (organisation F1 of the rules'
organisations plus the new mentions); the held-out set is then run through the whole extractor
with that model and scored with `evaluation.scoring.score_document`, beside the rules alone and
the regex baseline of the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["TWINNING_ORG_TAGGER"] = "off"
os.environ["TWINNING_RELATIONS"] = "off"

import pycrfsuite  # noqa: E402

from evaluation import scoring  # noqa: E402
from evaluation.baseline import baseline_extract  # noqa: E402
from evaluation.scoring import FIELDS, Score, score_document  # noqa: E402
from evaluation.sets import TRAINING_SETS  # noqa: E402
from twinning.extract import org_tagger  # noqa: E402
from twinning.extract.org_features import sequence_features, title_words, tokenise  # noqa: E402
from twinning.extract.org_tagger import Mention, OrganisationTagger, bio_labels  # noqa: E402
from twinning.extract.pipeline import extract_document  # noqa: E402
from twinning.extract.readers import ExtractError, ReadDocument, read_document  # noqa: E402
from twinning.extract.text import clean_text, name_key  # noqa: E402

SETS = TRAINING_SETS
THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
CRF_PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}


@dataclass
class Doc:
    set: str
    name: str
    language: str
    document: ReadDocument | None
    text: str
    title: str
    gold: dict[str, Any]
    rules: dict[str, Any]
    baseline: dict[str, Any]
    features: list[list[list[str]]]
    labels: list[list[str]]


def load_documents() -> list[Doc]:
    docs = []
    for set_name, folder in SETS.items():
        gold = json.loads((ROOT / "tests/extract/gold" / f"{set_name}.json").read_text("utf-8"))
        for path in sorted((ROOT / "tests/extract" / folder).iterdir()):
            if path.name == "README.md" or path.name not in gold:
                continue
            expected = gold[path.name]
            document: ReadDocument | None
            try:
                document = read_document(str(path))
                rules = extract_document(document).to_json()
                raw = document.text
                tables = "\n".join(" | ".join(r) for t in document.tables for r in t)

                title = document.title
            except ExtractError:
                document, rules, title = None, {}, ""
                raw = path.read_bytes().decode("utf-8", errors="replace")
                tables = ""
            text = org_tagger.tagging_text(
                clean_text(raw), document.tables if document is not None else None
            )
            names = [o["name"] for o in expected.get("organisations", [])] + [
                o["acronym"] for o in expected.get("organisations", []) if o.get("acronym")
            ]
            in_title = title_words(title)
            sequences = tokenise(text)
            docs.append(
                Doc(
                    set_name,
                    path.name,
                    expected.get("language") or scoring._language(raw),
                    document,
                    text,
                    title,
                    expected,
                    rules,
                    baseline_extract("\n".join([raw, tables])),
                    [sequence_features(text, tokens, in_title) for tokens in sequences],
                    [bio_labels(text, tokens, names) for tokens in sequences],
                )
            )
    return docs


def train_crf(docs: list[Doc]) -> bytes:
    """A CRF fitted on every line of `docs`; the model file's bytes."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for doc in docs:
        for features, labels in zip(doc.features, doc.labels, strict=True):
            trainer.append(features, labels)
    trainer.set_params(CRF_PARAMS)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.crfsuite"
        trainer.train(str(path))
        return path.read_bytes()


def rule_keys(rules: dict[str, Any]) -> set[str]:
    keys = set()
    for record in rules.get("organisations", []):
        keys.add(name_key(record["name"]))
        if record.get("acronym"):
            keys.add(name_key(record["acronym"]))
    return keys - {""}


def simulated(doc: Doc, mentions: list[Mention], threshold: float) -> dict[str, Any]:
    """The rules' output plus the new mentions at `threshold` (a cheap stand-in for the whole
    extractor, used to choose the cut inside the training folds)."""
    known = rule_keys(doc.rules)
    added: list[dict[str, Any]] = []
    for mention in mentions:
        key = name_key(mention.name)
        if mention.confidence < threshold or not key or not org_tagger.plausible(mention.name):
            continue
        if key in known or any(key in k or k in key for k in known):
            continue
        known.add(key)
        added.append({"name": mention.name, "acronym": None})
    return {**doc.rules, "organisations": doc.rules.get("organisations", []) + added}


def organisation_score(docs: list[Doc], mentions: dict[int, list[Mention]], t: float) -> Score:
    total = Score()
    for index, doc in enumerate(docs):
        total.add(score_document(doc.gold, simulated(doc, mentions[index], t))["organisations"])
    return total


def choose_threshold(docs: list[Doc]) -> float:
    """The cut with the best organisation F1 over `docs`, each set tagged by a CRF fitted on
    the other sets of `docs` only."""
    mentions: dict[int, list[Mention]] = {}
    for held in sorted({d.set for d in docs}):
        tagger = OrganisationTagger(train_crf([d for d in docs if d.set != held]), 0.0)
        for index, doc in enumerate(docs):
            if doc.set == held:
                mentions[index] = tagger.scored(doc.text, doc.title)
    return max(THRESHOLDS, key=lambda t: (organisation_score(docs, mentions, t).f1, t))


def run_extractor(doc: Doc, tagger_mode: str, relations: str) -> dict[str, Any]:
    if doc.document is None:
        return {}
    os.environ["TWINNING_ORG_TAGGER"] = tagger_mode
    os.environ["TWINNING_RELATIONS"] = relations
    try:
        return extract_document(doc.document).to_json()
    finally:
        os.environ["TWINNING_ORG_TAGGER"] = "off"
        os.environ["TWINNING_RELATIONS"] = "off"


def _bucket(
    table: dict[str, dict[str, dict[str, Score]]], key: str, system: str
) -> dict[str, Score]:
    return table.setdefault(key, {}).setdefault(system, {f: Score() for f in (*FIELDS, "overall")})


def cross_validate(
    docs: list[Doc], relations: bool, alternative: bool, cut: float | None = None
) -> dict[str, Any]:
    per_set: dict[str, dict[str, dict[str, Score]]] = {}
    per_language: dict[str, dict[str, dict[str, Score]]] = {}
    thresholds: dict[str, float] = {}
    for held in SETS:
        started = time.monotonic()
        training = [d for d in docs if d.set != held]
        threshold = choose_threshold(training) if cut is None else cut
        thresholds[held] = threshold
        tagger = OrganisationTagger(train_crf(training), threshold)
        org_tagger.use_tagger(tagger)
        token_model = fit_token_model(training) if alternative else None
        for doc in (d for d in docs if d.set == held):
            outputs = {
                "baseline": doc.baseline,
                "rules": doc.rules,
                "tagger": run_extractor(doc, "add", "off"),
                "tagger correct": run_extractor(doc, "correct", "off"),
            }
            if relations:
                outputs["rules+relations"] = run_extractor(doc, "off", "add")
                outputs["tagger+relations"] = run_extractor(doc, "add", "add")
            scored = tagger.scored(doc.text, doc.title)
            outputs["crf (organisations only)"] = simulated(doc, scored, threshold)
            if token_model is not None:
                outputs["token LR (organisations only)"] = simulated(
                    doc, token_mentions(token_model, doc), 0.5
                )
            for system, output in outputs.items():
                scores = score_document(doc.gold, output)
                for table, key in ((per_set, held), (per_language, doc.language)):
                    bucket = _bucket(table, key, system)
                    for name in FIELDS:
                        bucket[name].add(scores[name])
                        bucket["overall"].add(scores[name])
        print(f"fold {held}: cut {threshold}, {time.monotonic() - started:.0f} s", file=sys.stderr)
    org_tagger.use_tagger(None)
    return {"sets": per_set, "languages": per_language, "thresholds": thresholds}


def _cell(score: Score) -> str:
    return f"{score.precision:.2f} / {score.recall:.2f} / {score.f1:.2f} ({score.true_positives}/{score.predicted}/{score.expected})"


def report(figures: dict[str, Any]) -> str:
    lines = []
    for title, table in (("held-out set", figures["sets"]), ("language", figures["languages"])):
        systems = list(next(iter(table.values())))
        totals: dict[str, dict[str, Score]] = {}
        for field_name in ("organisations", "country", "pairs", "overall"):
            lines.append(f"{field_name} P / R / F1 (tp/pred/gold) by {title}:")
            lines.append(f"| {title} | " + " | ".join(systems) + " |")
            lines.append("| --- |" + " --- |" * len(systems))
            for key in sorted(table) if title == "language" else list(table):
                row = table[key]
                cells = [_cell(row[s][field_name]) if s in row else "—" for s in systems]
                lines.append(f"| {key} | " + " | ".join(cells) + " |")
            for row in table.values():
                for system, scores in row.items():
                    bucket = totals.setdefault(system, {f: Score() for f in (*FIELDS, "overall")})
                    bucket[field_name].add(scores[field_name])
            lines.append(
                "| **all** | " + " | ".join(_cell(totals[s][field_name]) for s in systems) + " |"
            )
            lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-save", action="store_true")
    parser.add_argument("--no-cv", action="store_true", help="only fit and save the model")
    parser.add_argument("--relations", action="store_true")
    parser.add_argument("--alternative", action="store_true")
    parser.add_argument("--cut", type=float, help="one fixed cut for every fold")
    arguments = parser.parse_args()
    started = time.monotonic()
    docs = load_documents()
    tokens = sum(len(labels) for d in docs for labels in d.labels)
    inside = sum(label != "O" for d in docs for labels in d.labels for label in labels)
    print(
        f"{len(docs)} documents, {tokens} tokens, {inside} inside a gold name "
        f"({time.monotonic() - started:.0f} s)",
        file=sys.stderr,
    )
    if not arguments.no_cv:
        figures = cross_validate(docs, arguments.relations, arguments.alternative, arguments.cut)
        print(report(figures))
        print(f"cuts per fold: {figures['thresholds']}")
    if not arguments.no_save:
        threshold = choose_threshold(docs) if arguments.cut is None else arguments.cut
        OrganisationTagger(train_crf(docs), threshold).save(org_tagger.MODEL_PATH)
        print(f"saved {org_tagger.MODEL_PATH} (cut {threshold})", file=sys.stderr)


from evaluation.token_model import fit_token_model, token_mentions  # noqa: E402

if __name__ == "__main__":
    main()
