"""The learned relation component: candidates, features, training and the shipped weights.

Sentences here are written for these tests (not from any evaluation set).
"""

from pathlib import Path

import numpy as np
import pytest

from twinning.extract import extract_text
from twinning.extract import relation_model as rm
from twinning.extract.records import Partnership
from twinning.extract.relation_candidates import CLASSES, STRUCTURAL, Candidate, candidates


def _scopes(found: list[Candidate]) -> list[tuple[str, str, str]]:
    scope_names = ("sentence", "adjacent", "subject")
    return [(c.a, c.b, scope_names[[c.structural[i] for i in range(3)].index(1.0)]) for c in found]


ORGS = [
    ("Harbour Kite Club", "HKC"),
    ("Lakeside Reading Circle", None),
    ("Pine Valley Trust", None),
]


def test_candidates_in_a_sentence_in_following_sentences_and_for_the_page_subject():
    text = (
        "The Harbour Kite Club and the Lakeside Reading Circle met in May. "
        "Later the Pine Valley Trust joined them.\n\n"
        "Our partners:\n"
        "• Pine Valley Trust\n"
    )
    found = candidates(text, ORGS, "Harbour Kite Club")
    assert [(a, b, scope) for a, b, scope in _scopes(found)] == [
        ("Harbour Kite Club", "Lakeside Reading Circle", "sentence"),
        ("Harbour Kite Club", "Pine Valley Trust", "adjacent"),
        ("Lakeside Reading Circle", "Pine Valley Trust", "adjacent"),
        ("Harbour Kite Club", "Pine Valley Trust", "subject"),
        ("Harbour Kite Club", "Pine Valley Trust", "subject"),
    ]
    assert [c.context for c in found] == [
        "The [A] and the [B] met in May.",
        "The [A] and the [X] met in May. Later the [B] joined them.",
        "The [X] and the [A] met in May. Later the [B] joined them.",
        "Later the [B] joined them.",
        # The bullet under "Our partners:" keeps its intro; the page's club is the first end.
        "Our partners: … [B]",
    ]


def test_candidate_structural_row_marks_acronyms_cues_and_subject():
    found = candidates(
        "HKC signed a memorandum of understanding with Pine Valley Trust in 2021.",
        ORGS,
        "Harbour Kite Club",
    )
    assert len(found) == 1
    row = dict(zip(STRUCTURAL, found[0].structural, strict=True))
    assert found[0].context == "[A] signed a memorandum of understanding with [B] in 2021."
    assert (row["scope_sentence"], row["a_is_subject"], row["b_is_subject"]) == (1.0, 1.0, 0.0)
    assert (row["year"], row["cue_partner"], row["cue_between_partner"]) == (1.0, 1.0, 1.0)
    assert (row["cue_twinning"], row["cue_membership"], row["table_row"]) == (0.0, 0.0, 0.0)


def test_chinese_names_are_found_without_word_boundaries():
    found = candidates(
        "云山观鸟协会与海湾志愿者中心签署了合作协议。",
        [("云山观鸟协会", None), ("海湾志愿者中心", None)],
        None,
    )
    assert [(c.a, c.b, c.context) for c in found] == [
        ("云山观鸟协会", "海湾志愿者中心", "[A]与[B]签署了合作协议。")
    ]


def test_fit_learns_separable_classes_and_balanced_weights():
    rng = np.random.default_rng(3)
    centres = np.eye(len(CLASSES), 8) * 4
    labels = np.repeat(np.arange(len(CLASSES)), 12)
    features = centres[labels] + rng.normal(0, 0.3, (labels.size, 8))
    weights, bias = rm.fit(features, labels, l2=0.1)
    assert weights.shape == (8, len(CLASSES)) and bias.shape == (len(CLASSES),)
    predicted = rm.softmax(features @ weights + bias).argmax(axis=1)
    assert predicted.tolist() == labels.tolist()
    assert rm.balanced_weights(np.array([0, 0, 0, 1])).tolist() == [2 / 3, 2.0, 0, 0, 0, 0, 0]


def _candidate(a: str, b: str, evidence: str = "A and B in 2020.") -> Candidate:
    return Candidate(a, b, evidence, tuple([0.0] * len(STRUCTURAL)), evidence)


def test_decide_keeps_the_best_candidate_per_pair_and_orients_directed_kinds():
    found = [_candidate("A", "B"), _candidate("B", "A", "no year"), _candidate("A", "C")]
    probabilities = np.array(
        [
            [0.5, 0.0, 0.5, 0.0, 0.0, 0.0, 0.0],  # partner 0.5
            [0.1, 0.0, 0.0, 0.1, 0.0, 0.0, 0.8],  # visit 0.8, the second end (A) the visitor
            [0.7, 0.1, 0.1, 0.05, 0.05, 0.0, 0.0],  # below the threshold
        ]
    )
    assert [(p.a, p.b, p.kind, p.year) for p in rm.decide(found, probabilities, 0.4)] == [
        ("A", "B", "visit", None)
    ]
    first = rm.decide(found[:1], probabilities[:1], 0.4)[0]
    assert (first.kind, first.year, first.evidence) == ("partner", 2020, "A and B in 2020.")


def test_combine_modes():
    rules = [Partnership("A", "B", "twinning")]
    learned = [Partnership("B", "A", "partner"), Partnership("A", "C", "membership")]
    kinds = {
        mode: [(p.a, p.b, p.kind) for p in rm.combine(rules, learned, mode)] for mode in rm.MODES
    }
    assert kinds == {
        "off": [("A", "B", "twinning")],
        "add": [("A", "B", "twinning"), ("A", "C", "membership")],
        "replace": [("B", "A", "partner"), ("A", "C", "membership")],
    }


def test_a_missing_weights_file_is_a_clear_error(tmp_path: Path):
    missing = tmp_path / "relations.npz"
    with pytest.raises(
        rm.RelationModelError, match=r"relation weights not found at .*relations\.npz"
    ):
        rm.load_weights(missing)


def test_weights_for_other_features_are_refused(tmp_path: Path):
    path = tmp_path / "relations.npz"
    rm.RelationWeights(
        np.zeros((3, len(CLASSES))), np.zeros(len(CLASSES)), {"add": 0.5, "replace": 0.5}
    ).save(path)
    with pytest.raises(rm.RelationModelError, match="other classes or features"):
        rm.load_weights(path)


def test_an_unknown_mode_is_refused(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TWINNING_RELATIONS", "sometimes")
    with pytest.raises(rm.RelationModelError, match="not one of off, add, replace"):
        rm.relation_mode()
    monkeypatch.setenv("TWINNING_RELATIONS", "Replace")
    assert rm.relation_mode() == "replace"


# Fresh sentences, one relation each, in five languages; the ends as (name, acronym).
SHIPPED_CASES = [
    (
        "In 2019 the Riverside Youth Choir signed a cooperation agreement with the Mountain "
        "Song Society.",
        ["Riverside Youth Choir", "Mountain Song Society"],
        ("Riverside Youth Choir", "Mountain Song Society", "partner"),
    ),
    (
        "Der Verein Grüne Schule Ulm ist seit 2015 Mitglied im Netzwerk Umweltbildung Schwaben.",
        ["Verein Grüne Schule Ulm", "Netzwerk Umweltbildung Schwaben"],
        ("Verein Grüne Schule Ulm", "Netzwerk Umweltbildung Schwaben", "membership"),
    ),
    (
        "En mars 2022, une délégation de l'Association Lumière de Chengdu a visité la Maison "
        "des Arts de Nantes.",
        ["Association Lumière de Chengdu", "Maison des Arts de Nantes"],
        ("Association Lumière de Chengdu", "Maison des Arts de Nantes", "visit"),
    ),
    (
        "2018年10月，山城青年志愿者协会代表团一行六人访问了海滨环保中心。",
        ["山城青年志愿者协会", "海滨环保中心"],
        ("山城青年志愿者协会", "海滨环保中心", "visit"),
    ),
    (
        "L'Associazione Amici di Siena è gemellata dal 2017 con la Società Culturale di Xi'an.",
        ["Associazione Amici di Siena", "Società Culturale di Xi'an"],
        ("Associazione Amici di Siena", "Società Culturale di Xi'an", "twinning"),
    ),
]


def _shipped(sentence: str, names: list[str]) -> tuple[list[Candidate], np.ndarray]:
    weights = rm.load_weights()
    found = candidates(sentence, [(name, None) for name in names], None)
    return found, weights.probabilities(rm.feature_matrix(found, rm.Encoder()))


@pytest.mark.parametrize(("sentence", "names", "expected"), SHIPPED_CASES)
def test_shipped_weights_rank_the_right_relation_first(sentence, names, expected):
    found, probabilities = _shipped(sentence, names)
    # Any threshold below the best relation's probability keeps exactly the expected pair.
    decided = rm.decide(found, probabilities, 0.0)
    assert [(p.a, p.b, p.kind) for p in decided] == [expected]


# At the shipped threshold, the English sentence is still below it: the model is
# under-confident on a lone sentence (ADR 0026); recorded, not hidden.
MISSED_AT_THRESHOLD = {0}


@pytest.mark.parametrize(
    ("sentence", "names", "expected"),
    [
        pytest.param(*case, marks=pytest.mark.xfail(strict=True, reason="below the threshold"))
        if index in MISSED_AT_THRESHOLD
        else case
        for index, case in enumerate(SHIPPED_CASES)
    ],
)
def test_shipped_weights_keep_the_pair_at_their_threshold(sentence, names, expected):
    found, probabilities = _shipped(sentence, names)
    decided = rm.decide(found, probabilities, rm.load_weights().thresholds["replace"])
    assert [(p.a, p.b, p.kind) for p in decided] == [expected]


def test_extract_text_with_learned_relations_only():
    text = (
        "News\n\nIn May 2021 a delegation of the Harbour Kite Association visited the Pine "
        "Valley Foundation in Leeds.\n"
    )
    result = extract_text(text, source="news.txt", learned_relations="replace")
    assert [(p.a, p.b, p.kind, p.year, p.source) for p in result.partnerships] == [
        ("Harbour Kite Association", "Pine Valley Foundation", "visit", 2021, "news.txt")
    ]
