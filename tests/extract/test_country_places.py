"""Places the country chooser reads beyond the gazetteer: regions, city adjectives, hyphenated
and multi-word city names, shared city names, and table columns (ADR 0034).

Sentences here are written for these tests (not from any evaluation set).
"""

import pytest

from twinning.extract.country_evidence import FEATURES, collect
from twinning.extract.country_places import (
    city_adjective,
    find_places,
    region_code,
    resolve_namesakes,
)
from twinning.extract.records import ExtractionResult, Organisation


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Hessen", "DE"),
        ("Toskana", "IT"),
        ("Bavière", "DE"),
        ("Noord-Brabant", "NL"),
        ("Andalucía", "ES"),
        ("Bretagne", "FR"),
        ("萨克森", "DE"),
        ("Central", None),
        ("Balkan", None),
        ("Northern", None),
    ],
)
def test_regions_of_every_country_in_their_own_and_translated_names(name, country):
    assert region_code(name) == country


@pytest.mark.parametrize(
    ("word", "countries"),
    [
        ("Münchner", ["DE"]),
        ("Leipziger", ["DE"]),
        ("lyonnaise", ["FR"]),
        ("bruxellois", ["BE"]),
        ("milanese", ["IT"]),
        ("torinese", ["IT"]),
        ("Rotterdamse", ["NL"]),
        ("Association", []),
    ],
)
def test_adjectives_formed_from_city_names_by_each_languages_rule(word, countries):
    assert sorted(city_adjective(word)) == countries


def test_hyphenated_names_adjectives_and_a_shared_city_name_in_one_sentence():
    text = (
        "Der Münchner Jugendring besucht das Atelier de Clermont-Ferrand, die Bibliotheek "
        "van Den Haag und die Asociación Vecinal de Valencia."
    )
    places = find_places(text)
    assert [(text[p.start : p.end], p.country, p.kind) for p in places] == [
        ("Münchner", "DE", "demonym"),
        ("Clermont-Ferrand", "FR", "city"),
        ("Den Haag", "NL", "city"),
        ("Valencia", "VE", "city"),
    ]
    # Valencia is in Spain and in Venezuela: a Spanish page's places choose Spain ...
    assert [p.country for p in resolve_namesakes(places, "ES")][-1] == "ES"
    # ... and a page that names Venezuela chooses Venezuela.
    other = "Caracas y Maracaibo, Venezuela: la Asociación Valencia Verde."
    assert [p.country for p in resolve_namesakes(find_places(other), "ES")] == [
        "VE",
        "VE",
        "VE",
        "VE",
    ]


def test_an_organisations_row_in_a_table_with_a_country_column():
    tables = [
        [
            ["Mitgliedsorganisation", "Stadt", "Land"],
            ["Gartenfreunde Seeblick e.V.", "Graz", "Österreich"],
            ["Nachbarschaftstreff Lindenhof", "Poznań", "Polen"],
        ]
    ]
    result = ExtractionResult(
        organisations=[
            Organisation("Gartenfreunde Seeblick e.V."),
            Organisation("Nachbarschaftstreff Lindenhof"),
        ]
    )
    first, second = collect(result, "", language="de", tables=tables)
    column, row = FEATURES.index("table_country"), FEATURES.index("table_row")
    assert (first.countries, second.countries) == (["AT", "DE"], ["DE", "PL"])
    assert (first.rows[0, column], first.rows[0, row], first.rows[1, column]) == (1.0, 1.0, 0.0)
    assert (second.rows[1, column], second.rows[1, row]) == (1.0, 1.0)
    assert (first.cities, second.cities) == ({"AT": "Graz"}, {"PL": "Poznań"})


def test_an_accented_spelling_names_the_city_that_writes_it():
    from twinning.extract.gazetteer import find_city

    valencia = find_city("València")
    assert valencia is not None and (valencia.name, valencia.country) == ("Valencia", "ES")
    # Without the accent the most populous Valencia (Venezuela's) is still the gazetteer's.
    plain = find_city("Valencia")
    assert plain is not None and plain.country == "VE"


def test_a_word_that_heads_organisation_names_is_never_a_place():
    # Fundación is also a town in Colombia; Río Claro is a town too, and stays one.
    text = "La Fundación Río Claro"
    assert [(text[p.start : p.end], p.kind) for p in find_places(text)] == [("Río Claro", "city")]
