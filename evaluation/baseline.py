"""The plain regex baseline that every extraction figure is reported beside.

One pattern per field, no language knowledge beyond a short list of organisation words:
a capitalised phrase ending in (or, for head-first languages, opening with) an organisation
word is an organisation; a Chinese run ending in 协会/中心/… too; a year after a founding word
is its founding year; two organisations in one sentence with a relation word are a pair;
`Mr./Ms./Dr. Name` is a person; a capitalised phrase with an event word and a year in the
same sentence is an event that starts in that year.
"""

from __future__ import annotations

import re
from typing import Any

HEADS = (
    r"Association|Society|Network|Foundation|Alliance|Institute|Centre|Center|University|Club|"
    r"Council|Trust|Federation|Union|Committee|Bureau|Agency|Ministry|Group|Company|Ltd"
)
HEAD_FIRST = (
    r"Association|Associazione|Asociación|Fondation|Fondazione|Fundación|Stichting|Vereniging|"
    r"Verein|Comité|Comitato|Università|Universidad|Université|Comune|Ayuntamiento|Gemeente|"
    r"Stadt|Ville"
)
NAME = re.compile(
    r"\b(?:[A-Z][\w'\-]+\s+){1,5}(?:" + HEADS + r")\b"
    r"|\b(?:" + HEAD_FIRST + r")(?:\s+(?:de|di|del|della|la|van|für|des|du)?\s*[A-Z][\w'\-]+){1,4}"
)
CHINESE_NAME = re.compile(
    r"[\u4e00-\u9fff]{2,14}?(?:协会|学会|中心|基金会|联盟|研究院|大学|政府|委员会)"
)
FOUNDED = re.compile(
    r"(?:founded|established|gegründet|fondée?|fondat[oa]|fundad[oa]|opgericht|成立|始建)"
    r"\D{0,20}((?:19|20)\d{2})",
    re.IGNORECASE,
)
RELATION = re.compile(
    r"(twin|jumel|gemell|hermana|partnerschaft|stedenband|结对|友好)|(member|mitglied|membre|"
    r"lid van|membro|miembro|会员)|(visit|besuch|visit[eéò]|bezoek|访问)|(partner|memorand|"
    r"convention|accordo|convenio|合作)",
    re.IGNORECASE,
)
KINDS = ("twinning", "membership", "visit", "partner")
PERSON = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){1,2})")
EVENT = re.compile(
    r"\b(?:[A-Z][\w\-]+\s+){0,4}(?:Forum|Conference|Summit|Festival|Workshop|Congress|Seminar|"
    r"Week|Day|Fair)\b|[\u4e00-\u9fff]{2,12}(?:论坛|峰会|研讨会|节|大会)"
)
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
SENTENCE = re.compile(r"[^.!?。！？\n]+")


def baseline_extract(text: str) -> dict[str, list[Any]]:
    """Records in the CONTRACTS §2 shape, found by the patterns above."""
    organisations: dict[str, dict[str, Any]] = {}
    partnerships: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for sentence in SENTENCE.findall(text):
        names = [m.group(0).strip() for m in NAME.finditer(sentence)]
        names += CHINESE_NAME.findall(sentence)
        for name in names:
            organisations.setdefault(
                name,
                {"name": name, "acronym": None, "country": None, "city": None,
                 "founded": None, "type": None, "topics": []},
            )  # fmt: skip
        founded = FOUNDED.search(sentence)
        if founded and names:
            organisations[names[0]]["founded"] = int(founded.group(1))
        relation = RELATION.search(sentence)
        if relation and len(names) >= 2 and names[0] != names[1]:
            kind = KINDS[[i for i, g in enumerate(relation.groups()) if g][0]]
            year = YEAR.search(sentence)
            partnerships.append(
                {"a": names[0], "b": names[1], "kind": kind, "topics": [],
                 "year": int(year.group(1)) if year else None}
            )  # fmt: skip
        year = YEAR.search(sentence)
        for match in EVENT.finditer(sentence):
            if year:
                events.append(
                    {"name": match.group(0).strip(), "start": year.group(1), "place": None,
                     "organisers": []}
                )  # fmt: skip
    people = [
        {"name": match.group(1), "role": None, "organisation": None}
        for match in PERSON.finditer(text)
    ]
    return {
        "organisations": list(organisations.values()),
        "partnerships": partnerships,
        "events": events,
        "people": people,
    }
