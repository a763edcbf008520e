"""Compare extracted records with a gold file: precision, recall and F1 per field, overall and
per language, for Twinning's extractor and for the regex baseline in the same run.

Gold maps a file's basename to {"language": "de", "organisations": [...], "partnerships": [...],
"events": [...], "people": [...]} in the CONTRACTS §2 shape (missing keys are empty lists; a
missing language is detected from the text). Names match after normalisation (case,
punctuation, a leading "the"); an organisation matches by name or acronym.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from twinning.extract.text import name_key

FIELDS = ("organisations", "country", "founded", "pairs", "people", "events")


@dataclass
class Score:
    true_positives: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def add(self, other: Score) -> None:
        self.true_positives += other.true_positives
        self.predicted += other.predicted
        self.expected += other.expected


def _organisation_keys(record: dict[str, Any]) -> set[str]:
    keys = {name_key(record["name"])}
    if record.get("acronym"):
        keys.add(name_key(record["acronym"]))
    return keys - {""}


def name_keys(name: str, organisations: list[dict[str, Any]]) -> set[str]:
    """The keys of `name`, with the name and acronym of the first organisation it matches."""
    keys = {name_key(name)}
    for record in organisations:
        if keys & _organisation_keys(record):
            return keys | _organisation_keys(record)
    return keys


def _match_organisations(
    gold: list[dict[str, Any]], predicted: list[dict[str, Any]]
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, exact names first, then acronyms."""
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for exact in (True, False):
        for gold_index, gold_record in enumerate(gold):
            if gold_index in used_gold:
                continue
            for predicted_index, predicted_record in enumerate(predicted):
                if predicted_index in used_predicted:
                    continue
                if exact:
                    hit = name_key(gold_record["name"]) == name_key(predicted_record["name"])
                else:
                    hit = bool(
                        _organisation_keys(gold_record) & _organisation_keys(predicted_record)
                    )
                if hit:
                    pairs.append((gold_index, predicted_index))
                    used_gold.add(gold_index)
                    used_predicted.add(predicted_index)
                    break
    return pairs


def _person_key(name: str) -> frozenset[str]:
    return frozenset(name_key(name).split())


def _event_matches(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    gold_name, predicted_name = name_key(gold["name"]), name_key(predicted["name"])
    if not gold_name or not predicted_name:
        return False
    names_agree = gold_name in predicted_name or predicted_name in gold_name
    gold_year = (gold.get("start") or "")[:4]
    return names_agree and (not gold_year or gold_year == (predicted.get("start") or "")[:4])


def _greedy(gold: list[Any], predicted: list[Any], matches: Any) -> int:
    used: set[int] = set()
    hits = 0
    for gold_item in gold:
        for index, predicted_item in enumerate(predicted):
            if index not in used and matches(gold_item, predicted_item):
                used.add(index)
                hits += 1
                break
    return hits


def score_document(gold: dict[str, Any], predicted: dict[str, Any]) -> dict[str, Score]:
    """Scores per field for one document."""
    scores = {field: Score() for field in FIELDS}
    gold_organisations = gold.get("organisations", [])
    predicted_organisations = predicted.get("organisations", [])
    matched = _match_organisations(gold_organisations, predicted_organisations)
    scores["organisations"] = Score(
        len(matched), len(predicted_organisations), len(gold_organisations)
    )
    for field, attribute in (("country", "country"), ("founded", "founded")):
        score = scores[field]
        score.expected = sum(
            1 for record in gold_organisations if record.get(attribute) is not None
        )
        score.predicted = sum(
            1 for record in predicted_organisations if record.get(attribute) is not None
        )
        score.true_positives = sum(
            1
            for gold_index, predicted_index in matched
            if gold_organisations[gold_index].get(attribute) is not None
            and gold_organisations[gold_index].get(attribute)
            == predicted_organisations[predicted_index].get(attribute)
        )

    def pair_matches(gold_pair: dict[str, Any], predicted_pair: dict[str, Any]) -> bool:
        if gold_pair["kind"] != predicted_pair["kind"]:
            return False
        gold_a, gold_b = (
            name_keys(gold_pair["a"], gold_organisations),
            name_keys(gold_pair["b"], gold_organisations),
        )
        a, b = (
            name_keys(predicted_pair["a"], predicted_organisations),
            name_keys(predicted_pair["b"], predicted_organisations),
        )
        return bool((gold_a & a and gold_b & b) or (gold_a & b and gold_b & a))

    gold_pairs, predicted_pairs = gold.get("partnerships", []), predicted.get("partnerships", [])
    scores["pairs"] = Score(
        _greedy(gold_pairs, predicted_pairs, pair_matches), len(predicted_pairs), len(gold_pairs)
    )
    gold_people, predicted_people = gold.get("people", []), predicted.get("people", [])
    scores["people"] = Score(
        _greedy(
            gold_people,
            predicted_people,
            lambda g, p: _person_key(g["name"]) == _person_key(p["name"]),
        ),
        len(predicted_people),
        len(gold_people),
    )
    gold_events, predicted_events = gold.get("events", []), predicted.get("events", [])
    scores["events"] = Score(
        _greedy(gold_events, predicted_events, _event_matches),
        len(predicted_events),
        len(gold_events),
    )
    return scores


@dataclass
class Report:
    """Scores of one run: per field (plus "overall"), and the same per language."""

    fields: dict[str, Score]
    languages: dict[str, dict[str, Score]]
    refused: tuple[str, ...] = ()


def _with_overall(scores: dict[str, Score]) -> dict[str, Score]:
    overall = Score()
    for field in FIELDS:
        overall.add(scores[field])
    return {**{field: scores[field] for field in FIELDS}, "overall": overall}


def _language(text: str) -> str:
    from twinning.extract.language import detect_language

    return detect_language(text) or "?"


def evaluate_runs(gold_path: str | Path, files: list[str]) -> dict[str, Report]:
    """{"twinning": Report, "baseline": Report} over `files`. A document the reader refuses
    scores as an empty extraction (its gold all missed) and is named in `Report.refused`; the
    baseline then reads its bytes as text. Raises KeyError for a file missing from gold."""
    from evaluation.baseline import baseline_extract
    from twinning.extract.pipeline import extract_document
    from twinning.extract.readers import ExtractError, read_document

    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    runs = {"twinning": extract_document, "baseline": None}
    totals = {name: {field: Score() for field in FIELDS} for name in runs}
    by_language: dict[str, dict[str, dict[str, Score]]] = {name: {} for name in runs}
    refused: list[str] = []
    for path in files:
        basename = Path(path).name
        if basename not in gold:
            raise KeyError(basename)
        try:
            document = read_document(path)
            extracted = extract_document(document).to_json()
        except ExtractError as error:
            if not Path(path).is_file():
                raise
            refused.append(f"{basename}: {error}")
            raw = Path(path).read_bytes().decode("utf-8", errors="replace")
            language = gold[basename].get("language") or _language(raw)
            predictions = {"twinning": {}, "baseline": baseline_extract(raw)}
        else:
            language = gold[basename].get("language") or _language(document.text)
            predictions = {
                "twinning": extracted,
                "baseline": baseline_extract(
                    "\n".join([document.text, *(" | ".join(r) for t in document.tables for r in t)])
                ),
            }
        for name, predicted in predictions.items():
            per_language = by_language[name].setdefault(
                language, {field: Score() for field in FIELDS}
            )
            for field, score in score_document(gold[basename], predicted).items():
                totals[name][field].add(score)
                per_language[field].add(score)
    return {
        name: Report(
            _with_overall(totals[name]),
            {lang: _with_overall(scores) for lang, scores in sorted(by_language[name].items())},
            tuple(refused),
        )
        for name in runs
    }


def evaluate(gold_path: str | Path, files: list[str]) -> dict[str, Score]:
    """Twinning's scores per field over `files`, plus "overall" (micro-average)."""
    return evaluate_runs(gold_path, files)["twinning"].fields
