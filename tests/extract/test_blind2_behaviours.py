"""Behaviours fixed after the second blind set's first run, checked on fresh sentences (not the
blind2 documents): exact records."""

from tests.extract.builders import assert_floor
from twinning.extract import extract_text
from twinning.extract.pipeline import extract_document
from twinning.extract.readers import read_document
from twinning.extract.text import find_dates


def organisations(result: dict) -> list[tuple]:
    return [
        (o["name"], o["country"], o["city"], o["founded"], o["type"])
        for o in result["organisations"]
    ]


def people(result: dict) -> list[tuple]:
    return [(p["name"], p["role"], p["organisation"]) for p in result["people"]]


def test_fact_sheet_fields_give_the_organisation_its_year_place_and_authority():
    text = (
        "组织名称：海岛青年服务社\n成立时间：2015年3月\n注册地：浙江省宁波市\n"
        "登记管理机关：宁波市民政局\n"
    )
    assert organisations(extract_text(text).to_json()) == [
        ("海岛青年服务社", "CN", "Ningbo", 2015, "youth organisation"),
        ("宁波市民政局", "CN", "Ningbo", None, "government"),
    ]


def test_a_label_value_table_is_no_table_of_records():
    html = (
        "<table><tr><td>机构名称：</td><td>海岛青年服务社</td></tr>"
        "<tr><td>成立时间：</td><td>2015年3月</td></tr></table>"
    ).encode()
    result = extract_document(read_document(html, "profile.html")).to_json()
    assert [(o["name"], o["founded"]) for o in result["organisations"]] == [
        ("海岛青年服务社", 2015)
    ]


def test_a_title_row_above_the_sheet_header_is_skipped():
    data = b"Contacts export, 2023\n\nCity,Organisation name,Founded\nLyon,Lyon Bike Kitchen,2009\n"
    result = extract_document(read_document(data, "list.csv")).to_json()
    assert organisations(result) == [("Lyon Bike Kitchen", "FR", "Lyon", 2009, None)]


def test_calendar_entry_with_the_date_line_above_the_title():
    text = "12.06.2021 · Porto, Portugal\n\nRiverside Cleanup Day\n\nA morning of litter picking.\n"
    result = extract_text(text).to_json()
    assert result["organisations"] == []
    assert [(e["name"], e["start"], e["place"]) for e in result["events"]] == [
        ("Riverside Cleanup Day", "2021-06-12", "Porto")
    ]


def test_day_first_numeric_dates():
    assert find_dates("on 03.11.2022 and 7/2/2020") == [(3, "2022-11-03"), (18, "2020-02-07")]


def test_team_list_lines_and_titles():
    text = (
        "Our team\n\nTreasurer: Nora Walsh\n\nHelga Berg (Chair)\n\n"
        "Ms Clara Dias, Coordinator, Rede Verde Association\n"
    )
    assert people(extract_text(text).to_json()) == [
        ("Nora Walsh", "Treasurer", None),
        ("Helga Berg", "Chair", None),
        ("Clara Dias", "Coordinator", "Rede Verde Association"),
    ]


def test_said_name_then_a_lower_case_role_of_an_organisation():
    text = "The Harbour Trust will fund the pilot, said Tom Reid, deputy director of the Harbour Trust."
    assert people(extract_text(text).to_json()) == [
        ("Tom Reid", "Deputy Director", "Harbour Trust")
    ]


def test_chinese_leader_before_daidui_and_peitong():
    text = "5月6日，由理事长王海峰带队的考察团访问了宁波市青年志愿者协会，副会长李明陪同。"
    result = extract_text(text).to_json()
    assert [o["name"] for o in result["organisations"]] == ["宁波市青年志愿者协会"]
    assert [(p["name"], p["role"]) for p in result["people"]] == [
        ("王海峰", "理事长"),
        ("李明", "副会长"),
    ]


def test_duiwai_inside_a_chinese_name():
    text = "浙江省人民对外友好协会副会长陈刚出席。"
    result = extract_text(text).to_json()
    assert [o["name"] for o in result["organisations"]] == ["浙江省人民对外友好协会"]
    assert people(result) == [("陈刚", "副会长", "浙江省人民对外友好协会")]


def test_chinese_member_list_gives_memberships():
    text = (
        "绿洲城市联盟会员名单\n\n绿洲城市联盟于2019年在成都成立。\n\n一、理事单位\n"
        "（一）成都市河流守护协会\n\n二、普通会员\n1. 维也纳绿色青年社（奥地利）\n"
    )
    result = extract_text(text).to_json()
    assert [(o["name"], o["country"], o["founded"]) for o in result["organisations"]] == [
        ("绿洲城市联盟", "CN", 2019),
        ("成都市河流守护协会", "CN", None),
        ("维也纳绿色青年社", "AT", None),
    ]
    assert sorted((p["a"], p["b"], p["kind"]) for p in result["partnerships"]) == [
        ("成都市河流守护协会", "绿洲城市联盟", "membership"),
        ("维也纳绿色青年社", "绿洲城市联盟", "membership"),
    ]


def test_second_blind_set_against_gold(monkeypatch):
    from pathlib import Path

    from evaluation.scoring import evaluate

    # The floor guards the rules tuned on this set, so it pins them alone: with the default
    # `TWINNING_RELATIONS=add` the learned component adds seven wrong pairs here (18 of 27 right),
    # as in its cross-validation (docs/extract.md, "learned relations retrained").
    monkeypatch.setenv("TWINNING_RELATIONS", "off")
    here = Path(__file__).parent
    scores = evaluate(
        here / "gold" / "blind2.json", sorted(str(path) for path in (here / "blind2").iterdir())
    )
    # Regression floor (tallies measured after tuning on this set; not a quality claim).
    assert_floor(
        scores,
        {
            "organisations": (71, 80, 79),
            "country": (63, 66, 75),
            "founded": (11, 12, 16),
            # Two more predicted since the visiting group's later meetings are visits ("The
            # group ... met staff of X"); this set's gold does not count those, set 5's does.
            "pairs": (18, 20, 34),
            # 20 predicted: the page's editor (编辑：陈敏), a person by the later convention
            # (blind9 README: an article's editors are people) that this older gold leaves out.
            "people": (19, 20, 19),
            "events": (6, 6, 7),
            "overall": (189, 204, 230),
        },
    )
