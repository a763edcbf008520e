"""Organisation name boundaries the rules draw (ADR 0036): Chinese names do not take the verb,
pronoun or description around them; a dash with no space joins two words of one name."""

import pytest

from twinning.extract.chinese import chinese_organisation_names
from twinning.extract.european import merge_legal_form_variants, names_in_sentence
from twinning.extract.names import is_address, is_labelled_person
from twinning.extract.organisations import parse_heading
from twinning.extract.pipeline import extract_text
from twinning.extract.registry import Registry


def chinese(text: str) -> list[str]:
    return [name for _position, name in chinese_organisation_names(text)]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # A one-character verb before the place that opens the name.
        ("该协会2012年经浙江省民政厅登记注册。", ["浙江省民政厅"]),
        ("经济开发区管理委员会发布通知。", ["经济开发区管理委员会"]),
        ("今年五月，代表团访成都市青羊区文化馆和成都市社会组织联合会。", ["成都市社会组织联合会"]),
        # A clause (a pronoun, an adverb, a person) before 与 is no part of the name.
        ("我们多次与厦门大学海洋学院开展调研。", ["厦门大学海洋学院"]),
        ("本会先后与温州市青少年发展基金会签署协议。", ["温州市青少年发展基金会"]),
        ("李女士和复旦大学社会发展学院的学生座谈。", ["复旦大学社会发展学院"]),
        # 与 inside one name stays.
        ("宁波海洋保护与可持续发展基金会发布年报。", ["宁波海洋保护与可持续发展基金会"]),
        # A place after 和 opens a second name (之家, a home, ends the first).
        ("西湖区老年人之家和杭州市助老服务中心签约。", ["西湖区老年人之家", "杭州市助老服务中心"]),
        # A role (局长) and a description (社会组织) after a name are not part of it.
        ("西城区民政局副局长出席。", ["西城区民政局"]),
        ("上海市民政局社会组织服务处发来贺信。", ["上海市民政局"]),
        # Descriptions, not names.
        ("2024年度中外社会组织交流名单公布。", []),
        ("访问团成员还包括协会秘书处。", []),
        # A project is what an organisation runs.
        ("社区垃圾分类项目启动。", []),
    ],
)
def test_chinese_name_boundaries(sentence: str, names: list[str]) -> None:
    assert chinese(sentence) == names


@pytest.mark.parametrize(
    ("sentence", "language", "names"),
    [
        (
            "Am Samstag lud der Freundeskreis Rostock–Nanning e.V. zum Sommerfest ein.",
            "de",
            ["Freundeskreis Rostock–Nanning e.V."],
        ),
        (
            "De Stichting Vriendschap Tilburg–Kunming werkt sinds 2009 met scholen.",
            "nl",
            ["Stichting Vriendschap Tilburg–Kunming"],
        ),
    ],
)
def test_unspaced_dash_joins_one_name(sentence: str, language: str, names: list[str]) -> None:
    assert [name for _position, name in names_in_sentence(sentence, language)] == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "L'Association des randonneurs du Vercors a accueilli les visiteurs.",
            ["Association des randonneurs du Vercors"],
        ),
        (
            "La Fédération des comités de jumelage de l’Ardèche tient son assemblée.",
            ["Fédération des comités de jumelage de l’Ardèche"],
        ),
    ],
)
def test_a_french_name_goes_on_to_the_capitalised_word_after_its_link(
    sentence: str, names: list[str]
) -> None:
    assert [name for _position, name in names_in_sentence(sentence, "fr")] == names


def test_a_legal_form_makes_a_run_a_name_without_a_head_word() -> None:
    sentence = "Seit 2012 arbeitet die Blaue Werkstatt Görlitz e.V. mit Schulen in Wuhan."
    assert [name for _position, name in names_in_sentence(sentence, "de")] == [
        "Blaue Werkstatt Görlitz e.V."
    ]


def test_a_name_without_its_legal_form_folds_into_the_one_with_it() -> None:
    registry = Registry()
    short = registry.add("Kulturbrücke Erfurt", city="Erfurt")
    full = registry.add("Kulturbrücke Erfurt e.V.")
    merge_legal_form_variants(registry)
    assert registry.entries == [full]
    assert full.organisation.city == "Erfurt"
    assert registry.find("Kulturbrücke Erfurt") is full
    assert short not in registry.entries


def test_a_german_genitive_head_word_is_named_in_the_nominative() -> None:
    sentence = "Gäste des Leipziger Netzwerks für Seniorenarbeit besuchten Hefei."
    assert [name for _position, name in names_in_sentence(sentence, "de")] == [
        "Leipziger Netzwerk für Seniorenarbeit"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Theodor-Heuss-Platz 7", True),
        ("Lindenstraße 12a", True),
        ("14 rue des Tanneurs", True),
        ("Via Garibaldi 3", True),
        ("Vereinsregister Amtsgericht Halle VR 2210", True),
        ("Stiftung Lindenhof", False),
        ("Freundeskreis Halle–Jiaxing e.V.", False),
    ],
)
def test_addresses_and_register_lines_are_no_names(text: str, expected: bool) -> None:
    assert is_address(text) is expected


def test_a_role_and_a_person_after_a_colon_are_no_name() -> None:
    assert is_labelled_person("Project coordinator: Ana Lima")
    assert not is_labelled_person("Friends of Nature: Lisbon Branch")


def test_a_venue_line_with_a_street_address_is_no_organisation_heading() -> None:
    assert parse_heading("Stadtteilzentrum, Goethestraße 41, Kassel") == []


def test_a_lab_or_a_hub_is_an_organisation() -> None:
    """ "Lab" and "Hub" end organisation names as "Laboratory" does (a plain sentence lost its
    subject when the tagger was retrained)."""
    result = extract_text(
        "Tongji Urban Lab and the Rotterdam Climate Hub signed a partnership agreement.\n"
    ).to_json()
    assert [o["name"] for o in result["organisations"]] == [
        "Tongji Urban Lab",
        "Rotterdam Climate Hub",
    ]
    assert [(p["a"], p["b"], p["kind"]) for p in result["partnerships"]] == [
        ("Tongji Urban Lab", "Rotterdam Climate Hub", "partner")
    ]
