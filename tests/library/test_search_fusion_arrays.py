"""The fusion on arrays (`fusion`, ADR 0037) gives exactly what the fusion on dicts gives."""

import random

import numpy as np
import pytest

from twinning.library.search import engine, fusion
from twinning.library.search.engine import _Chunk, rank_records
from twinning.library.search.index_store import KINDS
from twinning.library.search.retrieval import ChunkHit, RankedChunks

SETTINGS = [
    {},  # the engine's constants
    {"TEXT_BONUS_FOR": "acronym"},
    {"MEANING_FUSION": "rrf"},
    {"MEANING_FUSION": "rrf", "FOUND_MARGIN": None},
    {"RESULTS_WITHIN_FOUND": True},
    {"WORDS": "rrf"},  # not done on arrays: the dicts answer, through the same function
    {"FOUND_RULE": "summed"},
]
SHAPES = [("text", "chunk", "whole"), ("text",), ("chunk", "whole"), ("text", "chunk", "whole")]


def random_lists(generator: random.Random, names: tuple[str, ...]):
    """Lists of chunks of a few records, scores on a coarse grid (ties), best first."""
    records = [(generator.choice(KINDS), generator.randrange(1, 15)) for _ in range(25)]
    chunks: dict[int, _Chunk] = {}
    lists: dict[str, RankedChunks] = {}
    keys: dict[str, np.ndarray] = {}
    for number, name in enumerate(names):
        hits = []
        for position in range(generator.randrange(0, 30)):
            chunk_id = number * 1000 + position
            kind, object_id = generator.choice(records)
            chunks[chunk_id] = _Chunk(kind, object_id, "", "", "", "", "", "")
            hits.append(ChunkHit(chunk_id, generator.randrange(0, 20) / 16))
        hits.sort(key=lambda hit: (-hit.score, hit.chunk_id))
        lists[name] = RankedChunks.of(hits)
        keys[name] = np.array(
            [fusion.key_of(chunks[h.chunk_id].kind, chunks[h.chunk_id].object_id) for h in hits],
            dtype=np.int64,
        )
    return lists, chunks, fusion.Lists(lists, keys)


@pytest.mark.parametrize("constants", SETTINGS)
def test_the_fusion_on_arrays_equals_the_fusion_on_dicts(monkeypatch, constants):
    for name, value in constants.items():
        monkeypatch.setattr(engine, name, value)
    generator = random.Random(20261201)
    for trial in range(150):
        names = SHAPES[trial % len(SHAPES)]
        lists, chunks, arrays = random_lists(generator, names)
        query = "EIA report" if trial % 2 else "wetland report"
        scores, best_chunk, found = rank_records(lists, chunks, query)
        keys, fused, snippet_chunks, found_mask = engine._fused(arrays, query)
        named = fusion.records(keys)
        assert named == sorted(scores)
        assert dict(zip(named, fused.tolist(), strict=True)) == scores
        assert dict(zip(named, snippet_chunks.tolist(), strict=True)) == {
            key: best_chunk[key] for key in scores
        }
        assert {key for key, held in zip(named, found_mask, strict=True) if held} == (
            found & scores.keys()
        )
        mixed = engine.mixed_kinds(scores)
        adjusted = fusion.mixed_kinds(keys, fused, engine.SAME_KIND_DECAY)
        assert dict(zip(named, adjusted.tolist(), strict=True)) == mixed
        top = fusion.best_first(keys, adjusted, 10)
        assert [named[i] for i in top] == sorted(mixed, key=lambda k: (-mixed[k], k))[:10]


def test_record_keys_order_as_kind_and_object_id_tuples():
    records = [(kind, object_id) for kind in KINDS for object_id in (1, 2, 10**9)]
    keys = np.array([fusion.key_of(*record) for record in records], dtype=np.int64)
    assert fusion.records(np.sort(keys)) == sorted(records)
    codes = np.array([KINDS.index(kind) for kind, _ in records])
    objects = np.array([object_id for _, object_id in records])
    assert fusion.record_keys(codes, objects).tolist() == keys.tolist()


def test_a_ranked_list_reads_as_a_list_of_chunk_hits():
    hits = RankedChunks([3, 1, 2], [0.9, 0.5, 0.5])
    assert list(hits) == [ChunkHit(3, 0.9), ChunkHit(1, 0.5), ChunkHit(2, 0.5)]
    assert hits == [ChunkHit(3, 0.9), ChunkHit(1, 0.5), ChunkHit(2, 0.5)]
    assert hits[0] == ChunkHit(3, 0.9) and hits[1:] == [ChunkHit(1, 0.5), ChunkHit(2, 0.5)]
    assert list(hits.keep(hits.scores < 0.6)) == [ChunkHit(1, 0.5), ChunkHit(2, 0.5)]
    assert list(hits.then(RankedChunks([7], [0.1])))[-1] == ChunkHit(7, 0.1)


def test_folding_drops_accents_and_keeps_everything_else():
    from twinning.library.search.text import fold

    assert fold("Éco-Quartier") == "eco-quartier"
    assert fold("Straße Ökologie") == "strasse okologie"
    assert fold("ﬁlière à Göteborg") == "filiere a goteborg"
    assert fold("零废弃 Zéro") == "零废弃 zero"
