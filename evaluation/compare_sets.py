"""Two runs of `all_sets.py --json` side by side: F1 (precision) per set and per language of the
chosen fields, before → after, as Markdown tables (ADR 0041).

    PYTHONPATH=src python evaluation/all_sets.py --json before.json   # on the old commit
    PYTHONPATH=src python evaluation/all_sets.py --json after.json    # on this one
    python evaluation/compare_sets.py before.json after.json --fields country,founded,people,events
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def _f1(counts: dict[str, int] | None) -> str:
    if not counts or not (counts["expected"] or counts["predicted"]):
        return "–"
    tp, predicted, expected = counts["tp"], counts["predicted"], counts["expected"]
    precision = tp / predicted if predicted else 1.0
    recall = tp / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{f1:.3f} ({precision:.2f})"


def table(before: dict[str, Any], after: dict[str, Any], fields: list[str], by: str) -> str:
    """One Markdown table: rows are sets (`by` = "set") or the languages of "ALL"."""
    header = " | ".join(f"{field} before | {field} after" for field in fields)
    lines = [f"| {by} | {header} |", "| --- " * (1 + 2 * len(fields)) + "|"]
    if by == "set":
        rows = [(name, "all") for name in after if name != "ALL"] + [("ALL", "all")]
    else:
        rows = [
            ("ALL", language) for language in sorted(after["ALL"]["twinning"]) if language != "all"
        ]
    for name, language in rows:
        cells = []
        for field in fields:
            old = before.get(name, {}).get("twinning", {}).get(language, {}).get(field)
            new = after.get(name, {}).get("twinning", {}).get(language, {}).get(field)
            cells += [_f1(old), _f1(new)]
        label = name if by == "set" else language
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--fields", default="country,founded,people,events")
    args = parser.parse_args(argv)
    before = json.loads(Path(args.before).read_text("utf-8"))
    after = json.loads(Path(args.after).read_text("utf-8"))
    fields = args.fields.split(",")
    print(table(before, after, fields, "set"))
    print()
    print(table(before, after, fields, "language"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
