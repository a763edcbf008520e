"""Founding years by label rows and phrases (ADR 0041): every row's example is a test, and fresh
sentences in several languages (written for these tests) give exactly the expected years."""

import pytest

from twinning.extract import event_lists, gatherings
from twinning.extract.founding import LABELS, reference_fits
from twinning.extract.pipeline import extract_text
from twinning.extract.tabular import map_header


def _founded(text: str, content_type: str = "text") -> dict[str, int | None]:
    result = extract_text(text, content_type=content_type)
    return {o.name: o.founded for o in result.organisations}


@pytest.mark.parametrize("row", LABELS, ids=lambda row: f"{row.language}:{row.expect[0]}")
def test_every_label_row_example_gives_its_year(row):
    name, year = row.expect
    assert _founded(row.example).get(name) == year


def test_a_label_block_whose_name_line_is_unknown_gives_no_year_to_the_block_above():
    text = (
        "Stichting Vaarwater Deventer\nPlaats: Deventer\nOpgericht: 1993\n\n"
        "Buurtkeuken Noordwijk op Zondag\nPlaats: Noordwijk\nOpgericht: 2011\n"
    )
    founded = _founded(text)
    assert founded.get("Stichting Vaarwater Deventer") == 1993
    assert 2011 not in founded.values()


@pytest.mark.parametrize(
    ("text", "name", "year"),
    [
        (
            "La Red Castellana de Huertos Urbanos se constituyó en Valladolid en 2009 para unir a los huertos vecinales.",
            "Red Castellana de Huertos Urbanos",
            2009,
        ),
        (
            "Gegründet wurde der Verein Flussfreunde Passau e.V. nach dem Hochwasser im Jahr 2002 von Anwohnern.",
            "Verein Flussfreunde Passau e.V.",
            2002,
        ),
        (
            "Le Comité de jumelage de Vierzon réunit une centaine de familles. "
            "Association loi 1901 créée en 1996, le comité anime les échanges avec la ville.",
            "Comité de jumelage de Vierzon",
            1996,
        ),
    ],
)
def test_founding_phrases_in_several_languages(text, name, year):
    founded = {key.lower(): value for key, value in _founded(text).items()}
    assert founded.get(name.lower()) == year


def test_a_relation_that_exists_since_a_year_founds_nothing():
    text = "De stedenband tussen de gemeente Zutphen en Yangzhou bestaat sinds 1994."
    assert 1994 not in _founded(text).values()


def test_a_chinese_reference_gives_the_year_only_to_an_organisation_of_that_kind():
    text = "本会成立于2006年，是经杭州市西湖区民政局登记注册的社会组织。"
    assert _founded(text).get("杭州市西湖区民政局") is None
    assert reference_fits("本会", "杭州市西湖区民政局") is False
    assert reference_fits("该基金会", "Stichting Groene Haven") is True
    assert reference_fits("该协会", "宁波市社区发展促进会") is False


def test_the_1990s_is_no_founding_year():
    text = (
        "The Fenland Bell Ringers Trust was set up by volunteers in the 1990s and has grown since."
    )
    assert 1990 not in _founded(text).values()


def test_a_since_column_beside_a_kind_of_link_is_the_pairs_year():
    assert "founded" not in map_header(["Organisatie", "Plaats", "Sinds", "Vorm"])
    assert "founded" not in map_header(["Entidad", "Ciudad", "Tipo de acuerdo", "Desde"])
    assert map_header(["Organisation", "City", "Since"])["founded"] == 2


def test_one_weekday_list_serves_both_event_readers():
    assert gatherings.WEEKDAYS <= event_lists.DATE_WORDS
    assert {"montag", "lundi", "domingo", "zaterdag", "giovedì", "sunday"} <= gatherings.WEEKDAYS
