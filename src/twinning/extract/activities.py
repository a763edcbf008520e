"""A programme's own activities: "In 2017, the project organised inter-city labs on the theme of
A, B and C" (one activity a theme) and "In 2018, the project focuses on the following
activities: A, B, C" (one activity an item). The organiser is a project named in the sentence
or, failing that, the project the page is about; the year is the sentence's.
"""

from __future__ import annotations

import re

from twinning.extract.records import Event
from twinning.extract.registry import Entry, Registry
from twinning.topics import topics_in_text

YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
ORGANISED = re.compile(
    r"\b(?:organi[sz]ed|held|ran|run|hosted|conducted|launched)\s+(?:(?:various|several|many|some"
    r"|a\s+series\s+of|a\s+number\s+of|two|three|four|five|six|its|their|the|\d+)\s+)?(?P<noun>(?:[\w-]+\s+){0,2}?(?:labs?|trainings?|workshops?|seminars?|courses?|"
    r"exchanges?|study\s+tours?|conferences?))\b(?P<rest>[^.;]*)",
    re.IGNORECASE,
)
THEMES = re.compile(
    r"\bon\s+the\s+(?:theme|topic|subject)s?\s+of\b|\bon\s+the\s+(?:themes?|topics?)\s*:"
    r"|\bin\s+the\s+fields?\s+of\b|\b(?:themes?|topics?)\s*:",
    re.IGNORECASE,
)
FOLLOWING = re.compile(
    r"\b(?:the\s+)?following\s+(?:activities|actions|events|trainings|workshops)\s*:\s*(?P<items>.+)$",
    re.IGNORECASE,
)
ETC = re.compile(r"[\s,]*(?:etc\.?|and\s+so\s+on|and\s+more)\s*\.?\s*$", re.IGNORECASE)


def _items(text: str) -> list[str]:
    """ "A, B (x, y), C and D" split at commas and a last "and", not inside brackets."""
    parts: list[str] = []
    depth, current = 0, ""
    for char in text:
        depth += char in "(（"
        depth -= char in ")）" and depth > 0
        if char in ",;，；、" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    if len(parts) > 1:
        last = re.split(r"\s+and\s+", parts[-1], maxsplit=1)
        parts = [*parts[:-1], *last]
    else:
        parts = re.split(r"\s+and\s+", parts[0])
    cleaned = [ETC.sub("", part).strip(" .:") for part in parts]
    return [part for part in cleaned if 2 < len(part) < 200]


def _is_project(entry: Entry) -> bool:
    organisation = entry.organisation
    return organisation.type == "project" or bool(
        re.search(r"\b(?:Project|Programme|Program)$", organisation.name)
    )


def _organiser(sentence: str, registry: Registry, main: Entry | None) -> Entry | None:
    for _start, _end, entry in registry.mentions(sentence):
        if _is_project(entry):
            return entry
    if main is not None and _is_project(main):
        return main
    return None


def _singular(noun: str) -> str:
    noun = re.sub(r"\s+", " ", noun.strip())
    noun = re.sub(r"(?<=[a-z])s$", "", noun)
    return noun[:1].upper() + noun[1:]


def programme_activities(
    sentences: list[str], registry: Registry, main: Entry | None, source: str | None
) -> list[Event]:
    """The activities the page says a project ran, each with its year and topics."""
    found: list[Event] = []
    for sentence in sentences:
        year = YEAR.search(sentence)
        organiser = _organiser(sentence, registry, main) if year else None
        if organiser is None or year is None:
            continue
        names: list[str] = []
        organised = ORGANISED.search(sentence)
        if organised is not None:
            themes = THEMES.search(organised.group("rest"))
            if themes is not None:
                noun = _singular(organised.group("noun"))
                rest = organised.group("rest")[themes.end() :]
                names = [f"{noun}: {item}" for item in _items(rest)]
        following = FOLLOWING.search(sentence)
        if following is not None:
            items = [
                re.sub(r"^(?:an?|the)\s+", "", item) for item in _items(following.group("items"))
            ]
            names += [item[:1].upper() + item[1:] for item in items]
        for name in names:
            found.append(
                Event(
                    name=name,
                    start=year.group(1),
                    organisers=[organiser.organisation.name],
                    evidence=sentence,
                    source=source,
                    topics=topics_in_text(name)[:4],
                )
            )
    return found
