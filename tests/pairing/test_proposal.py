"""The proposal as a typed record: what a run stores is what the pages and the API read."""

import pytest

from twinning.pairing.proposal import Proposal, ProposalError, ProposedPair

STORED = {
    "pairs": [
        {
            "a": 3,
            "b": 7,
            "score": 0.8123,
            "fixed": True,
            "reasons": {"en": ["shared topic: waste"], "zh": ["共同主题：废物"]},
            "alternatives_a": [8, 9],
            "alternatives_b": [4],
        }
    ],
    "unmatched": [5],
    "blocking_pairs": 1,
    "blocking_examples": [[3, 9, 0.5]],
    "names": {"3": "Lyon Waste", "7": "Dalian Recycling"},
}


def test_a_stored_proposal_reads_as_typed_pairs_and_writes_back_the_same():
    proposal = Proposal.from_json(STORED)
    assert proposal.pairs == (
        ProposedPair(
            a=3,
            b=7,
            score=0.8123,
            fixed=True,
            reasons={"en": ("shared topic: waste",), "zh": ("共同主题：废物",)},
            alternatives_a=(8, 9),
            alternatives_b=(4,),
        ),
    )
    assert proposal.keys() == {(3, 7)}
    assert proposal.organisation_ids() == {3, 4, 5, 7, 8, 9}
    assert proposal.pairs[0].value == "3:7"
    assert proposal.to_json() == STORED


def test_reasons_fall_back_to_english_and_a_running_run_has_an_empty_proposal():
    pair = ProposedPair.from_json({"a": 1, "b": 2, "score": 0.5, "reasons": {"en": ["x"]}})
    assert pair.reasons_in("zh") == ["x"]
    assert pair.fixed is False and pair.alternatives_a == ()
    assert not Proposal.from_json({})
    assert Proposal.from_json({}).to_json()["pairs"] == []


@pytest.mark.parametrize(
    ("stored", "message"),
    [
        ({"pairs": {"a": 1}}, "pairs must be a list"),
        ({"pairs": [{"a": "x", "b": 2, "score": 1}]}, "integer a, b"),
        ({"pairs": [{"a": 1, "b": 2}]}, "numeric score"),
        ({"pairs": [], "unmatched": "5"}, "unmatched must be a list"),
        ({"pairs": [], "blocking_examples": [[1, 2]]}, "stability report"),
        ([1, 2], "must be an object"),
    ],
)
def test_a_malformed_proposal_is_refused_with_what_is_wrong(stored, message):
    with pytest.raises(ProposalError, match=message):
        Proposal.from_json(stored)
