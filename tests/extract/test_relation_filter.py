"""The relations' precision filter: ends that are lines, not names, drop their pair; the modes
(pages and names written for these tests)."""

import numpy as np
import pytest

from twinning.extract import relation_filter
from twinning.extract.records import ExtractionResult, Organisation, Partnership


@pytest.mark.parametrize(
    "name",
    [
        "Harbour Light Trust",
        "lycée agricole de Pau",
        "Associazione Ponte Verde",
        "Asociación Vecinal El Olivar",
        "宁波市海洋环保志愿者协会",
        "Vereniging Vrienden van Xi'an",
    ],
)
def test_names_are_name_like(name: str) -> None:
    assert relation_filter.is_name_like(name)


@pytest.mark.parametrize(
    "name",
    [
        "Moderation: Dr Ines Falk (Stadtwerke Kiel)",
        "苏州社区协会(Suzhou Community Association)——2021年起联合开展培训",
        "dall'Associazione Amici di Lucca",
        "with the Harbour Light Trust",
        "Panel two with speakers from six cities and a closing word from the organisers team",
    ],
)
def test_lines_are_not_name_like(name: str) -> None:
    assert not relation_filter.is_name_like(name)


def _result() -> ExtractionResult:
    names = ["Kieler Stadtteilverein", "Moderation: Dr Ines Falk (Stadtwerke Kiel)", "Qingdao Hub"]
    return ExtractionResult(
        organisations=[Organisation(name=n) for n in names],
        partnerships=[
            Partnership("Kieler Stadtteilverein", "Qingdao Hub", "partner"),
            Partnership("Kieler Stadtteilverein", names[1], "partner"),
        ],
    )


def test_the_rules_mode_drops_the_pair_whose_end_is_a_line() -> None:
    result = relation_filter.apply(_result(), "", "de", mode="rules")
    assert [(p.a, p.b) for p in result.partnerships] == [("Kieler Stadtteilverein", "Qingdao Hub")]


def test_the_off_mode_keeps_every_pair() -> None:
    assert len(relation_filter.apply(_result(), "", "de", mode="off").partnerships) == 2


def test_an_unknown_mode_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWINNING_RELATION_FILTER", "maybe")
    with pytest.raises(relation_filter.RelationFilterError, match="maybe"):
        relation_filter.filter_mode()


def test_features_have_one_row_per_pair_in_order() -> None:
    result = _result()
    result.subject = "Kieler Stadtteilverein"
    features = relation_filter.pair_features(result, "Kieler Stadtteilverein und Qingdao Hub", "de")
    assert features.shape == (2, len(relation_filter.FEATURES))
    column = relation_filter.FEATURES.index("an_end_has_punctuation")
    assert features[:, column].tolist() == [0.0, 1.0]
    assert features[0, relation_filter.FEATURES.index("lang_de")] == 1.0


def test_the_learned_mode_keeps_pairs_at_or_over_the_threshold() -> None:
    pairs = _result().partnerships
    assert relation_filter.kept(pairs, np.array([0.5, 0.49]), 0.5) == [pairs[0]]
    weights = relation_filter.FilterWeights(np.zeros(len(relation_filter.FEATURES)), 0.0, 0.5)
    assert weights.probabilities(np.ones((1, len(relation_filter.FEATURES)))).tolist() == [0.5]
