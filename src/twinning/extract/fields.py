"""Profile fields written as "label: value" lines (机构名称：…, 成立时间：…, Founded: …), as on an
organisation's fact sheet or a two-column "label | value" table."""

from __future__ import annotations

import re

from twinning.extract.chinese import chinese_organisation_names
from twinning.extract.gazetteer import resolve_place
from twinning.extract.registry import Entry, Registry
from twinning.extract.text import Block, find_dates, has_cjk

FIELD_LINE = re.compile(r"^(?P<label>[^:：|]{1,30}?)\s*[:：]\s*(?:\|\s*)?(?P<value>\S.{0,150})$")
LABELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (field, re.compile(pattern, re.IGNORECASE))
    for field, pattern in (
        (
            "name",
            r"^(?:机构|组织|单位|社团)?(?:中文)?(?:全称|名称)$|^(?:full |official )?"
            r"(?:organi[sz]ation(?:'s)? )?name(?: of (?:the )?organi[sz]ation)?$",
        ),
        (
            "founded",
            r"^(?:成立|创立|创办|注册|登记)(?:时间|日期|年份)$|^(?:year |date )?(?:founded|"
            r"established|of (?:foundation|establishment)|registered)(?: in| on)?$",
        ),
        (
            "place",
            r"^(?:注册地|注册地点|所在地|所在城市|总部所在地|总部)$|^(?:registered (?:in|office)|"
            r"location|based in|headquarters|seat)$",
        ),
        (
            "authority",
            r"^(?:登记管理机关|登记机关|业务主管单位|主管单位|挂靠单位)$|^(?:registration authority|"
            r"supervising (?:unit|authority|body))$",
        ),
    )
)


def field_of(label: str) -> str | None:
    label = label.strip()
    return next((field for field, pattern in LABELS if pattern.search(label)), None)


def field_lines(blocks: list[Block]) -> list[tuple[str, str]]:
    """(field, value) of the lines written as a known "label: value"."""
    found: list[tuple[str, str]] = []
    for block in blocks:
        match = FIELD_LINE.match(block.text.strip())
        if match is None:
            continue
        field = field_of(match.group("label"))
        if field is not None:
            found.append((field, match.group("value").strip(" |")))
    return found


def register_fields(blocks: list[Block], registry: Registry) -> Entry | None:
    """Register the organisation a fact sheet describes, with its founding year and place, and
    the bodies named as its registration or supervising authority; returns the described one."""
    fields = field_lines(blocks)
    described: Entry | None = None
    for field, value in fields:
        if field == "name" and described is None and 2 <= len(value) <= 80:
            described = registry.add(value, evidence=value, strength=3)
    for field, value in fields:
        if field == "authority":
            names = chinese_organisation_names(value) if has_cjk(value) else []
            name = names[0][1] if names else value
            if len(name) >= 4 and not re.search(r"\d", name):
                entry = registry.add(name, evidence=value, strength=2)
                place = resolve_place(re.sub(r"(?:市|省|区|县).*$", "", name))
                if place and entry.organisation.country is None:
                    entry.organisation.country = place.country
        if described is None:
            continue
        organisation = described.organisation
        if field == "founded" and organisation.founded is None:
            dates = find_dates(value)
            if dates:
                organisation.founded = int(dates[0][1][:4])
        elif field == "place":
            located = _place(value)
            if located is not None:
                organisation.country = organisation.country or located[0]
                organisation.city = organisation.city or located[1]
    return described


def _place(value: str) -> tuple[str | None, str | None] | None:
    """Country and city of "广西壮族自治区南宁市", "Porto, Portugal" or "Nanning"."""
    place = resolve_place(value)
    if place is not None:
        return place.country, place.city
    # Chinese administrative address: the innermost 市 that is a known city.
    for match in reversed(list(re.finditer("市", value))):
        for size in (2, 3, 4):
            place = resolve_place(value[max(0, match.start() - size) : match.start()])
            if place is not None and place.city:
                return place.country, place.city
    parts = re.split(r"[,，]\s*", value)
    for part in reversed(parts):
        place = resolve_place(part)
        if place is not None:
            return place.country, place.city
    return None
