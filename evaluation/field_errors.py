"""Error tally of country, founding year, people and events over the training sets: every miss
classified by a plain rule of why (ADR 0041).

    PYTHONPATH=src python evaluation/field_errors.py                 # the tally per field and cause
    PYTHONPATH=src python evaluation/field_errors.py --list founded  # + every miss of one field
    PYTHONPATH=src python evaluation/field_errors.py --sets blind10,blind11

The classes come from the strings alone (no hand labels). Country: the gold country is among the
organisation's candidate countries but another (or none) was chosen ("wrong evidence chosen"),
the page names a place of that country but not as this organisation's evidence ("evidence not
read"), or the page names no place of it at all ("no evidence in text"; an address, phone prefix
or web domain of it is counted apart). Founding: the year is not on the page, another
organisation got it ("year attached to the wrong organisation"), another year was given, or no
phrase was read ("phrasing not covered", with the cue words around the year). People: a
predicted name shares words with the gold one ("name boundary"), else the line shape where the
name stands; found people with a missing or different role / organisation. Events: the name is
found with another year ("date form"), a name sharing half its words with the same year ("name
boundary"), else the line shape (list/table/short line = "list structure", prose).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evaluation.org_errors import line_kind, line_of  # noqa: E402
from evaluation.scoring import _event_matches, _match_organisations, _person_key  # noqa: E402
from evaluation.sets import TRAINING_SETS  # noqa: E402
from twinning.extract.country_evidence import collect  # noqa: E402
from twinning.extract.country_places import find_places  # noqa: E402
from twinning.extract.language import detect_language  # noqa: E402
from twinning.extract.pipeline import extract_document  # noqa: E402
from twinning.extract.readers import ExtractError, read_document  # noqa: E402
from twinning.extract.records import ExtractionResult  # noqa: E402
from twinning.extract.tabular import markdown_tables  # noqa: E402
from twinning.extract.text import clean_text, name_key  # noqa: E402

FIELDS = ("country", "founded", "people", "events")
PHONE = re.compile(r"\(?\+\s?(\d{1,3})[\s)./-]")
DOMAIN = re.compile(r"\b[\w-]+\.([a-z]{2})(?:/|\b)(?![.\w])")
PHONE_COUNTRIES = {
    "49": "DE", "33": "FR", "39": "IT", "34": "ES", "31": "NL", "32": "BE", "86": "CN",
    "43": "AT", "41": "CH", "44": "GB", "48": "PL", "420": "CZ", "36": "HU", "351": "PT",
    "353": "IE", "386": "SI", "45": "DK", "46": "SE", "47": "NO", "358": "FI", "30": "GR",
    "852": "HK", "853": "MO", "886": "TW", "1": "US",
}  # fmt: skip
DOMAIN_COUNTRIES = {c.lower(): c for c in PHONE_COUNTRIES.values()} | {"uk": "GB"}


def _tree_key(names: list[str]) -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src/twinning/extract").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".npz", ".json", ".txt"):
            digest.update(path.read_bytes())
    digest.update(",".join(names).encode())
    return digest.hexdigest()


def extractions(names: list[str], cache: Path) -> list[dict[str, Any]]:
    """One dict per gold document: set, file, language, gold, predicted JSON, text, candidates."""
    key = _tree_key(names)
    if cache.is_file():
        stored = pickle.loads(cache.read_bytes())
        if stored.get("key") == key:
            return list(stored["documents"])
    documents = []
    for name in names:
        folder = ROOT / "tests" / "extract" / TRAINING_SETS[name]
        gold = json.loads((ROOT / "tests/extract/gold" / f"{name}.json").read_text("utf-8"))
        for path in sorted(folder.iterdir()):
            if path.name == "README.md" or path.name not in gold:
                continue
            try:
                document = read_document(str(path))
                result = extract_document(document)
            except ExtractError:
                continue
            text = clean_text(document.text)
            language = gold[path.name].get("language") or detect_language(text) or "?"
            documents.append(
                {
                    "set": name,
                    "file": path.name,
                    "language": language,
                    "gold": gold[path.name],
                    "predicted": result.to_json(),
                    "text": "\n".join([document.title, text, document.footer]),
                    "candidates": _candidates(result, document, text, language),
                }
            )
        print(f"extracted {name}", file=sys.stderr)
    cache.write_bytes(pickle.dumps({"key": key, "documents": documents}))
    return documents


def _candidates(
    result: ExtractionResult, document: Any, text: str, language: str
) -> dict[int, list[str]]:
    evidence = collect(
        result,
        text,
        title=document.title,
        footer=document.footer,
        language=language,
        tables=document.tables or markdown_tables(document.text),
    )
    return {item.index: list(item.countries) for item in evidence}


def _where(text: str, needle: str) -> str:
    return line_kind(line_of(text, needle))


def _sentence_around(text: str, needle: str, width: int = 70) -> str:
    at = text.find(needle)
    if at < 0:
        return ""
    return text[max(0, at - width) : at + width].replace("\n", " / ")


def _hinted(text: str, country: str) -> bool:
    phones = {PHONE_COUNTRIES.get(m.group(1)) for m in PHONE.finditer(text)}
    domains = {DOMAIN_COUNTRIES.get(m.group(1)) for m in DOMAIN.finditer(text)}
    return country in phones | domains


def country_misses(doc: dict[str, Any], matched: dict[int, int]) -> list[tuple[str, str]]:
    gold_orgs, predicted = doc["gold"].get("organisations", []), doc["predicted"]["organisations"]
    places = {m.country for m in find_places(doc["text"]) if m.country}
    misses = []
    for gold_index, record in enumerate(gold_orgs):
        country = record.get("country")
        if country is None:
            continue
        if gold_index not in matched:
            misses.append(("organisation not found", f"{record['name']} [{country}]"))
            continue
        index = matched[gold_index]
        got = predicted[index].get("country")
        if got == country:
            continue
        detail = f"{record['name']}: gold {country}, got {got}"
        if country in doc["candidates"].get(index, []):
            cause = "wrong evidence chosen" if got else "evidence read, none chosen"
        elif country in places:
            cause = "evidence not read"
        elif _hinted(doc["text"], country):
            cause = "no place named (phone/domain gives it)"
        else:
            cause = "no evidence in text"
        misses.append((cause, detail))
    gold_of = {p: g for g, p in matched.items()}
    for index, record in enumerate(predicted):
        if not record.get("country"):
            continue
        if index not in gold_of:
            misses.append(
                ("false: country of a name not in gold", f"{record['name']}: {record['country']}")
            )
        elif gold_orgs[gold_of[index]].get("country") is None:
            misses.append(
                ("false: country where gold has none", f"{record['name']}: {record['country']}")
            )
    return misses


def founded_misses(doc: dict[str, Any], matched: dict[int, int]) -> list[tuple[str, str]]:
    gold_orgs, predicted = doc["gold"].get("organisations", []), doc["predicted"]["organisations"]
    text = doc["text"]
    misses = []
    for gold_index, record in enumerate(gold_orgs):
        year = record.get("founded")
        if year is None:
            continue
        if gold_index not in matched:
            misses.append(("organisation not found", f"{record['name']} [{year}]"))
            continue
        got = predicted[matched[gold_index]].get("founded")
        if got == year:
            continue
        around = _sentence_around(text, str(year))
        detail = f"{record['name']}: gold {year}, got {got} | {around}"
        if got is not None:
            cause = "another year given"
        elif str(year) not in text:
            cause = "year not in text"
        elif any(
            o.get("founded") == year for i, o in enumerate(predicted) if i != matched[gold_index]
        ):
            cause = "year attached to the wrong organisation"
        else:
            cause = "phrasing not covered"
        misses.append((cause, detail))
    gold_of = {p: g for g, p in matched.items()}
    for index, record in enumerate(predicted):
        if not record.get("founded"):
            continue
        around = _sentence_around(text, str(record["founded"]))
        if index not in gold_of:
            misses.append(
                (
                    "false: year of a name not in gold",
                    f"{record['name']}: {record['founded']} | {around}",
                )
            )
        elif gold_orgs[gold_of[index]].get("founded") is None:
            misses.append(
                (
                    "false: year where gold has none",
                    f"{record['name']}: {record['founded']} | {around}",
                )
            )
    return misses


def people_misses(doc: dict[str, Any]) -> list[tuple[str, str]]:
    gold, predicted = doc["gold"].get("people", []), doc["predicted"].get("people", [])
    keys = [_person_key(p["name"]) for p in predicted]
    used: set[int] = set()
    misses = []
    for person in gold:
        key = _person_key(person["name"])
        hit = next((i for i, k in enumerate(keys) if k == key and i not in used), None)
        if hit is not None:
            used.add(hit)
            found = predicted[hit]
            for attribute, label in (("role", "role"), ("organisation", "organisation link")):
                want, got = person.get(attribute), found.get(attribute)
                if want and not got:
                    misses.append((f"found, {label} missing", f"{person['name']}: {want}"))
                elif want and name_key(want) != name_key(got or ""):
                    misses.append((f"found, {label} differs", f"{person['name']}: {want} / {got}"))
            continue
        if any(k & key for i, k in enumerate(keys) if i not in used):
            misses.append(("name boundary", person["name"]))
        else:
            misses.append((f"not read ({_where(doc['text'], person['name'])})", person["name"]))
    for index, person in enumerate(predicted):
        if index not in used and not any(_person_key(g["name"]) & keys[index] for g in gold):
            misses.append(("false: no such person in gold", person["name"]))
    return misses


def event_misses(doc: dict[str, Any]) -> list[tuple[str, str]]:
    gold, predicted = doc["gold"].get("events", []), doc["predicted"].get("events", [])
    used: set[int] = set()
    misses = []
    for event in gold:
        hit = next(
            (i for i, p in enumerate(predicted) if i not in used and _event_matches(event, p)),
            None,
        )
        if hit is not None:
            used.add(hit)
            if (event.get("start") or "") != (predicted[hit].get("start") or ""):
                misses.append(
                    (
                        "found, start differs",
                        f"{event['name']}: {event.get('start')} / {predicted[hit].get('start')}",
                    )
                )
            continue
        name = name_key(event["name"])
        words = set(name.split())
        same_name = [p for p in predicted if _names_agree(name, name_key(p["name"]))]
        overlapping = [
            p
            for p in predicted
            if (p.get("start") or "")[:4] == (event.get("start") or "")[:4]
            and len(words & set(name_key(p["name"]).split())) * 2 >= max(1, len(words))
        ]
        detail = f"{event['name']} ({event.get('start')})"
        if same_name:
            misses.append(
                ("date form (name found, another year)", f"{detail} / {same_name[0].get('start')}")
            )
        elif overlapping:
            misses.append(("name boundary", f"{detail} / {overlapping[0]['name']}"))
        else:
            where = _where(doc["text"], event["name"])
            cause = (
                "prose"
                if where == "prose"
                else "not in text (name as gold writes it)"
                if where == "not in text"
                else "list structure"
            )
            misses.append((f"not read: {cause}", f"{detail} [{where}]"))
    for index, event in enumerate(predicted):
        if index not in used:
            misses.append(("false: event not in gold", f"{event['name']} ({event.get('start')})"))
    return misses


def _names_agree(a: str, b: str) -> bool:
    return bool(a and b and (a in b or b in a))


def tally(documents: list[dict[str, Any]]) -> dict[str, list[tuple[str, str, str, str]]]:
    """{field: [(cause, set, language, detail)]} over `documents`."""
    out: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for doc in documents:
        pairs = _match_organisations(
            doc["gold"].get("organisations", []), doc["predicted"]["organisations"]
        )
        matched = dict(pairs)
        where = (doc["set"], doc["language"])
        for field, misses in (
            ("country", country_misses(doc, matched)),
            ("founded", founded_misses(doc, matched)),
            ("people", people_misses(doc)),
            ("events", event_misses(doc)),
        ):
            out[field].extend(
                (cause, *where, f"{doc['file']}: {detail}") for cause, detail in misses
            )
    return out


def render(found: dict[str, list[tuple[str, str, str, str]]], listed: str | None) -> str:
    lines = []
    for field in FIELDS:
        rows = found.get(field, [])
        lines.append(f"## {field} ({len(rows)} errors)")
        causes = Counter(cause for cause, *_ in rows)
        for cause, count in causes.most_common():
            languages = Counter(language for c, _, language, _ in rows if c == cause)
            spread = ", ".join(f"{k} {v}" for k, v in sorted(languages.items()))
            lines.append(f"  {count:4d}  {cause:<44} {spread}")
        if field == listed:
            for cause, name, language, detail in sorted(rows):
                lines.append(f"    [{cause}] {name}/{language} {detail}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sets", help="comma-separated set names (default: every training set)")
    parser.add_argument("--list", choices=FIELDS, help="also list every error of one field")
    parser.add_argument("--cache", default="/tmp/twinning-field-errors.pkl")
    args = parser.parse_args(argv)
    names = args.sets.split(",") if args.sets else list(TRAINING_SETS)
    print(render(tally(extractions(names, Path(args.cache))), args.list))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
