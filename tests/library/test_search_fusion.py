"""The summed meaning ranking and the found rule behind the facets, apart from each other (ADR 0031)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import EventFactory, OrganisationFactory, PairFactory
from twinning.library.access import find_in_library
from twinning.library.actions import add_document
from twinning.library.search import engine
from twinning.library.search.engine import _Chunk, rank_records
from twinning.library.search.retrieval import ChunkHit


def chunks(*records: tuple[int, str, int]) -> dict[int, _Chunk]:
    """Chunk id -> a chunk of record (kind, object id)."""
    return {
        chunk_id: _Chunk(kind, object_id, str(object_id), "", "", "", "", "")
        for chunk_id, kind, object_id in records
    }


# Chunks 1-4 are paragraphs of documents 1-3 and organisation 7; 11-13 and 17 their whole records.
CHUNKS = chunks(
    (1, "document", 1),
    (2, "document", 2),
    (3, "document", 3),
    (4, "organisation", 7),
    (11, "document", 1),
    (12, "document", 2),
    (13, "document", 3),
    (17, "organisation", 7),
)
LISTS = {
    "text": [ChunkHit(3, 9.0)],
    "chunk": [ChunkHit(1, 0.60), ChunkHit(2, 0.50), ChunkHit(4, 0.45), ChunkHit(3, 0.30)],
    "whole": [ChunkHit(12, 0.70), ChunkHit(11, 0.40), ChunkHit(17, 0.38)],
}


@pytest.fixture
def constants(monkeypatch):
    for name, value in (
        ("MEANING_FUSION", "sum"),
        ("WHOLE_SHARE", 0.5),
        ("FOUND_MARGIN", 0.2),
        ("WORDS", "rrf"),
        ("RESULTS_WITHIN_FOUND", False),
        ("WEIGHTS", {"text": 0.5, "chunk": 1.0, "whole": 1.0}),
    ):
        monkeypatch.setattr(engine, name, value)
    return monkeypatch


def test_the_summed_score_weighs_whole_record_and_best_paragraph_and_fills_a_missing_side(
    constants,
):
    summed = engine._summed_meaning(LISTS["chunk"], LISTS["whole"], CHUNKS)
    # document 3 has no whole-record hit: it gets the whole list's last score, 0.38
    assert {key: round(score, 6) for key, (score, _) in summed.items()} == {
        ("document", 1): 0.5,
        ("document", 2): 0.6,
        ("document", 3): 0.34,
        ("organisation", 7): 0.415,
    }
    assert {key: chunk for key, (_, chunk) in summed.items()}[("document", 2)] == 2
    constants.setattr(engine, "WHOLE_SHARE", 0.3)
    summed = engine._summed_meaning(LISTS["chunk"], LISTS["whole"], CHUNKS)
    assert round(summed[("document", 2)][0], 6) == round(0.3 * 0.70 + 0.7 * 0.50, 6)


def test_the_found_set_holds_word_matches_and_meaning_hits_within_the_margin(constants):
    # paragraphs within 0.2 of 0.60: documents 1, 2, organisation 7; wholes within 0.2 of 0.70:
    # document 2 only; words: document 3, whose meaning is far below both margins
    assert engine._found(LISTS, CHUNKS) == {
        ("document", 1),
        ("document", 2),
        ("document", 3),
        ("organisation", 7),
    }
    constants.setattr(engine, "FOUND_MARGIN", 0.1)
    assert engine._found(LISTS, CHUNKS) == {("document", 1), ("document", 2), ("document", 3)}
    constants.setattr(engine, "FOUND_MARGIN", None)
    assert len(engine._found(LISTS, CHUNKS)) == 4


def test_the_ranking_is_the_summed_meaning_fused_with_the_words_and_only_found_records_count(
    constants,
):
    constants.setattr(engine, "FOUND_MARGIN", 0.1)
    scores, best_chunk, found = rank_records(LISTS, CHUNKS, "query")
    assert len(scores) == 4  # every candidate is ranked
    assert found == {("document", 1), ("document", 2), ("document", 3)}
    constants.setattr(engine, "RESULTS_WITHIN_FOUND", True)
    scores, best_chunk, found = rank_records(LISTS, CHUNKS, "query")
    # organisation 7 (summed 0.415, third) is a candidate but not found within 0.1
    assert sorted(scores, key=lambda key: -scores[key]) == [
        ("document", 3),  # summed 0.34 (fourth), lifted by being the only one holding every word
        ("document", 2),  # summed 0.60: first of the meaning list
        ("document", 1),  # summed 0.50: second
    ]
    assert round(scores[("document", 2)], 6) == round(2.0 / 61, 6)
    assert round(scores[("document", 3)], 6) == round(0.5 / 61 + 2.0 / 64, 6)
    assert best_chunk[("document", 3)] == 3  # the words' chunk gives the snippet


def test_a_word_bonus_adds_to_the_summed_cosine_only_for_acronym_queries_when_asked(constants):
    constants.setattr(engine, "WORDS", "bonus")
    constants.setattr(engine, "TEXT_BONUS", 0.2)
    constants.setattr(engine, "TEXT_BONUS_FOR", "acronym")
    scores, _, _ = rank_records(LISTS, CHUNKS, "EIA report")
    assert round(scores[("document", 3)], 6) == 0.54
    assert round(scores[("document", 2)], 6) == 0.6
    scores, _, _ = rank_records(LISTS, CHUNKS, "wetland report")
    assert round(scores[("document", 3)], 6) == 0.34
    constants.setattr(engine, "TEXT_BONUS_FOR", "any")
    scores, _, _ = rank_records(LISTS, CHUNKS, "wetland report")
    assert round(scores[("document", 3)], 6) == 0.54


@pytest.mark.django_db
def test_facets_count_the_found_records_and_those_shown_not_every_candidate(index):
    society = OrganisationFactory(name="Zero Waste Society", description="Zero waste in towns.")
    add_document(title="Zero waste towns report", text="How towns reached zero waste.")
    add_document(title="Zero waste towns in Europe", text="Towns in Europe going zero waste.")
    PairFactory(organisation_a=society, focus="Zero waste in towns")
    for number in range(6):
        EventFactory(name=f"Violin concert {number}", description="An evening of chamber music.")
    index()
    found = find_in_library(AnonymousUser(), "zero waste towns", limit=4)
    assert found.kinds == {"document": 2, "organisation": 1, "pair": 1}
    assert sorted(hit.type for hit in found.hits) == [
        "document",
        "document",
        "organisation",
        "pair",
    ]
    assert engine.find("zero waste towns", limit=4).kinds == found.kinds
    # every record is a candidate of the ranking; the six concerts count once they are shown
    everything = find_in_library(AnonymousUser(), "zero waste towns", limit=100)
    assert sorted(hit.type for hit in everything.hits[4:]) == ["event"] * 6 + ["organisation"]
    # (the seventh candidate is the pair's other partner, named nowhere in the query)
    assert everything.kinds == {"document": 2, "organisation": 2, "pair": 1, "event": 6}
