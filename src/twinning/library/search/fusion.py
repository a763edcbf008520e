"""The fusion of `engine` on arrays: the same scores, order and facets, without a Python object per hit.

A record is one int64 key, (alphabetical rank of its kind + 1) << SHIFT | object id, so that
ordering keys orders (kind, object id) tuples as `engine` does. `engine.rank_records` (on dicts)
is the reference this must equal (tests/library/test_search_fusion_arrays.py, ADR 0037);
`with_records` gives the lists their record keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
from django.db import connection

from twinning.library.search import index_reader
from twinning.library.search.index_store import KINDS
from twinning.library.search.retrieval import RankedChunks

SHIFT = 40
_ORDER = sorted(KINDS)
NAMES = ["", *_ORDER]  # kind by key >> SHIFT; 0 is an unknown kind
_RANK = np.array([_ORDER.index(kind) + 1 for kind in KINDS] + [0], dtype=np.int64)  # code -1 last
_EMPTY = np.zeros(0, dtype=np.int64)


def record_keys(kinds: np.ndarray, objects: np.ndarray) -> np.ndarray:
    """Keys of records given as kind codes (in KINDS, -1 unknown) and object ids."""
    return (_RANK[kinds] << SHIFT) | objects


def key_of(kind: str, object_id: int) -> int:
    return ((_ORDER.index(kind) + 1 if kind in _ORDER else 0) << SHIFT) | int(object_id)


def records(keys: np.ndarray) -> list[tuple[str, int]]:
    """(kind, object id) of each key."""
    return [
        (NAMES[rank], object_id)
        for rank, object_id in zip(
            (keys >> SHIFT).tolist(), (keys & ((1 << SHIFT) - 1)).tolist(), strict=True
        )
    ]


def kind_names(keys: np.ndarray) -> list[str]:
    return [NAMES[rank] for rank in (keys >> SHIFT).tolist()]


@dataclass
class Lists:
    """A search's ranked lists with each chunk's record key."""

    hits: dict[str, RankedChunks]
    keys: dict[str, np.ndarray]


def _first(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each record of a list once (ascending key) and the position of its first chunk."""
    return np.unique(keys, return_index=True)


def _best(lists: Lists, name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each record's first (best) chunk of a list: keys (ascending), scores, chunk ids."""
    hits = lists.hits.get(name)
    if hits is None or not len(hits):
        return _EMPTY, np.zeros(0), _EMPTY
    keys, first = _first(lists.keys[name])
    return keys, hits.scores[first], hits.ids[first]


def _at(keys: np.ndarray, some: np.ndarray) -> np.ndarray:
    """Positions of `some` (a subset) in the sorted `keys`."""
    return np.searchsorted(keys, some)


def summed_meaning(lists: Lists, whole_share: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`engine._summed_meaning` on arrays: keys, summed scores, chunk ids."""
    paragraph_keys, paragraph_scores, paragraph_chunks = _best(lists, "chunk")
    whole_keys, whole_scores, whole_chunks = _best(lists, "whole")
    keys = np.union1d(paragraph_keys, whole_keys)
    paragraph = np.full(len(keys), float(paragraph_scores.min()) if len(paragraph_scores) else 0.0)
    paragraph[_at(keys, paragraph_keys)] = paragraph_scores
    whole = np.full(len(keys), float(whole_scores.min()) if len(whole_scores) else 0.0)
    whole[_at(keys, whole_keys)] = whole_scores
    chunks = np.zeros(len(keys), dtype=np.int64)
    chunks[_at(keys, whole_keys)] = whole_chunks
    chunks[_at(keys, paragraph_keys)] = paragraph_chunks
    return keys, whole_share * whole + (1 - whole_share) * paragraph, chunks


def with_word_bonus(
    summed: tuple[np.ndarray, np.ndarray, np.ndarray], lists: Lists, bonus: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`engine._with_word_bonus` on arrays: keys, scores, snippet chunks (words first)."""
    summed_keys, summed_scores, summed_chunks = summed
    text_keys, _, text_chunks = _best(lists, "text")
    keys = np.union1d(summed_keys, text_keys)
    scores = np.full(len(keys), float(summed_scores.min()) if len(summed_scores) else 0.0)
    scores[_at(keys, summed_keys)] = summed_scores
    holds = np.zeros(len(keys), dtype=bool)
    holds[_at(keys, text_keys)] = True
    chunks = np.zeros(len(keys), dtype=np.int64)
    chunks[_at(keys, summed_keys)] = summed_chunks
    chunks[_at(keys, text_keys)] = text_chunks
    return keys, scores + np.where(holds, bonus, 0.0), chunks


def reciprocal_rank(
    lists: Lists, weights: dict[str, float], rrf_k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`engine._fuse`'s rank fusion of every list on arrays: keys, scores, snippet chunks."""
    names = [name for name, hits in lists.hits.items() if len(hits)]
    firsts = {name: _first(lists.keys[name]) for name in names}
    keys = np.unique(np.concatenate([firsts[name][0] for name in names] or [_EMPTY]))
    scores = np.zeros(len(keys))
    chunks = np.zeros(len(keys), dtype=np.int64)
    for name in reversed(names):  # the first list's snippet chunk wins
        record_keys_, first = firsts[name]
        chunks[_at(keys, record_keys_)] = lists.hits[name].ids[first]
    for name in names:  # added in list order, as the dicts add them
        weight = weights[name] + (
            weights["whole"] if name == "chunk" and "whole" not in lists.hits else 0
        )
        record_keys_, first = firsts[name]
        rank = np.empty(len(first), dtype=np.int64)
        rank[np.argsort(first)] = np.arange(len(first))
        scores[_at(keys, record_keys_)] += weight / (rrf_k + rank + 1)
    return keys, scores, chunks


def found(lists: Lists, keys: np.ndarray, margin: float | None) -> np.ndarray:
    """`engine._found` (rule "either") as a mask over `keys`."""
    mask = np.zeros(len(keys), dtype=bool)
    for name, hits in lists.hits.items():
        if not len(hits):
            continue
        chosen = lists.keys[name]
        if name in ("chunk", "whole") and margin is not None:
            chosen = chosen[hits.scores >= hits.scores[0] - margin]
        mask[_at(keys, np.unique(chosen))] = True
    return mask


@cache
def _decay(factor: float, count: int) -> np.ndarray:
    return np.array([factor**seen for seen in range(count)])


def mixed_kinds(keys: np.ndarray, scores: np.ndarray, decay: float) -> np.ndarray:
    """`engine.mixed_kinds` on arrays: each score times `decay` to the records of its kind before it."""
    order = np.lexsort((keys, -scores))
    kinds = keys[order] >> SHIFT
    seen = np.zeros(len(keys), dtype=np.int64)
    for kind in np.unique(kinds):
        where = np.flatnonzero(kinds == kind)
        seen[where] = np.arange(len(where))
    adjusted = np.empty(len(keys))
    size = 1 << max(int(seen.max()) if len(seen) else 0, 1).bit_length()
    adjusted[order] = scores[order] * _decay(decay, size)[seen]
    return adjusted


def best_first(keys: np.ndarray, scores: np.ndarray, limit: int) -> np.ndarray:
    """Positions of the `limit` best, by score, ties by record (as `sorted` by (-score, key))."""
    return np.lexsort((keys, -scores))[:limit]


def with_records(
    lists: dict[str, RankedChunks],
) -> tuple[Lists, dict[int, tuple[str, ...]]]:
    """Each list with its chunks' record keys: from the index, else read from the chunk table
    (with the display fields, in the same query: the rows read, for showing).

    A chunk gone from the table drops out (read from the table; or, from the index, when chunks
    were deleted since it last caught up), as the fusion on dicts leaves out unknown chunks.
    """
    unknown = [hits.ids for hits in lists.values() if hits.kinds is None]
    known, rows = (
        _read_records(np.unique(np.concatenate(unknown)).tolist()) if unknown else ({}, {})
    )
    existing: set[int] | None = None
    if len(unknown) < len(lists) and index_reader.reader.dirty():
        ids = np.concatenate([hits.ids for hits in lists.values() if hits.kinds is not None])
        existing = index_reader.existing(np.unique(ids).tolist())
    hits_by_name: dict[str, RankedChunks] = {}
    keys: dict[str, np.ndarray] = {}
    for name, hits in lists.items():
        if hits.kinds is None or hits.objects is None:
            hits = hits.keep(np.array([i in known for i in hits.ids.tolist()], dtype=bool))
            keys[name] = np.array([known[i] for i in hits.ids.tolist()], dtype=np.int64)
        else:
            if existing is not None:
                hits = hits.keep(np.array([i in existing for i in hits.ids.tolist()], dtype=bool))
            keys[name] = record_keys(hits.kinds, hits.objects)  # type: ignore[arg-type]
        hits_by_name[name] = hits
    return Lists(hits_by_name, keys), rows


def _read_records(ids: list[int]) -> tuple[dict[int, int], dict[int, tuple[str, ...]]]:
    """Record keys and display fields (`ChunkRows.FIELDS`) of the chunks of these ids in the table."""
    found: dict[int, int] = {}
    rows: dict[int, tuple[str, ...]] = {}
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            batch = ids[start : start + 500]
            placeholders = ", ".join(["%s"] * len(batch))
            cursor.execute(
                "SELECT id, kind, object_id, reference, title, title_zh, source, target, text "
                f"FROM library_searchchunk WHERE id IN ({placeholders})",
                batch,
            )
            for row in cursor.fetchall():
                found[row[0]] = key_of(row[1], row[2])
                rows[row[0]] = tuple(row[3:])
    return found, rows
