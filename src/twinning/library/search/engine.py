"""One search over every kind of record: full-text and meaning ranked apart, then fused (ADR 0031)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from django.db import connection

from twinning.library.enums import SearchKind
from twinning.library.search import fusion, index_reader
from twinning.library.search.embeddings import embedder_name, encode_query, from_bytes
from twinning.library.search.hits import Chunk as _Chunk
from twinning.library.search.hits import SearchHit, result_hit
from twinning.library.search.hits import read_chunks as _read_chunks
from twinning.library.search.retrieval import (
    HitList,
    RankedChunks,
    SearchFilters,
    full_text,
    nearest,
    nearest_both,
)
from twinning.library.search.text import query_words

MODES = ("hybrid", "text", "meaning")
RRF_K = 60
# Weights of the ranked lists in a rank fusion (text mode; MEANING_FUSION "rrf"; WORDS "rrf"),
# chosen on the tuning queries of evaluation/search, see docs/search.md.
WEIGHTS = {"text": 0.5, "chunk": 1.0, "whole": 1.0}
# In hybrid search a text hit must hold every query word ("all"; OR-ed words matched menus and
# footers of unrelated pages). Measured alternatives: "tiered" (all words first, then any),
# "fallback" (any, when no chunk holds all).
TEXT_MATCH = "all"
# A cut of the nearest lists before anything reads them (cosine within this of the best one's).
# Off since ADR 0031: the ranking reads the whole lists, and FOUND_MARGIN alone decides what the
# facets count (0.2 was the engine before, cutting both at once).
MEANING_MARGIN: float | None = None
# A record counts as found when it holds every query word, or (FOUND_RULE "either") when its
# whole-record or best paragraph cosine is within FOUND_MARGIN of that list's best; "summed":
# its summed meaning score within the margin of the best one's. None: every candidate. The
# facets count the found records and the results shown; the ranking does not read this rule.
FOUND_MARGIN: float | None = 0.2
FOUND_RULE = "either"
# Results drawn from the found records only (True: 0.006 lower held-out, ADR 0031) or from every
# candidate of the lists (False).
RESULTS_WITHIN_FOUND = False
# Each further result of a kind already shown counts this much less, so that one kind (ten
# pairs naming the topic) does not bury another (the report about it).
SAME_KIND_DECAY = 0.85
# How nearest paragraphs and nearest whole records make one meaning score: "sum" (WHOLE_SHARE
# times the whole-record cosine plus the rest times the best paragraph's) or "rrf" (two lists in
# the rank fusion, the engine before ADR 0031).
MEANING_FUSION = "sum"
WHOLE_SHARE = 0.5
# How the words join the summed meaning score: "bonus" (TEXT_BONUS added to the summed cosine of
# a record holding every query word; TEXT_BONUS_FOR "acronym": only when the query has an acronym
# or a word with a digit, such as EIA or PM2.5) or "rrf" (the all-words list in the rank fusion
# beside the meaning ranking, weight WEIGHTS["text"]). WHOLE_SHARE, WORDS and TEXT_BONUS were
# chosen by leave-one-set-out over the development sets a-g (evaluation/search/fusion_loso.py).
WORDS = "bonus"
TEXT_BONUS = 0.07
TEXT_BONUS_FOR = "any"
# Query "translation" through the multilingual embedding (pseudo-relevance feedback): the query
# vector moved towards the mean of its FEEDBACK_RECORDS nearest whole records, weight
# FEEDBACK_WEIGHT, before the meaning lists are read (0: off; lost on the training pages).
FEEDBACK_RECORDS = 3
FEEDBACK_WEIGHT = 0.0


def _ranked_objects(hits: HitList, chunks: dict[int, _Chunk]) -> list[tuple[tuple[str, int], int]]:
    """Records in the order of their best chunk, each with that chunk's id."""
    seen: dict[tuple[str, int], int] = {}
    for hit in hits:
        chunk = chunks.get(hit.chunk_id)
        if chunk is not None:
            seen.setdefault((chunk.kind, chunk.object_id), hit.chunk_id)
    return list(seen.items())


def _best_per_record(
    hits: HitList, chunks: dict[int, _Chunk]
) -> dict[tuple[str, int], tuple[float, int]]:
    """Each record's best score in a ranked list, with that chunk's id."""
    best: dict[tuple[str, int], tuple[float, int]] = {}
    for hit in hits:
        chunk = chunks.get(hit.chunk_id)
        if chunk is not None:
            best.setdefault((chunk.kind, chunk.object_id), (hit.score, hit.chunk_id))
    return best


def _summed_meaning(
    chunk_hits: HitList, whole_hits: HitList, chunks: dict[int, _Chunk]
) -> dict[tuple[str, int], tuple[float, int]]:
    """Each record's WHOLE_SHARE-weighted sum of whole-record and best paragraph cosines, and a chunk.

    A record missing from one list gets that list's last score; the chunk is its best paragraph.
    """
    paragraphs = _best_per_record(chunk_hits, chunks)
    wholes = _best_per_record(whole_hits, chunks)
    paragraph_floor = min((score for score, _ in paragraphs.values()), default=0.0)
    whole_floor = min((score for score, _ in wholes.values()), default=0.0)
    summed: dict[tuple[str, int], tuple[float, int]] = {}
    for key in paragraphs.keys() | wholes.keys():
        paragraph = paragraphs.get(key, (paragraph_floor, 0))[0]
        whole = wholes.get(key, (whole_floor, 0))[0]
        chunk_id = (paragraphs.get(key) or wholes[key])[1]
        summed[key] = (WHOLE_SHARE * whole + (1 - WHOLE_SHARE) * paragraph, chunk_id)
    return summed


def _acronym_query(words: list[str]) -> bool:
    """Whether the query names something by an acronym or a code (EIA, HCYF, PM2.5, NO2)."""
    return any(
        re.fullmatch(r"[A-Z][A-Z0-9.]+", word) or re.search(r"[A-Za-z][0-9]", word)
        for word in words
    )


def _with_word_bonus(
    summed: dict[tuple[str, int], tuple[float, int]],
    text: list[tuple[tuple[str, int], int]],
    query: str,
) -> tuple[dict[tuple[str, int], float], dict[tuple[str, int], int]]:
    """Summed meaning scores plus TEXT_BONUS for the records holding every word; snippets, words first."""
    bonus = TEXT_BONUS
    if TEXT_BONUS_FOR == "acronym" and not _acronym_query(query.split()):
        bonus = 0.0
    best_chunk = dict(text)
    floor = min((score for score, _ in summed.values()), default=0.0)
    scores: dict[tuple[str, int], float] = {}
    for key in summed.keys() | best_chunk.keys():
        score = summed[key][0] if key in summed else floor
        scores[key] = score + (bonus if key in best_chunk else 0.0)
    for key, (_, chunk_id) in summed.items():
        best_chunk.setdefault(key, chunk_id)
    return scores, best_chunk


def _fuse(
    lists: dict[str, HitList], chunks: dict[int, _Chunk], query: str = ""
) -> tuple[dict[tuple[str, int], float], dict[tuple[str, int], int]]:
    """Records scored from the candidate lists (MEANING_FUSION, WORDS); each record's snippet chunk, words first."""
    scores: dict[tuple[str, int], float] = {}
    best_chunk: dict[tuple[str, int], int] = {}
    ranked = {name: _ranked_objects(hits, chunks) for name, hits in lists.items()}
    if MEANING_FUSION == "sum" and "whole" in lists and "chunk" in lists:
        summed = _summed_meaning(lists["chunk"], lists["whole"], chunks)
        ranked.pop("whole")
        if WORDS == "bonus":
            return _with_word_bonus(summed, ranked.get("text", []), query)
        ranked["chunk"] = [
            (key, summed[key][1]) for key in sorted(summed, key=lambda key: (-summed[key][0], key))
        ]
    for name, objects in ranked.items():
        weight = WEIGHTS[name] + (
            WEIGHTS["whole"] if name == "chunk" and "whole" not in ranked else 0
        )
        for rank, (key, chunk_id) in enumerate(objects):
            scores[key] = scores.get(key, 0.0) + weight / (RRF_K + rank + 1)
            best_chunk.setdefault(key, chunk_id)  # the full-text list comes first
    return scores, best_chunk


def _found(lists: dict[str, HitList], chunks: dict[int, _Chunk]) -> set[tuple[str, int]]:
    """Records that count as found: every word list's, and the meaning hits within FOUND_MARGIN.

    FOUND_RULE "either": a record's whole-record or best paragraph cosine is within the margin of
    that list's best; "summed": its summed meaning score is within the margin of the best one's.
    """
    found: set[tuple[str, int]] = set()
    meaning = "chunk" in lists and "whole" in lists
    if meaning and FOUND_RULE == "summed":
        summed = _summed_meaning(lists["chunk"], lists["whole"], chunks)
        best = max((score for score, _ in summed.values()), default=0.0)
        found.update(
            key
            for key, (score, _) in summed.items()
            if FOUND_MARGIN is None or score >= best - FOUND_MARGIN
        )
    for name, hits in lists.items():
        if name in ("chunk", "whole") and FOUND_RULE == "summed" and meaning:
            continue
        if name in ("chunk", "whole") and hits and FOUND_MARGIN is not None:
            hits = [hit for hit in hits if hit.score >= hits[0].score - FOUND_MARGIN]
        found.update(key for key, _ in _ranked_objects(hits, chunks))
    return found


def rank_records(
    lists: dict[str, HitList], chunks: dict[int, _Chunk], query: str = ""
) -> tuple[dict[tuple[str, int], float], dict[tuple[str, int], int], set[tuple[str, int]]]:
    """Every candidate record's ranking score, its snippet chunk, and the records found (no database).

    With RESULTS_WITHIN_FOUND only the found records are scored.
    """
    scores, best_chunk = _fuse(lists, chunks, query)
    found = _found(lists, chunks)
    if RESULTS_WITHIN_FOUND:
        scores = {key: score for key, score in scores.items() if key in found}
    return scores, best_chunk, found


def ranked_lists(
    query: str, filters: SearchFilters, *, mode: str, embedder: str
) -> dict[str, RankedChunks]:
    """The ranked chunk lists the fusion reads: words, nearest chunks, nearest whole records."""
    lists: dict[str, RankedChunks] = {}
    if mode in ("hybrid", "text"):
        words = query_words(query)
        hits = full_text(words, filters, every=True)
        # Words alone rank partial matches after full ones; beside meaning they only add noise.
        match = "tiered" if mode == "text" else TEXT_MATCH
        if len(words) > 1 and (match == "tiered" or (match == "fallback" and not hits)):
            anyword = full_text(words, filters)
            hits = hits.then(anyword.keep(~np.isin(anyword.ids, hits.ids)))
        lists["text"] = hits
    if mode in ("hybrid", "meaning") and query.strip():
        vector = encode_query(embedder, query.strip())
        nearest_hits = nearest_both(vector, filters, embedder=embedder)
        if FEEDBACK_WEIGHT and nearest_hits[True]:
            vector = _moved_towards(vector, nearest_hits[True][:FEEDBACK_RECORDS])
            nearest_hits = nearest_both(vector, filters, embedder=embedder)
        for name, hits in (("chunk", nearest_hits[False]), ("whole", nearest_hits[True])):
            if len(hits) and MEANING_MARGIN is not None:
                hits = hits.keep(hits.scores >= hits.scores[0] - MEANING_MARGIN)
            lists[name] = hits
    return lists


def _moved_towards(vector: np.ndarray, hits: HitList) -> np.ndarray:
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
    """The best records for a query and, for the facets, how many of each kind were found.

    A kind's count is its found records (FOUND_MARGIN) together with its results shown.
    """

    hits: list[SearchHit]
    kinds: dict[str, int]


def _fused(
    lists: fusion.Lists, query: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every candidate record's key, ranking score, snippet chunk and whether it counts as found:
    `rank_records` on arrays where the constants allow it, else `rank_records` itself."""
    meaning = "chunk" in lists.hits and "whole" in lists.hits
    if FOUND_RULE == "either" and not (MEANING_FUSION == "sum" and meaning and WORDS != "bonus"):
        if MEANING_FUSION == "sum" and meaning:
            bonus = TEXT_BONUS
            if TEXT_BONUS_FOR == "acronym" and not _acronym_query(query.split()):
                bonus = 0.0
            summed = fusion.summed_meaning(lists, WHOLE_SHARE)
            keys, scores, chunks = fusion.with_word_bonus(summed, lists, bonus)
        else:
            keys, scores, chunks = fusion.reciprocal_rank(lists, WEIGHTS, RRF_K)
        found = fusion.found(lists, keys, FOUND_MARGIN)
        if RESULTS_WITHIN_FOUND:
            keys, scores, chunks, found = keys[found], scores[found], chunks[found], found[found]
        return keys, scores, chunks, found
    records = {
        int(chunk_id): _Chunk(kind, object_id, "", "", "", "", "", "")
        for name, hits in lists.hits.items()
        for chunk_id, (kind, object_id) in zip(
            hits.ids.tolist(), fusion.records(lists.keys[name]), strict=True
        )
    }
    by_record, best_chunk, found_records = rank_records(lists.hits, records, query)  # type: ignore[arg-type]
    keys = np.array(sorted(fusion.key_of(*key) for key in by_record), dtype=np.int64)
    named = fusion.records(keys)
    return (
        keys,
        np.array([by_record[key] for key in named]),
        np.array([best_chunk[key] for key in named], dtype=np.int64),
        np.array([key in found_records for key in named], dtype=bool),
    )


@dataclass(frozen=True)
class Ranking:
    """The shown records (key, mixed score, snippet chunk), best first, and the facet counts."""

    keys: np.ndarray
    scores: np.ndarray
    chunks: np.ndarray
    kinds: dict[str, int]
    rows: dict[int, tuple[str, ...]]  # display fields already read (the SQL path reads them all)


def ranking(
    query: str,
    filters: SearchFilters | None = None,
    *,
    limit: int = 10,
    mode: str = "hybrid",
    embedder: str | None = None,
    allowed: Callable[[list[tuple[str, int]]], set[tuple[str, int]]] | None = None,
) -> Ranking:
    """`find` before the shown chunks are read: the best `limit` records and the counts by kind."""
    filters = filters or SearchFilters()
    embedder = embedder or embedder_name()
    lists, rows = fusion.with_records(ranked_lists(query, filters, mode=mode, embedder=embedder))
    keys, scores, chunks, found = _fused(lists, query)
    if allowed is not None:
        named = fusion.records(keys)
        visible = allowed(named)
        mask = np.array([key in visible for key in named], dtype=bool)
        keys, scores, chunks, found = keys[mask], scores[mask], chunks[mask], found[mask]
    scores = fusion.mixed_kinds(keys, scores, SAME_KIND_DECAY)
    top = fusion.best_first(keys, scores, limit)
    counted = found.copy()
    counted[top] = True
    names = fusion.kind_names(keys[counted])
    kinds = {kind: names.count(kind) for kind in SearchKind.values if kind in names}
    return Ranking(keys[top], scores[top], chunks[top], kinds, rows)


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

    `allowed` keeps only the records the caller may see (checked on the live tables). Only the
    chunks shown are read from the table, in one query.
    """
    found = ranking(query, filters, limit=limit, mode=mode, embedder=embedder, allowed=allowed)
    rows = index_reader.ChunkRows(found.chunks.tolist(), found.rows)
    words = query_words(query)
    hits = []
    for (kind, object_id), chunk_id, score in zip(
        fusion.records(found.keys), found.chunks.tolist(), found.scores.tolist(), strict=True
    ):
        chunk = _Chunk(kind, object_id, *rows.row(chunk_id, kind, object_id))
        hits.append(result_hit(chunk, score, words))
    return SearchResults(hits=hits, kinds=found.kinds)


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
        result_hit(chunks[chunk_id], scores[chunk_id], [])
        for _, chunk_id in _ranked_objects(hits, chunks)[:limit]
    ]
