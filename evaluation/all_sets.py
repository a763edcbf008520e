"""Every training set in one command: per-set and per-language F1 for every field, Twinning beside
the regex baseline of the same run.

    PYTHONPATH=src python evaluation/all_sets.py                    # F1 of every field
    PYTHONPATH=src python evaluation/all_sets.py --field pairs      # P / R / F1 of one field
    PYTHONPATH=src python evaluation/all_sets.py --sets blind8,blind9 --json out.json

Sets are `evaluation.sets.TRAINING_SETS` (folder under `tests/extract/`, gold in
`tests/extract/gold/NAME.json`); each is scored with `evaluation.scoring.evaluate_runs`, exactly
as `twinning eval-extract` scores it. Totals are micro-averages over all documents.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evaluation.scoring import FIELDS, Score, evaluate_runs  # noqa: E402
from evaluation.sets import TRAINING_SETS  # noqa: E402

RUNS = ("twinning", "baseline")
COLUMNS = (*FIELDS, "overall")


def set_files(folder: str) -> list[str]:
    """The scored documents of one set folder: every file but its README."""
    directory = ROOT / "tests" / "extract" / folder
    return sorted(str(p) for p in directory.iterdir() if p.is_file() and p.name != "README.md")


def score_sets(names: list[str]) -> dict[str, dict[str, dict[str, dict[str, Score]]]]:
    """{set: {run: {language or "all": {field: Score}}}}, plus the set "ALL" summing them."""
    table: dict[str, dict[str, dict[str, dict[str, Score]]]] = {}
    total: dict[str, dict[str, dict[str, Score]]] = {run: {} for run in RUNS}
    for name in names:
        folder = TRAINING_SETS[name]
        reports = evaluate_runs(
            ROOT / "tests" / "extract" / "gold" / f"{name}.json", set_files(folder)
        )
        table[name] = {}
        for run in RUNS:
            report = reports[run]
            table[name][run] = {"all": report.fields, **report.languages}
            for language, scores in table[name][run].items():
                bucket = total[run].setdefault(language, {c: Score() for c in COLUMNS})
                for column in COLUMNS:
                    bucket[column].add(scores[column])
    table["ALL"] = total
    return table


def _cell(score: Score, detail: bool) -> str:
    if not score.expected and not score.predicted:
        return "   -"
    if detail:
        return f"{score.precision:.2f}/{score.recall:.2f}/{score.f1:.2f} ({score.true_positives}/{score.expected})"
    return f"{score.f1:.2f}"


def render(table: dict[str, dict[str, dict[str, dict[str, Score]]]], field: str | None) -> str:
    """Plain-text tables: one row per set and language, Twinning | baseline."""
    columns = [field] if field else list(COLUMNS)
    detail = field is not None
    width = 24 if detail else 6
    run_header = " ".join(f"{c[:width]:>{width}}" for c in columns)
    lines = [
        f"{'set':<13} {'lang':<5} "
        + " | ".join([run_header] * len(RUNS))
        + "   (twinning | baseline)"
    ]
    for name, runs in table.items():
        languages = ["all", *sorted(k for k in runs["twinning"] if k != "all")]
        for language in languages:
            parts = []
            for run in RUNS:
                scores = runs[run].get(language)
                cells = [_cell(scores[c], detail) if scores else "   -" for c in columns]
                parts.append(" ".join(f"{cell:>{width}}" for cell in cells))
            lines.append(f"{name:<13} {language:<5} " + " | ".join(parts))
    return "\n".join(lines)


def as_json(table: dict[str, dict[str, dict[str, dict[str, Score]]]]) -> dict[str, Any]:
    return {
        name: {
            run: {
                language: {
                    c: {"tp": s.true_positives, "predicted": s.predicted, "expected": s.expected}
                    for c, s in scores.items()
                }
                for language, scores in languages.items()
            }
            for run, languages in runs.items()
        }
        for name, runs in table.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", help="comma-separated set names (default: every training set)")
    parser.add_argument("--field", choices=COLUMNS, help="precision/recall/F1 of one field")
    parser.add_argument("--json", metavar="PATH", help="also write the counts as JSON")
    args = parser.parse_args(argv)
    names = args.sets.split(",") if args.sets else list(TRAINING_SETS)
    unknown = [n for n in names if n not in TRAINING_SETS]
    if unknown:
        parser.error(f"unknown set(s): {', '.join(unknown)}; known: {', '.join(TRAINING_SETS)}")
    table = score_sets(names)
    print(render(table, args.field))
    if args.json:
        Path(args.json).write_text(json.dumps(as_json(table), indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
