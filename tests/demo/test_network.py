"""The seed facts of EC-LINK and ICLEI on the map and in the graph of the loaded demo."""

from twinning.programmes.graph import GraphFilters, cooperation_edges, graph_elements
from twinning.programmes.map_data import MapFilters, network_map

EC_LINK_2017_LABS = [
    "Inter-city lab: green buildings",
    "Inter-city lab: green transport",
    "Inter-city lab: low-carbon urban planning",
    "Inter-city lab: solid waste management",
    "Inter-city lab: sustainable water management",
]
EC_LINK_2018 = [
    "Green building training for small cities",
    "Pilot city cooperation on water management and flood prevention",
    "Training on municipal green finance",
]
ICLEI_FORUMS_BY_CITY = {
    "Beijing": [
        ("21st Century Forum on Forestry and Environmental Protection", "2001"),
        ("EcoProcura China 2014", "2014-10"),
        ("Energy-safe Cities East Asia Expert Symposium", "2014-10"),
    ],
    "Nanning": [
        (
            "UN-Habitat – ICLEI Nanning International Conference on Sustainable Urban Development",
            "2005",
        )
    ],
    "Nanjing": [("World Urban Forum", "2008")],
    "Guiyang": [(f"Eco-Forum Global {year}", str(year)) for year in (2010, 2011, 2012, 2013)],
    "Zhuhai": [("Conference on Urban Development and Planning", "2013")],
}


def test_ec_link_labs_and_activities_are_on_the_map_in_china_without_invented_cities(demo_counts):
    whole = network_map(None, MapFilters(programme="ec-link"))
    assert [(r.country, [a.name for a in r.activities]) for r in whole.regions] == [
        ("CN", EC_LINK_2017_LABS + EC_LINK_2018)
    ]
    assert whole.unplaced == []
    region = whole.regions[0]
    assert 0 < region.x < whole.frame.width and 0 < region.y < whole.frame.height
    labs = network_map(None, MapFilters(programme="ec-link", year=2017))
    assert [a.name for a in labs.regions[0].activities] == EC_LINK_2017_LABS
    water = network_map(None, MapFilters(year=2017, topic="water"))
    assert [a.name for r in water.regions for a in r.activities] == [
        "Inter-city lab: sustainable water management"
    ]


def test_the_map_page_says_the_sources_name_no_city(client, demo_counts):
    page = client.get("/programmes/map/?programme=ec-link").content.decode()
    assert 'data-region="CN"' in page
    assert "China, cities not named" in page
    assert page.count("Inter-city lab:") == 5
    chinese = client.get("/zh-hans/programmes/map/?programme=ec-link").content.decode()
    assert "城市实验室：绿色建筑" in chinese


def test_iclei_events_forums_and_chinese_partners_are_on_the_map(demo_counts):
    iclei_map = network_map(None, MapFilters())
    events = {
        marker.city.name: [(e.name, e.start_iso) for e in marker.events]
        for marker in iclei_map.markers
    }
    for city, forums in ICLEI_FORUMS_BY_CITY.items():
        assert set(forums) <= set(events[city]), city
    tianjin = [name for name, _ in events["Tianjin"]]
    assert tianjin.count("Annual Meeting of the New Champions") == 2
    assert sum("Tianjin Binhai" in name for name in tianjin) == 4
    partners = sorted(
        (line.end.name, line.label.split(" – ", 2)[-1])
        for line in iclei_map.lines
        if line.kind == "partner" and line.label.startswith("ICLEI")
    )
    assert len(partners) == 10
    assert ("Beijing", "World Resources Institute Beijing Office") in partners
    assert ("Tianjin", "Sino-Singapore Tianjin Eco-city") in partners
    assert {line.start.name for line in iclei_map.lines if line.label.startswith("ICLEI")} == {
        "Bonn"
    }


def test_ec_link_and_iclei_facts_are_in_the_graph(demo_counts):
    edges = cooperation_edges(None, GraphFilters())
    activity_edges = [(str(e.source), e.target.name) for e in edges if e.kind == "activity"]
    for name in EC_LINK_2017_LABS + EC_LINK_2018:
        assert ("EC-LINK", name) in activity_edges
    places = {(e.source.name, str(e.target.name)) for e in edges if e.kind == "place"}
    for name in EC_LINK_2017_LABS + EC_LINK_2018:
        assert (name, "China") in places
    for city, forums in ICLEI_FORUMS_BY_CITY.items():
        for forum, _ in forums:
            assert (forum, city) in places
    iclei_links = {
        (e.kind, e.target.name)
        for e in edges
        if getattr(e.source, "acronym", "") == "ICLEI" and e.kind in ("organiser", "partner")
    }
    assert ("organiser", "EcoProcura China 2014") in iclei_links
    assert ("organiser", "Energy-safe Cities East Asia Expert Symposium") in iclei_links
    assert ("partner", "WWF China") in iclei_links
    assert len({name for kind, name in iclei_links if kind == "partner"}) == 12
    nodes = graph_elements(edges)["nodes"]
    china = [n["data"] for n in nodes if n["data"]["kind"] == "country"]
    assert [(n["id"], n["url"]) for n in china] == [
        ("nCN", "/programmes/map/?country=CN#region-CN")
    ]
