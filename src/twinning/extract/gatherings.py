"""Events in German, French, Dutch, Italian and Spanish pages (English and Chinese are read by
`events.py`): a table of event words per language and two shapes.

A list line that pairs a name with a date (`Jahresversammlung – 14.03.2024, Basel`, `Semana de
las Ciudades Hermanas: del 5 al 9 de mayo de 2025, en Logroño`, `Été 2022 : Chantier
international de jeunes à Vila Real`), and a sentence naming an event word with a date
(`organizziamo la Settimana della cultura cinese … dal 12 al 18 ottobre 2019`). The start is
the first day written; the place the first city after the date.
"""

from __future__ import annotations

import re

from twinning.extract.european import lower_tail
from twinning.extract.gazetteer import resolve_place
from twinning.extract.records import Event
from twinning.extract.registry import Registry
from twinning.extract.text import find_dates, name_key

EVENT_WORDS: dict[str, tuple[str, ...]] = {
    "de": ("fest", "feier", "versammlung", "konferenz", "kongress", "tagung", "forum", "woche",
           "messe", "ausstellung", "konzert", "festival", "workshop", "seminar", "markt",
           "gipfel", "treffen", "begegnung", "klimatag", "aktionstag", "tag"),
    "fr": ("fête", "festival", "forum", "conférence", "congrès", "colloque", "semaine",
           "journée", "journées", "salon", "rencontre", "rencontres", "chantier", "séminaire",
           "atelier", "exposition", "concert", "sommet", "marché"),
    "nl": ("feest", "festival", "forum", "conferentie", "congres", "week", "dag", "beurs",
           "tentoonstelling", "concert", "bijeenkomst", "markt", "symposium", "workshop"),
    "it": ("festa", "festival", "forum", "conferenza", "convegno", "congresso", "settimana",
           "giornata", "giornate", "fiera", "mostra", "concerto", "seminario", "incontro",
           "vertice", "rassegna"),
    "es": ("fiesta", "festival", "foro", "conferencia", "congreso", "semana", "jornada",
           "jornadas", "feria", "exposición", "concierto", "seminario", "encuentro", "cumbre",
           "taller"),
}  # fmt: skip
COMPOUNDING = {"de", "nl"}
# The one weekday list of the extractor (event_lists.py reads it too), seven languages.
WEEKDAYS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "lunedì",
        "martedì",
        "mercoledì",
        "giovedì",
        "venerdì",
        "sabato",
        "domenica",
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
    ]
)
WEEKDAY_ABBREVIATIONS = frozenset(
    [
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "mo",
        "di",
        "mi",
        "do",
        "fr",
        "sa",
        "so",
        "lun",
        "mar",
        "mer",
        "jeu",
        "ven",
        "sam",
        "dim",
    ]
)
HOLIDAY = "feiertag"
# A time of day in a date phrase ("14.00–17.00 uur", "19:30 Uhr", "14:00"), not "20.09.2025".
TIME_OF_DAY = re.compile(
    r"(?<![\d.])\d{1,2}[:.：]\d{2}(?:\s*[–—-]\s*\d{1,2}[:.：]\d{2})?(?![\d.])"
    r"(?:\s*(?:uur|uhr|h|am|pm|heures|ore|horas)\b)?"
    r"|(?<![\d.])\d{1,2}(?:\s*[–—-]\s*\d{1,2})?\s*(?:Uhr|uur|heures)\b",  # "17 Uhr", "10–16 uur"
    re.I,
)
# A sentence about a founding names an organisation, not an event ("Das Forum wurde 2001 …").
FOUNDED = re.compile(
    r"\b(?:gegründet|founded|established|fondée?s?|fondata|fondato|fundada|fundado|opgericht|"
    r"costituita|créée?)\b",
    re.IGNORECASE,
)
SEPARATOR = re.compile(r"\s*(?:[:–—]|\s-\s)\s*")
ARTICLE = re.compile(
    r"^(?:(?:die|der|das|den|dem|le|la|les|l'|il|lo|el|los|las|de|het|un|une|una|ein|eine|"
    r"unser\w*|notre|nostra|nuestra|onze|our)\s+|l')",
    re.IGNORECASE,
)


def is_event_word(word: str, language: str) -> bool:
    lowered = word.lower().strip("\"'“”„«»")
    words = EVENT_WORDS.get(language, ())
    if lowered in words:
        return True
    return language in COMPOUNDING and any(
        lowered.endswith(ending) and len(lowered) > len(ending) + 2 for ending in words
    )


def _has_event_word(name: str, language: str) -> bool:
    return any(is_event_word(word, language) for word in re.findall(r"[\w'’\-]+", name))


def _place_after(text: str) -> str | None:
    for match in re.finditer(r"(?<![\w'’-])[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)?", text):
        place = resolve_place(match.group(0)) or resolve_place(match.group(0).split()[0])
        if place is not None and place.city:
            return match.group(0) if resolve_place(match.group(0)) else match.group(0).split()[0]
    return None


def _clean(name: str) -> str:
    name = ARTICLE.sub("", name.strip(" •-*·\t")).strip()
    # "Partnerschaftsfest in Memmingen": the place is the event's place, not its name.
    trailing = re.search(r"\s+(?:in|à|a|en|im|te|ad)\s+([A-ZÀ-Ý][\w'’\-]+)$", name)
    if trailing and resolve_place(trailing.group(1)):
        name = name[: trailing.start()]
    return re.sub(r"\s*\((?:archiv\w*|archive|pdf)\)\s*$", "", name, flags=re.IGNORECASE).strip()


def events_in_lines(
    text: str, language: str | None, source: str | None, registry: Registry | None = None
) -> list[Event]:
    """Events of the list-line and sentence shapes in a document of `language`; a name that
    is part of an organisation of `registry` ("das Umweltforum Freiburg e.V.") is none."""
    if language not in EVENT_WORDS:
        return []
    found: list[Event] = []
    for raw in text.split("\n"):
        line = raw.strip().lstrip("•-*· ").strip()
        if not line or len(line) > 400:
            continue
        parts = SEPARATOR.split(TIME_OF_DAY.sub("", line), maxsplit=1)
        event: Event | None = None
        if len(parts) == 2:
            left, right = parts
            dates_right, dates_left = find_dates(right), find_dates(left)
            if dates_right and dates_right[0][0] <= 20 and _has_event_word(left, language):
                event = Event(
                    _clean(left), dates_right[0][1], _place_after(right), [], line, source
                )
            elif dates_left and _has_event_word(right, language):
                cut = (
                    r"[.(]"
                    if re.search(r"[\"„“«]", right)
                    else (r"\s+(?:à|a|in|en|im|te|ad)\s+(?=[A-ZÀ-Ý])|[.(]")
                )
                name = re.split(cut, right)[0]
                event = Event(_clean(name), dates_left[0][1], _place_after(right), [], line, source)
        if event is None:
            event = _event_in_sentence(line, language, source, registry)
        if event is not None and 2 <= len(event.name) <= 90 and len(event.name.split()) <= 10:
            found.append(event)
    return found


def _event_in_sentence(
    line: str, language: str, source: str | None, registry: Registry | None = None
) -> Event | None:
    dates = find_dates(line)
    if not dates:
        return None
    if FOUNDED.search(line):
        return None
    for match in re.finditer(r"(?<![\w'’-])[A-ZÀ-Ý][\w'’\-]*", line):
        word = match.group(0)
        if not is_event_word(word, language):
            continue
        start = match.start()
        # Capitalised words right before ("Chinesisches Neujahrsfest", "Freiburger Klimatag").
        before = line[:start]
        adjectives = re.search(r"((?:[A-ZÀ-Ý][\w'’\-]*\s+){1,2})$", before)
        if adjectives and not re.search(r"[.:!?]\s*$", before[: adjectives.start()] or "."):
            start = adjectives.start()
        end = match.end()
        quoted = re.match(r"\s*[\"„“«]([^\"“”»]{2,60})[\"“”»]", line[end:])
        if quoted:
            end += quoted.end()
        name = line[start:end]
        if language in ("fr", "it", "es"):
            name += lower_tail(line, end)
        name = _clean(re.split(r":", name)[0])
        if len(name.split()) == 1 and name.lower() in EVENT_WORDS[language]:
            continue
        # Weekdays end in "tag"/"dag"; "Der Fachtag fragt" refers back to an event named before.
        if (
            name.lower() in WEEKDAYS
            or name.lower() == HOLIDAY
            or (len(name.split()) == 1 and ARTICLE.match(line[max(0, start - 5) : start].lstrip()))
        ):
            continue
        if registry is not None and any(
            name in entry.organisation.name for entry in registry.entries
        ):
            continue
        position = min(dates, key=lambda item: abs(item[0] - end))
        return Event(name, position[1], _place_after(line[end:]), [], line, source)
    return None


def merge_events(known: list[Event], found: list[Event], fuller: bool = False) -> list[Event]:
    """`found` added to `known` unless an event of the same name is known; a known one of the
    same year gains the place and the finer start it lacked (and, with `fuller`, the longer
    name: "Sommerfest" → "Sommerfest der Partnerschaft" from a list line)."""
    keys = {name_key(event.name) for event in known}
    for event in found:
        key = name_key(event.name)
        same = [
            other
            for other in known
            if name_key(other.name) and (key in name_key(other.name) or name_key(other.name) in key)
        ]
        for other in same:
            if (other.start or "")[:4] == (event.start or "")[:4]:
                extra = key.replace(name_key(other.name), " ").strip()
                if (
                    fuller
                    and extra
                    and "," not in event.name
                    and resolve_place(extra) is None
                    and not re.search(r"\d", extra)
                ):
                    other.name = event.name
                other.place = other.place or event.place
                if event.start and len(event.start) > len(other.start or ""):
                    other.start = event.start
        if key and not any(key in other or other in key for other in keys if other):
            known.append(event)
            keys.add(key)
    return known
