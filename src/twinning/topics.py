"""The controlled topic vocabulary, shared by the directory, extraction and matching.

Pure Python: it reads the JSON file beside it and imports nothing from Django, so the
`extract` and `matching` packages can use it too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

VOCABULARY_PATH = Path(__file__).with_name("topics.json")


@dataclass(frozen=True)
class TopicTerm:
    slug: str
    en: str
    zh: str
    parent: str | None
    sdgs: tuple[int, ...]
    keywords: tuple[str, ...]


@cache
def vocabulary() -> dict[str, TopicTerm]:
    """Every topic of the vocabulary by slug, in file order (parents before children)."""
    raw = json.loads(VOCABULARY_PATH.read_text(encoding="utf-8"))
    return {
        item["slug"]: TopicTerm(
            slug=item["slug"],
            en=item["en"],
            zh=item["zh"],
            parent=item["parent"],
            sdgs=tuple(item["sdgs"]),
            keywords=tuple(k.lower() for k in item["keywords"]),
        )
        for item in raw
    }


def ancestors(slug: str) -> list[str]:
    """The slugs above `slug` in the hierarchy, nearest first."""
    terms = vocabulary()
    chain: list[str] = []
    parent = terms[slug].parent
    while parent is not None:
        chain.append(parent)
        parent = terms[parent].parent
    return chain


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@cache
def _keyword_patterns() -> list[tuple[re.Pattern[str], str]]:
    patterns = []
    for term in vocabulary().values():
        for keyword in (term.en.lower(), term.zh, *term.keywords):
            if _has_cjk(keyword):
                pattern = re.compile(re.escape(keyword))
            else:
                pattern = re.compile(
                    r"(?<![\w-])" + re.escape(keyword) + r"(?![\w-])", re.IGNORECASE
                )
            patterns.append((pattern, term.slug))
    return patterns


def topics_in_text(text: str) -> list[str]:
    """Topic slugs whose label or keywords occur in `text`, most mentioned first."""
    counts: dict[str, int] = {}
    for pattern, slug in _keyword_patterns():
        hits = len(pattern.findall(text))
        if hits:
            counts[slug] = counts.get(slug, 0) + hits
    return sorted(counts, key=lambda slug: (-counts[slug], list(vocabulary()).index(slug)))


def normalise_topic(label: str) -> str | None:
    """Map a free label ("Urbanization", "低碳", "Waste Treatment") to a vocabulary slug."""
    cleaned = label.strip().lower()
    if not cleaned:
        return None
    terms = vocabulary()
    if cleaned in terms:
        return cleaned
    for term in terms.values():
        if cleaned in (term.en.lower(), term.zh, term.slug.replace("-", " ")):
            return term.slug
    for term in terms.values():
        if cleaned in term.keywords:
            return term.slug
    found = topics_in_text(label)
    return found[0] if found else None
