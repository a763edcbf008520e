"""Tables that state relations without a second name column: the page's own organisation is
the other end (tables written for this test)."""

from twinning.extract import extract_text
from twinning.extract.relation_lists import subject_table_pairs
from twinning.extract.tabular import records_from_table
from twinning.extract.text import name_key


def _pairs(
    text: str, tables: list[list[list[str]]], title: str
) -> set[tuple[str, str, str, int | None]]:
    result = extract_text(text, tables=tables, title=title, content_type="html").to_json()
    return {
        (name_key(p["a"]), name_key(p["b"]), p["kind"], p["year"]) for p in result["partnerships"]
    }


def test_a_partner_city_table_pairs_the_page_city_with_each_row() -> None:
    rows = [
        ["Partnerstadt", "Land", "seit"],
        ["Tampere", "Finnland", "1988"],
        ["Wuxi", "China", "2006"],
    ]
    text = "Stadt Kassel\n\nDie Stadt Kassel pflegt viele Freundschaften.\n\n" + "\n".join(
        " | ".join(row) for row in rows
    )
    pairs = _pairs(text, [rows], "Stadt Kassel")
    assert ("stadt kassel", "tampere", "twinning", 1988) in pairs
    assert ("stadt kassel", "wuxi", "twinning", 2006) in pairs


def test_a_table_whose_cells_say_partner_pairs_with_the_page() -> None:
    rows = [
        ["Organisatie", "Plaats", "Sinds", "Vorm"],
        ["Vereniging Schone Lucht Utrecht", "Utrecht", "2015", "projectpartner"],
        ["Milieucentrum Hangzhou", "Hangzhou", "2019", "samenwerkingsovereenkomst"],
    ]
    text = "Stichting Blauwe Rivier\n\nWij zijn Stichting Blauwe Rivier.\n\n" + "\n".join(
        " | ".join(row) for row in rows
    )
    pairs = _pairs(text, [rows], "Stichting Blauwe Rivier")
    assert ("stichting blauwe rivier", "vereniging schone lucht utrecht", "partner", 2015) in pairs
    assert ("stichting blauwe rivier", "milieucentrum hangzhou", "partner", 2019) in pairs


def test_an_events_table_gives_no_pairs_with_the_page() -> None:
    rows = [
        ["Date", "Event", "Organised by"],
        ["May 2024", "Members' Assembly", "Harbour Society"],
        ["June 2024", "River Day", "Lisbon Tide Society"],
    ]
    members = [["Member", "City"], ["Lisbon Tide Society", "Lisbon"]]
    results = [
        records_from_table(table, source=None, kind="partner", strict=False)
        for table in (rows, members)
    ]
    pairs = subject_table_pairs([rows, members], results, "Harbour Society", None)
    assert [(p.a, p.b, p.kind) for p in pairs] == [
        ("Lisbon Tide Society", "Harbour Society", "membership")
    ]


def test_a_tandem_column_makes_a_pair_table_twinnings() -> None:
    rows = [
        ["Tandem", "European organisation", "Chinese partner"],
        ["1", "Aarhus Bicycle Society", "Harbin Winter Riders Association"],
    ]
    text = "\n".join(" | ".join(row) for row in rows)
    pairs = _pairs(text, [rows], "")
    assert {(a, b, kind) for a, b, kind, _y in pairs} == {
        ("aarhus bicycle society", "harbin winter riders association", "twinning")
    }


def _text_pairs(text: str, language: str, title: str = "") -> set[tuple[frozenset[str], str]]:
    result = extract_text(text, language=language, title=title).to_json()
    return {
        (frozenset((name_key(p["a"]), name_key(p["b"]))), p["kind"]) for p in result["partnerships"]
    }


def test_chinese_member_bullets_under_an_intro_are_memberships() -> None:
    text = (
        "青山自然保护协会简介\n\n青山自然保护协会成立于1998年，总部位于成都。\n\n"
        "本会现有成员单位三家：\n\n• 成都市锦江区河流守护服务社\n• 昆明湿地学会\n• 大理洱海保护志愿者协会\n"
    )
    found = _text_pairs(text, "zh")
    own = name_key("青山自然保护协会")
    for member in ("成都市锦江区河流守护服务社", "昆明湿地学会", "大理洱海保护志愿者协会"):
        assert (frozenset((own, name_key(member))), "membership") in found, found


def test_a_member_directory_lists_profiles_but_not_their_partner_fields() -> None:
    text = (
        "Member directory\n\n"
        "The Harbour Society brings together schools from four cities. These are its members.\n\n"
        "Leith Community School Trust\n\nCity\n\nEdinburgh\n\nPartner school\n\n"
        "Dalian No. 3 Middle School\n\n"
        "Govan Learning Association\n\nCity\n\nGlasgow\n\n"
        "Team\n\nAnna Weber, coordinator.\n"
    )
    found = _text_pairs(text, "en", "Harbour Society")
    own = name_key("Harbour Society")
    for member in ("Leith Community School Trust", "Govan Learning Association"):
        assert (frozenset((own, name_key(member))), "membership") in found, found
    assert not any(name_key("Dalian No. 3 Middle School") in pair for pair, _kind in found)
