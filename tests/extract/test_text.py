from twinning.extract.gazetteer import Place, country_code, demonym_code, find_city, resolve_place
from twinning.extract.text import find_dates, name_key, split_sentences


def test_dates_in_many_shapes():
    assert [
        date
        for _position, date in find_dates(
            "On November 28th, 2023 the group met; in October 2014 in Beijing; 3-5 June 2019; 2019年10月12日; 2016年"
        )
    ] == [
        "2023-11-28",
        "2014-10",
        "2019-06-03",
        "2019-10-12",
        "2016",
    ]


def test_name_key_ignores_case_punctuation_and_the():
    assert name_key("The Europe -China Eco Cities Link Project") == name_key(
        "Europe-China eco cities link project"
    )
    assert (
        name_key("Institute for Urban & Environmental Studies")
        == "institute for urban environmental studies"
    )


def test_sentences_do_not_split_on_titles_or_company_abbreviations():
    assert split_sentences(
        "Led by Mr. Dingping Ma. China Environmental United Certification Center Co. Ltd joined. 协会成立。秘书长介绍。"
    ) == [
        "Led by Mr. Dingping Ma.",
        "China Environmental United Certification Center Co. Ltd joined.",
        "协会成立。",
        "秘书长介绍。",
    ]


def test_places_from_packages():
    assert country_code("the Netherlands") == "NL"
    assert country_code("德国") == "DE"
    assert demonym_code("Finnish") == "FI"
    assert demonym_code("Franco") == "FR"
    assert demonym_code("European") is None
    assert find_city("重庆市").name == "Chongqing"
    assert find_city("Gdansk").country == "PL"
    assert find_city("Reading") is None
    assert resolve_place("Guangzhou, China").city == "Guangzhou"
    assert resolve_place("Sichuan Province") == Place("Sichuan Province", "CN", None)
