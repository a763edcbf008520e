"""One search over every kind of record: full-text and meaning ranked apart, fused by reciprocal rank."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from django.db import connection
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from twinning.library.enums import SearchKind
from twinning.library.search.embeddings import embedder_name, from_bytes, get_embedder
from twinning.library.search.retrieval import ChunkHit, SearchFilters, full_text, nearest
from twinning.library.search.text import query_words, snippet

MODES = ("hybrid", "text", "meaning")
RRF_K = 60
# Below these cosines a "nearest" chunk is unrelated; calibrated on the evaluation set.
MIN_SIMILARITY = {"use": 0.25, "hashing": 0.12}
URL_NAMES: dict[str, tuple[str, str]] = {
    SearchKind.DOCUMENT: ("library:document", "slug"),
    SearchKind.ORGANISATION: ("directory:organisation", "slug"),
    SearchKind.PAIR: ("programmes:pair", "pk"),
    SearchKind.EVENT: ("programmes:event", "slug"),
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
class _Chunk:
    kind: str
    object_id: int
    reference: str
    title: str
    title_zh: str
    source: str
    text: str


def _read_chunks(ids: Iterable[int]) -> dict[int, _Chunk]:
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    found: dict[int, _Chunk] = {}
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            batch = ids[start : start + 500]
            placeholders = ", ".join(["%s"] * len(batch))
            cursor.execute(
                f"SELECT id, kind, object_id, reference, title, title_zh, source, text FROM library_searchchunk WHERE id IN ({placeholders})",
                batch,
            )
            for row in cursor.fetchall():
                found[row[0]] = _Chunk(*row[1:])
    return found


def _ranked_objects(
    hits: list[ChunkHit], chunks: dict[int, _Chunk]
) -> list[tuple[tuple[str, int], int]]:
    """Records in the order of their best chunk, each with that chunk's id."""
    seen: dict[tuple[str, int], int] = {}
    for hit in hits:
        chunk = chunks.get(hit.chunk_id)
        if chunk is not None:
            seen.setdefault((chunk.kind, chunk.object_id), hit.chunk_id)
    return list(seen.items())


def _hit(chunk: _Chunk, score: float, words: list[str]) -> SearchHit:
    name, argument = URL_NAMES[chunk.kind]
    url = reverse(name, kwargs={argument: chunk.object_id if argument == "pk" else chunk.reference})
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


def _meaning_hits(
    vector: np.ndarray,
    filters: SearchFilters,
    embedder: str,
    *,
    exclude: tuple[str, int] | None = None,
) -> list[ChunkHit]:
    threshold = MIN_SIMILARITY.get(embedder, 0.0)
    return [
        hit
        for hit in nearest(vector, filters, embedder=embedder, exclude=exclude)
        if hit.score >= threshold
    ]


def search(
    query: str,
    filters: SearchFilters | None = None,
    *,
    limit: int = 10,
    mode: str = "hybrid",
    embedder: str | None = None,
) -> list[SearchHit]:
    """The best `limit` records for `query` (English, Chinese or mixed), best first."""
    filters = filters or SearchFilters()
    embedder = embedder or embedder_name()
    words = query_words(query)
    lists: list[list[ChunkHit]] = []
    if mode in ("hybrid", "text"):
        lists.append(full_text(words, filters))
    if mode in ("hybrid", "meaning") and query.strip():
        vector = get_embedder(embedder).encode([query.strip()])[0]
        lists.append(_meaning_hits(vector, filters, embedder))
    chunks = _read_chunks(hit.chunk_id for hits in lists for hit in hits)
    scores: dict[tuple[str, int], float] = {}
    best_chunk: dict[tuple[str, int], int] = {}
    for hits in lists:
        for rank, (key, chunk_id) in enumerate(_ranked_objects(hits, chunks)):
            scores[key] = scores.get(key, 0.0) + 1.0 / (RRF_K + rank + 1)
            best_chunk.setdefault(
                key, chunk_id
            )  # the full-text list comes first: its chunk has the words
    ranked = sorted(scores, key=lambda key: (-scores[key], key))[:limit]
    return [_hit(chunks[best_chunk[key]], scores[key], words) for key in ranked]


def more_like_this(
    kind: str,
    object_id: int,
    *,
    public_only: bool = True,
    limit: int = 5,
    embedder: str | None = None,
) -> list[SearchHit]:
    """Records closest in meaning to one record (its chunks' mean embedding), itself excluded."""
    embedder = embedder or embedder_name()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT embedding FROM library_searchchunk WHERE kind = %s AND object_id = %s AND embedder = %s",
            [kind, object_id, embedder],
        )
        rows = cursor.fetchall()
    if not rows:
        return []
    vector = np.mean([from_bytes(row[0]) for row in rows], axis=0)
    vector = (vector / (np.linalg.norm(vector) or 1.0)).astype(np.float32)
    hits = _meaning_hits(
        vector, SearchFilters(public_only=public_only), embedder, exclude=(kind, object_id)
    )
    chunks = _read_chunks(hit.chunk_id for hit in hits)
    scores = {hit.chunk_id: hit.score for hit in hits}
    return [
        _hit(chunks[chunk_id], scores[chunk_id], [])
        for _, chunk_id in _ranked_objects(hits, chunks)[:limit]
    ]
