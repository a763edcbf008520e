"""Extraction of the hand-written documents in data/: exact records."""

import json
from pathlib import Path

from evaluation.scoring import evaluate

from tests.extract.builders import assert_floor
from twinning.extract import extract_paths, extract_text

DATA = Path(__file__).with_name("data")
GOLD = Path(__file__).with_name("gold") / "own.json"


def extracted(name: str) -> dict:
    return extract_paths([DATA / name]).to_json()


def test_profile_pairs_with_exchange_topic_from_pdf():
    result = extracted("report.pdf")
    assert result["organisations"] == [
        {
            "name": "Krakow Smog Alert",
            "acronym": None,
            "country": "PL",
            "city": "Kraków",
            "founded": 2012,
            "type": "network",
            "topics": ["air-quality"],
        },
        {
            "name": "Beijing Clean Air Volunteers",
            "acronym": None,
            "country": "CN",
            "city": "Beijing",
            "founded": 2014,
            "type": None,
            "topics": ["air-quality", "civil-society", "education"],
        },
    ]
    assert result["partnerships"] == [
        {
            "a": "Krakow Smog Alert",
            "b": "Beijing Clean Air Volunteers",
            "kind": "partner",
            "topics": ["air-quality", "health"],
            "year": None,
        }
    ]
    assert result["people"] == [
        {"name": "Marta Nowak", "role": "Director", "organisation": "Krakow Smog Alert"}
    ]


def test_pair_lines():
    result = extracted("pair_lines.txt")
    assert [(p["a"], p["b"], p["kind"], p["topics"]) for p in result["partnerships"]] == [
        (
            "Nordic Cycling Federation",
            "Chengdu Bike Commuters Association",
            "twinning",
            ["transport", "air-quality"],
        ),
        (
            "Solar Schools Foundation",
            "Kunming Sunshine Education Centre",
            "twinning",
            ["renewable-energy", "education", "energy"],
        ),
    ]
    assert [(o["name"], o["country"], o["city"]) for o in result["organisations"]] == [
        ("Nordic Cycling Federation", "DK", None),
        ("Chengdu Bike Commuters Association", "CN", "Chengdu"),
        ("Solar Schools Foundation", "ES", None),
        ("Kunming Sunshine Education Centre", "CN", "Kunming"),
    ]


def test_press_release_visit_people_and_founding():
    result = extracted("press_release.txt")
    assert result["partnerships"] == [
        {
            "a": "Hangzhou Zero Waste Alliance",
            "b": "Flemish Composting Society",
            "kind": "visit",
            "topics": [],
            "year": 2022,
        },
        # "The two organisations signed a memorandum": the two named before.
        {
            "a": "Hangzhou Zero Waste Alliance",
            "b": "Flemish Composting Society",
            "kind": "partner",
            "topics": [],
            "year": None,
        },
    ]
    assert result["people"] == [
        {
            "name": "Lin Wei",
            "role": "Secretary General",
            "organisation": "Hangzhou Zero Waste Alliance",
        },
        {"name": "Jonas Peeters", "role": None, "organisation": "Flemish Composting Society"},
    ]
    society = next(o for o in result["organisations"] if o["name"] == "Flemish Composting Society")
    assert (society["acronym"], society["country"], society["founded"], society["type"]) == (
        "FCS",
        "BE",
        1996,
        "association",
    )


def test_partner_bullets_belong_to_the_main_organisation():
    result = extracted("partner_bullets.txt")
    assert [
        p["b"]
        for p in result["partnerships"]
        if p["a"] == "Green Harbour Network" and p["kind"] == "partner"
    ] == [
        "Hamburg Clean Air Initiative",
        "Baltic Ports Forum",
        "Gdansk Environmental Foundation",
        "Shanghai Green Shipping Association",
        "Tianjin Harbour Research Institute",
    ]
    network = result["organisations"][0]
    assert (
        network["name"],
        network["acronym"],
        network["country"],
        network["city"],
        network["founded"],
    ) == ("Green Harbour Network", "GHN", "NL", "Rotterdam", 2009)


def test_profile_page_html():
    result = extracted("profile.html")
    assert result["organisations"][0] == {
        "name": "Alpine Climate Youth Network",
        "acronym": "ACYN",
        "country": "CH",
        "city": None,
        "founded": 2014,
        "type": "youth organisation",
        "topics": ["youth", "climate", "education"],
    }
    assert result["partnerships"] == [
        {
            "a": "Alpine Climate Youth Network",
            "b": "European Youth Climate Coalition",
            "kind": "membership",
            "topics": [],
            "year": None,
        }
    ]
    assert result["people"] == [
        {"name": "Anna Keller", "role": "Director", "organisation": "Alpine Climate Youth Network"},
        {
            "name": "Luca Rossi",
            "role": "Programme Officer",
            "organisation": "Alpine Climate Youth Network",
        },
    ]


def test_chinese_profile():
    result = extracted("chinese_profile.txt")
    assert [
        (o["name"], o["country"], o["city"], o["founded"], o["type"])
        for o in result["organisations"]
    ] == [
        ("成都绿色河流保护协会", "CN", "Chengdu", 2010, "association"),
        ("中国河流网络", "CN", None, None, "network"),
    ]
    assert result["people"] == [
        {"name": "王晓明", "role": "秘书长", "organisation": "成都绿色河流保护协会"}
    ]
    assert result["partnerships"][0]["kind"] == "membership"


def test_chinese_news_visit_event_and_person():
    result = extracted("chinese_news.txt")
    assert result["partnerships"] == [
        {
            "a": "杭州低碳城市促进会",
            "b": "柏林能源转型研究中心",
            "kind": "visit",
            "topics": [],
            "year": 2023,
        }
    ]
    assert result["events"] == [
        {
            "name": "第三届中欧城市低碳发展论坛",
            "start": "2023-10",
            "place": "Beijing",
            "organisers": ["杭州低碳城市促进会"],
        }
    ]
    assert result["people"] == [
        {"name": "李建华", "role": "理事长", "organisation": "杭州低碳城市促进会"}
    ]


def test_chinese_sentence_from_the_brief():
    result = extract_text(
        "重庆市可再生能源学会成立于2016年，秘书长马丁平介绍了学会的国际合作。"
    ).to_json()
    assert result["organisations"][0] == {
        "name": "重庆市可再生能源学会",
        "acronym": None,
        "country": "CN",
        "city": "Chongqing",
        "founded": 2016,
        "type": "society",
        "topics": ["energy", "renewable-energy"],
    }
    assert result["people"] == [
        {"name": "马丁平", "role": "秘书长", "organisation": "重庆市可再生能源学会"}
    ]


def test_event_list():
    result = extracted("events_list.txt")
    assert [(e["name"], e["start"], e["place"]) for e in result["events"]] == [
        ("Blue Economy Summit", "2016", "Lisbon"),
        ("World Ocean Conference", "2017", "Qingdao"),
        ("World Ocean Conference", "2019", "Xiamen"),
        ("Coastal Resilience Workshop", "2018", "Rotterdam"),
        ("Plastic-Free Seas Forum", "2020", None),
        ("Plastic-Free Seas Forum", "2021", None),
        ("General Assembly", "2022-05-12", "Marseille"),
    ]
    assert result["events"][1]["organisers"] == ["Marine Stewardship Institute"]


def test_memberships_twinning_and_agreement_in_prose():
    result = extracted("membership_news.txt")
    assert [(p["kind"], p["b"], p["year"]) for p in result["partnerships"]] == [
        ("membership", "European Community Gardens Network", None),
        ("membership", "Urban Agriculture Alliance", None),
        ("twinning", "Nanjing Rooftop Garden Society", 2018),
        ("partner", "Milan Food Policy Council", 2021),
    ]
    assert result["events"] == [
        {"name": "Urban Food Forum", "start": "2021-10-05", "place": "Milan", "organisers": []}
    ]


def test_csv_and_xlsx_tables():
    csv_result = extracted("partners.csv")
    assert csv_result["organisations"][0] == {
        "name": "Tallinn Energy Savers",
        "acronym": "TES",
        "country": "EE",
        "city": "Tallinn",
        "founded": 2012,
        "type": "ngo",
        "topics": ["energy-efficiency", "climate"],
    }
    assert [(p["a"], p["b"], p["kind"]) for p in csv_result["partnerships"]] == [
        ("Tallinn Energy Savers", "Harbin Heat Saving Association", "partner"),
        ("Porto Clean Streets", "Xiamen Zero Waste Volunteers", "partner"),
    ]
    xlsx_result = extracted("partners.xlsx")
    assert xlsx_result["organisations"][0] == {
        "name": "武汉湿地保护协会",
        "acronym": None,
        "country": "CN",
        "city": "Wuhan",
        "founded": 2009,
        "type": None,
        "topics": ["biodiversity", "water"],
    }
    assert xlsx_result["partnerships"][0]["kind"] == "twinning"


def test_html_partner_table():
    result = extracted("partners_table.html")
    assert [
        (o["name"], o["acronym"], o["country"], o["founded"], o["topics"])
        for o in result["organisations"]
    ] == [
        ("Danube Wetland Alliance", "DWA", "AT", 2003, ["biodiversity", "water"]),
        ("Wuhan Lakes Protection Society", "WLPS", "CN", 2011, ["water", "education"]),
        ("Loire Vivante Association", None, "FR", 1989, ["water"]),
        ("Yellow River Youth Volunteers", "YRYV", "CN", 2015, ["youth", "water"]),
    ]


def test_twinning_pair_page_with_report_authors():
    result = extracted("twinning_pair.txt")
    assert result["partnerships"] == [
        {
            "a": "Shenzhen Mangrove Guardians",
            "b": "Wadden Sea Friends",
            "kind": "twinning",
            "topics": ["oceans", "biodiversity"],
            "year": None,
        }
    ]
    assert [p["name"] for p in result["people"]] == ["Sophie de Vries", "Zhou Ming"]
    assert [(o["name"], o["city"], o["founded"]) for o in result["organisations"]] == [
        ("Shenzhen Mangrove Guardians", "Shenzhen", 2013),
        ("Wadden Sea Friends", "Leeuwarden", 1987),
    ]


def test_records_keep_their_evidence_sentence():
    result = extract_paths([DATA / "press_release.txt"])
    assert result.partnerships[0].evidence.startswith(
        "On 14 March 2022 – A delegation from the Hangzhou Zero Waste Alliance visited"
    )
    assert result.people[0].evidence.startswith("The delegation was led by Ms. Lin Wei")
    assert result.partnerships[0].source == str(DATA / "press_release.txt")


def test_own_documents_against_gold():
    scores = evaluate(GOLD, sorted(str(path) for path in DATA.iterdir()))
    # Regression floor (tallies measured after tuning on this set; not a quality claim).
    assert_floor(
        scores,
        {
            "organisations": (40, 40, 40),
            "country": (33, 36, 33),  # ADR 0041: retrained chooser (three false countries)
            "founded": (18, 18, 18),
            "pairs": (21, 21, 21),
            "people": (10, 10, 10),
            "events": (9, 9, 9),
            "overall": (131, 134, 131),  # the three false countries above
        },
    )
    assert len(json.loads(GOLD.read_text(encoding="utf-8"))) == 13


def test_second_document_set_against_gold():
    folder = Path(__file__).with_name("heldout")
    scores = evaluate(
        Path(__file__).with_name("gold") / "heldout.json",
        sorted(str(path) for path in folder.iterdir()),
    )
    assert (
        scores["overall"].true_positives,
        scores["overall"].predicted,
        scores["overall"].expected,
    ) == (43, 43, 43)


def test_member_list_with_and_of_the():
    result = extract_text(
        "The Vienna Energy Cooperative (VEC) is a member of REScoop.eu and of the Austrian Citizen Energy Alliance."
    ).to_json()
    assert [(p["a"], p["b"], p["kind"]) for p in result["partnerships"]] == [
        ("Vienna Energy Cooperative", "REScoop.eu", "membership"),
        ("Vienna Energy Cooperative", "Austrian Citizen Energy Alliance", "membership"),
    ]
