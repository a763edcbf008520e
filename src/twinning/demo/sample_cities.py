"""Invented city-to-city cooperation of the sample programme: its pilot cities and city pairs.

The seed pages name no EC-LINK pilot city, so every city pair here belongs to the invented
Green Cities Dialogue, whose labs already name their host cities.
"""

from __future__ import annotations

from twinning.demo.records import CityPairRecord, PilotCityRecord
from twinning.demo.sample_programmes import GREEN_CITIES

SAMPLE_PILOT_CITIES: tuple[PilotCityRecord, ...] = tuple(
    PilotCityRecord(GREEN_CITIES, city, country)
    for city, country in (
        ("Lyon", "FR"),
        ("Rotterdam", "NL"),
        ("Chengdu", "CN"),
        ("Harbin", "CN"),
        ("Wuhan", "CN"),
        ("Hangzhou", "CN"),
        ("Shenzhen", "CN"),
        ("Zhengzhou", "CN"),
    )
)

SAMPLE_CITY_PAIRS: tuple[CityPairRecord, ...] = (
    CityPairRecord(
        GREEN_CITIES,
        ("Lyon", "FR"),
        ("Chengdu", "CN"),
        ("green-buildings", "energy-efficiency"),
        2019,
        2022,
        "Low-energy renovation of older housing estates, compared block by block.",
        "逐栋比较老旧住宅小区的低能耗改造。",
    ),
    CityPairRecord(
        GREEN_CITIES,
        ("Rotterdam", "NL"),
        ("Wuhan", "CN"),
        ("water", "climate"),
        2019,
        2021,
        "Water squares and lakes as flood buffers in dense districts.",
        "在高密度城区以水广场和湖泊调蓄洪水。",
    ),
    CityPairRecord(
        GREEN_CITIES,
        ("Lyon", "FR"),
        ("Hangzhou", "CN"),
        ("transport",),
        2021,
        2022,
        "Cycling streets and safer crossings near schools.",
        "骑行街道和学校周边更安全的过街设施。",
    ),
    CityPairRecord(
        GREEN_CITIES,
        ("Rotterdam", "NL"),
        ("Shenzhen", "CN"),
        ("waste", "circular-economy"),
        2021,
        None,
        "Community composting and by-product exchanges in port districts.",
        "港区社区堆肥和副产品交换。",
    ),
)
