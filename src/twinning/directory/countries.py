"""ISO 3166-1 countries: typed names resolved to codes, names and choices in the user's language.

`resolve_country` is the one place where text a person or a document wrote ("China", "中国",
"UK", "deu") becomes an alpha-2 code; forms, the API, imports and extraction all call it.
"""

from __future__ import annotations

import gettext
import unicodedata
from functools import cache

import pycountry
from django.utils.translation import get_language
from pypinyin import lazy_pinyin

# Short Chinese names where pycountry's translation is the long official form
# (大韩民国, 摩尔多瓦共和国) or not the usage of programmes (中国台湾, 中国香港).
SHORT_CHINESE_NAMES = {
    "CN": "中国",
    "FR": "法国",
    "DE": "德国",
    "IT": "意大利",
    "FI": "芬兰",
    "SI": "斯洛文尼亚",
    "BE": "比利时",
    "NL": "荷兰",
    "GB": "英国",
    "ES": "西班牙",
    "PT": "葡萄牙",
    "SE": "瑞典",
    "DK": "丹麦",
    "NO": "挪威",
    "PL": "波兰",
    "AT": "奥地利",
    "CH": "瑞士",
    "CZ": "捷克",
    "HU": "匈牙利",
    "GR": "希腊",
    "IE": "爱尔兰",
    "RO": "罗马尼亚",
    "BG": "保加利亚",
    "HR": "克罗地亚",
    "EE": "爱沙尼亚",
    "LV": "拉脱维亚",
    "LT": "立陶宛",
    "SK": "斯洛伐克",
    "LU": "卢森堡",
    "TH": "泰国",
    "JP": "日本",
    "KR": "韩国",
    "KP": "朝鲜",
    "MN": "蒙古",
    "MY": "马来西亚",
    "SG": "新加坡",
    "US": "美国",
    "IN": "印度",
    "ID": "印度尼西亚",
    "VN": "越南",
    "HK": "中国香港",
    "MO": "中国澳门",
    "TW": "中国台湾",
    "RU": "俄罗斯",
    "MD": "摩尔多瓦",
    "BO": "玻利维亚",
    "VE": "委内瑞拉",
    "IR": "伊朗",
    "SY": "叙利亚",
    "LA": "老挝",
    "TZ": "坦桑尼亚",
}

# Names people write that ISO 3166 does not list (lower-case, accents removed).
ALIASES = {
    "uk": "GB",
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "usa": "US",
    "u.s.a.": "US",
    "u.s.": "US",
    "america": "US",
    "united states of america": "US",
    "holland": "NL",
    "the netherlands": "NL",
    "czech republic": "CZ",
    "korea": "KR",
    "republic of korea": "KR",
    "russia": "RU",
    "turkey": "TR",
    "ivory coast": "CI",
    "macau": "MO",
    "prc": "CN",
    "people's republic of china": "CN",
    "mainland china": "CN",
    "deutschland": "DE",
    "italia": "IT",
    "espana": "ES",
    "suisse": "CH",
    "schweiz": "CH",
    "osterreich": "AT",
    "polska": "PL",
    "slovenija": "SI",
    "suomi": "FI",
    "hellas": "GR",
    "中华人民共和国": "CN",
    "中國": "CN",
    "大陆": "CN",
    "英國": "GB",
    "德國": "DE",
    "法國": "FR",
    "美國": "US",
    "台湾": "TW",
    "香港": "HK",
    "澳门": "MO",
}


class UnknownCountry(ValueError):
    """Text that names no ISO 3166-1 country."""


@cache
def _chinese_catalogue() -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True
    )


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@cache
def _name_index() -> dict[str, str]:
    """Every name we accept (folded) → alpha-2: codes, English names, Chinese names, aliases."""
    index: dict[str, str] = {}
    catalogue = _chinese_catalogue()
    for record in pycountry.countries:
        code = record.alpha_2
        names = [record.alpha_2, record.alpha_3, record.name]
        for attribute in ("common_name", "official_name"):
            value = getattr(record, attribute, None)
            if value:
                names.append(value)
                names.append(catalogue.gettext(value))
        names.append(catalogue.gettext(record.name))
        for name in names:
            index.setdefault(_fold(name), code)
    for code, name in SHORT_CHINESE_NAMES.items():
        index[_fold(name)] = code
    for alias, code in ALIASES.items():
        if code:
            index[_fold(alias)] = code
    return index


def resolve_country(text: str | None) -> str | None:
    """The alpha-2 code for a code, an English or Chinese name or a common alias; None if none.

    Empty text gives None too; callers that must refuse unknown text use `require_country`.
    """
    if not text or not text.strip():
        return None
    return _name_index().get(_fold(text))


def require_country(text: str | None) -> str:
    """Like `resolve_country`, but "" for empty text and `UnknownCountry` for unknown text."""
    if not text or not text.strip():
        return ""
    code = resolve_country(text)
    if code is None:
        raise UnknownCountry(text.strip())
    return code


@cache
def _english_name(code: str) -> str:
    record = pycountry.countries.get(alpha_2=code)
    if record is None:
        return code
    return getattr(record, "common_name", None) or record.name


@cache
def _chinese_name(code: str) -> str:
    if code in SHORT_CHINESE_NAMES:
        return SHORT_CHINESE_NAMES[code]
    record = pycountry.countries.get(alpha_2=code)
    if record is None:
        return code
    catalogue = _chinese_catalogue()
    common = getattr(record, "common_name", None)
    if common and catalogue.gettext(common) != common:
        return catalogue.gettext(common)
    return catalogue.gettext(record.name)


def _is_chinese(language: str | None) -> bool:
    return (language or get_language() or "en").startswith("zh")


def country_name(code: str | None, language: str | None = None) -> str:
    """The country's name in `language` (default: the active one), Chinese or English."""
    if not code:
        return ""
    code = code.upper()
    return _chinese_name(code) if _is_chinese(language) else _english_name(code)


@cache
def _sorted_choices(chinese: bool) -> tuple[tuple[str, str], ...]:
    codes = [record.alpha_2 for record in pycountry.countries]
    if chinese:
        named = [(code, _chinese_name(code)) for code in codes]
        return tuple(sorted(named, key=lambda item: (lazy_pinyin(item[1]), item[1])))
    named = [(code, _english_name(code)) for code in codes]
    return tuple(sorted(named, key=lambda item: _fold(item[1])))


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    """(code, name) for every country, by name: alphabetical in English, pinyin in Chinese."""
    return list(_sorted_choices(_is_chinese(language)))
