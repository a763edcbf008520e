"""Sheets whose headers are in German, French, Italian, Spanish or Dutch read as the English
ones do: names, partners, countries, years and each row's kind of agreement."""

import pytest

from twinning.extract import extract_paths, extract_text
from twinning.extract.readers import ExtractError
from twinning.extract.tabular import map_header


def pairs_of(rows: list[list[str]]) -> list[tuple]:
    result = extract_text("", content_type="csv", tables=[rows]).to_json()
    return [(pair["a"], pair["b"], pair["kind"], pair["year"]) for pair in result["partnerships"]]


def countries_of(rows: list[list[str]]) -> dict[str, str | None]:
    result = extract_text("", content_type="csv", tables=[rows]).to_json()
    return {record["name"]: record["country"] for record in result["organisations"]}


def test_a_spanish_twinning_sheet_with_a_type_column():
    rows = [
        ["municipio", "país", "ciudad_hermana", "país_hermana", "tipo_de_acuerdo", "año"],
        ["Ayuntamiento de Soria", "España", "Yinchuan", "China", "hermanamiento", "2009"],
        ["Ayuntamiento de Teruel", "España", "Jiayuguan", "China", "convenio de amistad", ""],
    ]
    assert map_header(rows[0]) == {
        "name": 0,
        "country": 1,
        "partner": 2,
        "partner country": 3,
        "agreement": 4,
        "since": 5,
    }
    assert pairs_of(rows) == [
        ("Ayuntamiento de Soria", "Yinchuan", "twinning", 2009),
        ("Ayuntamiento de Teruel", "Jiayuguan", "partner", None),
    ]
    assert countries_of(rows)["Yinchuan"] == "CN"
    assert countries_of(rows)["Ayuntamiento de Teruel"] == "ES"


def test_a_german_city_table_takes_the_city_as_the_row_organisation():
    rows = [
        ["Stadt", "Partnerstadt", "Land", "seit"],
        ["Stadt Coburg", "Xiangtan", "China", "1996"],
    ]
    assert pairs_of(rows) == [("Stadt Coburg", "Xiangtan", "twinning", 1996)]


@pytest.mark.parametrize(
    "header",
    [
        ["Nom", "Pays", "Partenaire", "Depuis"],
        ["Ente", "Paese", "Socio", "Anno"],
        ["Organisatie", "Land", "Partner", "Sinds"],
        ["Name der Einrichtung", "Land", "Partnerorganisation", "seit"],
    ],
)
def test_partner_sheets_in_four_languages(header):
    rows = [header, ["Atelier Vert Solaire", "France", "Kunming Sunlight Workshop", "2016"]]
    assert pairs_of(rows) == [
        ("Atelier Vert Solaire", "Kunming Sunlight Workshop", "partner", 2016)
    ]


def test_accents_and_underscores_do_not_hide_a_header():
    assert map_header(["Città", "Organizzazione", "Descrizione"]) == {
        "city": 0,
        "name": 1,
        "description": 2,
    }


def test_words_inside_other_words_are_not_headers():
    # "ente" inside "docente", "lid" inside "valid": neither is a name column.
    assert "name" not in map_header(["docente", "valid until"])


def test_a_sheet_of_no_known_column_is_still_refused(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("colour,size\nred,3\n", encoding="utf-8")
    with pytest.raises(ExtractError, match="malformed sheet"):
        extract_paths([path])
