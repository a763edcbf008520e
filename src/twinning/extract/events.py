"""Events: list lines ("World Urban Forum, Nanjing, 2008"), "organised two events: A and B,
in October 2014 in Beijing", prose mentions with a date, and Chinese 论坛/会议 names."""

from __future__ import annotations

import re

from twinning.extract.attributes import subject_of
from twinning.extract.gazetteer import resolve_place
from twinning.extract.names import (
    CAPITALISED_RUN,
    has_event_head,
    has_organisation_head,
    is_acronym,
)
from twinning.extract.records import Event
from twinning.extract.registry import Entry, Registry
from twinning.extract.text import YEAR, Block, find_dates, has_cjk, name_key

ORGANISED_BY = re.compile(
    r"\s*,?\s*\b(?:organi[sz]ed|sponsored|hosted|convened|co-organi[sz]ed|initiated|held)\s+by\s+(?:the\s+)?(?P<organiser>[^,;]+)"
)
YEAR_RANGE = re.compile(
    r"(?<![\d-])(" + YEAR + r")\s*(?:to|-|–|—|until)\s*(" + YEAR + r")(?![\d-])"
)
EVENTS_LIST = re.compile(
    r"\b(?:organi[sz]ed|hosted|held|convened|co-organi[sz]ed|launched|ran)\b[^:]{0,60}\bevents?\s*:\s*(?P<list>.+?)(?:,\s*|\s+)(?=(?:in|on)\s+(?:"
    + r"[A-Z][a-z]+\s+)?(?:\d|"
    + YEAR
    + r"))"
)
ORDINAL_PREFIX = re.compile(r"^(?:\d+(?:st|nd|rd|th)\s+(?:to|-|–)\s+\d+(?:st|nd|rd|th)\s+)")
ZH_EVENT = re.compile(
    r"(?:第[一二三四五六七八九十\d]+届)?[\u4e00-\u9fff\w·“”\"]{2,30}?(?:论坛|峰会|研讨会|博览会|大会|工作坊|交流会|对话会|年会|座谈会|培训班|研修班|训练营|夏令营|冬令营|展览会|沙龙|观鸟节|文化节|艺术节|电影节|音乐节|嘉年华|大赛)"
)
ZH_PLACE = re.compile(
    r"在([\u4e00-\u9fff]{2,6}?)(?:市)?(?:共同|联合|正式|成功|隆重)?(?:举办|举行|召开|开幕)"
)


def _years(text: str) -> list[str]:
    years: list[str] = []
    for match in YEAR_RANGE.finditer(text):
        first, last = int(match.group(1)), int(match.group(2))
        if 0 <= last - first <= 15:
            years.extend(str(year) for year in range(first, last + 1))
    text = YEAR_RANGE.sub(" ", text)
    years.extend(re.findall(r"(?<![\d-])(" + YEAR + r")(?![\d-])", text))
    return years


def _place_in(text: str) -> str | None:
    for match in re.finditer(
        r"(?:\bin\s+|^|,\s*|\(|[·|]\s*)([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)", text
    ):
        candidate = match.group(1)
        for option in (candidate, candidate.split()[0]):
            place = resolve_place(option)
            if place and place.city:
                return place.city
    return None


def _organisers(name: str, registry: Registry) -> tuple[str, list[str]]:
    """Leading organiser acronyms ("UN-HABITAT – ICLEI Nanning Conference") split off the name."""
    organisers: list[str] = []
    while True:
        match = re.match(r"^([A-Z][A-Za-z\-]*[A-Z][A-Za-z\-]*)\s*(?:[–—-]\s+|\s+)(?=[A-Z])", name)
        if not match or not is_acronym(match.group(1)) or not has_event_head(name[match.end() :]):
            break
        organisers.append(registry.add(match.group(1), evidence=name).organisation.name)
        name = name[match.end() :]
    return name.strip(), organisers


def _is_time_or_place(part: str) -> bool:
    """A list part that only says when or where: "2013", "and 2014", "Tianjin 2008", "Zhuhai"."""
    part = re.sub(r"^and\s+", "", part.strip())
    if re.match(r"^" + YEAR, part) or resolve_place(part):
        return True
    place_then_year = re.match(r"^([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)\s+" + YEAR, part)
    return bool(place_then_year and resolve_place(place_then_year.group(1)))


def _strip_tail(name: str) -> str:
    """An event name without its trailing " in Place", dates and year lists."""
    cut = re.search(
        r"\s+(?:in|on)\s+(?="
        + YEAR
        + r"|(?:"
        + "|".join(
            m.capitalize()
            for m in (
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            )
        )
        + r")\b)",
        name,
    )
    if cut:
        name = name[: cut.start()]
    place = re.search(r"\s+in\s+([A-Z][\w\-]+)", name)
    if place and resolve_place(place.group(1)):
        name = name[: place.start()]
    name = re.sub(r"(?:,?\s+(?:and\s+|to\s+)?" + YEAR + r")+\s*$", "", name)
    return name.strip(" ,")


def parse_event_line(line: str, registry: Registry, source: str | None) -> list[Event]:
    """One list line with an event name, places and years; a year or a list of years each give
    an event ("Eco-Forum Global 2010, 2011 in Guiyang")."""
    text = re.sub(r"\s*MORE\s*>>\s*$", "", line).strip(" .;")
    head = re.split(r":\s", text, maxsplit=1)[0]
    if not has_event_head(head) or not re.search(r"(?<![\d-])" + YEAR + r"(?![\d-])", head):
        return []
    organisers: list[str] = []
    by = ORGANISED_BY.search(head)
    if by:
        organiser_text = re.sub(r"\s*\([^)]*\)\s*$", "", by.group("organiser")).strip()
        entry = registry.find(organiser_text) or registry.add(organiser_text, evidence=line)
        organisers.append(entry.organisation.name)
        remainder = head[: by.start()] + head[by.end() :]
    else:
        remainder = head
    remainder = ORDINAL_PREFIX.sub("", remainder)
    parts = [part.strip() for part in re.split(r",\s*", remainder) if part.strip()]
    name_parts = [part for part in parts if not _is_time_or_place(part)]
    if not name_parts:
        return []
    if (
        len(name_parts) >= 2
        and has_event_head(name_parts[1])
        and not _is_time_or_place(name_parts[1])
    ):
        organisers.append(registry.add(name_parts[0], evidence=line).organisation.name)
        name_parts = name_parts[1:]
    name = _strip_tail(name_parts[0])
    name, leading = _organisers(name, registry)
    organisers.extend(leading)
    events: list[Event] = []
    default_place = _place_in(remainder)
    for segment in re.split(r"\s+and\s+(?=[A-Z][\w\-]+,?\s+" + YEAR + r")", remainder):
        segment = segment.strip()
        place = _place_in(segment) or default_place
        precise = [date for _position, date in find_dates(segment) if len(date) > 4]
        for start in precise[:1] or _years(segment):
            events.append(Event(name, start, place, list(dict.fromkeys(organisers)), line, source))
    return events


def events_in_sentence(
    sentence: str, registry: Registry, fallback: Entry | None, source: str | None
) -> list[Event]:
    """ "X organised two events: A and B, in October 2014 in Beijing" and dated prose mentions."""
    events: list[Event] = []
    listed = EVENTS_LIST.search(sentence)
    dates = find_dates(sentence)
    if listed:
        organiser = subject_of(sentence[: listed.start()], registry, fallback)
        rest = sentence[listed.end("list") :]
        rest_dates = find_dates(rest)
        start = rest_dates[0][1] if rest_dates else None
        place = _place_in(rest)
        for name in re.split(r",\s*|\s+and\s+", listed.group("list")):
            name = name.strip()
            if name and name[0].isupper():
                organisers = [organiser.organisation.name] if organiser else []
                events.append(Event(name, start, place, organisers, sentence, source))
        return events
    dates = [
        (position, date)
        for position, date in dates
        if not re.search(r"\b(?:by|until|before|to)\s+$", sentence[max(0, position - 8) : position])
    ]
    if not dates or re.search(r"\b(?:founded|established|registered)\b", sentence, re.IGNORECASE):
        return events
    for match in CAPITALISED_RUN.finditer(sentence):
        run = re.sub(r"^(?:The|At|In|On|During|the)\s+", "", match.group(0))
        if not has_event_head(run) or len(run.split()) < 2 or registry.find(run):
            continue
        if any(run in entry.organisation.name for entry in registry.entries):
            continue  # "the UK China Civil Society Forum" is an organisation
        if has_organisation_head(run.split()[-1]):
            continue
        position = match.start()
        date = min(dates, key=lambda item: abs(item[0] - position))[1]
        name, organisers = _organisers(re.sub(r"\s+" + YEAR + r"$", "", run), registry)
        held_by = re.search(
            r"\b(?:organi[sz]ed|hosted|convened)\s+by\s+", sentence[match.end() : match.end() + 30]
        )
        if held_by:
            mentions = registry.mentions(sentence[match.end() + held_by.end() :])
            if mentions:
                organisers.append(mentions[0][2].organisation.name)
        events.append(
            Event(name, date, _place_in(sentence[match.end() :]), organisers, sentence, source)
        )
    return events


def chinese_events(sentence: str, registry: Registry, source: str | None) -> list[Event]:
    events: list[Event] = []
    dates = find_dates(sentence)
    if not dates:
        return events
    for match in ZH_EVENT.finditer(sentence):
        name = re.sub(r"^.*(?:举办|举行|召开|参加|出席|了|的|在)", "", match.group(0)).strip('“”"')
        if len(name) < 4:
            continue
        name_start = match.end() - len(name)
        place_match = ZH_PLACE.search(sentence)
        place = resolve_place(place_match.group(1)) if place_match else None
        mentions = registry.mentions(sentence[:name_start])
        organisers = (
            [mentions[0][2].organisation.name]
            if mentions and re.search(r"(?:举办|主办|举行|召开)", sentence)
            else []
        )
        events.append(
            Event(name, dates[0][1], place.city if place else None, organisers, sentence, source)
        )
    return events


def dedupe(events: list[Event]) -> list[Event]:
    """Same name and a compatible start ("2014" and "2014-10") are one event; undated repeats go."""
    kept: list[Event] = []

    def bare(name: str) -> str:
        return re.sub(r"(?: " + YEAR + r")+$", "", name_key(name))

    for event in events:
        key = bare(event.name)
        duplicate = None
        for known in kept:
            if bare(known.name) != key:
                continue
            if (
                event.start is None
                or known.start is None
                or event.start.startswith(known.start)
                or known.start.startswith(event.start)
            ):
                duplicate = known
                break
        if duplicate is None:
            kept.append(event)
            continue
        if event.start and (duplicate.start is None or len(event.start) > len(duplicate.start)):
            duplicate.start = event.start
        duplicate.place = duplicate.place or event.place
        duplicate.organisers.extend(o for o in event.organisers if o not in duplicate.organisers)
    return kept


ORGANISER_LINE = re.compile(
    r"^(?:(?:Co-)?[Oo]rgani[sz]ed|[Hh]osted|[Cc]onvened|[Ss]ponsored)\s+by\s+|(?:主办单位|主办方|主办|承办单位)\s*[:：]\s*"
)


def heading_with_date(
    blocks: list[Block], position: int, registry: Registry, source: str | None
) -> Event | None:
    """A programme entry: an event name as a heading, then a line that starts with its date
    ("12–14 March 2019, Berlin", "2019年10月，昆明"), maybe then "Organised by …"."""
    block = blocks[position]
    if position + 1 >= len(blocks) or not block.is_heading or len(block.text) > 120:
        return None
    chinese = has_cjk(block.text)
    if chinese:
        if not re.search(ZH_EVENT.pattern + r"$", block.text):
            return None
    elif not has_event_head(block.text) or re.search(YEAR, block.text) or registry.find(block.text):
        return None
    following = blocks[position + 1].text
    dates = find_dates(following)
    if (not dates or dates[0][0] > 6) and position > 0:
        # An events calendar: the date line comes first ("3-5 Nov 2022 · Ningbo, China").
        previous = blocks[position - 1].text
        dates = find_dates(previous)
        if dates and dates[0][0] <= 12 and len(previous) <= 80:
            following = previous
        else:
            return None
    if not dates:
        return None
    # "Posted 2 June 2021" under a news title is when the page was published.
    if re.match(r"\s*(?:Posted|Published|Updated|Last updated|Written|Date)\b", following, re.I):
        return None
    place = _place_in(following)
    if place is None:
        after_date = re.search(r"(?:月|日|\d{4})\s*[,，·|]\s*([\u4e00-\u9fff]{2,6})", following)
        if after_date and resolve_place(after_date.group(1)):
            place = after_date.group(1)
    organisers: list[str] = []
    lines = [following] + ([blocks[position + 2].text] if position + 2 < len(blocks) else [])
    for line in lines:
        for piece in re.split(r"\s(?=主办)", line):
            by = ORGANISER_LINE.search(piece)
            if by:
                organisers.extend(
                    entry.organisation.name
                    for _start, _end, entry in registry.mentions(piece[by.end() :])
                )
    return Event(
        block.text.strip(), dates[0][1], place, list(dict.fromkeys(organisers)), following, source
    )


def events_in_blocks(
    blocks: list[Block], registry: Registry, fallback: Entry | None, source: str | None
) -> list[Event]:
    events: list[Event] = []
    for position, block in enumerate(blocks):
        programme_entry = heading_with_date(blocks, position, registry, source)
        if programme_entry is not None:
            events.append(programme_entry)
            continue
        if block.is_bullet or block.is_heading:
            line_events = parse_event_line(block.text, registry, source)
            if line_events:
                events.extend(line_events)
                continue
            head = re.split(r":\s", block.text, maxsplit=1)
            if (
                block.is_bullet
                and len(head) == 2
                and has_event_head(head[0])
                and len(head[0].split()) <= 12
            ):
                events.append(Event(head[0].strip(), None, None, [], block.text, source))
                continue
        for sentence in block.sentences:
            if re.search(r"[\u4e00-\u9fff]", sentence):
                events.extend(chinese_events(sentence, registry, source))
            else:
                events.extend(events_in_sentence(sentence, registry, fallback, source))
    return dedupe(events)
