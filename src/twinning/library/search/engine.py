"""One search over every kind of record: full-text and meaning ranked apart, fused by reciprocal rank."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import connection
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from twinning.library.enums import SearchKind
from twinning.library.search import index_reader
from twinning.library.search.embeddings import embedder_name, encode_query, from_bytes
from twinning.library.search.retrieval import (
    ChunkHit,
    SearchFilters,
    full_text,
    nearest,
    nearest_both,
)
from twinning.library.search.text import query_words, snippet

MODES = ("hybrid", "text", "meaning")
RRF_K = 60
# Weights of the three ranked lists in the fusion; chosen on the tuning queries of
# evaluation/search (never on the frozen ones), see docs/search.md.
WEIGHTS = {"text": 0.5, "chunk": 1.0, "whole": 1.0}
# In hybrid search a text hit must hold every query word ("all"; OR-ed words matched menus and
# footers of unrelated pages). Measured alternatives: "tiered" (all words first, then any),
# "fallback" (any, when no chunk holds all).
TEXT_MATCH = "all"
# A nearest chunk or record counts as found when its cosine is within this margin of the best
# one's (an absolute floor does not carry across queries; chosen on the tuning queries).
MEANING_MARGIN: float | None = 0.2
# Each further result of a kind already shown counts this much less, so that one kind (ten
# pairs naming the topic) does not bury another (the report about it).
SAME_KIND_DECAY = 0.85
# Query "translation" through the multilingual embedding (pseudo-relevance feedback): the query
# vector moved towards the mean of its FEEDBACK_RECORDS nearest whole records, weight
# FEEDBACK_WEIGHT, before the meaning lists are read (0: off). A Chinese query then stands
# where the French and English pages about it stand. Chosen on the training pages.
FEEDBACK_RECORDS = 3
# How nearest paragraphs and nearest whole records make one meaning ranking: "rrf" (two lists in
# the rank fusion) or "sum" (one list by the sum of the two cosines).
MEANING_FUSION = "rrf"
FEEDBACK_WEIGHT = 0.0
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
class _Chunk:
    kind: str
    object_id: int
    reference: str
    title: str
    title_zh: str
    source: str
    target: str
    text: str


def _read_chunks(ids: Iterable[int]) -> dict[int, _Chunk]:
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    found: dict[int, Any] = {}
    # Chunks the embedded index found: their records from it, their text only when shown.
    from_index = index_reader.reader.chunks(ids)
    if from_index is not None:
        found, ids = from_index
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            batch = ids[start : start + 500]
            placeholders = ", ".join(["%s"] * len(batch))
            cursor.execute(
                f"SELECT id, kind, object_id, reference, title, title_zh, source, target, text FROM library_searchchunk WHERE id IN ({placeholders})",
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


def _summed_meaning(
    chunk_hits: list[ChunkHit], whole_hits: list[ChunkHit], chunks: dict[int, _Chunk]
) -> list[tuple[tuple[str, int], int]]:
    """Records by whole-record cosine plus best paragraph cosine (a list's last score when absent)."""
    sides: list[dict[tuple[str, int], tuple[float, int]]] = []
    for hits in (chunk_hits, whole_hits):
        side: dict[tuple[str, int], tuple[float, int]] = {}
        for hit in hits:
            chunk = chunks.get(hit.chunk_id)
            if chunk is not None:
                side.setdefault((chunk.kind, chunk.object_id), (hit.score, hit.chunk_id))
        sides.append(side)
    floors = [min((score for score, _ in side.values()), default=0.0) for side in sides]
    keys = set(sides[0]) | set(sides[1])
    total = {
        key: sum(side.get(key, (floor, 0))[0] for side, floor in zip(sides, floors, strict=True))
        for key in keys
    }
    order = sorted(keys, key=lambda key: (-total[key], key))
    return [(key, (sides[0].get(key) or sides[1][key])[1]) for key in order]


def _fuse(
    lists: dict[str, list[ChunkHit]], chunks: dict[int, _Chunk]
) -> tuple[dict[tuple[str, int], float], dict[tuple[str, int], int]]:
    """Weighted reciprocal rank fusion of records; each record's snippet chunk, words first."""
    scores: dict[tuple[str, int], float] = {}
    best_chunk: dict[tuple[str, int], int] = {}
    ranked = {name: _ranked_objects(hits, chunks) for name, hits in lists.items()}
    if MEANING_FUSION == "sum" and "whole" in lists and "chunk" in lists:
        ranked["chunk"] = _summed_meaning(lists["chunk"], lists["whole"], chunks)
        ranked.pop("whole")
    for name, objects in ranked.items():
        weight = WEIGHTS[name] + (
            WEIGHTS["whole"] if name == "chunk" and "whole" not in ranked else 0
        )
        for rank, (key, chunk_id) in enumerate(objects):
            scores[key] = scores.get(key, 0.0) + weight / (RRF_K + rank + 1)
            best_chunk.setdefault(key, chunk_id)  # the full-text list comes first
    return scores, best_chunk


def ranked_lists(
    query: str, filters: SearchFilters, *, mode: str, embedder: str
) -> dict[str, list[ChunkHit]]:
    """The ranked chunk lists the fusion reads: words, nearest chunks, nearest whole records."""
    lists: dict[str, list[ChunkHit]] = {}
    if mode in ("hybrid", "text"):
        words = query_words(query)
        hits = full_text(words, filters, every=True)
        # Words alone rank partial matches after full ones; beside meaning they only add noise.
        match = "tiered" if mode == "text" else TEXT_MATCH
        if len(words) > 1 and (match == "tiered" or (match == "fallback" and not hits)):
            found = {hit.chunk_id for hit in hits}
            hits += [hit for hit in full_text(words, filters) if hit.chunk_id not in found]
        lists["text"] = hits
    if mode in ("hybrid", "meaning") and query.strip():
        vector = encode_query(embedder, query.strip())
        nearest_hits = nearest_both(vector, filters, embedder=embedder)
        if FEEDBACK_WEIGHT and nearest_hits[True]:
            vector = _moved_towards(vector, nearest_hits[True][:FEEDBACK_RECORDS])
            nearest_hits = nearest_both(vector, filters, embedder=embedder)
        for name, hits in (("chunk", nearest_hits[False]), ("whole", nearest_hits[True])):
            if hits and MEANING_MARGIN is not None:
                hits = [hit for hit in hits if hit.score >= hits[0].score - MEANING_MARGIN]
            lists[name] = hits
    return lists


def _moved_towards(vector: np.ndarray, hits: list[ChunkHit]) -> np.ndarray:
    """`vector` plus FEEDBACK_WEIGHT times the mean of these chunks' vectors, length 1."""
    ids = [hit.chunk_id for hit in hits]
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT embedding FROM library_searchchunk WHERE id IN ({placeholders})", ids
        )
        found = [from_bytes(row[0]) for row in cursor.fetchall()]
    found = [row for row in found if len(row) == len(vector)]
    if not found:
        return vector
    moved = vector + FEEDBACK_WEIGHT * np.mean(found, axis=0)
    return (moved / max(float(np.linalg.norm(moved)), 1e-9)).astype(np.float32)


def mixed_kinds(scores: dict[tuple[str, int], float]) -> dict[tuple[str, int], float]:
    """Scores with each further record of an already listed kind weighed down a little.

    Within one kind the order stays as it was; across kinds one kind no longer buries another.
    """
    seen: dict[str, int] = {}
    adjusted: dict[tuple[str, int], float] = {}
    for key in sorted(scores, key=lambda key: (-scores[key], key)):
        adjusted[key] = scores[key] * SAME_KIND_DECAY ** seen.get(key[0], 0)
        seen[key[0]] = seen.get(key[0], 0) + 1
    return adjusted


@dataclass(frozen=True)
class SearchResults:
    """The best records for a query and, for the facets, how many of each kind were found."""

    hits: list[SearchHit]
    kinds: dict[str, int]


def find(
    query: str,
    filters: SearchFilters | None = None,
    *,
    limit: int = 10,
    mode: str = "hybrid",
    embedder: str | None = None,
    allowed: Callable[[list[tuple[str, int]]], set[tuple[str, int]]] | None = None,
) -> SearchResults:
    """The one ranking behind the web page, the API and the CLI: best `limit` records and counts by kind.

    `allowed` keeps only the records the caller may see (checked on the live tables).
    """
    filters = filters or SearchFilters()
    embedder = embedder or embedder_name()
    lists = ranked_lists(query, filters, mode=mode, embedder=embedder)
    chunks = _read_chunks(hit.chunk_id for hits in lists.values() for hit in hits)
    scores, best_chunk = _fuse(lists, chunks)
    if allowed is not None:
        visible = allowed(list(scores))
        scores = {key: score for key, score in scores.items() if key in visible}
    kinds: dict[str, int] = {}
    for kind, _ in scores:
        kinds[kind] = kinds.get(kind, 0) + 1
    scores = mixed_kinds(scores)
    ranked = sorted(scores, key=lambda key: (-scores[key], key))[:limit]
    words = query_words(query)
    hits = [_hit(chunks[best_chunk[key]], scores[key], words) for key in ranked]
    return SearchResults(hits=hits, kinds=kinds)


def search(
    query: str,
    filters: SearchFilters | None = None,
    *,
    limit: int = 10,
    mode: str = "hybrid",
    embedder: str | None = None,
) -> list[SearchHit]:
    """The best `limit` records for `query` (English, Chinese or mixed), best first."""
    return find(query, filters, limit=limit, mode=mode, embedder=embedder).hits


def more_like_this(
    kind: str,
    object_id: int,
    *,
    public_only: bool = True,
    limit: int = 5,
    embedder: str | None = None,
) -> list[SearchHit]:
    """Records whose whole-record vector is nearest to this record's, itself excluded."""
    embedder = embedder or embedder_name()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT embedding FROM library_searchchunk WHERE kind = %s AND object_id = %s AND embedder = %s AND whole",
            [kind, object_id, embedder],
        )
        rows = cursor.fetchall()
    if not rows:
        return []
    vector = from_bytes(rows[0][0])
    hits = nearest(
        vector,
        SearchFilters(public_only=public_only),
        embedder=embedder,
        whole=True,
        exclude=(kind, object_id),
    )
    chunks = _read_chunks(hit.chunk_id for hit in hits)
    scores = {hit.chunk_id: hit.score for hit in hits}
    return [
        _hit(chunks[chunk_id], scores[chunk_id], [])
        for _, chunk_id in _ranked_objects(hits, chunks)[:limit]
    ]
