"""The declarative cue table for people, one row per language: role words, function labels
("Contact", "Pressekontakt", "Intervenant") and titles that are dropped from names.

German and Dutch compound their roles ("Sozialdezernentin", "locoburgemeester"): a word that
ends in a role word of those languages is a role. Read by `people_lines.py` and `roles.py`.
"""

from __future__ import annotations

import re

from twinning.extract.names import ROLE_WORDS as ENGLISH_ROLE_WORDS

ROLE_CUES: dict[str, tuple[str, ...]] = {
    "en": tuple(sorted(ENGLISH_ROLE_WORDS - {"member", "team", "staff", "board", "programme",
                                              "program", "project", "general", "senior", "vice",
                                              "lead", "volunteer"}))
    + ("councillor", "secretary", "trustees", "editor", "curator", "interpreter", "writer",
       "communications", "administration", "finance", "vice-chair", "vice-president"),
    "de": ("vorsitzende", "vorsitzender", "präsident", "präsidentin", "geschäftsführer",
           "geschäftsführerin", "schatzmeister", "schatzmeisterin", "kassier", "kassierin",
           "kassenwart", "kassenwartin", "schriftführer", "schriftführerin", "sekretär",
           "sekretärin", "leiter", "leiterin", "direktor", "direktorin", "bürgermeister",
           "bürgermeisterin", "sprecher", "sprecherin", "koordinator", "koordinatorin",
           "referent", "referentin", "beisitzer", "beisitzerin", "obmann", "obfrau",
           "dezernent", "dezernentin", "dolmetscher", "dolmetscherin", "vorstand",
           "öffentlichkeitsarbeit", "professor", "professorin", "beauftragte", "beauftragter",
           "rektor", "rektorin", "landrat", "landrätin", "stadtrat", "stadträtin", "konsul",
           "konsulin", "botschafter", "botschafterin", "stellv.", "stellvertretende",
           "stellvertretender"),
    "fr": ("président", "présidente", "vice-président", "vice-présidente", "directeur",
           "directrice", "secrétaire", "trésorier", "trésorière", "maire", "adjoint",
           "adjointe", "coordinateur", "coordinatrice", "coordonnateur", "coordonnatrice",
           "chargé", "chargée", "responsable", "déléguée", "délégué", "intervenant",
           "intervenante", "conseiller", "conseillère", "professeur", "professeure",
           "consul", "ambassadeur", "ambassadrice", "fondateur", "fondatrice"),
    "nl": ("voorzitter", "vicevoorzitter", "secretaris", "penningmeester", "directeur",
           "burgemeester", "wethouder", "coördinator", "bestuurslid", "projectleider",
           "bestuurder", "verpleegkundige", "beleidsmedewerker", "medewerker", "tolk",
           "hoofd", "adviseur", "gedeputeerde", "hoogleraar", "oprichter", "woordvoerder",
           "consul", "ambassadeur"),
    "it": ("presidente", "vicepresidente", "segretario", "segretaria", "segreteria", "professor",
           "tesoriere", "direttore", "direttrice", "sindaco", "sindaca", "assessore",
           "assessora", "coordinatore", "coordinatrice", "responsabile", "vicesindaco",
           "professore", "professoressa", "scrittrice", "scrittore", "console", "ambasciatore",
           "fondatore", "fondatrice", "consigliere", "consigliera", "portavoce"),
    "es": ("presidente", "presidenta", "vicepresidente", "vicepresidenta", "secretario",
           "secretaria", "tesorero", "tesorera", "director", "directora", "alcalde",
           "alcaldesa", "vicealcalde", "vicealcaldesa", "teniente de alcalde", "concejal",
           "concejala", "coordinador", "coordinadora", "responsable", "vocal",
           "comunicación", "administración", "cónsul", "embajador", "embajadora",
           "fundador", "fundadora", "profesor", "profesora", "portavoz"),
}  # fmt: skip
COMPOUNDING = frozenset({"de", "nl"})
# Labels of a line that names a person without being a role: "Contact presse : Camille Fabre".
FUNCTION_LABELS = frozenset(
    {
        "contact", "contacts", "contact presse", "press contact", "media contact", "kontakt",
        "pressekontakt", "ansprechpartner", "ansprechpartnerin", "rückfragehinweis",
        "rückfragen", "begrüßung", "grußwort", "moderation", "moderator", "moderatorin",
        "speaker", "speakers", "welcome", "chair", "host", "intervenants", "interviennent",
        "animé par", "contacto", "contatto", "contatti", "relatore", "relatrice", "relatori",
        "intervengono", "ponente", "ponentes", "modera", "contactpersoon", "spreker",
        "sprekers", "informatie", "联系人", "ansprechperson", "kontaktperson", "contact person",
        "personne de contact", "interlocuteur", "interlocutrice", "persona di contatto",
        "referente", "persona de contacto", "aanspreekpunt", "联络人",
    }
)  # fmt: skip
# Titles and degrees before a name, any language; several may follow each other ("Prof. Dr.").
TITLE_WORDS = (
    r"Mr|Ms|Mrs|Miss|Dr|Prof|Professor|Pr|Mx|Sir|Madam|Mme|Mlle|M|Herr|Frau|Mag|Ing|Dipl|"
    r"Dipl\.-Ing|Prof\.ssa|Dott\.ssa|Dott|Sig\.ra|Sig|Rag|Avv|Arch|Mtra|Mtro|Lic|Dra|Sra|Sr|Srta|"
    r"Dña|Don|Doña|Dhr|dhr|Mevr|mevr|Mw|mw|ir|drs|dr|mr|ing|prof|Councillor|Cllr|Monsieur|Madame|"
    r"Signora|Signor|señora|señor|Señora|Señor|la señora|el señor|la signora|il signor"
)
TITLE = re.compile(r"^(?:(?:" + TITLE_WORDS + r")\.?\s+)+")
PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "del", "la", "le", "du", "ter", "ten", "y",
     "el", "dos", "das", "zu", "bin", "al"}
)  # fmt: skip
# Words that head an organisation's name in the seven languages: no person's name has them.
ORGANISATION_WORDS = frozenset(
    [
        "stichting",
        "vereniging",
        "verein",
        "stiftung",
        "gesellschaft",
        "association",
        "associazione",
        "asociación",
        "asociacion",
        "fundación",
        "fundacion",
        "fondazione",
        "fondation",
        "comité",
        "comitato",
        "gemeente",
        "stadt",
        "ville",
        "città",
        "ciudad",
        "ayuntamiento",
        "comune",
        "gemeinde",
        "netzwerk",
        "netwerk",
        "réseau",
        "rete",
        "red",
        "forum",
        "foro",
        "federation",
        "fédération",
        "federazione",
        "federación",
        "bund",
        "club",
        "institut",
        "instituto",
        "istituto",
        "centre",
        "centro",
        "zentrum",
        "centrum",
        "cooperativa",
        "coopérative",
        "genossenschaft",
    ]
)
NOT_A_NAME = frozenset({"vacature", "vacancy", "vacant", "vacante", "n.n.", "nn", "tbc", "tba"})


_SINGLE = frozenset(cue.strip(".") for cues in ROLE_CUES.values() for cue in cues if " " not in cue)
_MULTI = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        sorted({re.escape(c) for cues in ROLE_CUES.values() for c in cues if " " in c}, key=len)[
            ::-1
        ]
    )
    + r")(?!\w)"
)
_COMPOUND = re.compile(
    r"[\w-](?:"
    + "|".join(
        sorted(
            {re.escape(c) for language in COMPOUNDING for c in ROLE_CUES[language] if len(c) >= 5},
            key=len,
        )[::-1]
    )
    + r")$"
)


def has_role_cue(text: str) -> bool:
    """True when `text` holds a role word of any language (a compound one in German or Dutch)."""
    lowered = text.lower()
    if _MULTI.search(lowered):
        return True
    for word in re.findall(r"[\w.\-]+", lowered):
        bare = word.strip(".-")
        if bare in _SINGLE or _COMPOUND.search(bare):
            return True
    return False


def is_function_label(text: str) -> bool:
    """True for "Contact", "Pressekontakt", "Intervenant" and their kin."""
    return re.sub(r"\s+", " ", text.strip(" :：").lower()) in FUNCTION_LABELS


def strip_titles(name: str) -> str:
    """`name` without the titles and degrees before it ("Prof. Dr. Henning Lüders")."""
    return TITLE.sub("", name.strip()).strip()
