"""Events read from the structure of a page, any language: one event per list item, table row
or title/date pair, with no need for an event word in the name.

Shapes: `DATE – Name, Place` and `Name – DATE, Place` list items; `DATE | Name | Place |
Organiser` rows; a title line with a date line under it (`Winter meet-up` / `Sat 17 Jan 2026 ·
Glasgow`) or above it (`März 2019` / `Chinesischer Kochkurs – Volkshochschule`); a `Datum`
label under a page title. Items count inside an events section (a heading such as "Events",
"Termine", "Agenda", "Prossimi eventi", "近期活动") or in a run of two or more dated items.
"""

from __future__ import annotations

import re
from collections import Counter

from twinning.extract.chinese import SUFFIXES
from twinning.extract.gatherings import TIME_OF_DAY, WEEKDAY_ABBREVIATIONS, WEEKDAYS, is_event_word
from twinning.extract.gazetteer import resolve_place
from twinning.extract.names import SECTION_WORDS, has_event_head, has_organisation_head
from twinning.extract.records import Event
from twinning.extract.registry import Registry
from twinning.extract.text import MONTHS, find_dates, has_cjk

EVENT_SECTION = re.compile(
    r"^(?:(?:upcoming|past|recent|next|our|forthcoming)\s+)?(?:events?|what'?s on|coming up|"
    r"calendar|agenda|programme of events|termine|veranstaltungen|vorschau|nächste termine|"
    r"nächster termin|calendrier|prochains? (?:rendez-vous|événements)|événements|à venir|"
    r"eventi|prossimi eventi|appuntamenti|calendario|próximas actividades|actividades|"
    r"agenda cultural|evenementen|activiteiten|近期活动|活动预告|活动|活动日程|日程安排|"
    r"近期活動|活動)\s*[:：]?$",
    re.IGNORECASE,
)
OTHER_SECTION = re.compile(
    r"^(?:news|latest news|nieuws|actualités|actualites|noticias|notizie|aktuelles|neuigkeiten|"
    r"新闻|新闻动态|contact|kontakt|contacto|contatti|about us|über uns|qui sommes-nous\s*\??|"
    r"chi siamo|quiénes somos|over ons|board|vorstand|bestuur|le bureau|team|our people|"
    r"members|mitglieder|partners|partner|partenaires|soci|socios|leden|programm|program|"
    r"programme)\s*[:：]?$",
    re.IGNORECASE,
)
DATE_LABEL = re.compile(
    r"^(?:datum|date|dates|wann|quand|quando|fecha|data|wanneer|时间|日期|termin|when)\s*[:：]?$",
    re.I,
)
# A date label and its date on one line, under an event's title ("时间：2025年3月15日").
INLINE_DATE_LABEL = re.compile(
    r"^(?:datum|date|dates|wann|quand|quando|fecha|data|wanneer|时间|時間|日期|termin|when)"
    r"\s*[:：]\s*(?=\S)",
    re.I,
)
YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# Words that may stand in a date phrase besides its numbers.
DATE_WORDS = (
    frozenset(MONTHS)
    | WEEKDAYS
    | WEEKDAY_ABBREVIATIONS
    | frozenset(
        [
            "spring",
            "summer",
            "autumn",
            "fall",
            "winter",
            "frühjahr",
            "frühling",
            "sommer",
            "herbst",
            "printemps",
            "été",
            "automne",
            "hiver",
            "primavera",
            "estate",
            "autunno",
            "inverno",
            "verano",
            "otoño",
            "invierno",
            "voorjaar",
            "zomer",
            "najaar",
            "quarter",
            "trimestre",
            "quartal",
            "kwartaal",
            "q",
            "st",
            "nd",
            "rd",
            "th",
            "er",
            "e",
            "o",
            "a",
            "am",
            "pm",
            "h",
            "uhr",
            "ore",
            "hrs",
            "ab",
            "from",
            "to",
            "until",
            "du",
            "au",
            "del",
            "al",
            "dal",
            "vom",
            "bis",
            "bis",
            "zum",
            "et",
            "and",
            "y",
            "e",
            "und",
            "en",
            "de",
            "di",
            "le",
            "the",
            "of",
            "on",
            "ab",
            "tbc",
            "tba",
            "date",
            "dates",
            "tbd",
            "sept",
        ]
    )
)
# An event named in lower case in a list item starts with one of these ("launch of the …").
LOWER_EVENT_STARTS = frozenset(
    [
        "launch",
        "opening",
        "closing",
        "lancement",
        "inauguration",
        "inaugurazione",
        "presentazione",
        "presentación",
        "presentation",
        "eröffnung",
        "vorstellung",
        "start",
        "kick-off",
    ]
)
# "Prochain rendez-vous : …", "Next event: …": a label that announces one event.
EVENT_LABEL = re.compile(
    r"^(?:next event|upcoming event|save the date|nächster termin|nächste veranstaltung|"
    r"prochain rendez-vous|prochain événement|prossimo appuntamento|prossimo evento|"
    r"próxima cita|próxima actividad|próximo evento|volgende activiteit|volgend evenement|"
    r"下期活动|活动预告)\s*[:：]\s*",
    re.IGNORECASE,
)
# A quoted title after an event word: «Porti e memoria», „Jugend auf der Straße“, “…论坛”.
QUOTED = re.compile(r"[«\"„“《]\s*(?P<title>[^«»\"“”„《》]{3,90}?)\s*[»\"“”》]")
ZH_EVENT_END = r"(?:论坛|峰会|研讨会|会议|大会|展|展览|节|交流会|对话会|年会|座谈会|培训班|训练营|夏令营|沙龙|大赛|课堂|典礼)$"
SEPARATOR = re.compile(r"\s+[–—-]\s+|\s*[–—]\s*|\s*:\s+|\s*\|\s*")
PLACE_CUT = re.compile(r"\s*(?:[,·;|（(]|\s[–—-]\s)\s*")
TAIL = re.compile(r"\s*[（(][^()（）]*[)）]\s*$")
MAX_ITEM = 160


def date_only(text: str, year: str | None = None) -> str | None:
    """The start date when `text` says nothing but a date ("Sat 17 Jan 2026, 11am–3pm"), else None;
    a day and month without a year ("Sa., 15. Februar") take the page's `year` when given."""
    text = re.sub(r"[（(][^()（）]*[)）]", " ", text)
    text = TIME_OF_DAY.sub(" ", text).strip(" ,.;:–—-·")
    dates = find_dates(text)
    if not dates and year and not has_cjk(text) and not YEAR_IN.search(text):
        dates = find_dates(f"{text} {year}")
    if not dates or len(text) > 60:
        return None
    if has_cjk(text):
        rest = re.sub(r"[\d年月日至到—–\-~～号號季度春夏秋冬第一二三四上下半旬初底中\s]", "", text)
        return dates[0][1] if not rest else None
    words = re.findall(r"[^\W\d_]+", text.lower())
    if all(word in DATE_WORDS or len(word) <= 2 for word in words):
        return dates[0][1]
    return None


def _name(text: str) -> str:
    name = TAIL.sub("", text.strip(" •*·-–—.;:"))
    return name.strip(" \"'«»“”„").strip()


def _plausible(name: str, registry: Registry | None = None) -> bool:
    """A short name that is no date, section title, weekday, place or known organisation."""
    if not name or len(name) > 90 or len(name.split()) > 12 or date_only(name):
        return False
    lowered = name.lower().strip(" :：.,")
    if len(re.findall(r"[^\W\d_]", name)) < 3:
        return False
    if (
        lowered in DATE_WORDS
        or lowered in SECTION_WORDS
        or OTHER_SECTION.match(name)
        or EVENT_SECTION.match(name)
        or DATE_LABEL.match(name)
        or re.search(r"(?:时间|日期|地点|新闻|动态)$", name)
        or resolve_place(name) is not None
    ):
        return False
    if registry is not None and (registry.find(name) or has_organisation_head(name)):
        return False
    if has_cjk(name) and re.sub(r"[（(].*$", "", name).endswith(SUFFIXES + ("部", "实验室")):
        return False
    if re.match(r"^(?:Stichting|Buurthuis|Atelier|Taller|Fundación|Associazione|Verein)\b", name):
        return False
    if re.search(r"[.!?]\s+\S", name) or name.endswith(("?", "!")):
        return False
    first = name.lstrip("\"'«»“”„")[:1]
    lower_ok = len(name.split()) >= 2 and name.split()[0].lower() in LOWER_EVENT_STARTS
    return has_cjk(name) or first.isupper() or first.isdigit() or lower_ok


def _place(text: str) -> str | None:
    for part in PLACE_CUT.split(text):
        part = part.strip(" .")
        if not part or len(part) > 40:
            continue
        for option in (part, part.split()[-1] if part.split() else ""):
            place = resolve_place(option)
            if place is not None and place.city:
                return option
    return None


def _item(line: str, year: str | None = None) -> tuple[str, str, str | None] | None:
    """(name, start, place) of a `DATE – Name, Place` or `Name – DATE, Place` item."""
    line = TIME_OF_DAY.sub("", line)  # "za 8 maart 2025, 14.00–17.00 uur — …": no "17"
    parts = SEPARATOR.split(line, maxsplit=1)
    if len(parts) == 2:
        left, right = parts
        start = date_only(left, year)
        if start:
            name_part = PLACE_CUT.split(right, maxsplit=1)[0]
            if ":" in right.split(",")[0] and len(right.split(",")[0]) <= 90:
                name_part = right.split(",")[0]
            return _name(name_part), start, _place(right[len(name_part) :])
        head = PLACE_CUT.split(right, maxsplit=1)
        start = date_only(head[0]) or date_only(re.split(r",\s*(?=[^\d\s])", right)[0])
        if start:
            return _name(left), start, _place(right)
    # "2024年3月12日 社区花园开放日（我会主办）", "Spring Picnic, spring 2022, High Park".
    chinese = re.match(r"^([\d年月日至—–\-季度春夏秋冬第一二三四]+)\s*(.+)$", line)
    if chinese and has_cjk(line) and date_only(chinese.group(1)):
        return _name(chinese.group(2)), str(date_only(chinese.group(1))), None
    label = EVENT_LABEL.match(line)
    if label:
        rest = re.sub(
            r"^(?:les?|la|l'|die|der|das|il|lo|el|los|las|de|het|the)\s+", "", line[label.end() :]
        )
        pieces = [piece.strip() for piece in rest.split(",")]
        for index, piece in enumerate(pieces[1:], start=1):
            start = date_only(piece)
            if start:
                return (
                    _name(", ".join(pieces[:index])),
                    start,
                    _place(", ".join(pieces[index + 1 :])),
                )
    pieces = [piece.strip() for piece in line.split(",")]
    if len(pieces) >= 2 and (start := date_only(pieces[1])):
        return _name(pieces[0]), start, _place(", ".join(pieces[2:]))
    return None


def _name_then_date(line: str) -> tuple[str, str, str | None] | None:
    """ "Freiburger Klimatag am 14. März 2020 im Rathaus Freiburg": the name before the date."""
    dates = find_dates(line)
    if not dates or dates[0][0] < 4:
        return None
    head = line[: dates[0][0]]
    head = re.sub(
        r"(?:[\s,(–—-]+(?:am|on|le|il|el|op|den|the|vom|from|du|dal|del|de|ab|sa|so|mo|di|mi|do|"
        r"fr|sat|sun|mon|tue|wed|thu|fri|samedi|dimanche|sabato|domenica|sábado|domingo|"
        r"zaterdag|zondag|samstag|sonntag)\.?)+[\s,]*$|[\s,:–—-]+$",
        "",
        head,
        flags=re.IGNORECASE,
    )
    words = head.split()
    # A title, not a clause: a few words, the last one capitalised ("Freiburger Klimatag").
    if len(head) < 3 or len(words) > 6 or not words[-1][:1].isupper() or len(line) > 120:
        return None
    return _name(head), dates[0][1], _place(line[dates[0][0] :])


def quoted_events(
    text: str, registry: Registry, language: str | None, source: str | None
) -> list[Event]:
    """A quoted title right after an event word in a dated sentence: `il convegno «Porti e
    memoria», il 18 novembre 2025`, `Fachtag „Jugend …“ am 7. Oktober`, `举办“中法…圆桌会议”`."""
    events: list[Event] = []
    for sentence in re.split(r"(?<=[.!?。！？])\s+|\n", text):
        dates = find_dates(sentence)
        if not dates or len(sentence) > 600:
            continue
        for match in QUOTED.finditer(sentence):
            title = match.group("title").strip()
            before = sentence[max(0, match.start() - 30) : match.start()]
            words = re.findall(r"[\w'’-]+", before)
            cue = bool(words) and (
                is_event_word(words[-1], language or "") or has_event_head(words[-1].capitalize())
            )
            if has_cjk(title):
                cue = cue or re.search(ZH_EVENT_END, title) is not None
            if not cue or registry.find(title) or len(title.split()) > 14:
                continue
            position = min(dates, key=lambda item: abs(item[0] - match.end()))
            place = _place(sentence[match.end() :])
            events.append(Event(title, position[1], place, [], sentence, source))
    return events


def _row(
    cells: list[str], header: list[str] | None, registry: Registry, year: str | None = None
) -> tuple[str, str, str | None, str] | None:
    """(name, start, place, organisers text) of a table row with a date cell."""
    dated = [index for index, cell in enumerate(cells) if date_only(cell, year)]
    if not dated:
        return None
    rest = [index for index in range(len(cells)) if index not in dated and cells[index].strip()]
    if not rest:
        return None
    name_index = rest[0]
    place_index = rest[1] if len(rest) > 1 else None
    organiser_index = rest[2] if len(rest) > 2 else None
    if header is not None and len(header) == len(cells):
        for index, title in enumerate(header):
            lowered = title.lower()
            if re.search(
                r"event|活动|名称|veranstaltung|évén|evento|actividad|titel|title", lowered
            ):
                name_index = index
            elif re.search(r"venue|place|地点|ort|lieu|luogo|lugar|plaats|where", lowered):
                place_index = index
            elif re.search(r"organi|主办|veranstalter|host|a cura", lowered):
                organiser_index = index
    start = date_only(cells[dated[0]], year)
    name = _name(cells[name_index])
    if not start or not _plausible(name, registry):
        return None
    place = _place(cells[place_index]) if place_index is not None else None
    organisers = cells[organiser_index] if organiser_index is not None else ""
    return name, start, place, organisers


def page_year(text: str) -> str | None:
    """The year a page's dates are in: the one most of its years are, when it is written at
    least twice and no other year is as frequent; else None."""
    counts = Counter(YEAR_IN.findall(text))
    if not counts:
        return None
    (best, count), *rest = counts.most_common(2) + [("", 0)]
    return best if count >= 2 and count > rest[0][1] else None


def events_from_structure(text: str, registry: Registry, source: str | None) -> list[Event]:
    """Events of the item, row and title/date shapes in `text` (see the module docstring)."""
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    year = page_year(text)
    events: list[Event] = []
    in_events = False
    header: list[str] | None = None
    candidates: list[tuple[bool, Event]] = []
    used: set[int] = set()
    for index, line in enumerate(lines):
        if index in used:
            continue
        bare = re.sub(r"^\s*(?:[•·▪◦*\-–]|\d{1,2}[.)](?=\s+\D))\s*", "", line)
        if EVENT_SECTION.match(bare) or (
            len(bare) <= 40
            and not bare.endswith(".")
            and EVENT_SECTION.match(
                re.split(r"\s+(?:im|in|de|del|du|di|of|en|›|>|/)\s+|\s+\d", bare)[0]
            )
        ):
            in_events = True
            continue
        if OTHER_SECTION.match(bare):
            in_events = False
            continue
        if " | " in line:
            cells = [cell.strip() for cell in line.split(" | ")]
            row = _row(cells, header, registry, year)
            if row is None:
                header = cells if not any(date_only(c) for c in cells) else header
                continue
            name, start, place, organiser_text = row
            organisers = [
                entry.organisation.name for _s, _e, entry in registry.mentions(organiser_text)
            ]
            dated_header = header is not None and any(DATE_LABEL.match(c) for c in header)
            event = Event(name, start, place, organisers, line, source)
            candidates.append((in_events or dated_header, event))
            continue
        header = None
        if len(bare) > MAX_ITEM:
            # "12 November 2025 – Launch of the tandem. At the launch, …": the first sentence.
            bare = re.split(r"(?<=[a-zà-ÿ)])\.\s+(?=[A-ZÀ-Ý])", bare, maxsplit=1)[0]
            if len(bare) > MAX_ITEM:
                continue
        is_item = bare != line
        labelled = EVENT_LABEL.match(bare) is not None
        found = (
            _item(bare, year if in_events else None) if (is_item or in_events or labelled) else None
        )
        if found is None and in_events:
            found = _name_then_date(bare)
        if found is not None and _plausible(found[0], registry):
            name, start, place = found
            candidates.append((in_events or labelled, Event(name, start, place, [], line, source)))
            continue
        if index + 1 >= len(lines):
            continue
        following, step = lines[index + 1], 1
        inline = INLINE_DATE_LABEL.match(following)
        if DATE_LABEL.match(following) and index + 2 < len(lines):
            following, step = lines[index + 2], 2
        elif inline:
            following = following[inline.end() :]  # "时间：2025年3月15日（周六）14:00"
        elif not in_events:
            continue  # outside an events section only a "Datum" label pairs a title with a date
        dated = date_only(re.split(r"\s*[·|]\s*", following, maxsplit=1)[0]) or date_only(
            re.split(r"\s*[·|,]\s*|\s+[–—-]\s+", following, maxsplit=1)[0]
        )
        checked = registry if step == 2 or inline else None
        if dated and _plausible(bare, checked) and not date_only(bare):
            name = _name(bare)
            candidates.append((True, Event(name, dated, _place(following), [], following, source)))
            used.update(range(index + 1, index + step + 1))
            continue
        # A date line above its title: "März 2019" / "Chinesischer Kochkurs – Volkshochschule".
        dated = date_only(bare)
        if step == 1 and dated and not date_only(following) and len(following) <= MAX_ITEM:
            name = _name(re.split(r"\s+[–—-]\s+|\.\s|,\s", following, maxsplit=1)[0])
            if _plausible(name, registry):
                candidates.append((True, Event(name, dated, _place(following), [], line, source)))
                used.add(index + 1)
    # Outside an events section, items count only in a run of two or more; a bare year there
    # (a member list's "since 2003") needs an event word in the name.
    loose = [event for inside, event in candidates if not inside]
    precise = sum(1 for event in loose if len(event.start or "") > 4)
    for inside, event in candidates:
        if inside or (
            len(loose) >= 2
            and (len(event.start or "") > 4 or has_event_head(event.name) or precise >= 2)
        ):
            events.append(event)
    return events
