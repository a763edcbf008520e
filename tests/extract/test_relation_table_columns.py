"""Table columns read by their cells, sheets whose title row names their owner, and the heading
above a table naming its rows members (tables written for these tests)."""

from twinning.extract import extract_text
from twinning.extract.relation_lists import subject_table_pairs
from twinning.extract.tabular import map_header, records_from_table
from twinning.extract.text import name_key


def _pairs(text: str, tables: list[list[list[str]]], **kwargs: str) -> set[tuple[str, str, str]]:
    result = extract_text(text, tables=tables, **kwargs).to_json()
    return {(name_key(p["a"]), name_key(p["b"]), p["kind"]) for p in result["partnerships"]}


def test_a_cohort_column_of_years_is_no_name_column() -> None:
    rows = [
        ["Twinning round", "Chinese organisation", "City", "European organisation", "City"],
        ["2021", "Lanzhou River Guardians", "Lanzhou", "Stichting Groene Dijk", "Zwolle"],
        ["2022", "Kunming Reading Circle", "Kunming", "Leseclub Erfurt e.V.", "Erfurt"],
    ]
    assert map_header(rows[0], rows[1:])["name"] == 3
    assert map_header(rows[0], rows[1:])["partner"] == 1
    pairs = _pairs("", [rows], content_type="csv")
    assert pairs == {
        ("stichting groene dijk", "lanzhou river guardians", "twinning"),
        ("leseclub erfurt e v", "kunming reading circle", "twinning"),
    }


def test_a_school_column_is_the_row_s_organisation() -> None:
    rows = [
        ["Scuola", "Città", "Scuola partner", "Città partner"],
        ["Liceo Classico Ariosto", "Ferrara", "Nanchang No. 2 High School", "Nanchang"],
    ]
    pairs = _pairs("", [rows], content_type="tsv")
    assert pairs == {("liceo classico ariosto", "nanchang no 2 high school", "partner")}


def test_a_city_column_beside_a_partner_column_of_names_is_a_place() -> None:
    rows = [
        ["Werkgruppe Elbe – unsere Partnerorganisationen", "", ""],
        ["Partnerorganisation", "Stadt", "seit"],
        ["Verein Flussufer Dresden", "Dresden", "2014"],
        ["Wuhan Riverbank Volunteers Association", "Wuhan", "2019"],
    ]
    header, body = rows[1], rows[2:]
    assert "partner" not in map_header(header, body)
    assert map_header(header, body)["name"] == 0
    pairs = _pairs("Werkgruppe Elbe", [rows], content_type="csv")
    assert ("dresden", "verein flussufer dresden", "partner") not in pairs


def test_a_sheet_titled_by_its_network_makes_its_rows_members() -> None:
    rows = [
        ["Red Atlántica de Escuelas Abiertas – relación de socios", "", "", ""],
        ["", "", "", ""],
        ["código", "entidad", "ciudad", "socio desde"],
        ["RAE-01", "Colegio Mar Azul", "Vigo", "2016"],
        ["RAE-02", "Instituto Costa Verde", "Gijón", "2018"],
    ]
    result = extract_text("", tables=[rows], content_type="csv").to_json()
    pairs = {(p["a"], p["b"], p["kind"], p["year"]) for p in result["partnerships"]}
    assert pairs == {
        ("Colegio Mar Azul", "Red Atlántica de Escuelas Abiertas", "membership", 2016),
        ("Instituto Costa Verde", "Red Atlántica de Escuelas Abiertas", "membership", 2018),
    }
    # "socio desde" is when a row joined, not when it was founded.
    assert all(o["founded"] is None for o in result["organisations"])


def test_a_members_heading_above_a_table_on_a_page_about_the_network() -> None:
    rows = [
        ["Associazione", "Sede", "Anno di fondazione"],
        ["Associazione Lanterne Rosse", "Padova", "2004"],
        ["Associazione Giardino di Giada", "Verona", "2011"],
    ]
    text = (
        "Chi siamo\n\nLa Rete Veneta Amici della Cina riunisce dal 2002 le associazioni "
        "del Veneto che lavorano con la Cina.\n\nLe associazioni aderenti\n\n"
        + "\n".join(" | ".join(row) for row in rows)
    )
    result = extract_text(
        text, tables=[rows], content_type="html", title="Chi siamo | Rete Veneta Amici della Cina"
    ).to_json()
    pairs = {(p["a"], p["b"], p["kind"], p["year"]) for p in result["partnerships"]}
    assert pairs == {
        ("Associazione Lanterne Rosse", "Rete Veneta Amici della Cina", "membership", None),
        ("Associazione Giardino di Giada", "Rete Veneta Amici della Cina", "membership", None),
    }


def test_pair_lines_joined_by_a_dash_in_chinese_and_french() -> None:
    text = (
        "2025年结对名单\n\n"
        "• 青岛市海洋志愿者协会（山东）—— 布雷斯特海洋之友协会（法国）\n"
        "• 西宁市雪山环保促进会（青海）—— 因斯布鲁克山地救援协会（奥地利）\n"
    )
    result = extract_text(text).to_json()
    pairs = {(p["a"], p["b"], p["kind"]) for p in result["partnerships"]}
    assert ("青岛市海洋志愿者协会", "布雷斯特海洋之友协会", "twinning") in pairs
    assert ("西宁市雪山环保促进会", "因斯布鲁克山地救援协会", "twinning") in pairs


def test_a_dash_inside_a_name_or_before_a_description_is_no_pair_line() -> None:
    text = (
        "Nos partenaires\n\n"
        "• Association Lyon–Canton Amitié – ateliers de cuisine et de langue pour les familles\n"
        "• Maison des jeunes de Brest (France) – Centre culturel de la jeunesse de Qingdao (Shandong)\n"
    )
    result = extract_text(text, language="fr").to_json()
    pairs = {(p["a"], p["b"]) for p in result["partnerships"]}
    assert ("Maison des jeunes de Brest", "Centre culturel de la jeunesse de Qingdao") in pairs
    assert not any("ateliers" in a + b for a, b in pairs)
    assert not any(a == "Association Lyon" or b == "Association Lyon" for a, b in pairs)


def test_a_members_heading_abstains_when_the_page_names_more_than_the_known_owner() -> None:
    rows = [["Entidad", "Sede"], ["Asociación Faro Abierto", "Cádiz"]]
    results = [records_from_table(rows, source=None, kind="partner", strict=False)]
    lines = "\n".join(" | ".join(row) for row in rows)
    whole = "La Red Costera de Amistad reúne entidades desde 2009.\n\nSocios\n" + lines
    cut = "La Red Costera de Amistad con Asia reúne entidades desde 2009.\n\nSocios\n" + lines
    pairs = subject_table_pairs([rows], results, "Red Costera de Amistad", None, text=whole)
    assert [(p.a, p.b, p.kind) for p in pairs] == [
        ("Asociación Faro Abierto", "Red Costera de Amistad", "membership")
    ]
    assert subject_table_pairs([rows], results, "Red Costera de Amistad", None, text=cut) == []


def test_a_member_since_column_makes_the_rows_members_and_a_commune_column_a_place() -> None:
    rows = [
        ["Structure", "Commune", "Adhérente depuis"],
        ["Association Garonne Partage", "Agen", "2010"],
        ["Collectif Tarn Horizons", "Albi", "2016"],
    ]
    header, body = rows[0], rows[1:]
    assert map_header(header, body)["name"] == 0
    assert map_header(header, body)["city"] == 1
    assert "partner" not in map_header(header, body)
    results = [records_from_table(rows, source=None, kind="partner", strict=False)]
    pairs = subject_table_pairs([rows], results, "Réseau Sud Solidaire", None)
    assert [(p.a, p.b, p.kind, p.year) for p in pairs] == [
        ("Association Garonne Partage", "Réseau Sud Solidaire", "membership", 2010),
        ("Collectif Tarn Horizons", "Réseau Sud Solidaire", "membership", 2016),
    ]
    assert all(o.founded is None for o in results[0].organisations)
