"""Name shapes: capitalised runs, acronyms, organisation head words and role words."""

from __future__ import annotations

import re

CONNECTORS = {
    "of",
    "for",
    "and",
    "&",
    "on",
    "the",
    "de",
    "du",
    "des",
    "la",
    "le",
    "für",
    "der",
    "di",
    "del",
    "van",
    "von",
    "y",
    "i",
    "e",
    "na",
    "dla",
}
ORGANISATION_HEADS = {
    "society", "association", "network", "foundation", "institute", "institution", "center",
    "centre", "university", "college", "academy", "council", "alliance", "league", "federation",
    "organization", "organisation", "commission", "ministry", "bureau", "agency", "group", "club",
    "committee", "consultancy", "consulting", "company", "co.", "ltd", "ltd.", "inc", "inc.",
    "gmbh", "corporation", "bank", "project", "trust", "cooperative", "coalition", "movement",
    "union", "fund", "secretariat", "ngo", "association's", "school", "laboratory", "partners",
    "programme", "observatory", "office", "department", "municipality", "government",
    "volunteers", "collective", "cooperation", "branch", "lab", "labs", "hub",
    # Organisation words of other European languages ("Fundación Mar de Valencia").
    "fundación", "fundació", "fundação", "fondation", "fondazione", "stiftung", "fundacja",
    "stowarzyszenie", "asociación", "associació", "associação", "associazione", "verein",
    "verband", "spolek", "nadace", "sdružení", "egyesület", "federación", "fédération",
}  # fmt: skip
EVENT_HEADS = {
    "forum", "conference", "symposium", "summit", "expo", "exposition", "workshop", "festival",
    "congress", "meeting", "week", "dialogue", "fair", "seminar", "exhibition", "roundtable",
    "convention", "hackathon", "assembly", "webinar", "camp", "day", "days",
}  # fmt: skip
ROLE_WORDS = {
    "secretary", "general", "director", "president", "vice", "chair", "chairman", "chairwoman",
    "chairperson", "head", "manager", "officer", "coordinator", "engineer", "senior", "expert",
    "professor", "deputy", "chief", "executive", "ceo", "founder", "co-founder", "member",
    "representative", "ambassador", "mayor", "minister", "dean", "researcher", "fellow",
    "consultant", "advisor", "adviser", "assistant", "lead", "leader", "spokesperson",
    "director-general", "secretary-general", "treasurer", "trustee", "board", "programme",
    "program", "project", "team", "staff", "volunteer", "intern", "associate", "principal",
}  # fmt: skip
# Section titles that name what follows, not an organisation ("Events of the X Network").
SECTION_WORDS = {
    "events", "news", "partners", "members", "projects", "activities", "publications", "history",
    "team", "staff", "contact", "about", "programmes", "highlights", "reports", "overview", "welcome",
}  # fmt: skip
SENTENCE_STARTERS = {
    "yesterday", "today", "recently", "meanwhile", "since", "in", "on", "at", "as", "for", "with",
    "from", "both", "all", "some", "many", "members", "our", "their", "this", "these", "that",
    "last", "next", "each", "every", "when", "while", "after", "before", "during", "through",
    "together", "and", "but", "also", "dear", "welcome", "about", "partners", "partner",
    "contact", "here", "there", "founded", "established", "registered", "its", "his", "her",
    "representatives", "delegates", "under", "by", "between", "following", "then",
    "later", "a", "an", "it", "they", "we", "he", "she", "if", "so", "not", "led",
}  # fmt: skip
# Capitalised abbreviations that are not organisations.
STOP_ACRONYMS = {
    "CO2", "NGO", "NGOS", "NGOs", "EU", "UN", "USA", "UK", "US", "SDG", "SDGS", "SDGs", "GPP",
    "CSR", "PM", "EE", "RES", "CEO", "MORE", "EN", "KR", "JP", "CN", "FR", "DE", "IT", "FAQ",
    "PDF", "HTML", "GDP", "ICT", "AI", "R&D", "COP", "PR", "PRC", "AM", "ID", "OK", "TV", "II",
    "III", "IV", "VI", "BBC", "CV", "MOU", "MoU", "ZH", "E", "T", "TBC", "TBD", "Q&A", "RSVP",
    "NB", "PS", "DIY", "CC", "BY", "SA", "NC", "URL", "WWW", "HTTP", "HTTPS", "GHG", "LED", "EV",
    "PV", "CHP", "KPI", "ESG", "IPCC", "ODA", "DR", "MR", "MS", "ETC", "HQ", "NA", "N/A", "VS",
}  # fmt: skip
GENERIC_NAMES = {
    "european union", "united nations", "chinese government", "the government", "government",
    "central government", "state council", "sustainable development goals", "belt and road",
}  # fmt: skip

CAP_WORD = (
    r"(?:(?:No|Nr)\.?[ \t]?\d+\b|[A-Z][\w'.©\-]*[\w©]|[A-Z]|\d+(?:st|nd|rd|th)\b"
    r"|\d+[A-Za-z][\w\-]*)"
)
CONNECTOR = r"(?:of|for|and|&|on|the|de|du|des|la|le|für|der|di|del|van|von)"
CAPITALISED_RUN = re.compile(
    r"(?<![\w\-])" + CAP_WORD + r"(?:[ \t]+(?:" + CONNECTOR + r"[ \t]+)*" + CAP_WORD + r")*"
)
ACRONYM = re.compile(r"^(?=[A-Za-z0-9&\-]*[A-Z][A-Za-z0-9&\-]*[A-Z])[A-Z][A-Za-z0-9&\-]{1,14}$")


def is_acronym(token: str) -> bool:
    """An all-capitals token like "CRES", "EC-LINK", "UN-HABITAT" (mostly capitals)."""
    if not ACRONYM.match(token):
        return False
    letters = [ch for ch in token if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    return upper >= 2 and upper >= len(letters) * 0.6


def words(text: str) -> list[str]:
    return re.findall(r"[\w'&.\-©]+", text)


def has_organisation_head(text: str) -> bool:
    """Whether a name carries a capitalised organisation word ("Society", "Network", "Co. Ltd")."""
    for word in words(text):
        bare = word.rstrip(",")
        if bare[:1].isupper() and bare.lower().rstrip("'s") in ORGANISATION_HEADS | {
            "ltd",
            "inc",
            "co",
        }:
            return True
        if bare.lower() in ORGANISATION_HEADS and bare[:1].isupper():
            return True
    return False


def has_event_head(text: str) -> bool:
    return any(
        part.lower().strip("©") in EVENT_HEADS
        for word in words(text)
        for part in word.split("-")
        if part[:1].isupper()
    )


def is_title_case(text: str, threshold: float = 0.6) -> bool:
    """Most content words start with a capital (or the text is Chinese)."""
    content = [w for w in words(text) if w.lower() not in CONNECTORS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    return capitalised / len(content) >= threshold


def initials(name: str) -> str:
    """Capital initials of the significant words: "Chongqing Renewable Energy Society" -> "CRES"."""
    letters = []
    for word in re.split(r"[\s\-/]+", name):
        word = word.strip("()&,.")
        if word and word.lower() not in CONNECTORS:
            letters.append(word[0].upper())
    return "".join(letters)


def acronym_fits(acronym: str, name: str) -> bool:
    """Whether `acronym` plausibly abbreviates `name`: initials contain it, one slip allowed."""
    letters = re.sub(r"[^A-Z]", "", acronym.upper())
    if len(letters) < 2:
        return False
    full = initials(name)
    if letters in full:
        return True
    if len(letters) >= 4:
        for start in range(len(full) - len(letters) + 1):
            window = full[start : start + len(letters)]
            if sum(a != b for a, b in zip(window, letters, strict=True)) <= 1:
                return True
    # Letters in order within the words ("EKOenergy", "CQGVL" for Chongqing Green Volunteer League).
    position = 0
    lowered = name.upper()
    for letter in letters:
        position = lowered.find(letter, position)
        if position < 0:
            return False
        position += 1
    return letters[0] == full[:1] and len(letters) <= len(full) + 2


# "Friedrich-Ebert-Straße 80", "12 rue Lafayette", "Via Roma 5": a street address, not a name.
STREET_ADDRESS = re.compile(
    r"(?:stra(?:ß|ss)e|str\.|platz|weg|allee|gasse|damm|ufer|rue|avenue|boulevard|via|viale|"
    r"piazza|corso|calle|avenida|plaza|paseo|straat|laan|plein|gracht|road|street)\s*\d{1,4}[a-z]?$"
    r"|^\d{1,4}[a-z]?,?\s+(?:rue|avenue|boulevard|via|calle|road|street)\b"
    r"|^(?:via|viale|piazza|corso|calle|avenida|plaza|paseo|rue|avenue)\s.+\s\d{1,4}[a-z]?$",
    re.IGNORECASE,
)
# "Vereinsregister Amtsgericht Dresden VR 1234", "KvK 4512": a register entry, not a name.
REGISTER_LINE = re.compile(
    r"\b(?:Vereinsregister|Handelsregister|Registergericht|Amtsgericht\s+\S+\s+(?:VR|HRB)|"
    r"KvK|RCS|SIRET|Codice\s+fiscale|Partita\s+IVA|CIF)\b"
)


def is_address(text: str) -> bool:
    """A street address ("Rainer-Dierichs-Platz 1") or a register entry, not a name."""
    return bool(STREET_ADDRESS.search(text.strip()) or REGISTER_LINE.search(text))


def is_labelled_person(name: str) -> bool:
    """ "Programme manager: Femke de Graaf": a role, a colon and a person, not a name."""
    label, colon, _rest = name.partition(":")
    return (
        bool(colon)
        and bool(label.split())
        and all(word.lower() in ROLE_WORDS for word in label.split())
    )
