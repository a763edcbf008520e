"""People in label blocks and events in labelled lists (ADR 0041): a definition list's label line
above the name, a dotted leader, several contacts after one label, a labelled date line under an
event title, a time of day in a list item; fresh sentences in several languages."""

from twinning.extract.pipeline import extract_document, extract_text
from twinning.extract.readers import read_document


def _people(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.role) for p in extract_text(text).people]


def test_a_label_line_names_the_person_on_the_next_line():
    assert _people("Kontaktperson\nMiriam Albers, Geschäftsführung") == [
        ("Miriam Albers", "Geschäftsführung")
    ]
    assert _people("Schatzmeisterin\nHelga Brandt") == [("Helga Brandt", "Schatzmeisterin")]


def test_a_dotted_leader_stands_for_a_colon():
    assert _people("Treasurer ............ Colin Padgett") == [("Colin Padgett", "Treasurer")]


def test_several_contacts_after_one_label():
    assert _people(
        "Contact : Odile Ferrand, chargée de projet – Yanis Meunier, trésorier adjoint"
    ) == [("Odile Ferrand", "chargée de projet"), ("Yanis Meunier", "trésorier adjoint")]


def test_an_italian_contact_label():
    assert _people("Persona di contatto: Ilaria Conti, coordinatrice") == [
        ("Ilaria Conti", "coordinatrice")
    ]


def _events(page: str, tmp_path) -> list[tuple[str, str | None]]:
    path = tmp_path / "page.html"
    path.write_text(f"<html><body>{page}</body></html>", encoding="utf-8")
    return [(e.name, e.start) for e in extract_document(read_document(str(path))).events]


def test_a_title_with_a_labelled_date_line_under_it_is_an_event(tmp_path):
    page = (
        "<h1>活动安排</h1><h2>社区园艺交流日</h2>"
        "<p>时间：2026年4月18日（周六）09:30—12:00<br>地点：宁波市海曙区</p>"
    )
    assert ("社区园艺交流日", "2026-04-18") in _events(page, tmp_path)


def test_a_time_of_day_in_a_list_item_is_no_event_name(tmp_path):
    page = (
        "<h2>Agenda</h2><ul>"
        "<li>zo 12 april 2026, 13.00–16.30 uur — Lentemarkt van de vereniging, Wijkhuis De Linde, Utrecht</li>"
        "<li>za 9 mei 2026 — Fietstocht langs de Vecht, Utrecht</li></ul>"
    )
    found = _events(page, tmp_path)
    assert ("Lentemarkt van de vereniging", "2026-04-12") in found
    assert all(name not in ("16", "30") for name, _start in found)


def test_a_role_and_a_copula_before_the_name():
    text = (
        "De vereniging organiseert elk jaar een reis naar Yunnan. Voorzitter van de vereniging "
        "is Marloes Dijkstra; penningmeester is Ruud Verbeek."
    )
    assert {("Marloes Dijkstra", "Voorzitter"), ("Ruud Verbeek", "penningmeester")} <= set(
        _people(text)
    )


def test_an_english_role_word_before_a_name_in_prose():
    text = (
        "The visitors spent the afternoon at the Riverside Lunch Club, where coordinator "
        "Denise Holloway showed them the new kitchen."
    )
    assert ("Denise Holloway", "coordinator") in _people(text)


def test_a_day_and_month_in_an_events_section_take_the_pages_year():
    from twinning.extract.event_lists import date_only, page_year

    assert page_year("Agenda 2026 … 12 mei 2026 … 9 juni 2026 … opgericht 1994") == "2026"
    assert date_only("zaterdag 14 maart, 17 uur", "2026") == "2026-03-14"
    assert date_only("zaterdag 14 maart, 17 uur") is None
    assert date_only("20.09.2025, 10–16 uur") == "2025-09-20"
