"""People with their roles in German, French, Dutch, Italian and Spanish (English and Chinese
are read by `people.py`): a table of role words per language and three line shapes.

`Voorzitter: Jeroen Bakker`, `Regula Imhof, Präsidentin`, `Nathalie Girard (Présidente)`,
`Oberbürgermeister Klaus Brenner`, `sa présidente, Mme Li Fang`. Titles (Frau, Mme, Sig.ra,
Sra., dhr.) are dropped; the organisation is the one named after the role (`présidente du
Comité…`), the one named before a possessive (`sa présidente`), else the page's own.
"""

from __future__ import annotations

import re

from twinning.extract.records import Person
from twinning.extract.registry import Entry, Registry

ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "de": ("vorsitzende", "vorsitzender", "präsident", "präsidentin", "vizepräsident",
           "vizepräsidentin", "geschäftsführer", "geschäftsführerin", "schatzmeister",
           "schatzmeisterin", "kassier", "kassierin", "kassenwart", "kassenwartin",
           "schriftführer", "schriftführerin", "sekretär", "sekretärin", "leiter", "leiterin",
           "direktor", "direktorin", "oberbürgermeister", "oberbürgermeisterin",
           "bürgermeister", "bürgermeisterin", "vizebürgermeister", "vizebürgermeisterin",
           "sprecher", "sprecherin", "koordinator", "koordinatorin", "referent", "referentin",
           "projektleiter", "projektleiterin", "sachgebietsleiter", "sachgebietsleiterin",
           "beisitzer", "beisitzerin"),
    "fr": ("président", "présidente", "vice-président", "vice-présidente", "directeur",
           "directrice", "secrétaire", "secrétaire générale", "secrétaire général", "trésorier",
           "trésorière", "maire", "adjoint au maire", "adjointe au maire", "coordinateur",
           "coordinatrice", "chargé de mission", "chargée de mission", "responsable",
           "déléguée", "délégué"),
    "nl": ("voorzitter", "vicevoorzitter", "secretaris", "penningmeester", "directeur",
           "burgemeester", "wethouder", "coördinator", "bestuurslid", "projectleider"),
    "it": ("presidente", "vicepresidente", "segretario", "segretaria", "tesoriere",
           "direttore", "direttrice", "sindaco", "sindaca", "assessore", "assessora",
           "coordinatore", "coordinatrice", "responsabile", "vicesindaco"),
    "es": ("presidente", "presidenta", "vicepresidente", "vicepresidenta", "secretario",
           "secretaria", "tesorero", "tesorera", "director", "directora", "alcalde",
           "alcaldesa", "teniente de alcalde", "concejal", "concejala", "coordinador",
           "coordinadora", "responsable"),
}  # fmt: skip
TITLES = (
    r"(?:Herr|Frau|Dr\.?|Prof\.?|M\.|Mme|Mlle|Monsieur|Madame|Sig\.(?:ra)?|Dott\.(?:ssa)?|Ing\.|"
    r"Sr\.|Sra\.|D\.|Dña\.|Dhr\.|dhr\.|Mevr\.|mevr\.|Mw\.|Mr\.?|Ms\.?)[ \t]+"
)
PARTICLE = r"(?:de|van|von|der|den|da|di|del|la|le|du|ter|ten|y)"
NAME_WORD = r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?"
NAME = rf"{NAME_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+){{0,2}}{NAME_WORD}){{1,2}}"
POSSESSIVE = re.compile(
    r"\b(?:sa|son|ses|seine|seiner|ihre|ihr|sua|suo|su|sus|zijn|haar|hun|leur)\s+$", re.IGNORECASE
)


def _role_pattern(language: str) -> str:
    words = sorted(ROLE_WORDS.get(language, ()), key=len, reverse=True)
    return "|".join(re.escape(word) for word in words)


def _shapes(language: str) -> list[re.Pattern[str]]:
    role = _role_pattern(language)
    return [
        # "Voorzitter: Jeroen Bakker", "Sachgebietsleiterin Städtepartnerschaften: Sabine Köhler"
        re.compile(
            rf"(?:^|\n|[•·|]\s*)(?P<role>(?:{role})(?:\s+[^\n:：]{{1,40}}?)?)[ \t]*[:：][ \t]*(?:{TITLES})?(?P<name>{NAME})",
            re.IGNORECASE,
        ),
        # "Regula Imhof, Präsidentin", "Nathalie Girard (Présidente)"
        re.compile(
            rf"(?:{TITLES})?(?P<name>{NAME})[ \t]*(?:,|\(|–|—|-)[ \t]*(?P<role>(?:{role})\b[^,.;()\n]{{0,60}})",
            re.IGNORECASE,
        ),
        # "Oberbürgermeister Klaus Brenner", "sa présidente, Mme Li Fang"
        re.compile(
            rf"(?<![\w-])(?P<role>{role})(?:\s+(?:de la|du|de|der|des|van|di|del)\s+[^,\n]{{1,60}}?)?,?[ \t]+(?:{TITLES})?(?P<name>{NAME})",
            re.IGNORECASE,
        ),
    ]


def _case_name(name: str) -> bool:
    # The pattern is case-insensitive for the role; the name must really be capitalised.
    return all(word[0].isupper() or re.fullmatch(PARTICLE, word) for word in name.split())


def people_with_roles(
    text: str, registry: Registry, main: Entry | None, language: str | None, source: str | None
) -> list[Person]:
    """People named with a role word of `language` in `text`."""
    if language not in ROLE_WORDS:
        return []
    found: dict[str, Person] = {}
    for shape in _shapes(language):
        for match in shape.finditer(text):
            name = match.group("name").strip()
            role = re.sub(r"\s+", " ", match.group("role")).strip(" ,")
            if not _case_name(name) or registry.find(name) or name in found:
                continue
            role, organisation = _organisation_of(role, text, match.start(), registry, main)
            line_start = text.rfind("\n", 0, match.start()) + 1
            line_end = text.find("\n", match.end())
            evidence = text[line_start : line_end if line_end >= 0 else len(text)].strip()
            found[name] = Person(name, role, organisation, evidence, source)
    return list(found.values())


def _organisation_of(
    role: str, text: str, position: int, registry: Registry, main: Entry | None
) -> tuple[str, str | None]:
    """The role without its organisation, and that organisation's name."""
    for start, _end, entry in registry.mentions(role):
        return role[:start].strip(" ,").rsplit(" ", 1)[
            0
        ] if start else role, entry.organisation.name
    before = text[max(0, position - 200) : position]
    if POSSESSIVE.search(text[max(0, position - 12) : position]):
        mentioned = registry.mentions(before)
        if mentioned:
            return role, mentioned[-1][2].organisation.name
    return role, main.organisation.name if main is not None else None


def merge_people(known: list[Person], found: list[Person]) -> list[Person]:
    """`found` folded into `known`: a known name gains the role and organisation it lacked."""
    by_name = {person.name: person for person in known}
    for person in found:
        match = by_name.get(person.name) or next(
            (p for p in known if p.name.endswith(" " + person.name)), None
        )
        if match is None:
            known.append(person)
            by_name[person.name] = person
            continue
        if match.name != person.name:
            match.name = person.name
        match.role = match.role or person.role
        match.organisation = match.organisation or person.organisation
    return known
