"""The learned country chooser: places, evidence features, the fit, and the shipped weights.

Sentences here are written for these tests (not from any evaluation set).
"""

from pathlib import Path

import numpy as np
import pytest

from twinning.cli import main
from twinning.extract import country_model as cm
from twinning.extract import extract_text
from twinning.extract.country_evidence import (
    FEATURES,
    collect,
    find_places,
    written_in_local_language,
)
from twinning.extract.records import ExtractionResult, Organisation


def test_places_in_latin_and_chinese_script_with_their_kind():
    text = (
        "Die deutsche Stiftung aus Freiburg arbeitet in Bosnia and Herzegovina mit dem "
        "云南省昆明市环保协会 und der Association française de Lyon."
    )
    assert [(text[p.start : p.end], p.country, p.kind) for p in find_places(text)] == [
        ("deutsche", "DE", "demonym"),
        ("Freiburg", "DE", "city"),
        ("Bosnia and Herzegovina", "BA", "country"),
        ("云南省", "CN", "province"),
        ("昆明市", "CN", "city"),
        ("française", "FR", "demonym"),
        ("Lyon", "FR", "city"),
    ]


def test_names_written_in_a_european_language_other_than_english():
    assert [
        written_in_local_language(name)
        for name in (
            "Associazione Ponte della Seta",
            "Umweltforum Freiburg e.V.",
            "Naturschutzverein Bonn",
            "Harbour Light Trust",
            "Riverside Community Association",
        )
    ] == [True, True, True, False, False]


def _features(row: np.ndarray) -> dict[str, float]:
    return {
        name: round(float(value), 3) for name, value in zip(FEATURES, row, strict=True) if value
    }


def test_evidence_of_a_built_page_marks_who_each_place_belongs_to():
    text = (
        "Partners\nHarbour Kite Club (Norway) works with the Lakeside Reading Circle from Lyon.\n"
    )
    result = ExtractionResult(
        organisations=[
            Organisation("Harbour Kite Club"),
            Organisation("Lakeside Reading Circle", country="FR", city="Lyon"),
        ],
        subject="Harbour Kite Club",
    )
    club, circle = collect(result, text, footer="Storgata 1 · 0155 Oslo · Norway", language="en")
    # "Lakeside" is also a town in the United States: a candidate, from inside the name.
    assert (club.index, club.countries, circle.countries) == (
        0,
        ["FR", "NO", "US"],
        ["FR", "NO", "US"],
    )
    norway = _features(club.rows[1])
    assert norway == {
        "bias": 1.0,
        "adjacent": 1.0,
        "sentence_own_country": 1.0,
        "sentence_closeness": 0.951,
        "footer_subject": 1.0,
        "document_share": 0.333,
        "document_top": 1.0,
        "agreeing_kinds": 1.0,
        "local_share": 0.5,
        "is_subject": 1.0,
        "candidates": 0.741,
        "name_is_organisation": 1.0,
        "name_length": 0.693,
    }
    # Lyon belongs to the circle (nearest to it, "from Lyon"), not to the club.
    assert _features(club.rows[0])["sentence_other"] == 1.0
    france = _features(circle.rows[0])
    assert (france["rules"], france["linked"], france["sentence_own_city"]) == (1.0, 1.0, 1.0)
    assert "is_subject" not in france and _features(circle.rows[1])["footer_other"] == 1.0
    assert (club.cities, circle.cities) == ({}, {"US": "Lakeside", "FR": "Lyon"})


def test_an_organisation_without_any_evidence_has_no_candidates():
    result = ExtractionResult(organisations=[Organisation("Lantern Reading Circle")])
    assert collect(result, "The Lantern Reading Circle meets on Tuesdays.", language="en") == []


def test_fit_learns_to_choose_a_candidate_and_to_abstain():
    rules, bias = FEATURES.index("rules"), FEATURES.index("bias")
    rows, groups, labels = [], [], []
    for group in range(40):
        first, second = np.zeros(len(FEATURES)), np.zeros(len(FEATURES))
        first[bias] = second[bias] = 1.0
        supported = group % 2 == 0
        if supported:
            second[rules] = 1.0  # the second candidate is right; an unsupported group abstains
        rows += [first, second]
        groups += [group, group]
        labels.append(2 * group + 1 if supported else -1)
    weights = cm.fit(np.array(rows), np.array(groups), np.array(labels), l2=0.01)
    probabilities = cm.probabilities(np.array(rows[:4]), np.array([0, 0, 1, 1]), weights)
    assert probabilities[1] > 0.9 and probabilities[2] < 0.1 and probabilities[3] < 0.1


def _countries(text: str, mode: str) -> list[tuple[str, str | None]]:
    return [(o.name, o.country) for o in extract_text(text, countries=mode).organisations]


# Fresh sentences in six languages; the organisations and the countries the text supports.
SHIPPED_CASES = [
    (
        "The Kelpie Rowing Club is based in Glasgow. It works with the Lijiang River Volunteers "
        "Association, a group of boatmen from Guilin.",
        [("Kelpie Rowing Club", "GB"), ("Lijiang River Volunteers Association", "CN")],
    ),
    (
        "Our members: Thistle Heritage Trust (Scotland), Amber Coast Society (Gdańsk) and the "
        "Moravian Hiking Club (Czech Republic).",
        [
            ("Thistle Heritage Trust", "GB"),
            ("Amber Coast Society", "PL"),
            ("Moravian Hiking Club", "CZ"),
        ],
    ),
    (
        "L'Association Lumière du Rhône, basée à Lyon, accueille cette année des bénévoles de la "
        "Fondation Verte de Chengdu.",
        [("Association Lumière du Rhône", "FR"), ("Fondation Verte de Chengdu", "CN")],
    ),
    (
        "L'Associazione Amici del Po di Ferrara ha firmato un accordo con il Centro Ecologico di "
        "Hangzhou.",
        [("Associazione Amici del Po di Ferrara", "IT"), ("Centro Ecologico di Hangzhou", "CN")],
    ),
    (
        "La Asociación Río Claro de Sevilla colabora con la Fundación Montaña Azul de Chengdu.",
        [("Asociación Río Claro de Sevilla", "ES"), ("Fundación Montaña Azul de Chengdu", "CN")],
    ),
    ("昆明市山地救援协会成立于2009年，总部位于云南省昆明市。", [("昆明市山地救援协会", "CN")]),
    # The rules give no country here; the model reads "uit Utrecht" and "uit Wuhan".
    (
        "De Stichting Groene Dijk uit Utrecht werkt samen met de Vereniging Schone Rivier uit Wuhan.",
        [("Stichting Groene Dijk", "NL"), ("Vereniging Schone Rivier", "CN")],
    ),
    ("The Lantern Reading Circle meets every Tuesday to discuss novels.", []),
]


@pytest.mark.parametrize(("text", "expected"), SHIPPED_CASES)
def test_the_shipped_model_assigns_countries_in_several_languages(text, expected):
    assert _countries(text, "model") == expected


def test_the_shipped_model_reads_a_chinese_city_after_a_dutch_name():
    text = "De Stichting Groene Dijk uit Utrecht werkt samen met de Vereniging Schone Rivier uit Wuhan."
    assert dict(_countries(text, "model"))["Vereniging Schone Rivier"] == "CN"


def test_a_country_the_model_adds_brings_the_city_that_gave_it():
    text = SHIPPED_CASES[-2][0]
    organisation = extract_text(text, countries="model").organisations[0]
    assert (organisation.name, organisation.country, organisation.city) == (
        "Stichting Groene Dijk",
        "NL",
        "Utrecht",
    )


def test_rules_mode_keeps_the_rules_countries():
    text = SHIPPED_CASES[-2][0]
    assert _countries(text, "rules") == [
        ("Stichting Groene Dijk", None),
        ("Vereniging Schone Rivier", None),
    ]


def test_a_missing_weights_file_is_a_clear_error(tmp_path: Path):
    with pytest.raises(
        cm.CountryModelError, match=r"country weights not found at .*countries\.npz"
    ):
        cm.load_weights(tmp_path / "countries.npz")


def test_a_corrupt_weights_file_is_a_clear_error(tmp_path: Path):
    path = tmp_path / "countries.npz"
    path.write_bytes(b"not a zip file at all")
    with pytest.raises(cm.CountryModelError, match=r"country weights at .* are unreadable: "):
        cm.load_weights(path)


def test_weights_for_other_features_are_refused(tmp_path: Path):
    path = tmp_path / "countries.npz"
    with path.open("wb") as handle:
        np.savez(handle, weights=np.zeros(3), threshold=0.5, features=np.asarray(["a", "b", "c"]))
    with pytest.raises(cm.CountryModelError, match="trained for other features: retrain"):
        cm.load_weights(path)


def test_the_shipped_weights_load_for_the_current_features():
    weights = cm.load_weights()
    assert weights.weights.shape == (len(FEATURES),) and 0.0 < weights.threshold < 1.0


def test_an_unknown_mode_is_refused(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TWINNING_COUNTRIES", "sometimes")
    with pytest.raises(cm.CountryModelError, match="not one of rules, model"):
        cm.country_mode()
    monkeypatch.setenv("TWINNING_COUNTRIES", "Rules")
    assert cm.country_mode() == "rules"
    monkeypatch.delenv("TWINNING_COUNTRIES")
    assert cm.country_mode() == cm.DEFAULT_MODE


def test_the_command_line_reports_a_missing_model_in_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    page = tmp_path / "page.txt"
    page.write_text("The Kelpie Rowing Club is based in Glasgow.", encoding="utf-8")
    monkeypatch.setenv("TWINNING_COUNTRIES", "model")
    monkeypatch.setattr(cm, "WEIGHTS_PATH", tmp_path / "gone.npz")
    monkeypatch.setattr(cm, "_shared", None)
    assert main(["extract", str(page), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("twinning extract: country weights not found at ")
