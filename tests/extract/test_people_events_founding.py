"""People, events and founding years on fresh hand-written sentences in seven languages (none
copied from a set): list lines, table rows, titles, compound roles, bylines, event lists and
founding phrasing. Exact records."""

from twinning.extract import extract_text
from twinning.extract.event_lists import date_only
from twinning.extract.people_lines import person_name
from twinning.extract.person_cues import has_role_cue, strip_titles


def people(text: str, language: str | None = None) -> list[str]:
    return sorted(p.name for p in extract_text(text, language=language).people)


def events(text: str, language: str | None = None) -> list[tuple[str, str | None, str | None]]:
    return sorted((e.name, e.start, e.place) for e in extract_text(text, language=language).events)


def founded(text: str, language: str | None = None) -> dict[str, int | None]:
    return {o.name: o.founded for o in extract_text(text, language=language).organisations}


def test_cue_table_roles_and_titles():
    assert has_role_cue("Kulturdezernentin der Stadt Ulm")
    assert has_role_cue("loco-burgemeester") and has_role_cue("teniente de alcalde")
    assert not has_role_cue("Kornelia Brandt")
    assert strip_titles("Prof. Dr. Ulrike Hansen") == "Ulrike Hansen"
    assert strip_titles("Dott.ssa Marina Bellini") == "Marina Bellini"
    assert strip_titles("la señora Lucía Pardo") == "Lucía Pardo"
    assert person_name("ir. Wouter van Dam") == "Wouter van Dam"
    assert person_name("vacature") is None
    assert person_name("Stichting Groene Brug") is None


def test_list_lines_and_table_rows_in_several_languages():
    text = "\n".join(
        [
            "Vorstand",
            "1. Vorsitzende | Dr. Kornelia Brandt",
            "Schatzmeister | Jannik Fricke",
            "• Presidente: Sig.ra Ornella Gatti – Tesoriere: Rag. Piero Lodi",
            "• Owen Price – Head of Partnerships",
            "• Trésorière : Mme Agnès Morel",
            "Penningmeester: vacature",
        ]
    )
    assert people(text) == [
        "Agnès Morel",
        "Jannik Fricke",
        "Kornelia Brandt",
        "Ornella Gatti",
        "Owen Price",
        "Piero Lodi",
    ]


def test_prose_roles_titles_and_compounds():
    assert people(
        "Die Gäste wurden von Vizebürgermeisterin Hanna Roth und Geschäftsführer Ing. Paul "
        "Eder empfangen.",
        "de",
    ) == ["Hanna Roth", "Paul Eder"]
    assert people(
        "La délégation a été accueillie par Luc Aubert, adjoint au maire de Nantes.", "fr"
    ) == ["Luc Aubert"]
    assert people(
        "De groep werd ontvangen door wethouder Femke Smit en locoburgemeester Bram Kok.", "nl"
    ) == ["Bram Kok", "Femke Smit"]
    assert people("Contact Nadia Osei, project coordinator at the Harbour Youth Trust.", "en") == [
        "Nadia Osei"
    ]


def test_chinese_names_roles_and_bylines():
    text = (
        "理事长：吴海燕女士\n"
        "研究院院长郑国华教授出席并致辞，副秘书长林静全程陪同。\n"
        "基金会主席让-皮埃尔·勒鲁（Jean-Pierre Leroux）先生一行到访。\n"
        "（编辑：许文　审核：曹丽）"
    )
    assert people(text, "zh") == ["吴海燕", "曹丽", "林静", "让-皮埃尔·勒鲁", "许文", "郑国华"]


def test_date_only_phrases():
    assert date_only("Sat 17 Jan 2026, 11am–3pm") == "2026-01-17"
    assert date_only("Herbst 2027 (Termin folgt)") == "2027"
    assert date_only("2026年5月") == "2026-05"
    assert date_only("Winter Lantern Walk 2026") is None


def test_event_list_items_rows_and_title_date_pairs():
    text = "\n".join(
        [
            "Prossimi eventi",
            "• 14/03/2026 – Cena dei ravioli, Bologna",
            "• Maggio 2026 – Laboratorio di aquiloni",
            "",
            "Coming up",
            "Harbour lantern walk",
            "Fri 9 Oct 2026 · Bristol",
        ]
    )
    assert events(text) == [
        ("Cena dei ravioli", "2026-03-14", "Bologna"),
        ("Harbour lantern walk", "2026-10-09", "Bristol"),
        ("Laboratorio di aquiloni", "2026-05", None),
    ]


def test_event_table_rows_with_a_date_header():
    text = "\n".join(
        [
            "时间 | 活动名称 | 地点",
            "2026年4月18日 | 湿地清洁日 | 武汉",
            "2026年秋季 | 青年志愿者训练营 | 杭州",
        ]
    )
    assert events(text, "zh") == [
        ("湿地清洁日", "2026-04-18", "武汉"),
        ("青年志愿者训练营", "2026", "杭州"),
    ]


def test_weekdays_and_founding_sentences_are_no_events():
    assert events("Die Gruppe war von Montag, 4. Mai 2026, bis Freitag zu Gast.", "de") == []


def test_founding_phrasing():
    # An appositive gives its own organisation the year, not the sentence's first one.
    assert founded(
        "We work with the Harbour Youth Trust. Our newest partner is the Lisbon Sailing "
        "Association, a volunteer club founded in 1994."
    ) == {"Harbour Youth Trust": None, "Lisbon Sailing Association": 1994}
    # "Since" with its year right after, for the page's own organisation only.
    assert (
        founded(
            "Harbour Youth Trust\nSince 1988 we have run sailing clubs for teenagers. Our chair "
            "took over in 2016, and since then the Trust has grown."
        ).get("Harbour Youth Trust")
        == 1988
    )


def test_quoted_titles_labels_and_name_then_date():
    assert events(
        "Il prossimo appuntamento è il seminario «Acqua e città», il 9 maggio 2026 a Torino.",
        "it",
    ) == [("Acqua e città", "2026-05-09", "Torino")]
    assert events("双方将于2026年10月在成都共同举办“中意社区营造论坛”。", "zh") == [
        ("中意社区营造论坛", "2026-10", "Chengdu")
    ]
    assert events(
        "Prochain rendez-vous : la Fête des lanternes, samedi 6 juin 2026, Nantes.", "fr"
    ) == [("Fête des lanternes", "2026-06-06", "Nantes")]
    assert events("Termine\nSommerfest der Partnerschaft am 4. Juli 2026 im Stadtpark.", "de") == [
        ("Sommerfest der Partnerschaft", "2026-07-04", None)
    ]


def test_founding_line_in_a_profile_block():
    text = "\n".join(
        [
            "Our members",
            "Kestrel Valley Youth Trust",
            "City",
            "Leeds",
            "Founded",
            "2004",
            "Asociación Vecinal Río Claro",
            "Fundada en 1987",
        ]
    )
    assert founded(text) == {
        "Kestrel Valley Youth Trust": 2004,
        "Asociación Vecinal Río Claro": 1987,
    }
