"""Every row of the relation-frame table carries an example sentence (written for this test):
run through the whole extractor on a page whose title names its own organisation, it must give
every pair the row expects, of the row's kind."""

import pytest

from twinning.extract import extract_text
from twinning.extract.relation_frames import FRAMES, Frame, frames_for
from twinning.extract.text import name_key

SELF_PAGE = {
    "en": "Harbour Society",
    "de": "Verein Grüne Brücke Kassel",
    "fr": "Association Les Jardins du Rhône",
    "nl": "Stichting Blauwe Rivier",
    "it": "Associazione Terra Viva",
    "es": "Fundación Mar Abierto",
    "zh": "青山自然保护协会",
}


def _pairs(text: str, language: str) -> set[tuple[frozenset[str], str]]:
    result = extract_text(text, language=language, title=SELF_PAGE[language]).to_json()
    return {
        (frozenset((name_key(p["a"]), name_key(p["b"]))), p["kind"]) for p in result["partnerships"]
    }


@pytest.mark.parametrize(
    "frame", FRAMES, ids=lambda frame: f"{frame.language}-{frame.kind}-{frame.roles}"
)
def test_frame_example_gives_its_pairs(frame: Frame) -> None:
    found = _pairs(frame.example, frame.language)
    for a, b in frame.expect:
        a, b = (SELF_PAGE[frame.language] if end == "*" else end for end in (a, b))
        assert (frozenset((name_key(a), name_key(b))), frame.kind) in found, found


def test_every_language_has_partner_membership_and_twinning_frames() -> None:
    for language in SELF_PAGE:
        kinds = {frame.kind for frame in FRAMES if frame.language == language}
        assert {"partner", "membership", "twinning"} <= kinds, language


def test_a_language_without_rows_reads_the_english_ones() -> None:
    assert frames_for("pt") == tuple(f for f in FRAMES if f.language == "en")


def test_pairs_of_pairs_in_one_sentence() -> None:
    text = (
        "This year the Bergen Coast Society will work with the Xiamen Beach Volunteers, "
        "the Porto River Trust with the Wuhan Lake Association and the Gdansk Dune Network "
        "with the Dalian Shore Club."
    )
    found = {pair for pair, _kind in _pairs(text, "en")}
    expected = [
        ("Bergen Coast Society", "Xiamen Beach Volunteers"),
        ("Porto River Trust", "Wuhan Lake Association"),
        ("Gdansk Dune Network", "Dalian Shore Club"),
    ]
    for a, b in expected:
        assert frozenset((name_key(a), name_key(b))) in found, found
    assert frozenset((name_key("Bergen Coast Society"), name_key("Porto River Trust"))) not in found


def test_a_list_stops_where_the_clause_moves_on() -> None:
    text = (
        "Collabora con l'Associazione Fiume Pulito per la formazione degli insegnanti delle "
        "scuole medie ed è socia della Rete Città Sostenibili."
    )
    found = _pairs(text, "it")
    own, river, network = (
        name_key(n)
        for n in (SELF_PAGE["it"], "Associazione Fiume Pulito", "Rete Città Sostenibili")
    )
    assert (frozenset((own, river)), "partner") in found
    assert (frozenset((own, network)), "membership") in found
    assert not any(pair == frozenset((river, network)) for pair, _kind in found)


def test_respectively_is_left_to_its_own_pass() -> None:
    text = "成都河流协会、重庆湖泊学会分别与里昂青年交流协会、都灵社区网络结对。"
    found = {pair for pair, _kind in _pairs(text, "zh")}
    wrong = frozenset((name_key("成都河流协会"), name_key("都灵社区网络")))
    assert wrong not in found


def test_chinese_pairs_of_pairs_each_join_their_own_two() -> None:
    text = "经过评审，昆明湿地学会与法国里昂青年交流协会、成都河流保护协会与意大利都灵社区网络分别结成对子。"
    found = _pairs(text, "zh")
    kunming, lyon, chengdu, turin = (
        name_key(n)
        for n in ("昆明湿地学会", "里昂青年交流协会", "成都河流保护协会", "都灵社区网络")
    )
    assert (frozenset((kunming, lyon)), "twinning") in found
    assert (frozenset((chengdu, turin)), "twinning") in found
    assert not any(pair == frozenset((kunming, turin)) for pair, _kind in found)


def test_pairs_joined_by_as_well_as_before_signing() -> None:
    text = (
        "The Bergen Coast Society and the Xiamen Beach Volunteers, as well as the Porto River "
        "Trust and the Wuhan Lake Association, signed memoranda of understanding on Monday."
    )
    found = {pair for pair, _kind in _pairs(text, "en")}
    bergen, xiamen, porto, wuhan = (
        name_key(n)
        for n in (
            "Bergen Coast Society",
            "Xiamen Beach Volunteers",
            "Porto River Trust",
            "Wuhan Lake Association",
        )
    )
    assert frozenset((bergen, xiamen)) in found
    assert frozenset((porto, wuhan)) in found
    assert frozenset((xiamen, porto)) not in found


def test_a_name_inside_the_frame_is_its_first_end() -> None:
    text = (
        "Notre comité anime les jumelages de la Ville de Vannes avec Cork en Irlande (depuis "
        "1982), avec Fougères au Québec et, depuis 2014, avec Suzhou."
    )
    result = extract_text(text, language="fr").to_json()
    pairs = {
        (frozenset((name_key(p["a"]), name_key(p["b"]))), p["kind"], p["year"])
        for p in result["partnerships"]
    }
    vannes = name_key("Ville de Vannes")
    assert (frozenset((vannes, name_key("Cork"))), "twinning", 1982) in pairs, pairs
    assert (frozenset((vannes, name_key("Suzhou"))), "twinning", 2014) in pairs, pairs
