"""The page's own organisation (what an "about us" page is about) and where it sits.

Its name is in the page's title or footer ("Über uns – Umweltforum Freiburg e.V."), else the
first organisation named on a page that speaks of itself ("we", "wir", "nous", 我们). Its
country and city come from an address (a footer line ending in a country, a postcode and a
city) or from a seat phrase (`based in`, `mit Sitz in`, `basée à`, `总部位于`).
"""

from __future__ import annotations

import re

from twinning.extract.cues import BARE_REFERENCE, SELF
from twinning.extract.european import names_in_sentence
from twinning.extract.gazetteer import country_code, find_city, resolve_place
from twinning.extract.names import has_organisation_head, is_title_case
from twinning.extract.registry import Entry, Registry
from twinning.extract.text import has_cjk, name_key

TITLE_SEPARATORS = re.compile(r"\s+[|–—:·•»-]\s+|\s*[|·•»]\s*")
# "based in Falmouth", "mit Sitz in Freiburg", "basée à Lyon", "con sede a Bologna",
# "con sede en Sevilla", "gevestigd in Utrecht", 总部位于昆明市, 位于云南省昆明市.
SEAT = re.compile(
    r"\b(?:based|headquartered|located|registered office) in|\bmit Sitz in|\bSitz in|"
    r"\bans[äa]ssig in|\bbas[ée]e? (?:à|a|en)|\bsitu[ée]e? (?:à|a|en)|\bdont le siège est à|"
    r"\bcon sede (?:a|in|en)|\bha sede (?:a|in)|\btiene su sede en|\bsede en|\bgevestigd (?:in|te)|"
    r"\bfounded in (?:19|20)\d{2} in|\b(?:gegründet|fondée?|fondat[oa]|fundad[oa]|opgericht)"
    r"[^.;]{0,25}?\b(?:19|20)\d{2}\s+(?:in|à|a|en|te)|(?:总部)?位于|(?:总部)?设在|坐落于",
    re.IGNORECASE,
)
PLACE_AFTER = re.compile(r"\s*((?:[A-ZÀ-Ý][\w'’\-]+)(?:[ \-][A-ZÀ-Ý][\w'’\-]+){0,2})")
PLACE_AFTER_ZH = re.compile(r"\s*([\u4e00-\u9fff]{2,12}?(?:市|区|县|省))")


def register_frame(registry: Registry, title: str, language: str | None, footer: str = "") -> None:
    """Organisations named in the page's title ("About us | Harbour Light Trust"): a title part
    with an organisation word, a whole Chinese name (…联盟), or a name the footer repeats."""
    footer_key = f" {name_key(footer)} " if footer else ""
    for part in TITLE_SEPARATORS.split(title):
        part = part.strip()
        if not part or len(part) > 100 or resolve_place(part):
            continue
        if has_cjk(part):
            from twinning.extract.chinese import chinese_organisation_names

            if [name for _position, name in chinese_organisation_names(part)] == [part]:
                registry.add(part, evidence=title, strength=2)
            continue
        if (
            footer_key
            and f" {name_key(part)} " in footer_key
            and 2 <= len(part.split()) <= 6
            and is_title_case(part, 0.6)
            and not re.search(r"\d", part)
        ):
            # The site's own name, in its footer; a head word the footer writes before it
            # ("Associazione Torino Solidale · Via …") belongs to it.
            fuller = re.search(
                r"((?:[A-ZÀ-Ý][\w'’\-]*\s+){1,2})" + re.escape(part) + r"(?![\w])", footer
            )
            head = fuller.group(1) if fuller else ""
            name = head + part if head and has_organisation_head(head.strip()) else part
            registry.add(name, evidence=title, strength=2)
            continue
        if (
            has_organisation_head(part)
            and re.fullmatch(r"[A-Z][\w'’&.\- ]+", part)
            and len(part.split()) >= 2
            and not re.search(r"(?:19|20)\d{2}", part)
            and is_title_case(part, 0.99)
        ):
            registry.add(part, evidence=title, strength=2)
        elif language not in (None, "en", "zh"):
            for _position, name in names_in_sentence(part, language):
                registry.add(name, evidence=title, strength=2)


def framed_subject(registry: Registry, title: str, footer: str) -> Entry | None:
    """The organisation whose name the title (else the footer) carries; the longest wins."""
    for frame in (title, footer):
        if not frame:
            continue
        key = f" {name_key(frame)} "
        named = [
            entry
            for entry in registry.entries
            if any(
                f" {form} " in key
                for form in {name_key(entry.organisation.name)} | entry.aliases
                if len(form) >= 4
            )
        ]
        if named:
            return max(named, key=lambda entry: len(entry.organisation.name))
    return None


def speaking_subject(registry: Registry, text: str) -> Entry | None:
    """On a page that speaks of itself, the first organisation of its opening lines."""
    # "Our team" as a heading says nothing; a sentence of the page's own must.
    prose = "\n".join(line for line in text.split("\n") if len(line.split()) >= 5 or has_cjk(line))
    if not (SELF.search(prose) or BARE_REFERENCE.search(prose)):
        return None
    mentions = registry.mentions(text[:600])
    return mentions[0][2] if mentions else None


def address_place(footer: str) -> tuple[str | None, str | None]:
    """(country, city) of an address: the last country named, and the city after a postcode
    ("79102 Freiburg im Breisgau · Deutschland", "40123 Bologna, Italia")."""
    country: str | None = None
    city: str | None = None
    for part in re.split(r"\s*[·|,;•\n]\s*|\s+[–—-]\s+", footer):
        part = part.strip()
        code = country_code(part)
        if code:
            country = code
            continue
        postcode = re.match(r"^(?:[A-Z]{1,2}-)?\d{4,5}(?:\s?[A-Z]{2})?\s+([A-ZÀ-Ý][\w'’\-]+)", part)
        if postcode and find_city(postcode.group(1)):
            found = find_city(postcode.group(1))
            if found is not None:
                city = city or found.name
                country = country or found.country
    if city and country is None:
        found = find_city(city)
        country = found.country if found else None
    return country, city


def seat_place(sentence: str) -> tuple[str | None, str | None, int] | None:
    """(country, city, position) of a seat phrase in `sentence`, else None."""
    for match in SEAT.finditer(sentence):
        rest = sentence[match.end() :]
        place_match = (PLACE_AFTER_ZH if has_cjk(rest[:3]) else PLACE_AFTER).match(rest)
        if not place_match:
            continue
        words = place_match.group(1)
        place = resolve_place(words) or resolve_place(words.split()[0])
        if place is None and has_cjk(words):
            for size in range(len(words), 1, -1):
                place = resolve_place(words[-size:]) or resolve_place(words[:size])
                if place:
                    break
        if place is not None and place.country:
            return place.country, place.city, match.start()
    return None


def assign_seats(sentence: str, registry: Registry, fallback: Entry | None) -> None:
    """The place of a seat phrase goes to the organisation named before it (else the page's)."""
    seat = seat_place(sentence)
    if seat is None:
        return
    country, city, position = seat
    before = [entry for start, _end, entry in registry.mentions(sentence) if start < position]
    entry = before[-1] if before else fallback
    if entry is not None and entry.organisation.country is None:
        entry.organisation.country = country
        entry.organisation.city = entry.organisation.city or city
