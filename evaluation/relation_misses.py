"""Why each gold relation is missed, and what each wrong one is: the error tally of the relations.

    PYTHONPATH=src python evaluation/relation_misses.py             # the tally per set and language
    PYTHONPATH=src python evaluation/relation_misses.py --show      # also every miss with its line
    PYTHONPATH=src python evaluation/relation_misses.py --show --cause construction --language fr

A missed gold pair gets the first cause that applies: `kind` (a predicted pair has both ends,
another kind), `end not found` (an end matches no extracted organisation), `spelled` (a
predicted pair of that kind has one end and names the other with shared words), then where the
two ends are written: `table` (one table row), `list` (one list item or pair line), `several`
(one sentence naming more than one gold pair), `construction` (one sentence), `subject` (one
end is the page's own organisation, not named beside the other), `two sentences` (adjacent
sentences or lines), `structure` (within a few blocks: profiles, headings), `far` (elsewhere).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evaluation.all_sets import set_files  # noqa: E402
from evaluation.scoring import name_keys  # noqa: E402
from evaluation.sets import TRAINING_SETS  # noqa: E402
from twinning.extract.language import detect_language  # noqa: E402
from twinning.extract.pipeline import extract_document  # noqa: E402
from twinning.extract.readers import read_document  # noqa: E402
from twinning.extract.text import clean_text, name_key, split_blocks  # noqa: E402

CAUSES = (
    "kind",
    "end not found",
    "spelled",
    "table",
    "list",
    "several",
    "construction",
    "subject",
    "two sentences",
    "structure",
    "far",
)


def _keys(name: str, organisations: list[dict[str, Any]]) -> set[str]:
    return name_keys(name, organisations) - {""}


def _mentions(text: str, keys: set[str]) -> bool:
    key = name_key(text)
    padded = f" {key} "
    return any(k and (f" {k} " in padded or (not k.isascii() and k in key)) for k in keys)


def _words(keys: set[str]) -> set[str]:
    return {w for k in keys for w in k.split() if len(w) > 3}


def classify(
    gold_pair: dict[str, Any],
    gold: dict[str, Any],
    predicted: dict[str, Any],
    units: list[tuple[int, int, str, str]],
    tables: list[list[list[str]]],
) -> tuple[str, str]:
    """(cause, the line that shows it) of one missed gold pair. `units` are (block, sentence
    index, kind of block, text) of the document."""
    gold_orgs, orgs = gold.get("organisations", []), predicted.get("organisations", [])
    ga, gb = _keys(gold_pair["a"], gold_orgs), _keys(gold_pair["b"], gold_orgs)
    for pair in predicted.get("partnerships", []):
        a, b = _keys(pair["a"], orgs), _keys(pair["b"], orgs)
        if (ga & a and gb & b) or (ga & b and gb & a):
            return "kind", f"predicted {pair['kind']}"
    for k in (ga, gb):
        if not any(
            k & _keys(o["name"], orgs) | (k & _keys(o.get("acronym") or "", orgs)) for o in orgs
        ):
            return "end not found", f"{sorted(k)[0]!r} not extracted"
    for pair in predicted.get("partnerships", []):
        if pair["kind"] != gold_pair["kind"]:
            continue
        a, b = _keys(pair["a"], orgs), _keys(pair["b"], orgs)
        for one, other in ((ga, gb), (gb, ga)):
            for end, far in ((a, b), (b, a)):
                if one & end and _words(other) & _words(far):
                    return "spelled", f"predicted {pair['a']} / {pair['b']}"
    for table in tables:
        for row in table:
            line = " | ".join(row)
            if _mentions(line, ga) and _mentions(line, gb):
                return "table", line[:160]
    with_a = [u for u in units if _mentions(u[3], ga)]
    with_b = [u for u in units if _mentions(u[3], gb)]
    for unit in with_a:
        if unit in with_b:
            if unit[2] in ("bullet", "heading"):
                return "list", unit[3][:200]
            others = sum(
                1
                for p in gold.get("partnerships", [])
                if p is not gold_pair
                and _mentions(unit[3], _keys(p["a"], gold_orgs))
                and _mentions(unit[3], _keys(p["b"], gold_orgs))
            )
            return ("several" if others else "construction"), unit[3][:240]
    subject = predicted.get("subject")
    if subject is not None:
        sk = _keys(subject, orgs)
        if (sk & ga and with_b) or (sk & gb and with_a):
            side = with_b if sk & ga else with_a
            return "subject", side[0][3][:240]
    if not with_a or not with_b:
        return "far", "an end is never written as extracted"
    distance = min(abs(ua[0] - ub[0]) for ua in with_a for ub in with_b)
    if distance <= 1:
        return "two sentences", " // ".join(u[3][:110] for u in (with_a[0], with_b[0]))
    if distance <= 4:
        return "structure", " // ".join(u[3][:110] for u in (with_a[0], with_b[0]))
    return "far", ""


def analyse(names: list[str]) -> list[dict[str, Any]]:
    """One row per missed gold pair and per wrong predicted pair."""
    rows: list[dict[str, Any]] = []
    from evaluation.scoring import score_document

    for name in names:
        gold_all = json.loads((ROOT / "tests/extract/gold" / f"{name}.json").read_text("utf-8"))
        for path in set_files(TRAINING_SETS[name]):
            basename = Path(path).name
            gold = gold_all[basename]
            document = read_document(path)
            result = extract_document(document)
            predicted = result.to_json()
            predicted["subject"] = result.subject
            text = clean_text(document.text)
            language = gold.get("language") or detect_language(text) or "?"
            units: list[tuple[int, int, str, str]] = []
            for block in split_blocks(text):
                kind = "heading" if block.is_heading else ("bullet" if block.is_bullet else "prose")
                for index, sentence in enumerate(block.sentences):
                    units.append((block.index, index, kind, sentence))
            gold_orgs, orgs = gold.get("organisations", []), predicted["organisations"]
            remaining = list(predicted["partnerships"])
            for gold_pair in gold.get("partnerships", []):
                hit = None
                for pair in remaining:
                    single = {"organisations": gold_orgs, "partnerships": [gold_pair]}
                    if score_document(single, {"organisations": orgs, "partnerships": [pair]})[
                        "pairs"
                    ].true_positives:
                        hit = pair
                        break
                if hit is not None:
                    remaining.remove(hit)
                    continue
                cause, line = classify(gold_pair, gold, predicted, units, document.tables)
                rows.append(
                    {"set": name, "file": basename, "language": language, "type": "miss",
                     "cause": cause, "kind": gold_pair["kind"],
                     "pair": f"{gold_pair['a']} / {gold_pair['b']}", "line": line}
                )  # fmt: skip
            for pair in remaining:
                rows.append(
                    {"set": name, "file": basename, "language": language, "type": "wrong",
                     "cause": "wrong", "kind": pair["kind"],
                     "pair": f"{pair['a']} / {pair['b']}", "line": ""}
                )  # fmt: skip
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", help="comma-separated set names (default: every training set)")
    parser.add_argument("--show", action="store_true", help="print every miss")
    parser.add_argument("--cause")
    parser.add_argument("--language")
    parser.add_argument("--wrong", action="store_true", help="print the wrong pairs too")
    args = parser.parse_args(argv)
    names = args.sets.split(",") if args.sets else list(TRAINING_SETS)
    rows = analyse(names)
    misses = [r for r in rows if r["type"] == "miss"]
    by_language: dict[str, Counter[str]] = {}
    for row in misses:
        by_language.setdefault(row["language"], Counter())[row["cause"]] += 1
    total = Counter(r["cause"] for r in misses)
    languages = sorted(by_language)
    print(f"{'cause':<15}" + "".join(f"{lang:>5}" for lang in languages) + "  total")
    for cause in CAUSES:
        cells = "".join(f"{by_language[lang][cause]:>5}" for lang in languages)
        print(f"{cause:<15}{cells}  {total[cause]:>5}")
    wrong = Counter(r["language"] for r in rows if r["type"] == "wrong")
    print(
        f"{'wrong pairs':<15}"
        + "".join(f"{wrong[lang]:>5}" for lang in languages)
        + f"  {sum(wrong.values()):>5}"
    )
    if args.show:
        for row in rows:
            if row["type"] == "wrong" and not args.wrong:
                continue
            if args.cause and row["cause"] != args.cause:
                continue
            if args.language and row["language"] != args.language:
                continue
            print(f"\n[{row['cause']}] {row['set']}/{row['file']} ({row['language']}) "
                  f"{row['kind']}: {row['pair']}\n    {row['line']}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
