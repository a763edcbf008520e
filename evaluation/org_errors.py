"""Organisation error analysis over the training sets: every missed and every false organisation
of the extractor, classified by a plain rule of why (ADR 0036).

    PYTHONPATH=src python evaluation/org_errors.py            # the tally
    PYTHONPATH=src python evaluation/org_errors.py --list     # + every error, one a line
    PYTHONPATH=src python evaluation/org_errors.py --folds /tmp/folds   # tagger cross-validated

The classes are decided from the strings alone (no hand labels): a false name that is a part or
an extension of a missed gold name is that gold name's "cut short" / "joined" error; a false name
equal to a found gold name's acronym or name is "acronym/short form not merged"; the rest by the
line the name stands on (heading / navigation / footer, list item, table row, prose) and its shape.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evaluation import scoring  # noqa: E402
from evaluation.scoring import _match_organisations  # noqa: E402
from evaluation.sets import TRAINING_SETS  # noqa: E402
from twinning.extract import org_tagger  # noqa: E402
from twinning.extract.org_features import word_classes  # noqa: E402
from twinning.extract.pipeline import extract_document  # noqa: E402
from twinning.extract.readers import ExtractError, read_document  # noqa: E402
from twinning.extract.text import clean_text, name_key  # noqa: E402

ORG_END_ZH = re.compile(r"(?:会|中心|院|所|局|委|厅|部|馆|校|学|司|府|盟|团|社|处|组织|集团)$")
HEADING_WORDS = {
    "home", "about", "contact", "news", "members", "partners", "events", "impressum",
    "kontakt", "accueil", "contatti", "inicio", "nieuws", "privacy", "menu", "über",
}  # fmt: skip


def line_of(text: str, name: str) -> str:
    """The first line of `text` holding `name` (case-insensitive), or ""."""
    lowered = name.lower()
    for line in text.split("\n"):
        if lowered and lowered in line.lower():
            return line.strip()
    return ""


def line_kind(line: str) -> str:
    """How a line is laid out: table row, list item, short line, prose, or not in text."""
    if not line:
        return "not in text"
    if "|" in line or "\t" in line:
        return "table row"
    if re.match(r"^\s*(?:[-*•·●▪–]|\d+[.)、])\s*", line):
        return "list item"
    if len(line.split()) <= 8 and not re.search(r"[.!?。！？]$", line):
        return "short line"
    return "prose"


def _has_org_word(name: str) -> bool:
    if re.search(r"[\u4e00-\u9fff]", name):
        return bool(ORG_END_ZH.search(name))
    return any(
        kind in ("org", "legal", "compound") for word in name.split() for kind in word_classes(word)
    )


def classify_miss(gold: dict[str, Any], false: list[dict[str, Any]], text: str) -> str:
    key = name_key(gold["name"])
    for record in false:
        other = name_key(record["name"])
        if other and other != key and other in key:
            return "cut short"
        if other and key in other:
            return "joined with a neighbour"
    kind = "zh" if re.search(r"[\u4e00-\u9fff]", gold["name"]) else "latin"
    line = line_of(text, gold["name"])
    if not line and gold.get("acronym"):
        line = line_of(text, gold["acronym"])
    return f"missed ({kind}, {line_kind(line)})"


def classify_false(
    record: dict[str, Any], gold: list[dict[str, Any]], matched_gold: set[int], text: str
) -> str:
    key = name_key(record["name"])
    for index, other in enumerate(gold):
        keys = {name_key(other["name"]), name_key(other.get("acronym") or "")} - {""}
        if key in keys and index in matched_gold:
            return "duplicate / short form not merged"
    for index, other in enumerate(gold):
        gold_key = name_key(other["name"])
        if index not in matched_gold and key and (key in gold_key or gold_key in key):
            return "boundary (counted with its miss)"
    line = line_of(text, record["name"])
    words = record["name"].split()
    if line and name_key(line) == key and len(words) <= 4 and not _has_org_word(record["name"]):
        return "heading / navigation line"
    if any(w.lower() in HEADING_WORDS for w in words):
        return "heading / navigation line"
    if re.search(r"[\u4e00-\u9fff]", record["name"]):
        return "zh: no organisation in gold" if _has_org_word(record["name"]) else "zh: not a name"
    if (
        2 <= len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and not _has_org_word(record["name"])
    ):
        return "person or place taken as organisation"
    if not _has_org_word(record["name"]):
        return "generic phrase / no organisation word"
    return "organisation-shaped, not in gold"


def analyse(
    folds: Path | None = None,
) -> tuple[Counter[str], Counter[str], list[str], dict[str, Counter[str]]]:
    """The tallies; with `folds` (the fold models `org_sets.py --folds` wrote) every set is
    tagged by the CRF fitted without it, so the tally is cross-validated for the tagger."""
    misses: Counter[str] = Counter()
    falses: Counter[str] = Counter()
    by_language: dict[str, Counter[str]] = {}
    lines: list[str] = []
    for set_name, folder in TRAINING_SETS.items():
        if folds is not None:
            model = (folds / f"fold-{set_name}.crf").read_bytes()
            org_tagger.use_tagger(org_tagger.OrganisationTagger(model, 0.8))
        gold_file = json.loads((ROOT / "tests/extract/gold" / f"{set_name}.json").read_text())
        for path in sorted((ROOT / "tests/extract" / folder).iterdir()):
            if path.name not in gold_file:
                continue
            expected = gold_file[path.name]
            try:
                document = read_document(str(path))
                predicted = extract_document(document).to_json()
                text = (
                    clean_text(document.text)
                    + "\n"
                    + "\n".join(" | ".join(row) for table in document.tables for row in table)
                )
            except ExtractError:
                predicted, text = {}, ""
            language = expected.get("language") or scoring._language(text)
            gold = expected.get("organisations", [])
            found = predicted.get("organisations", [])
            pairs = _match_organisations(gold, found)
            matched_gold = {g for g, _ in pairs}
            matched_found = {p for _, p in pairs}
            false = [r for i, r in enumerate(found) if i not in matched_found]
            counter = by_language.setdefault(language, Counter())
            for index, record in enumerate(gold):
                if index not in matched_gold:
                    why = classify_miss(record, false, text)
                    misses[why] += 1
                    counter["miss: " + why.split(" (")[0]] += 1
                    lines.append(f"MISS {set_name}/{path.name} [{why}] {record['name']}")
            for record in false:
                why = classify_false(record, gold, matched_gold, text)
                falses[why] += 1
                counter["false: " + why] += 1
                lines.append(f"FALSE {set_name}/{path.name} [{why}] {record['name']}")
    return misses, falses, lines, by_language


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--folds", type=Path, help="fold models of org_sets.py (cut 0.8)")
    arguments = parser.parse_args()
    os.environ.setdefault("TWINNING_RELATIONS", "off")
    misses, falses, lines, by_language = analyse(arguments.folds)
    if arguments.list:
        print("\n".join(lines))
    print("missed gold organisations:")
    for why, count in misses.most_common():
        print(f"  {count:4d}  {why}")
    print("false organisations:")
    for why, count in falses.most_common():
        print(f"  {count:4d}  {why}")
    print("by language:")
    for language, counter in sorted(by_language.items(), key=lambda item: str(item[0])):
        print(f"  {language}: " + ", ".join(f"{k} {v}" for k, v in counter.most_common()))


if __name__ == "__main__":
    main()
