"""Extraction benchmark: documents per second for Twinning's extractor and for the plain regex
baseline (`evaluation.baseline`) on the same synthetic documents (CONTRACTS §6)."""

from __future__ import annotations

import random
import time
from typing import Any

from evaluation.baseline import baseline_extract
from twinning.extract.pipeline import extract_text

_PLACES = [
    ("France", "Lyon"),
    ("Germany", "Leipzig"),
    ("Italy", "Turin"),
    ("China", "Chengdu"),
    ("China", "Wuhan"),
    ("Spain", "Valencia"),
    ("Poland", "Poznan"),
    ("Finland", "Tampere"),
]
_STEMS = [
    "Green",
    "River",
    "Clean Air",
    "Solar",
    "Urban Garden",
    "Zero Waste",
    "Wetland",
    "Youth Climate",
    "Coastal",
    "Cycling",
]
_KINDS = ["Association", "Society", "Network", "Foundation", "Alliance", "Institute"]
_TOPICS = ["Water", "Energy", "Climate", "Waste", "Education", "Transport", "Air quality"]
_CHINESE = ["重庆", "成都", "武汉", "杭州", "南京"]
_CHINESE_KINDS = ["环保协会", "可再生能源学会", "零废弃联盟", "青年环境网络"]
_NAMES = ["Anna Weber", "Li Na", "Marco Bianchi", "Wang Fang", "Sofia Nieminen", "Zhang Wei"]


def _organisation(rng: random.Random) -> tuple[str, str, str]:
    country, city = rng.choice(_PLACES)
    return f"{city} {rng.choice(_STEMS)} {rng.choice(_KINDS)}", country, city


def generate_documents(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """`n` (name, text) documents of four shapes: profile pairs, press release, partner list,
    Chinese profile; the same `seed` gives the same documents."""
    rng = random.Random(seed)
    documents: list[tuple[str, str]] = []
    for index in range(n):
        shape = index % 4
        if shape == 0:
            (a, country_a, _), (b, _, city_b) = _organisation(rng), _organisation(rng)
            text = (
                f"{a}, {country_a}\n\n{a} is a non-profit association founded in {rng.randint(1980, 2020)}. "
                f"It works on {rng.choice(_TOPICS).lower()} with schools and volunteers.\n\n"
                f"{b}, {city_b}\n\n{b} was established in {rng.randint(1980, 2020)} and runs local campaigns.\n\n"
                f"Exchange Topic: {rng.choice(_TOPICS)}, {rng.choice(_TOPICS)}\n"
            )
        elif shape == 1:
            (a, _, _), (b, _, city_b) = _organisation(rng), _organisation(rng)
            person = rng.choice(_NAMES)
            text = (
                f"On {rng.randint(1, 28)} May {rng.randint(2015, 2024)} – a delegation from {a} visited {b} in {city_b}. "
                f"The group was led by Ms. {person}, Director of {a}. "
                f"{a} is also a member of the European Climate Network.\n"
            )
        elif shape == 2:
            main, _, _ = _organisation(rng)
            partners = "\n".join(f"• {_organisation(rng)[0]}" for _ in range(rng.randint(3, 8)))
            text = f"{main}\n\n{main} works with many groups. Our partners include:\n\n{partners}\n\n• {rng.choice(_STEMS)} Forum, {rng.choice(_PLACES)[1]}, {rng.randint(2005, 2023)}\n"
        else:
            name = rng.choice(_CHINESE) + rng.choice(_CHINESE_KINDS)
            text = f"{name}成立于{rng.randint(1995, 2020)}年，关注{rng.choice(['水', '能源', '气候', '垃圾分类'])}问题。秘书长{rng.choice(['王', '李', '张'])}明介绍了协会的工作。\n"
        documents.append((f"synthetic-{index:04d}.txt", text))
    return documents


def run_benchmark(n: int = 1000, seed: int = 0) -> list[dict[str, Any]]:
    """One CONTRACTS §6 entry: documents per second, Twinning's extractor against the baseline."""
    documents = generate_documents(n, seed)
    extract_text(
        "Warm-up Society, France\n\nWarm-up Society was founded in 2001.", source="warm-up"
    )
    started = time.perf_counter()
    for name, text in documents:
        extract_text(text, source=name)
    ours = n / (time.perf_counter() - started)
    started = time.perf_counter()
    for _name, text in documents:
        baseline_extract(text)
    theirs = n / (time.perf_counter() - started)
    return [
        {
            "name": "extract_documents",
            "metric": "throughput",
            "value": round(ours, 2),
            "unit": "documents/s",
            "peer": "regex baseline (evaluation/baseline.py)",
            "peer_value": round(theirs, 2),
            "params": {
                "documents": n,
                "seed": seed,
                "shapes": ["profile pair", "press release", "partner list", "chinese profile"],
            },
        }
    ]


def _switch_benchmark(
    name: str,
    peer: str,
    switch: str,
    modes: tuple[str, str],
    warm_up: str,
    n: int,
    seed: int,
    **fixed: str,
) -> list[dict[str, Any]]:
    """One §6 entry: documents per second with `switch` set to `modes[0]`, beside the same
    extractor with it set to `modes[1]`, on the same synthetic documents (`fixed` set in both)."""
    documents = generate_documents(n, seed)
    rates: dict[str, float] = {}
    for mode in modes:
        extract_text(warm_up, **{switch: mode})
        started = time.perf_counter()
        for source, text in documents:
            extract_text(text, source=source, **{switch: mode}, **fixed)
        rates[mode] = n / (time.perf_counter() - started)
    return [
        {
            "name": name,
            "metric": "throughput",
            "value": round(rates[modes[0]], 2),
            "unit": "documents/s",
            "peer": peer,
            "peer_value": round(rates[modes[1]], 2),
            "params": {"documents": n, "seed": seed, "mode": modes[0]},
        }
    ]


def run_relations_benchmark(n: int = 60, seed: int = 0) -> list[dict[str, Any]]:
    """The learned relation component on (`add`) beside it off."""
    return _switch_benchmark(
        "extract_documents_learned_relations",
        "the same extractor, learned relations off (rules only)",
        "learned_relations",
        ("add", "off"),
        "Warm-up Society and Beta Network signed a memorandum.",
        n,
        seed,
    )


def run_countries_benchmark(n: int = 300, seed: int = 0) -> list[dict[str, Any]]:
    """The learned country chooser (`model`) beside the rules' countries."""
    return _switch_benchmark(
        "extract_documents_learned_countries",
        "the same extractor, rules' countries (TWINNING_COUNTRIES=rules)",
        "countries",
        ("model", "rules"),
        "Warm-up Society (Norway) works in Oslo.",
        n,
        seed,
    )


def run_tagger_benchmark(n: int = 300, seed: int = 0) -> list[dict[str, Any]]:
    """The organisation tagger on (`add`) beside it off (rules only), learned relations off."""
    return _switch_benchmark(
        "extract_documents_organisation_tagger",
        "the same extractor, organisation tagger off (rules only)",
        "organisation_tagger",
        ("add", "off"),
        "Warm-up Society met Beta Network.",
        n,
        seed,
        learned_relations="off",
    )


def run_tagger_correct_benchmark(n: int = 300, seed: int = 0) -> list[dict[str, Any]]:
    """The tagger arbitrating the rules' name boundaries (`correct`) beside it only adding (`add`)."""
    return _switch_benchmark(
        "extract_documents_organisation_tagger_correct",
        "the same extractor, organisation tagger adding names only (TWINNING_ORG_TAGGER=add)",
        "organisation_tagger",
        ("correct", "add"),
        "Warm-up Society met Beta Network.",
        n,
        seed,
        learned_relations="off",
    )


if __name__ == "__main__":
    import json

    print(json.dumps(run_benchmark(), indent=2))
