"""One search result as the reader sees it, read from the chunk table: title, snippet, link."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from twinning.library.enums import SearchKind
from twinning.library.search.text import snippet

# (URL name, its argument, fragment): visits and people are shown on an organisation's page,
# activities on their programme's.
URL_NAMES: dict[str, tuple[str, str, str]] = {
    SearchKind.DOCUMENT: ("library:document", "slug", ""),
    SearchKind.ORGANISATION: ("directory:organisation", "slug", ""),
    SearchKind.PAIR: ("programmes:pair", "pk", ""),
    SearchKind.EVENT: ("programmes:event", "slug", ""),
    SearchKind.VISIT: ("directory:organisation", "slug", "#visits"),
    SearchKind.PERSON: ("directory:organisation", "slug", "#people"),
    SearchKind.ACTIVITY: ("programmes:programme", "slug", "#activities"),
}


@dataclass(frozen=True)
class SearchHit:
    type: str
    id: str
    object_id: int
    title: str
    source: str | None
    score: float
    snippet: str
    snippet_html: SafeString
    url: str

    @property
    def type_label(self) -> str:
        """The kind in the reader's language ("Document", "文档")."""
        return str(SearchKind(self.type).label)

    def as_json(self) -> dict:
        """The CONTRACTS §4 shape of one result."""
        return {
            "type": self.type,
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "score": self.score,
            "snippet": self.snippet,
        }


@dataclass(frozen=True)
class Chunk:
    kind: str
    object_id: int
    reference: str
    title: str
    title_zh: str
    source: str
    target: str
    text: str


def read_chunks(ids: Iterable[int]) -> dict[int, Chunk]:
    """The chunks of these ids that are in the table, every field."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    found: dict[int, Any] = {}
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            batch = ids[start : start + 500]
            placeholders = ", ".join(["%s"] * len(batch))
            cursor.execute(
                f"SELECT id, kind, object_id, reference, title, title_zh, source, target, text FROM library_searchchunk WHERE id IN ({placeholders})",
                batch,
            )
            for row in cursor.fetchall():
                found[row[0]] = Chunk(*row[1:])
    return found


def result_hit(chunk: Chunk, score: float, words: list[str]) -> SearchHit:
    name, argument, fragment = URL_NAMES[chunk.kind]
    value = chunk.target or chunk.reference
    url = reverse(name, kwargs={argument: int(value) if argument == "pk" else value}) + fragment
    chinese = (get_language() or "en").startswith("zh")
    plain, html = snippet(chunk.text, words)
    return SearchHit(
        type=chunk.kind,
        id=chunk.reference,
        object_id=chunk.object_id,
        title=(chunk.title_zh if chinese and chunk.title_zh else chunk.title),
        source=(chunk.source or None) if chunk.kind == SearchKind.DOCUMENT else None,
        score=round(score, 6),
        snippet=plain,
        snippet_html=mark_safe(html),  # noqa: S308 - `snippet` escapes every piece of text it returns
        url=url,
    )
