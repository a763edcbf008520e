"""Organisations (and overall) per set and per language, every set tagged by a CRF fitted on the
other sets (leave-one-set-out), one fixed cut, no inner choice (ADR 0036).

    PYTHONPATH=src python evaluation/org_sets.py correct      # or: add, off
    PYTHONPATH=src python evaluation/org_sets.py add --folds /tmp/folds --cut 0.8

The fold models are fitted once and kept in `--folds` (a fresh temporary folder by default), so
modes and commits can be compared on the same folds. The file may be copied into an older
checkout to score its code the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHOWN = ("organisations", "country", "pairs", "overall")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("off", "add", "correct"))
    parser.add_argument("--cut", type=float, default=0.8)
    parser.add_argument("--folds", type=Path, default=None)
    arguments = parser.parse_args()
    os.environ["TWINNING_ORG_TAGGER"] = arguments.mode
    os.environ["TWINNING_RELATIONS"] = "off"
    from evaluation import scoring
    from evaluation.scoring import FIELDS, Score, score_document
    from evaluation.sets import TRAINING_SETS
    from twinning.extract import org_tagger
    from twinning.extract.pipeline import extract_document
    from twinning.extract.readers import ExtractError, read_document

    folds = arguments.folds or Path(tempfile.mkdtemp(prefix="org-folds-"))
    folds.mkdir(parents=True, exist_ok=True)
    if arguments.mode != "off" and not all(
        (folds / f"fold-{name}.crf").is_file() for name in TRAINING_SETS
    ):
        from evaluation.train_organisations import load_documents, train_crf

        docs = load_documents()
        for held in TRAINING_SETS:
            model = train_crf([d for d in docs if d.set != held])
            (folds / f"fold-{held}.crf").write_bytes(model)
        os.environ["TWINNING_ORG_TAGGER"] = arguments.mode  # the training module sets "off"
    per_set: dict[str, dict[str, Score]] = {}
    per_language: dict[str, dict[str, Score]] = {}
    started = time.monotonic()
    for set_name, folder in TRAINING_SETS.items():
        if arguments.mode != "off":
            model = (folds / f"fold-{set_name}.crf").read_bytes()
            org_tagger.use_tagger(org_tagger.OrganisationTagger(model, arguments.cut))
        gold = json.loads((ROOT / "tests/extract/gold" / f"{set_name}.json").read_text("utf-8"))
        for path in sorted((ROOT / "tests/extract" / folder).iterdir()):
            if path.name not in gold:
                continue
            try:
                document = read_document(str(path))
                output, text = extract_document(document).to_json(), document.text
            except ExtractError:
                output, text = {}, ""
            language = gold[path.name].get("language") or scoring._language(text)
            scores = score_document(gold[path.name], output)
            for table, key in ((per_set, set_name), (per_language, str(language))):
                bucket = table.setdefault(key, {name: Score() for name in SHOWN})
                for name in ("organisations", "country", "pairs"):
                    bucket[name].add(scores[name])
                for name in FIELDS:
                    bucket["overall"].add(scores[name])

    def cell(score: Score) -> str:
        return (
            f"{score.precision:.3f} / {score.recall:.3f} / {score.f1:.3f} "
            f"({score.true_positives}/{score.predicted}/{score.expected})"
        )

    total = {name: Score() for name in SHOWN}

    def row(key: str, scores: dict[str, Score]) -> str:
        return (
            f"| {key} | {cell(scores['organisations'])} | {scores['country'].f1:.3f} | "
            f"{scores['pairs'].f1:.3f} | {scores['overall'].f1:.3f} |"
        )

    for title, table in (("set", per_set), ("language", per_language)):
        print(f"| {title} | organisations P / R / F1 | country F1 | pairs F1 | overall F1 |")
        print("| --- | --- | --- | --- | --- |")
        for key in table if title == "set" else sorted(table):
            print(row(key, table[key]))
            if title == "set":
                for name in total:
                    total[name].add(table[key][name])
        print(row("**all**", total))
    means = [statistics.mean(t[name].f1 for t in per_set.values()) for name in SHOWN]
    print(
        "mean per-set F1: "
        + ", ".join(f"{name} {mean:.4f}" for name, mean in zip(SHOWN, means, strict=True))
    )
    print(f"mode {arguments.mode}, cut {arguments.cut}, {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
