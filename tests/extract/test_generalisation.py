"""Behaviours fixed after the blind set's first run, checked on fresh sentences (not the blind
documents): exact records."""

import os
import sys
from pathlib import Path

from evaluation.scoring import evaluate

from tests.extract.builders import assert_floor
from twinning.cli import main
from twinning.extract import extract_text
from twinning.extract.attributes import place_from_name
from twinning.extract.gazetteer import Place, resolve_place
from twinning.extract.text import find_dates

HERE = Path(__file__).parent


def organisations(result: dict) -> list[tuple]:
    return [
        (o["name"], o["acronym"], o["country"], o["city"], o["founded"])
        for o in result["organisations"]
    ]


def pairs(result: dict) -> list[tuple]:
    return [(p["a"], p["b"], p["kind"], p["year"]) for p in result["partnerships"]]


def test_blind_set_against_gold(monkeypatch):
    # The floor guards the rules tuned on this set, so it pins them alone: with the default
    # `TWINNING_RELATIONS=add` the learned component adds one wrong pair here (23 of 24 right),
    # as in its cross-validation (docs/extract.md, "learned relations retrained").
    monkeypatch.setenv("TWINNING_RELATIONS", "off")
    scores = evaluate(
        HERE / "gold" / "blind.json", sorted(str(path) for path in (HERE / "blind").iterdir())
    )
    # Regression floor (tallies measured after tuning on this set; not a quality claim).
    assert_floor(
        scores,
        {
            "organisations": (49, 50, 49),
            "country": (46, 47, 46),  # ADR 0041: retrained chooser (one more right, one false)
            "founded": (11, 11, 11),
            "pairs": (23, 23, 23),
            "people": (15, 15, 15),
            "events": (8, 8, 8),
            "overall": (151, 152, 152),
        },
    )


def test_chinese_provinces_are_places_in_china():
    assert resolve_place("Gansu") == Place("Gansu", "CN", None)
    assert resolve_place("Kunming, Yunnan") == Place("Kunming, Yunnan", "CN", "Kunming")
    assert resolve_place("甘肃省") == Place("甘肃省", "CN", None)
    # Beijing is still a city, not a province.
    assert resolve_place("Beijing") == Place("Beijing", "CN", "Beijing")
    assert place_from_name("Zhejiang Provincial Federation of Social Organisations") == (
        "CN",
        None,
    )
    assert place_from_name("黑龙江省湿地保护联合会") == ("CN", None)


def test_city_in_a_name_takes_the_country_the_document_names():
    assert place_from_name("Valencia Heritage Society") == ("VE", "Valencia")
    assert place_from_name("Valencia Heritage Society", {"ES"}) == ("ES", "Valencia")
    assert place_from_name("Fundación Agua de Valencia", {"ES", "CN"}) == ("ES", "Valencia")
    assert place_from_name("Wrocław Water Institute") == ("PL", "Wrocław")
    assert place_from_name("克拉科夫河流俱乐部") == ("PL", "Kraków")


def test_date_ranges_start_on_their_first_day():
    assert find_dates("From 28 November to 1 December 2019 in Valencia") == [(5, "2019-11-28")]
    assert find_dates("March 12–14, 2019, Lisbon") == [(0, "2019-03-12")]
    assert find_dates("3–5 May 2021, Tallinn") == [(0, "2021-05-03")]
    assert find_dates("2019年6月17日至19日") == [(0, "2019-06-17")]


def test_titles_dropped_roles_in_brackets_and_diacritics():
    result = extract_text(
        "Steering committee\n\n"
        "Dr Joanna Wiśniewska (Chair, Gdańsk Sea Education Society)\n"
        "Prof. Zhou Lin, Secretary-General of the Qingdao Marine Volunteers Association\n"
        "Mr Petr Dvořáček, treasurer of the Gdańsk Sea Education Society\n"
    ).to_json()
    assert organisations(result) == [
        ("Gdańsk Sea Education Society", None, "PL", "Gdańsk", None),
        ("Qingdao Marine Volunteers Association", None, "CN", "Qingdao", None),
    ]
    assert result["people"] == [
        {
            "name": "Joanna Wiśniewska",
            "role": "Chair",
            "organisation": "Gdańsk Sea Education Society",
        },
        {
            "name": "Zhou Lin",
            "role": "Secretary-General",
            "organisation": "Qingdao Marine Volunteers Association",
        },
        {
            "name": "Petr Dvořáček",
            "role": "Treasurer",
            "organisation": "Gdańsk Sea Education Society",
        },
    ]


def test_possessive_role_refers_to_the_organisation_named_before():
    result = extract_text(
        "The Sofia Urban Gardens Association was registered in 2014. Its vice-president, "
        "Ms. Elena Ivanova, will visit Chengdu in May."
    ).to_json()
    assert organisations(result) == [("Sofia Urban Gardens Association", None, "BG", "Sofia", 2014)]
    assert result["people"] == [
        {
            "name": "Elena Ivanova",
            "role": "Vice-President",
            "organisation": "Sofia Urban Gardens Association",
        }
    ]


def test_the_two_organisations_signed_pairs_the_two_named_before():
    result = extract_text(
        "The Porto Cycling Network (PCN) was established in 2010.\n\n"
        "The Xiamen Green Commute Society was founded in 2012.\n\n"
        "In 2019 the two organisations signed a cooperation agreement on school cycling."
    ).to_json()
    assert pairs(result) == [
        ("Porto Cycling Network", "Xiamen Green Commute Society", "partner", 2019)
    ]


def test_cooperation_between_and_together_with():
    between = extract_text(
        "The project builds on the cooperation between the Leipzig Energy Institute (LEI) "
        "and the Shenyang Heat Research Centre."
    ).to_json()
    assert pairs(between) == [
        ("Leipzig Energy Institute", "Shenyang Heat Research Centre", "partner", None)
    ]
    together = extract_text(
        "The Bilbao River Trust campaigns for clean rivers. The Bilbao River Trust is an NGO. "
        "Together with the Wuhan Lake Volunteers, a citizens' group from Hubei, we monitor "
        "water quality."
    ).to_json()
    assert organisations(together) == [
        ("Bilbao River Trust", None, "ES", "Bilbao", None),
        ("Wuhan Lake Volunteers", None, "CN", "Wuhan", None),
    ]
    assert pairs(together) == [("Bilbao River Trust", "Wuhan Lake Volunteers", "partner", None)]


def test_two_organisations_in_one_run_are_both_found():
    result = extract_text(
        "The Lyon Compost Trust and the Suzhou Garden Society have signed an agreement."
    ).to_json()
    assert [o["name"] for o in result["organisations"]] == [
        "Lyon Compost Trust",
        "Suzhou Garden Society",
    ]
    assert pairs(result) == [("Lyon Compost Trust", "Suzhou Garden Society", "partner", None)]


def test_member_bullets_with_countries_in_brackets():
    result = extract_text(
        "Balkan Rivers Network\n\nThe Balkan Rivers Network links river groups.\n\n"
        "Our members\n\n- Sofia Bike Club (Bulgaria)\n- Friends of the Vistula (Poland)\n"
        "- Nanjing Cycling Volunteers (China)"
    ).to_json()
    assert organisations(result) == [
        ("Balkan Rivers Network", None, None, None, None),
        ("Sofia Bike Club", None, "BG", "Sofia", None),
        ("Friends of the Vistula", None, "PL", None, None),
        ("Nanjing Cycling Volunteers", None, "CN", "Nanjing", None),
    ]
    assert [(a, b, kind) for a, b, kind, _year in pairs(result)] == [
        ("Balkan Rivers Network", "Sofia Bike Club", "membership"),
        ("Balkan Rivers Network", "Friends of the Vistula", "membership"),
        ("Balkan Rivers Network", "Nanjing Cycling Volunteers", "membership"),
    ]


def test_programme_entries_heading_then_date_line():
    result = extract_text(
        "Programme 2021\n\nBaltic Clean Energy Summit\n3–5 May 2021, Tallinn\n"
        "Organised by the Estonian Renewable Energy Association.\n\n"
        "中德城市气候对话会\n2021年9月，成都\n主办单位：四川青年环境网络"
    ).to_json()
    assert [o["name"] for o in result["organisations"]] == [
        "Estonian Renewable Energy Association",
        "四川青年环境网络",
    ]
    assert result["events"] == [
        {
            "name": "Baltic Clean Energy Summit",
            "start": "2021-05-03",
            "place": "Tallinn",
            "organisers": ["Estonian Renewable Energy Association"],
        },
        {
            "name": "中德城市气候对话会",
            "start": "2021-09",
            "place": "成都",
            "organisers": ["四川青年环境网络"],
        },
    ]


def test_chinese_profile_names_with_yu_short_references_and_role_lines():
    result = extract_text(
        "机构介绍\n\n贵州山地河流保护协会（简称“山河会”）成立于2011年，注册于贵阳市民政局。"
        "2018年起，协会成为中国绿色发展与生态保护基金会的会员。"
        "2020年，协会与波兰克拉科夫河流俱乐部结为友好伙伴组织。\n\n会长：和玉兰\n秘书长：李建平"
    ).to_json()
    assert organisations(result) == [
        ("贵州山地河流保护协会", "山河会", "CN", None, 2011),
        ("贵阳市民政局", None, "CN", "Guiyang", None),
        ("中国绿色发展与生态保护基金会", None, "CN", None, None),
        ("克拉科夫河流俱乐部", None, "PL", "Kraków", None),
    ]
    assert pairs(result) == [
        ("贵州山地河流保护协会", "中国绿色发展与生态保护基金会", "membership", None),
        ("贵州山地河流保护协会", "克拉科夫河流俱乐部", "partner", 2020),
    ]
    assert result["people"] == [
        {"name": "和玉兰", "role": "会长", "organisation": "贵州山地河流保护协会"},
        {"name": "李建平", "role": "秘书长", "organisation": "贵州山地河流保护协会"},
    ]


def test_chinese_visit_with_transliterated_name_and_name_after_university():
    result = extract_text(
        "2022年5月，黑龙江省湿地保护联合会代表团访问了维也纳自然保护协会，"
        "并与协会主席安娜·霍夫曼女士座谈。哈尔滨工业大学王磊教授随团访问。"
    ).to_json()
    assert pairs(result) == [("黑龙江省湿地保护联合会", "维也纳自然保护协会", "visit", 2022)]
    assert result["people"] == [
        {"name": "安娜·霍夫曼", "role": "主席", "organisation": "维也纳自然保护协会"},
        {"name": "王磊", "role": "教授", "organisation": "哈尔滨工业大学"},
    ]


def test_partner_table_since_is_the_pair_year_not_the_founding_year():
    result = extract_text(
        "",
        content_type="html",
        tables=[
            [
                ["Country", "Organisation", "Partner organisation", "Since"],
                ["Spain", "Malaga Solar Circle", "Xining Sun Villages Association", "2018"],
            ]
        ],
    ).to_json()
    assert organisations(result) == [
        ("Malaga Solar Circle", None, "ES", "Málaga", None),
        ("Xining Sun Villages Association", None, "CN", "Xining", None),
    ]
    assert pairs(result) == [
        ("Malaga Solar Circle", "Xining Sun Villages Association", "partner", 2018)
    ]


def test_extract_into_a_closed_pipe_ends_quietly(monkeypatch, capsys):
    read_end, write_end = os.pipe()
    os.close(read_end)
    saved = os.dup(write_end)
    stream = os.fdopen(write_end, "w")
    monkeypatch.setattr(sys, "stdout", stream)
    try:
        status = main(["extract", str(HERE / "blind" / "about_us.html"), "--json"])
    finally:
        monkeypatch.undo()
        os.close(saved)
    assert status == 0
    assert capsys.readouterr().err == ""
