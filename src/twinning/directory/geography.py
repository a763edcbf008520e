"""Country names and regions from ISO 3166 (pycountry), localised for display."""

from __future__ import annotations

from functools import cache

import pycountry
from django.utils.translation import get_language

from twinning.directory.enums import Region

# Regions group countries the way programmes split their sides.
_EUROPE = {
    "AL",
    "AD",
    "AT",
    "BY",
    "BE",
    "BA",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IS",
    "IE",
    "IT",
    "XK",
    "LV",
    "LI",
    "LT",
    "LU",
    "MT",
    "MD",
    "MC",
    "ME",
    "NL",
    "MK",
    "NO",
    "PL",
    "PT",
    "RO",
    "SM",
    "RS",
    "SK",
    "SI",
    "ES",
    "SE",
    "CH",
    "UA",
    "GB",
    "VA",
}
_CHINA = {"CN", "HK", "MO", "TW"}
_ASIA = {
    "JP",
    "KR",
    "KP",
    "MN",
    "IN",
    "ID",
    "MY",
    "SG",
    "TH",
    "VN",
    "PH",
    "KH",
    "LA",
    "MM",
    "BD",
    "PK",
    "LK",
    "NP",
    "BT",
    "AU",
    "NZ",
    "KZ",
    "KG",
    "UZ",
    "TJ",
    "TM",
    "AF",
    "IR",
    "IQ",
    "SA",
    "AE",
    "IL",
    "TR",
    "JO",
    "LB",
    "QA",
    "KW",
    "OM",
    "BH",
    "YE",
    "SY",
    "GE",
    "AM",
    "AZ",
    "FJ",
    "PG",
    "BN",
    "TL",
    "MV",
}
_AMERICAS = {
    "US",
    "CA",
    "MX",
    "BR",
    "AR",
    "CL",
    "CO",
    "PE",
    "VE",
    "EC",
    "BO",
    "PY",
    "UY",
    "CU",
    "GT",
    "CR",
    "PA",
    "HN",
    "NI",
    "SV",
    "DO",
    "JM",
    "HT",
}

# Chinese country names for the countries programmes meet most; others fall back to English.
_COUNTRY_ZH = {
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
    "MN": "蒙古",
    "MY": "马来西亚",
    "SG": "新加坡",
    "US": "美国",
    "IN": "印度",
    "ID": "印度尼西亚",
    "VN": "越南",
    "HK": "中国香港",
    "TW": "中国台湾",
}


def region_of(country: str | None) -> str:
    code = (country or "").upper()
    if code in _CHINA:
        return Region.CHINA
    if code in _EUROPE:
        return Region.EUROPE
    if code in _ASIA:
        return Region.ASIA
    if code in _AMERICAS:
        return Region.AMERICAS
    if code:
        country_record = pycountry.countries.get(alpha_2=code)
        return Region.AFRICA if country_record else Region.OTHER
    return Region.OTHER


def countries_in_region(region: str) -> set[str]:
    return {c.alpha_2 for c in pycountry.countries if region_of(c.alpha_2) == region}


@cache
def _english_name(code: str) -> str:
    record = pycountry.countries.get(alpha_2=code)
    if record is None:
        return code
    return getattr(record, "common_name", None) or record.name


def country_name(code: str | None, language: str | None = None) -> str:
    """The country's name in the active language (Chinese where known)."""
    if not code:
        return ""
    language = language or get_language() or "en"
    if language.startswith("zh") and code in _COUNTRY_ZH:
        return _COUNTRY_ZH[code]
    return _english_name(code)


def is_country_code(code: str) -> bool:
    return pycountry.countries.get(alpha_2=code.upper()) is not None


def country_choices() -> list[tuple[str, str]]:
    return sorted(
        ((c.alpha_2, _english_name(c.alpha_2)) for c in pycountry.countries),
        key=lambda item: item[1],
    )
