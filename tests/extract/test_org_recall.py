"""Organisation recall (ADR 0040): traditional Chinese, layout tables, table headers, the page's
own name in title and footer, twin towns, school numbers. Fresh sentences, not from any set."""

from __future__ import annotations

import pytest

from twinning.extract.chinese import chinese_organisation_names, simplified
from twinning.extract.html import html_to_text
from twinning.extract.pipeline import extract_text
from twinning.extract.tabular import header_index, is_field_table, map_header


def names(text: str, **options: object) -> list[str]:
    result = extract_text(text, organisation_tagger="off", **options)  # type: ignore[arg-type]
    return [o.name for o in result.organisations]


def test_simplified_keeps_every_offset() -> None:
    written = "臺南市社區營造協會與香港青年聯會"
    assert simplified(written) == "台南市社区营造协会与香港青年联会"
    assert len(simplified(written)) == len(written)
    assert simplified("Verein Grüne Brücke") == "Verein Grüne Brücke"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Traditional script: the suffixes are matched in simplified form, the name kept as written.
        ("本會與高雄市環境教育學會簽署合作備忘錄。", ["高雄市环境教育学会"]),
        # 香港/台灣 open their own organisations' names; a foreign country does not.
        ("香港長者服務聯會派員出席。", ["香港长者服务联会"]),
        ("台湾社区大学联盟举办年会。", ["台湾社区大学联盟"]),
        # 理事会, 分会, 之家 end names.
        (
            "东亚青年交流理事会和宁波市志愿者协会北仑分会参加。",
            ["东亚青年交流理事会", "宁波市志愿者协会北仑分会"],
        ),
        # A count of organisations is no name.
        ("全省共有二十余个社区发展协会。", []),
    ],
)
def test_chinese_names_in_both_scripts(sentence: str, expected: list[str]) -> None:
    assert [simplified(name) for _p, name in chinese_organisation_names(sentence)] == expected


def test_traditional_name_is_returned_as_written() -> None:
    assert chinese_organisation_names("我們與高雄市環境教育學會合作。") == [
        (3, "高雄市環境教育學會")
    ]


def test_layout_table_cell_is_read_as_paragraphs() -> None:
    markup = (
        "<html><body><table><tr><td><h2>Neu dabei</h2>"
        "<p>Seit Mai im Netzwerk: Kulturverein Lindenhof e.V. und Stadtteilzentrum Neckarau.</p>"
        "<p>Gastgeber ist das Diakonische Werk Weinheim.</p></td></tr></table></body></html>"
    )
    text, tables = html_to_text(markup)
    assert text.split("\n\n") == [
        "Neu dabei",
        "Seit Mai im Netzwerk: Kulturverein Lindenhof e.V. und Stadtteilzentrum Neckarau.",
        "Gastgeber ist das Diakonische Werk Weinheim.",
    ]
    assert tables == []


def test_line_break_in_a_cell_separates_its_items() -> None:
    markup = (
        "<table><tr><th>Time</th><th>Speakers</th></tr>"
        "<tr><td>10:15</td><td>Anna Berg, Lund Youth Council<br>Tomás Ruiz, Casa Solidaria</td>"
        "</tr></table>"
    )
    text, tables = html_to_text(markup)
    assert "10:15 | Anna Berg, Lund Youth Council; Tomás Ruiz, Casa Solidaria" in text
    assert tables[0][1] == ["10:15", "Anna Berg, Lund Youth Council; Tomás Ruiz, Casa Solidaria"]


def test_table_headers() -> None:
    # A programme's row (a clock time, a long cell naming an institute) is no header.
    programme = [
        ["Time", "Session", "Speakers"],
        ["09:00", "Opening", "Dr Eva Holm, Director, Institute for Coastal Towns"],
    ]
    assert header_index(programme) == 0
    assert "name" not in map_header(programme[1])
    # An id column is no name column; the organisation column is.
    assert map_header(["member_no", "organisation", "city"]) == {"name": 1, "city": 2}
    # A first column of partners is the row's name, not the city beside it.
    assert map_header(["Socio", "Città", "Paese"])["name"] == 0
    assert map_header(["Stadt", "Partnerstadt"]) == {"name": 0, "partner": 1}
    assert map_header(["Schule", "Ort", "Partnerschule"])["name"] == 0


def test_infobox_is_a_field_table() -> None:
    infobox = [
        ["Freundeskreis Minden–Wuxi e.V."],
        ["Rechtsform", "eingetragener Verein"],
        ["Gründung", "3. Mai 1994"],
        ["Sitz", "Minden"],
        ["Vorsitz", "Jana Koller"],
    ]
    assert is_field_table(infobox)
    assert not is_field_table(
        [["Name", "Country"], ["Casa Verde", "Spain"], ["Lune Rouge", "France"], ["Sole", "Italy"]]
    )


def test_the_page_name_in_title_and_footer_is_an_organisation() -> None:
    found = names(
        "We run weekend walks along the canal for newcomers.",
        title="Walks | Riverside Newcomers Circle",
        footer="Riverside Newcomers Circle · 3 Mill Lane, Derby",
    )
    assert found == ["Riverside Newcomers Circle"]
    # A head word the footer writes before the title's name belongs to it.
    found = names(
        "Organizziamo corsi di lingua per famiglie.",
        title="Corsi – Ponte Aperto",
        footer="Associazione Ponte Aperto · Via Roma 3 · 40121 Bologna",
        language="it",
    )
    assert found == ["Associazione Ponte Aperto"]
    assert names("本联盟成立于2015年。", title="成员单位 - 珠江流域青年环保联盟") == [
        "珠江流域青年环保联盟"
    ]


def test_towns_of_a_twinning_list_are_municipalities() -> None:
    text = (
        "Nos villes jumelles\n\n"
        "• Kempten (Bavière, Allemagne) – depuis 1970\n"
        "• Galway (Irlande) – charte signée en 1982\n"
        "• samedi 4 mai — marché européen"
    )
    result = extract_text(text, organisation_tagger="off", language="fr")
    assert [(o.name, o.country) for o in result.organisations] == [
        ("Kempten", "DE"),
        ("Galway", "IE"),
    ]


def test_cities_of_a_sister_city_table_are_municipalities() -> None:
    tables = [
        [
            ["序号", "国家", "城市", "缔结时间"],
            ["1", "德国", "基尔市", "1986年5月"],
            ["2", "法国", "南锡市", "2001年9月"],
        ]
    ]
    result = extract_text(
        "本市国际友好城市一览。", tables=tables, title="国际友好城市", organisation_tagger="off"
    )
    assert [(o.name, o.country) for o in result.organisations] == [
        ("基尔市", "DE"),
        ("南锡市", "FR"),
    ]


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        (
            "Die Mittelschule Nr. 4 Yantai tauscht Schüler mit dem Goethe-Gymnasium Kassel.",
            "de",
            ["Mittelschule Nr. 4 Yantai", "Goethe-Gymnasium Kassel"],
        ),
        (
            "Pupils from the Harbin No. 12 Middle School sang in Cork.",
            "en",
            ["Harbin No. 12 Middle School"],
        ),
        ("Het Muziekschool Oost uit Arnhem speelde in Wuhan.", "nl", ["Muziekschool Oost"]),
    ],
)
def test_school_names(sentence: str, language: str, expected: list[str]) -> None:
    assert names(sentence, language=language) == expected


def test_a_category_word_before_a_compound_name_is_a_description() -> None:
    assert names("Der Verein Partnerschaftskomitee Linz e.V. lädt ein.", language="de") == [
        "Partnerschaftskomitee Linz e.V."
    ]
    assert names("Der Verein Grüne Brücke Jena lädt ein.", language="de") == [
        "Verein Grüne Brücke Jena"
    ]


def test_a_tagged_name_ends_at_its_legal_form() -> None:
    from twinning.extract.org_tagger import clean_name

    assert clean_name("Förderkreis Passau–Suzhou e.V. – Karin Hollmann") == (
        "Förderkreis Passau–Suzhou e.V."
    )
