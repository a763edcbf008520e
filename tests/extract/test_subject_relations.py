"""Relations whose one end is the page's own organisation, not named beside the other (ADR 0042):
fresh sentences in several languages, on a page whose title names its organisation, and the
abstention when no page organisation is known."""

from twinning.extract import extract_text
from twinning.extract.text import name_key


def _pairs(text: str, language: str, title: str = "") -> set[tuple[frozenset[str], str]]:
    result = extract_text(text, language=language, title=title).to_json()
    return {
        (frozenset((name_key(p["a"]), name_key(p["b"]))), p["kind"]) for p in result["partnerships"]
    }


def _pair(a: str, b: str, kind: str) -> tuple[frozenset[str], str]:
    return frozenset((name_key(a), name_key(b))), kind


def test_a_joiner_without_a_known_page_organisation_gives_nothing() -> None:
    # No title, no footer: the only organisation is the joiner itself, so no pair is made.
    assert _pairs("L'Association Vélo Libre de Nantes nous a rejoints en 2023.", "fr") == set()
    assert _pairs("Der Verein Offene Gärten Bremen hat sich uns 2021 angeschlossen.", "de") == set()


def test_a_joiner_on_a_titled_page_is_a_member_of_it() -> None:
    title = "Qui sommes-nous ? | Réseau Solidaire des Deux Rives"
    found = _pairs("L'Association Vélo Libre de Nantes nous a rejoints en 2023.", "fr", title)
    assert found == {
        _pair("Association Vélo Libre de Nantes", "Réseau Solidaire des Deux Rives", "membership")
    }


def test_a_list_goes_on_past_a_bracketed_acronym() -> None:
    text = (
        "Mitglied sind wir im Bundesverband Offene Werkstätten (BVOW) sowie im Netzwerk "
        "Reparatur Leipzig."
    )
    found = _pairs(text, "de", "Verein Grüne Brücke Kassel")
    assert (
        _pair("Verein Grüne Brücke Kassel", "Bundesverband Offene Werkstätten", "membership")
        in found
    )
    assert _pair("Verein Grüne Brücke Kassel", "Netzwerk Reparatur Leipzig", "membership") in found


def test_a_list_goes_on_past_ainsi_que_de() -> None:
    text = (
        "Nous sommes adhérents de la Fédération Nationale des Jardins Partagés depuis 2004 "
        "ainsi que du Réseau Compost Citoyen."
    )
    found = _pairs(text, "fr", "Association Les Jardins du Rhône")
    own = "Association Les Jardins du Rhône"
    assert _pair(own, "Fédération Nationale des Jardins Partagés", "membership") in found
    assert _pair(own, "Réseau Compost Citoyen", "membership") in found


def test_a_list_stops_at_was() -> None:
    text = (
        "Our sister organisation, the Harbin River Club, was registered with the Heilongjiang "
        "Rowing Association in 2010."
    )
    found = _pairs(text, "en", "Harbour Society")
    assert _pair("Harbour Society", "Harbin River Club", "twinning") in found
    assert not any(name_key("Heilongjiang Rowing Association") in pair for pair, _kind in found)


def test_a_partner_frame_on_a_sentence_saying_twinning_in_italian_is_a_twinning() -> None:
    text = "Con il Comitato Danubio è nato nel 2008 un gemellaggio tra le due associazioni."
    found = _pairs(text, "it", "Associazione Terra Viva")
    assert found == {_pair("Associazione Terra Viva", "Comitato Danubio", "twinning")}


def test_a_chinese_page_speaks_of_itself_as_our_school_or_this_society() -> None:
    text = "青山自然保护协会成立于1998年。2023年，我校与里昂青年交流协会合作开展环境教育。"
    found = _pairs(text, "zh", "青山自然保护协会")
    assert _pair("青山自然保护协会", "里昂青年交流协会", "partner") in found
    text = "青山自然保护协会成立于1998年。2023年6月，都灵社区网络代表团来访本會。"
    found = _pairs(text, "zh", "青山自然保护协会")
    assert _pair("都灵社区网络", "青山自然保护协会", "visit") in found
