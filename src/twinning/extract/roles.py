"""People with their roles in German, French, Dutch, Italian and Spanish (English and Chinese
are read by `people.py`): a table of role words per language and three line shapes.

`Voorzitter: Jeroen Bakker`, `Regula Imhof, Präsidentin`, `Nathalie Girard (Présidente)`,
`Oberbürgermeister Klaus Brenner`, `sa présidente, Mme Li Fang`. Titles (Frau, Mme, Sig.ra,
Sra., dhr.) are dropped; the organisation is the one named after the role (`présidente du
Comité…`), the one named before a possessive (`sa présidente`), else the page's own.
"""

from __future__ import annotations

import functools
import re

from twinning.extract.people import plausible_name
from twinning.extract.person_cues import COMPOUNDING, ROLE_CUES, strip_titles
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
    # English prose ("manager Gary Lowe", "our chief officer Rachel Kimber"): the cue table's words.
    "en": (),
}  # fmt: skip
TITLES = (
    r"(?:(?:Herr|Frau|Dr\.?|Prof\.?|Prof\.ssa|Mag\.?|Ing\.|Dipl\.-Ing\.|Rag\.|Avv\.|M\.|Mme|"
    r"Mlle|Monsieur|Madame|Pr|Sig\.(?:ra)?|Dott\.(?:ssa)?|Sr\.|Sra\.|D\.|Dña\.|Mtra\.|Lic\.|"
    r"Dhr\.|dhr\.|Mevr\.|mevr\.|Mw\.|ir\.|drs\.|dr\.|mr\.|Mr\.?|Ms\.?|(?:la\s+|el\s+)?"
    r"se[ñn]ora|(?:la\s+|el\s+)?se[ñn]or|(?:la\s+|il\s+)?signora|(?:il\s+)?signor|professor|"
    r"professore|professoressa|ingenier[oa]|arquitect[oa]|doctora?|licenciad[oa]|ingegnere|"
    r"architetto|avvocato|ingénieur)[ \t]+)+"
)
# Words that qualify a role: "segretario generale", "directora ejecutiva", "stellvertretenden".
QUALIFIER = (
    r"(?:generale?|général|générale|adjoint|adjointe|regionale?|régional|régionale|ejecutiv[oa]|"
    r"esecutiv[oa]|exécutif|exécutive|internazionale|international|internationale|onorari[oa]|"
    r"honoraire|comunale|municipal|municipale|provinciale|provincial|stellvertretende[nr]?|"
    r"erste[nr]?|zweite[nr]?|ehemalige[nr]?|former|ancien|ancienne|ex)"
)
PARTICLE = r"(?:de|van|von|der|den|da|di|del|la|le|du|ter|ten|y|el)"
UPPER = r"[A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ]"
NAME_WORD = (
    r"(?:N['’]|D['’]|O['’])?"
    + UPPER
    + r"[a-zß-öø-ÿāăąćčďđēėęěğģīįıķĺļľłńņňōőœŕřśşšţťūůűųźżž'’]+(?:-"
    + UPPER
    + r"[a-zß-öø-ÿ'’]+)?"
)
# The name is matched case-sensitively inside the case-insensitive role patterns.
NAME = rf"(?-i:{NAME_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+){{0,2}}{NAME_WORD}){{1,3}})"
# Verbs and labels that open a list of names: "Intervengono Marta Guidi, presidente …".
LEADING_WORDS = frozenset(
    {"Intervengono", "Interviennent", "Intervienen", "Contact", "Kontakt", "Contacto", "Contatto",
     "Mit", "Avec", "Con", "Und", "Et", "Ed", "En", "Y", "Zur", "Die", "Der", "Le", "La", "Il"}
)  # fmt: skip
POSSESSIVE = re.compile(
    r"\b(?:sa|son|ses|seine|seiner|ihre|ihr|sua|suo|su|sus|zijn|haar|hun|leur)\s+$", re.IGNORECASE
)


def _role_pattern(language: str) -> str:
    words = sorted(
        ROLE_WORDS.get(language, ()) + ROLE_CUES.get(language, ()), key=len, reverse=True
    )
    pattern = "|".join(re.escape(word) for word in dict.fromkeys(words))
    # German and Dutch compound their roles: "Vizebürgermeisterin", "locoburgemeester".
    return rf"[\w-]*(?:{pattern})" if language in COMPOUNDING else rf"(?:{pattern})"


@functools.lru_cache(maxsize=8)
def _shapes(language: str) -> list[re.Pattern[str]]:
    role = _role_pattern(language)
    return [
        # "Voorzitter: Jeroen Bakker", "Sachgebietsleiterin Städtepartnerschaften: Sabine Köhler"
        re.compile(
            rf"(?:^|\n|[•·|]\s*|(?<=[.;]\s))(?P<role>(?:{role})(?:\s+[^\n:：]{{1,40}}?)?)[ \t]*[:：][ \t]*(?:{TITLES})?(?P<name>{NAME})",
            re.IGNORECASE,
        ),
        # "Regula Imhof, Präsidentin", "Nathalie Girard (Présidente)"
        re.compile(
            rf"(?:{TITLES})?(?P<name>{NAME})[ \t]*(?:,|\(|–|—|-)[ \t]*(?:(?:la|le|il|el|die|der|de)[ \t]+)?(?:{QUALIFIER}[ \t]+)?(?P<role>(?:{role})\b[^,.;()\n]{{0,60}})",
            re.IGNORECASE,
        ),
        # "Voorzitter van de stichting is Hanneke Bosman", "su secretario es Álvaro Sánchez".
        re.compile(
            rf"(?<![\w-])(?P<role>{role})(?:[ \t]+(?:van|de|del|della|of|der|des|du|di)[ \t]+[^,.;:\n]{{1,40}}?)?[ \t]+(?:is|es|est|ist|è|was|era|war|fue|wordt|sind)[ \t]+(?:(?:la|el|il|die|der|de|the|nun|seit)[ \t]+)?(?:{TITLES})?(?P<name>{NAME})",
            re.IGNORECASE,
        ),
        # "Oberbürgermeister Klaus Brenner", "sa présidente, Mme Li Fang", "il professor Dong Wei"
        re.compile(
            rf"(?<![\w-])(?P<role>{role})(?:[ \t]+{QUALIFIER})?(?:\s+(?:de la|du|de|der|des|van|di|del|della|dell'|alle|alla|al|ai|agli|für|voor|pour|for|a la)\s*[^,\n]{{1,60}}?,|,)?[ \t]+(?:(?:la|el|il|die|der|de)[ \t]+)?(?:{TITLES})?(?P<name>{NAME})",
            re.IGNORECASE,
        ),
    ]


def _case_name(name: str) -> bool:
    # The pattern is case-insensitive for the role; the name must really be capitalised.
    return all(word[0].isupper() or re.fullmatch(PARTICLE, word) for word in name.split())


def _best_name(name: str) -> str | None:
    """The longest tail of `name` that is a person's name ("Gruppe von Frau Xu Yan" -> "Xu Yan")."""
    tokens = name.split()
    for start in range(len(tokens) - 1):
        candidate = strip_titles(" ".join(tokens[start:]))
        if len(candidate.split()) < 2 or re.fullmatch(PARTICLE, candidate.split()[0]):
            continue
        if candidate.split()[0] in LEADING_WORDS:
            continue
        if _case_name(candidate) and plausible_name(candidate):
            # "Gruppe von Zhou Min": a full name after a particle is the name ("von der Leyen"
            # keeps its particle: one word follows it).
            parts = re.split(rf"\s+(?:{PARTICLE}\s+)+", candidate)
            tail = parts[-1]
            if len(parts) > 1 and len(tail.split()) >= 2 and plausible_name(tail):
                return tail
            return candidate
    return None


def people_with_roles(
    text: str, registry: Registry, main: Entry | None, language: str | None, source: str | None
) -> list[Person]:
    """People named with a role word of `language` in `text`."""
    if language not in ROLE_WORDS:
        return []
    found: dict[str, Person] = {}
    for shape in _shapes(language):
        for match in shape.finditer(text):
            name = _best_name(match.group("name").strip())
            role = re.sub(r"\s+", " ", match.group("role")).strip(" ,")
            if name is None or registry.find(name) or name in found:
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
        longer = next((p for p in known if person.name.endswith(" " + p.name)), None)
        if match is None and longer is not None:
            # "Rosa Elena Martínez Cruz" after "Elena Martínez Cruz": the fuller name wins.
            longer.name = person.name
            longer.role = longer.role or person.role
            longer.organisation = longer.organisation or person.organisation
            continue
        if match is None:
            known.append(person)
            by_name[person.name] = person
            continue
        if match.name != person.name:
            match.name = person.name
        match.role = match.role or person.role
        match.organisation = match.organisation or person.organisation
    return known
