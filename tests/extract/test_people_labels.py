"""People in label blocks (ADR 0041): a definition list's label line above the name, a dotted
leader, several contacts after one label; fresh sentences in several languages."""

from twinning.extract.pipeline import extract_text


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
