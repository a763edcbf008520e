"""The relations' precision rule: ends that are lines, not names, drop their pair; its modes;
the features of the measured learned filter (names written for these tests)."""

import pytest
from evaluation import relation_filter_features

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
    result = relation_filter.apply(_result(), mode="rules")
    assert [(p.a, p.b) for p in result.partnerships] == [("Kieler Stadtteilverein", "Qingdao Hub")]


def test_the_off_mode_keeps_every_pair() -> None:
    assert len(relation_filter.apply(_result(), mode="off").partnerships) == 2


def test_an_unknown_mode_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWINNING_RELATION_FILTER", "maybe")
    with pytest.raises(relation_filter.RelationFilterError, match="maybe"):
        relation_filter.filter_mode()


def test_the_default_mode_is_the_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TWINNING_RELATION_FILTER", raising=False)
    assert relation_filter.filter_mode() == "rules"
    assert len(relation_filter.apply(_result()).partnerships) == 1


def test_features_have_one_row_per_pair_in_order() -> None:
    result = _result()
    result.subject = "Kieler Stadtteilverein"
    features = relation_filter_features.pair_features(
        result, "Kieler Stadtteilverein und Qingdao Hub", "de"
    )
    names = relation_filter_features.FEATURES
    assert features.shape == (2, len(names))
    assert features[:, names.index("an_end_has_punctuation")].tolist() == [0.0, 1.0]
    assert features[:, names.index("lang_de")].tolist() == [1.0, 1.0]
    assert features[:, names.index("both_named")].tolist() == [0.0, 0.0]


def test_a_pair_read_as_twinning_and_as_partner_keeps_the_twinning() -> None:
    result = ExtractionResult(
        partnerships=[
            Partnership("Kieler Stadtteilverein", "Qingdao Hub", "partner"),
            Partnership("Qingdao Hub", "Kieler Stadtteilverein", "twinning"),
            Partnership("Kieler Stadtteilverein", "Qingdao Hub", "visit"),
        ]
    )
    kinds = [p.kind for p in relation_filter.apply(result, mode="rules").partnerships]
    assert kinds == ["twinning", "visit"]
