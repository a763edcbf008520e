"""People: names after a title (Mr., Ms., Dr.), "Role Name" and "Name, Role of Org" phrases,
authors ("report by A and B"), and Chinese "秘书长马丁平"; titles are dropped from names."""

from __future__ import annotations

import re

from twinning.extract.gazetteer import country_code, demonym_code, find_city
from twinning.extract.names import (
    EVENT_HEADS,
    ORGANISATION_HEADS,
    ROLE_WORDS,
    has_organisation_head,
)
from twinning.extract.people_zh import chinese_people
from twinning.extract.records import Person
from twinning.extract.registry import Registry
from twinning.extract.text import MONTHS, has_cjk, name_key

TITLES = r"(?:Mr|Ms|Mrs|Miss|Dr|Prof|Professor|Mx|Sir|Madam|Mme|Councillor|Cllr|M)\.?"

# Words that name a group or qualify a role but are no role on their own ("team", "senior").
NOT_ROLES_ALONE = frozenset(
    {
        "member",
        "team",
        "staff",
        "board",
        "programme",
        "program",
        "project",
        "general",
        "senior",
        "vice",
        "lead",
    }
)

# Latin letters with diacritics count ("Zieliński", "Müller", "Dvořák").
UPPER = r"[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ]"
LOWER = r"[a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž]"
# "Okonjo-Whitfield", "McLeod", "N'Diaye": hyphens join parts, Mc/Mac/O'/N' prefix a capital.
NAME_WORD = (
    r"(?:Mc|Mac|O['’]|N['’]|D['’])?"
    + UPPER
    + r"(?:"
    + LOWER
    + r"|['’])+(?:-"
    + UPPER
    + r"?(?:"
    + LOWER
    + r"|['’])+)*"
)
PERSON_NAME = NAME_WORD + r"(?:\s+(?:van\s+der\s+|van\s+|de\s+|von\s+)?" + NAME_WORD + r"){0,3}"
TITLED = re.compile(r"\b(?:" + TITLES + r"\s+)+(?P<name>" + PERSON_NAME + r")")
# Words before a name that are no part of it: "Contact Ines Vandermeulen, programme manager".
LEADING_NOT_NAME = re.compile(
    r"^(?:Contact|Contacts|Kontakt|Contacto|Contatto|Questions|Intervengono|Interviennent|"
    r"Intervienen|Mit|With|Avec|Con)\s+"
)
ROLE_PHRASE = (
    r"(?:[A-Z][\w\-]*\s+){0,4}(?:Officer|Director|Manager|Coordinator|President|Chair|Chairman|"
    r"Chairwoman|Chairperson|Secretary[- ]General|Director[- ]General|Head|CEO|Founder|Co-founder|"
    r"Professor|Mayor|Minister|Dean|Representative|Ambassador|Leader|Spokesperson|Treasurer)"
)
ROLE_BEFORE = re.compile(
    r"(?P<role>"
    + ROLE_PHRASE
    + r")\s+(?P<name>"
    + NAME_WORD
    + r"(?:\s+"
    + NAME_WORD
    + r"){1,2})(?=\s*(?:[.,;:)]|$|\s+(?:and|said|says|from|of|at|who|has|will|is|was)\b))"
)
NAME_THEN_ROLE = re.compile(
    r"(?:^|(?<=[,;:(]\s)|(?<=\band\s)|(?<=\bby\s)|(?<=\bsaid\s)|(?<=\bsays\s))(?P<name>"
    + NAME_WORD
    + r"(?:\s+"
    + NAME_WORD
    + r"){1,2}),\s+(?P<role>(?:the\s+)?(?:[A-Z][\w\-]*\s+){0,4}(?:"
    + "|".join(sorted(w.capitalize() for w in ROLE_WORDS))
    + r")\b|(?:the\s+)?(?:[a-z][\w\-]*\s+){0,2}(?:"
    + "|".join(sorted(ROLE_WORDS - NOT_ROLES_ALONE))
    + r")\b(?=\s+(?:of|at)\b|\s*,))"
)
# "Director: Marta Sousa", "Volunteer coordinator: João Pereira" (a line of a team list).
ROLE_COLON = re.compile(
    r"^(?P<role>(?:[A-Z][\w\-]*\s+){0,2}(?:[a-z][\w\-]*\s+)?(?:"
    + "|".join(sorted(w.capitalize() for w in ROLE_WORDS) + sorted(ROLE_WORDS))
    + r"))\s*:\s*(?:"
    + TITLES
    + r"\s+)?(?P<name>"
    + NAME_WORD
    + r"(?:\s+"
    + NAME_WORD
    + r"){1,2})\s*$"
)
# "Dr Katalin Szabó (Chair)" and "Prof. Wang Lihua (Xiamen University)" as a line of a list.
NAME_BRACKET = re.compile(
    r"^(?:"
    + TITLES
    + r"\s+)?(?P<name>"
    + NAME_WORD
    + r"(?:\s+"
    + NAME_WORD
    + r"){1,2})\s*\((?P<inside>[^()]{2,60})\)\s*$"
)
AUTHORS = re.compile(
    r"\b(?:reports?|articles?|study|studies|papers?|books?|presentations?|photos?|interviews?|story|stories|blog|text|written|authored|edited)\b[^.]{0,60}?\bby\s+(?P<names>"
    + PERSON_NAME
    + r"(?:\s*(?:,|and|&)\s*"
    + PERSON_NAME
    + r")*)"
)
# "Our president, Magdalena Nowak," / "Its vice-president, Mr. Sun Hao, will": a lower-case role
# after a possessive, then the name; "its" is the organisation named just before.
POSSESSIVE_ROLE = re.compile(
    r"\b(?P<owner>[Oo]ur|[Ii]ts|[Tt]heir)\s+(?P<role>(?:[a-z]+[\s\-]+){0,2}(?:"
    + "|".join(
        sorted(ROLE_WORDS - {"member", "team", "staff", "board", "programme", "program", "project"})
    )
    + r"))\s*,\s+(?:"
    + TITLES
    + r"\s+)?(?P<name>"
    + PERSON_NAME
    + r")(?=\s*[,.;]|\s+(?:said|says|is|was|has|will)\b)"
)
# "programme officer Helga Brunner", "led by its deputy director Li Na": a lower-case role
# right before a name.
LOWER_ROLE_BEFORE = re.compile(
    r"(?<![\w\-])(?P<role>(?:(?!(?:to|its|the|our|their|his|her|an?|by|with|and|of|for|at|in|on|"
    r"as|was|is|new)\b)[a-z][\w\-]*\s+){0,2}(?:"
    + "|".join(
        sorted(
            ROLE_WORDS
            - NOT_ROLES_ALONE
            - {
                "volunteer",
                "intern",
                "associate",
                "principal",
                "fellow",
                "expert",
                "representative",
            }
        )
    )
    + r"))\s+(?P<name>"
    + NAME_WORD
    + r"(?:\s+"
    + NAME_WORD
    + r"){1,2})(?=\s*(?:[.,;:)]|$|\s+(?:and|said|says|from|of|at|who|has|will|is|was)\b))"
)
# "the network's chair, Mette Sørensen,": a role after an organisation word with 's.
NOUN_POSSESSIVE_ROLE = re.compile(
    r"\b[Tt]he\s+(?P<owner>[a-z]+(?:\s+[a-z]+)?)['’]s\s+(?P<role>(?:[a-z]+[\s\-]+){0,2}(?:"
    + "|".join(sorted(ROLE_WORDS - {"member", "team", "staff", "board", "programme", "program"}))
    + r"))\s*,\s+(?:"
    + TITLES
    + r"\s+)?(?P<name>"
    + PERSON_NAME
    + r")(?=\s*[,.;]|\s+(?:said|says|is|was|has|will)\b)"
)
# "says Ioana Popescu, who founded …": a speaker named after said/says.
SPEAKER = re.compile(
    r"\b(?:said|says|added|adds|explained|explains|according to)\s+(?P<name>"
    + NAME_WORD
    + r"(?:\s+"
    + NAME_WORD
    + r"){1,2})(?=\s*[,.;]|\s+(?:who|of|from|at)\b)"
)
# "chaired by Ruth Okonjo", "signed by Aoife Brennan, the cooperative's secretary".
BY_PERSON = re.compile(
    r"\b(?:chaired|led|headed|signed|welcomed|opened|presented|moderated|introduced|hosted)\s+by\s+"
    r"(?:" + TITLES + r"\s+)*(?P<name>" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){1,2})"
    r"(?=\s*[,.;]|\s+and\b|$)"
)
# "Liu Jianping, who chairs the Changsha society": the organisation of the clause.
WHO_LEADS = re.compile(
    r"(?:^|(?<=[.;,]\s))(?P<name>" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){1,2}),\s+who\s+"
    r"(?:has\s+|had\s+)?(?:chairs|chaired|heads|headed|leads|led|directs|directed|runs|ran|"
    r"founded|co-founded|coordinates|coordinated|manages|managed)\b"
)
# "Mihaela Stan of the Romanian Federation of Food Banks": a name, then "of" a known name.
NAME_OF = re.compile(
    r"(?:^|(?<=\s))(?P<name>"
    + NAME_WORD
    + r"(?:\s+"
    + NAME_WORD
    + r"){1,2})\s+(?:of|from)\s+(?:the\s+)?"
)
# Full month names only: "Jan" and "Mar" are given names too.
NOT_NAME_WORDS = {m.capitalize() for m in MONTHS if len(m) > 4 or m == "june"} | {
    "The", "This", "That", "Our", "We", "They", "His", "Her", "China", "Europe", "European",
    "Chinese", "International", "National", "Global", "Green", "Climate", "Energy", "Urban",
    "Environmental", "University", "Department", "Group", "Relations", "Exchange", "Programme",
    "Project", "Network", "Twinning", "Partner", "Partners", "Meanwhile", "However", "Zero",
    "Waste", "Water", "Eco", "Sustainable", "Development", "Public", "Affairs", "Office",
}  # fmt: skip


def plausible_name(name: str) -> bool:
    """Two to four name-like words, none of them an organisation, place or common title word."""
    tokens = name.split()
    if not 1 <= len(tokens) <= 4:
        return False
    for token in tokens:
        bare = token.strip(".,")
        if bare in NOT_NAME_WORDS or bare.lower() in ORGANISATION_HEADS | EVENT_HEADS | ROLE_WORDS:
            return False
        city = find_city(bare, min_population=2_000_000) if len(tokens) > 1 else None
        # "Siân" folds to "Xi'an": only the city's own spelling is a place.
        if city is not None and name_key(city.name).replace(" ", "") != name_key(bare):
            city = None
        if demonym_code(bare) or country_code(bare) or city is not None:
            return False
    return not has_organisation_head(name)


def _organisation_after(text: str, registry: Registry) -> tuple[str | None, str | None]:
    """Role and organisation from the words after a name: ", Role of Org", " from Org", "(Org)"."""
    role: str | None = None
    organisation: str | None = None
    paren = re.match(r"\s*\(([^)]{2,120})\)", text)
    if paren:
        body = paren.group(1)
        mentions = registry.mentions(body)
        if mentions:
            start, _end, entry = mentions[0]
            # "(Director, Brno Centre …)": a role before the organisation.
            role_text = re.sub(
                r"[\s,]*(?:of|at|for|with|from|in)?\s*(?:the\s+)?$", "", body[:start]
            ).strip(" ,")
            return _role(role_text), entry.organisation.name
        if "," in body:
            role_text, organisation_text = (part.strip() for part in body.split(",", 1))
            if any(word.lower() in ROLE_WORDS for word in role_text.split()):
                return _role(role_text), organisation_text
        return None, body.strip()
    source = re.match(r"\s+(?:from|of|at|with)\s+(?:the\s+)?(.{2,120})", text)
    if source:
        mentions = registry.mentions(source.group(1))
        if mentions and mentions[0][0] == 0:
            return None, mentions[0][2].organisation.name
        return None, None
    clause = re.match(
        r",\s+(?:the\s+)?([^,;.()]{2,140}?)(?=,\s*(?:Mr|Ms|Mrs|Dr|Prof|and)\b|[,;.(]|\s+(?:were|was|who|said|says|has|will)\s|$)",
        text,
    )
    if clause and not re.match(TITLES + r"\s", clause.group(1)):
        body = _latin_part(clause.group(1).strip())
        mentions = registry.mentions(body)
        if mentions:
            start, _end, entry = mentions[-1]
            organisation = entry.organisation.name
            role_text = re.sub(
                r"\s+(?:of|at|for|with|from|in)\s+(?:the\s+)?$", "", body[:start]
            ).strip(" ,")
            role = _role(role_text) if role_text else None
        elif (
            body[:1].isupper()
            and len(body.split()) <= 8
            and any(word.lower() in ROLE_WORDS for word in body.split())
        ):
            role = body
            # "Ms. X, Coordinator, Mekong Rivers Network": the organisation after the role.
            following = text[clause.end() :]
            after = re.match(r",\s*(?:the\s+)?", following)
            mentions = registry.mentions(following[after.end() :]) if after else []
            if mentions and mentions[0][0] == 0:
                organisation = mentions[0][2].organisation.name
    return role, organisation


def _latin_part(text: str) -> str:
    """The Latin-script part of a bilingual phrase ("Coordinator 协调员" -> "Coordinator")."""
    if re.search(r"[A-Za-z]", text) and re.search(r"[\u4e00-\u9fff]", text):
        text = re.sub(r"\s*[\u4e00-\u9fff][\u4e00-\u9fff\s·]*", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _role(text: str) -> str | None:
    """A role as the document writes it, first letter capitalised ("treasurer" -> "Treasurer")."""
    text = _latin_part(text).strip(" ,")
    if text.islower():
        text = re.sub(
            r"(?:^|(?<=[\s\-]))(?!(?:of|for|and|the|in)\b)([a-z])",
            lambda m: m.group(1).upper(),
            text,
        )
    return text or None


def find_people(
    sentences: list[str], registry: Registry, source: str | None, fallback: str | None = None
) -> list[Person]:
    """People named in `sentences`; a role without an organisation falls back to `fallback`,
    the organisation the document is about."""
    people: list[Person] = []
    seen: dict[str, Person] = {}

    def add(name: str, role: str | None, organisation: str | None, sentence: str) -> None:
        name = re.sub(r"^(?:" + TITLES + r"\s+)+", "", LEADING_NOT_NAME.sub("", name.strip()))
        if len(name.split()) < 2 and not re.search(r"[\u4e00-\u9fff]", name):
            return
        key = name_key(name)
        tokens = set(key.split())
        if key in seen:
            known = seen[key]
            known.role = known.role or role
            known.organisation = known.organisation or organisation
            return
        # "Ms. Ruan" after "Ms. Xiaocun Ruan": the same person, mentioned again.
        if len(tokens) == 1 and any(tokens <= set(other.split()) for other in seen):
            return
        person = Person(name, role, organisation, sentence, source)
        seen[key] = person
        people.append(person)

    previous_subject: str | None = None
    for sentence in sentences:
        line = ROLE_COLON.match(sentence.strip())
        if line and plausible_name(line.group("name")):
            add(line.group("name"), _role(line.group("role")), fallback, sentence)
        line = NAME_BRACKET.match(sentence.strip())
        if line and plausible_name(line.group("name")):
            inside = line.group("inside").strip()
            inside_mentions = registry.mentions(inside)
            if inside_mentions:
                add(line.group("name"), None, inside_mentions[0][2].organisation.name, sentence)
            elif set(inside.lower().replace("-", " ").split()) & ROLE_WORDS:
                add(line.group("name"), _role(inside), fallback, sentence)
        for match in TITLED.finditer(sentence):
            name = match.group("name")
            if not plausible_name(name):
                continue
            role, organisation = _organisation_after(sentence[match.end() :], registry)
            add(name, role, organisation, sentence)
        for match in ROLE_BEFORE.finditer(sentence):
            name = match.group("name")
            if re.search(TITLES + r"\s+$", sentence[: match.start("name")]) or not plausible_name(
                name
            ):
                continue
            role = re.sub(r"^(?:Our|The|Their|Its)\s+", "", match.group("role"))
            role_mentions = registry.mentions(role)
            organisation = role_mentions[0][2].organisation.name if role_mentions else None
            if organisation is None:
                _ignored, organisation = _organisation_after(sentence[match.end() :], registry)
            add(name, role, organisation or fallback, sentence)
        for match in NAME_THEN_ROLE.finditer(sentence):
            name = match.group("name")
            if not plausible_name(name) or re.search(
                TITLES + r"\s+$", sentence[: match.start("name")]
            ):
                continue
            role, organisation = _organisation_after(sentence[match.end("name") :], registry)
            add(name, role, organisation or (fallback if role else None), sentence)
        for match in AUTHORS.finditer(sentence):
            for name in re.split(r"\s*(?:,|\band\b|&)\s*", match.group("names")):
                if name and len(name.split()) >= 2 and plausible_name(name):
                    add(name, None, None, sentence)
        if has_cjk(sentence):
            chinese_people(sentence, registry, fallback, add)
        for match in POSSESSIVE_ROLE.finditer(sentence):
            name = match.group("name")
            if not plausible_name(name):
                continue
            before = registry.mentions(sentence[: match.start()])
            if match.group("owner").lower() == "our":
                organisation = fallback
            elif before:
                organisation = before[-1][2].organisation.name
            else:
                organisation = previous_subject or fallback
            add(name, _role(match.group("role")), organisation, sentence)
        for match in LOWER_ROLE_BEFORE.finditer(sentence):
            name = match.group("name")
            if not plausible_name(name) or any(
                name in entry.organisation.name for entry in registry.entries
            ):
                continue
            before = registry.mentions(sentence[: match.start()])
            organisation = None
            if re.match(r"\s*\(|\s+(?:of|from|at)\b", sentence[match.end() :]):
                _ignored, organisation = _organisation_after(sentence[match.end() :], registry)
            if organisation is None and before:
                organisation = before[-1][2].organisation.name
            add(name, _role(match.group("role")), organisation or fallback, sentence)
        for match in NOUN_POSSESSIVE_ROLE.finditer(sentence):
            name = match.group("name")
            if not plausible_name(name):
                continue
            owner = match.group("owner").split()[-1]
            known = [
                entry.organisation.name
                for entry in registry.entries
                if owner in entry.organisation.name.lower().split()
            ]
            before = registry.mentions(sentence[: match.start()])
            organisation = (
                known[0]
                if len(known) == 1
                else before[-1][2].organisation.name
                if before
                else previous_subject or fallback
            )
            add(name, _role(match.group("role")), organisation, sentence)
        for match in SPEAKER.finditer(sentence):
            name = match.group("name")
            if plausible_name(name) and not any(
                name in entry.organisation.name for entry in registry.entries
            ):
                who = re.match(r"\s*,\s+who\b[^.;]*", sentence[match.end() :])
                if who:
                    # "says X, who founded the Y in 2013": the organisation of the clause.
                    clause_mentions = registry.mentions(who.group(0))
                    role = None
                    organisation = (
                        clause_mentions[0][2].organisation.name if clause_mentions else None
                    )
                else:
                    role, organisation = _organisation_after(sentence[match.end() :], registry)
                add(name, role, organisation, sentence)
        for pattern in (BY_PERSON, WHO_LEADS):
            for match in pattern.finditer(sentence):
                name = match.group("name")
                if not plausible_name(name) or any(
                    name in entry.organisation.name for entry in registry.entries
                ):
                    continue
                clause = sentence[match.end() : match.end() + 120]
                mentions = registry.mentions(clause)
                organisation = mentions[0][2].organisation.name if mentions else fallback
                add(name, None, organisation, sentence)
        for match in NAME_OF.finditer(sentence):
            name = match.group("name")
            after = registry.mentions(sentence[match.end() : match.end() + 150])
            if (
                after
                and after[0][0] == 0
                and plausible_name(name)
                and not any(name in entry.organisation.name for entry in registry.entries)
                and not registry.mentions(name)
            ):
                add(name, None, after[0][2].organisation.name, sentence)
        mentions = registry.mentions(sentence)
        if mentions:
            previous_subject = mentions[0][2].organisation.name
    return people
