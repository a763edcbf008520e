"""Relation patterns by structure, on fresh sentences (not from any evaluation set): exact records."""

from twinning.extract import extract_text


def pairs(text: str) -> list[tuple[str, str, str]]:
    return sorted((p.a, p.b, p.kind) for p in extract_text(text).partnerships)


def test_respectively_zips_two_lists_in_order():
    text = (
        "Twinning programme news\n\n"
        "After the selection, the Leeds Food Sharing Network and the Bristol River Trust have "
        "been paired with the Wuhan Community Kitchen Association and the Hefei Lake "
        "Volunteers Association respectively.\n"
    )
    assert pairs(text) == [
        ("Bristol River Trust", "Hefei Lake Volunteers Association", "twinning"),
        ("Leeds Food Sharing Network", "Wuhan Community Kitchen Association", "twinning"),
    ]


def test_a_visit_to_a_list_of_hosts_and_the_groups_later_meetings():
    text = (
        "Study visit\n\n"
        "In June 2022 a delegation of the Guizhou Rural Water Association visited the Danube "
        "Water Institute, the Vienna Rivers Society and the Linz Water Foundation. "
        "The visitors also met staff of the Austrian Wetland Trust in Graz.\n"
    )
    assert pairs(text) == [
        ("Guizhou Rural Water Association", "Austrian Wetland Trust", "visit"),
        ("Guizhou Rural Water Association", "Danube Water Institute", "visit"),
        ("Guizhou Rural Water Association", "Linz Water Foundation", "visit"),
        ("Guizhou Rural Water Association", "Vienna Rivers Society", "visit"),
    ]


def test_members_listed_with_their_places_in_italian():
    text = (
        "Rete Alpina per la Mobilità Dolce\n\n"
        "La rete Rete Alpina per la Mobilità Dolce riunisce associazioni delle Alpi.\n\n"
        "Soci fondatori\n"
        "• Associazione Sentieri Vivi – Trento\n"
        "• Cooperativa Bici Insieme, Bolzano\n"
    )
    found = extract_text(text, language="it")
    assert sorted((p.a, p.b, p.kind) for p in found.partnerships) == [
        ("Rete Alpina per la Mobilità Dolce", "Associazione Sentieri Vivi", "membership"),
        ("Rete Alpina per la Mobilità Dolce", "Cooperativa Bici Insieme", "membership"),
    ]
    cities = {o.name: o.city for o in found.organisations}
    assert cities["Associazione Sentieri Vivi"] == "Trento"


def test_a_visit_keeps_its_day_its_people_and_the_leader():
    text = (
        "Delegation news\n\n"
        "On 4 May 2022, delegates of the Amber Coast Energy Society visited the Delta "
        "Institute of Technology. The group was led by Ms. Anna Lis, Director of Amber Coast "
        "Energy Society, and included Mr. Jan Kot from UNDP.\n\n"
        "Both sides discussed offshore wind and energy efficiency in ports.\n"
    )
    visit = next(p for p in extract_text(text).partnerships if p.kind == "visit")
    assert (visit.a, visit.b, visit.date) == (
        "Amber Coast Energy Society",
        "Delta Institute of Technology",
        "2022-05-04",
    )
    assert visit.participants == [
        {
            "name": "Anna Lis",
            "role": "Director",
            "organisation": "Amber Coast Energy Society",
            "leader": True,
        },
        {"name": "Jan Kot", "role": None, "organisation": "UNDP", "leader": False},
    ]
    assert "energy-efficiency" in visit.discussed
    assert visit.to_json()["topics"] == []  # the §2 JSON is unchanged


def test_a_pair_takes_the_one_cohort_year_the_page_states():
    text = (
        "Twinning pairs of the 2021 cohort\n\n"
        "Baltic Dune Society (BDS), Latvia\n\nBaltic Dune Society protects coastal dunes.\n\n"
        "Qingdao Coast Guardians, China\n\nQingdao Coast Guardians clean beaches.\n\n"
        "Exchange Topic: Biodiversity, Education\n"
    )
    (pair,) = extract_text(text).partnerships
    assert (pair.kind, pair.year) == ("twinning", 2021)


def test_a_projects_activities_by_theme_and_by_list():
    text = (
        "Danube Green Cities Project\n\n"
        "The Danube Green Cities Project (DGC) is a project that links cities.\n\n"
        "In 2019, the DGC project organised city labs on the themes of cycling and urban "
        "trees.\n\n"
        "In 2020, the DGC project works on the following activities: a training on green "
        "roofs, and a seminar on heat plans.\n"
    )
    result = extract_text(text)
    assert [(a.name, a.start, a.organisers) for a in result.activities] == [
        ("City lab: cycling", "2019", ["Danube Green Cities Project"]),
        ("City lab: urban trees", "2019", ["Danube Green Cities Project"]),
        ("Training on green roofs", "2020", ["Danube Green Cities Project"]),
        ("Seminar on heat plans", "2020", ["Danube Green Cities Project"]),
    ]
    assert result.to_json()["events"] == []  # activities stay out of the §2 events


def test_chinese_respectively_pairs_each_left_name_with_its_right_name() -> None:
    text = (
        "2026年度结对名单\n\n"
        "大连市海岸志愿者协会、青岛市社区养老促进会分别与葡萄牙里斯本海洋之友协会、"
        "丹麦奥胡斯老年人之家联合会结对，重点开展海洋保护与养老服务交流。"
    )
    result = extract_text(text).to_json()
    pairs = {(p["a"], p["b"], p["kind"]) for p in result["partnerships"]}
    assert ("大连市海岸志愿者协会", "里斯本海洋之友协会", "twinning") in pairs
    assert ("青岛市社区养老促进会", "奥胡斯老年人之家联合会", "twinning") in pairs
    assert not any({a, b} == {"里斯本海洋之友协会", "奥胡斯老年人之家联合会"} for a, b, _ in pairs)
