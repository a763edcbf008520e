"""People in list lines and table rows, any language: `Role: Name`, `Role | Name`,
`Role – Name`, `Name – Role`, `Name, Role`, `Name (Role, Organisation)`, and several items on
one line (`Presidente: A – Vicepresidente: B`, `Vorsitzende: A · Schatzmeisterin: B`).

A role is a cue word of `person_cues.ROLE_CUES` (every language: pages mix them) or a function
label ("Contact", "Intervenant"); a name is two to five capitalised words after its titles.
"""

from __future__ import annotations

import re

from twinning.extract.people import LEADING_NOT_NAME, plausible_name
from twinning.extract.person_cues import (
    NOT_A_NAME,
    ORGANISATION_WORDS,
    PARTICLES,
    has_role_cue,
    is_function_label,
    strip_titles,
)
from twinning.extract.records import Person
from twinning.extract.registry import Entry, Registry

BULLET = re.compile(r"^\s*(?:[•·▪◦*\-–]|\d{1,2}[.)](?=\s+\D))\s*")
ITEM_SPLIT = re.compile(
    r"\s+[·•;]\s+|\s+[–—-]\s+(?=[^–—:|]{1,60}[:：])|;\s+"
    # "… salle Jean-Jaurès. Intervenant : Pr X": a sentence end, not an abbreviation's dot.
    r"|(?<=[a-zà-ÿ]{3})(?<!Prof)(?<!Dott)(?<!Dipl)(?<!tellv)\.\s+(?=[A-ZÀ-Ý])"
)
# "Podium mit Jörg Hellwig (Vorstand, Nachbarschaftsforum) und Xu Qing (Zentrum X)".
NAME_BRACKET = re.compile(
    r"(?<![\w-])(?P<name>[A-ZÀ-Ý][\w'’-]+(?:\s+(?:de|van|von|der|da|di|del|le|la|el)?\s*[A-ZÀ-Ý][\w'’-]+){1,3})"
    r"\s*\((?P<inside>[^()]{2,100})\)"
)
DASH = re.compile(r"\s+[–—-]\s+")
CONTACT_TAIL = re.compile(
    r"\s*(?:[,–—-]\s*)?(?<!\w)(?:Tel\.?|Tél\.?|Phone|Telefon|E-?mail|Mail|via|\+?\d[\d\s/().-]{5,}|"
    r"\S+@\S+).*$",
    re.IGNORECASE,
)
NAME_TOKEN = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’])*(?:-[^\W\d_](?:[^\W\d_]|['’])*)*\.?$")
MAX_LINE = 220
# "Treasurer .......... Ruth Ashdown": a dotted leader stands for a colon.
LEADER = re.compile(r"\s*(?:\.{4,}|…{2,}|_{4,})\s*")
# A line that is only a role ("Schatzmeisterin", "Vicepresidente:") labels the next line.
ROLE_LABEL = re.compile(r"[^\W\d_][\w.'’ -]{1,38}[:：]?")


def person_name(text: str) -> str | None:
    """`text` as a person's name without titles, or None: two to five words, each capitalised
    (particles such as "de", "van", "el" aside), none an organisation, place or role word."""
    name = strip_titles(LEADING_NOT_NAME.sub("", re.sub(r"\s+", " ", text).strip(" ,;:.–—-")))
    name = re.sub(r"\s+(?:\(.*|,.*)$", "", name)
    tokens = name.split()
    if not 2 <= len(tokens) <= 5 or name.lower() in NOT_A_NAME:
        return None
    for position, token in enumerate(tokens):
        if token in PARTICLES and 0 < position < len(tokens) - 1:
            continue
        if not NAME_TOKEN.match(token) or not token[0].isupper():
            return None
        letters = [c for c in token if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            return None  # an acronym ("IBES"), not a name
        if token.endswith(".") and len(letters) > 1:
            return None
        if token.lower() in ORGANISATION_WORDS:
            return None
    if has_role_cue(name) or not plausible_name(name):
        return None
    return name


def _role_text(text: str) -> str | None:
    text = CONTACT_TAIL.sub("", text).strip(" ,;:–—-()")
    return text or None


def _organisation(role: str | None, registry: Registry, main: Entry | None) -> str | None:
    if role:
        mentions = registry.mentions(role)
        if mentions:
            return mentions[-1][2].organisation.name
    return main.organisation.name if main is not None else None


def _split_role(role: str | None, registry: Registry) -> str | None:
    """The role without the organisation named after it ("Sozialdezernentin der Stadt X")."""
    if not role:
        return None
    mentions = registry.mentions(role)
    if mentions and mentions[0][0] > 0:
        role = re.sub(
            r"[\s,]+(?:of|at|for|der|des|du|de la|de l'|de|van|di|del|della|dell'|bei|am)?\s*$",
            "",
            role[: mentions[0][0]],
        )
    return role.strip(" ,") or None


def _from_item(item: str) -> list[tuple[str, str | None]] | None:
    """(name, role text) of each person of one list item, or None."""
    item = item.strip()
    label = re.match(r"^(?P<label>[^:：|]{1,60}?)\s*[:：|]\s*(?P<rest>.+)$", item)
    if label:
        head, rest = label.group("label"), CONTACT_TAIL.sub("", label.group("rest"))
        if is_function_label(head) and len(parts := DASH.split(rest)) > 1:
            # "Contact : Sylvie Marty, déléguée générale – Nadir Belkacem, chargé de mission"
            several = [_from_item(f"{head}: {part}") for part in parts]
            if all(several):
                return [read for reads in several if reads for read in reads]
        if has_role_cue(head) or is_function_label(head):
            first = re.split(r"\s*(?:,|\(|\s[–—-]\s)\s*", rest, maxsplit=1)
            name = person_name(first[0])
            if name:
                extra = rest[len(first[0]) :].strip(" ,()–—-")
                role = head if has_role_cue(head) else (extra or None)
                return [(name, _role_text(role) if role else None)]
        return None
    dashed = DASH.split(item, maxsplit=1)
    if len(dashed) == 2:
        left, right = dashed
        if has_role_cue(left) and (name := person_name(right)):
            return [(name, _role_text(left))]
        if has_role_cue(right) and (name := person_name(left)):
            return [(name, _role_text(right))]
        return None
    bracket = re.match(r"^(?P<name>[^()]{3,60}?)\s*\((?P<inside>[^()]{2,100})\)\s*\.?$", item)
    if bracket and (name := person_name(bracket.group("name"))):
        return [(name, _role_text(bracket.group("inside")))]
    comma = re.match(r"^(?P<name>[^,]{3,60}?),\s*(?P<role>.+)$", item)
    if comma and has_role_cue(comma.group("role")) and (name := person_name(comma.group("name"))):
        return [(name, _role_text(comma.group("role")))]
    return None


def people_in_lines(
    text: str, registry: Registry, main: Entry | None, source: str | None
) -> list[Person]:
    """People of the list-line and table-row shapes in `text`, one line at a time."""
    found: dict[str, Person] = {}
    lines = [LEADER.sub(": ", raw.strip()) for raw in text.split("\n")]
    for index, line in enumerate(lines):
        if not line or len(line) > MAX_LINE:
            continue
        line = BULLET.sub("", line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if (
            len(line) <= 40
            and (is_function_label(line) or ROLE_LABEL.fullmatch(line) and has_role_cue(line))
            and following
            and person_name(re.split(r"\s*[,(]", following, maxsplit=1)[0])
        ):
            # A definition list: "Ansprechperson" / "Jonas Weber, Projektleitung".
            line = f"{line.rstrip(':： ')}: {following}"
        cells = [cell.strip() for cell in line.split(" | ")]
        items: list[str] = []
        if len(cells) == 2 and has_role_cue(cells[0]) and person_name(cells[1]):
            items.append(f"{cells[0]}: {cells[1]}")
        else:
            for cell in cells:
                items.extend(ITEM_SPLIT.split(cell))
        for item in items:
            for name, role in _from_item(item) or ():
                if registry.find(name) or name in found:
                    continue
                organisation = _organisation(role, registry, main)
                found[name] = Person(name, _split_role(role, registry), organisation, line, source)
        for match in NAME_BRACKET.finditer(line):
            bracketed = person_name(match.group("name"))
            inside = match.group("inside")
            if bracketed is None or bracketed in found or registry.find(bracketed):
                continue
            mentions = registry.mentions(inside)
            if has_role_cue(inside.split(",")[0]) or (mentions and mentions[0][0] == 0):
                said = None if mentions and mentions[0][0] == 0 else _role_text(inside)
                organisation = _organisation(inside, registry, main if said else None)
                found[bracketed] = Person(
                    bracketed, _split_role(said, registry), organisation, line, source
                )
    return list(found.values())
