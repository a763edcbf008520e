"""Relations stated in Chinese: 与X结对/结为伙伴/签署协议, 访问, 成为…会员, and member lists
(X成员单位名单 with （一）/1. items)."""

from __future__ import annotations

import re

from twinning.extract.attributes import subject_of
from twinning.extract.chinese import short_reference
from twinning.extract.gazetteer import resolve_place
from twinning.extract.records import Partnership
from twinning.extract.registry import Entry, Registry
from twinning.extract.relations import (
    ZH_AGREEMENT,
    ZH_PAIR,
    _partnership,
    _year,
)
from twinning.extract.text import Block

ZH_VISIT = re.compile(r"(?:代表团|一行|代表)?[^。，,]{0,8}?(?:访问|到访|拜访|考察|参访)了?")


ZH_MEMBER = re.compile(
    r"(?:是|成为|为)(?P<b>[^。，,、]{2,30}?)的(?:团体|单位|机构|正式|首批|创始)?(?:成员|会员|理事)(?:单位|机构)?"
    r"|加入(?:了)?(?P<c>[^。，,、]{2,30}?)(?:[。，,]|$)"
)


def _zh_subject(before: str, registry: Registry, fallback: Entry | None) -> Entry | None:
    """The subject of a Chinese clause: a full name, else a bare 协会 referring back to one."""
    subject = subject_of(before, registry, None)
    if subject is not None:
        return subject
    mentions = registry.mentions(before)
    for position in range(len(before), 0, -1):
        referred = short_reference(before[:position], registry, mentions)
        if referred is not None:
            return referred
    return fallback


def chinese_relations(
    sentence: str, registry: Registry, fallback: Entry | None, source: str | None
) -> list[Partnership]:
    """访问 (visit), 结对 (twinning), 签署协议 (partner) and 成员 (membership) in Chinese text."""
    found: list[Partnership] = []
    mentions = registry.mentions(sentence)
    year = _year(sentence)
    visit = re.search(r"(?:访问|到访|拜访|考察|参访)了?", sentence)
    if visit:
        before = [m for m in mentions if m[1] <= visit.start()]
        after = [m for m in mentions if m[0] >= visit.end() and m[0] - visit.end() <= 6]
        # "协会代表团一行五人访问了X": the bare 协会 is the visitor.
        guest = (
            before[-1][2]
            if before
            else _zh_subject(sentence[: visit.start()], registry, None)
            if re.search(r"代表团|一行|志愿者|代表", sentence[: visit.start()])
            else None
        )
        if guest and after:
            pair = _partnership(guest, after[0][2], "visit", sentence, source, year=year)
            if pair:
                found.append(pair)
    for pattern, kind in ((ZH_PAIR, "twinning"), (ZH_AGREEMENT, "partner")):
        match = pattern.search(sentence)
        if match:
            # 结为友好伙伴 (became partners) is a partnership; 结对 and 姐妹 are twinning.
            if pattern is ZH_PAIR and not re.search(r"结对|姐妹|孪生", sentence[match.start() :]):
                kind = "partner"
            a = _zh_subject(sentence[: match.start()], registry, fallback)
            b_mentions = registry.mentions(match.group("b"))
            if a and b_mentions:
                pair = _partnership(a, b_mentions[0][2], kind, sentence, source, year=year)
                if pair:
                    found.append(pair)
    member = ZH_MEMBER.search(sentence)
    if member:
        a = _zh_subject(sentence[: member.start()], registry, fallback)
        group = "b" if member.group("b") else "c"
        b_mentions = registry.mentions(member.group(group) or "")
        network = b_mentions[0][2] if b_mentions else None
        if network is None and member.group(group):
            # "是协会的团体会员": a member of the association named before.
            network = short_reference(sentence[: member.end(group)], registry)
        if a and network:
            pair = _partnership(a, network, "membership", sentence, source)
            if pair:
                found.append(pair)
    return found


# "海丝青年环境行动联盟成员单位名单" (the member list of an alliance) and its items:
# "（一）A", "1. B", "C（葡萄牙）".
ZH_MEMBER_LIST = re.compile(r"^(?P<network>.+?)(?:成员单位|会员单位|成员|会员)(?:名单|名录)")


ZH_LIST_ITEM = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.、)]|[•·])\s*")


ZH_SECTION = re.compile(r"^[一二三四五六七八九十]+、")


def chinese_member_list(
    blocks: list[Block], registry: Registry, source: str | None
) -> list[Partnership]:
    """Membership of each organisation listed under a Chinese member-list title."""
    from twinning.extract.chinese import chinese_organisation_names

    found: list[Partnership] = []
    network: Entry | None = None
    for block in blocks:
        text = block.text.strip()
        title = ZH_MEMBER_LIST.match(text)
        if title and network is None:
            names = chinese_organisation_names(title.group("network"))
            if names and names[0][1] == title.group("network").strip():
                network = registry.add(names[0][1], evidence=text, strength=3)
            continue
        if network is None or ZH_SECTION.match(text):
            continue
        marker = ZH_LIST_ITEM.match(text) if not block.is_bullet else None
        if marker is None and not block.is_bullet:
            continue
        item = text[marker.end() :] if marker else text
        bracket = re.fullmatch(r"([\u4e00-\u9fff·]{3,30})\s*[（(]([^（）()]{2,12})[）)]", item)
        place = resolve_place(bracket.group(2)) if bracket else None
        name = bracket.group(1) if bracket and place else item
        if not re.fullmatch(r"[\u4e00-\u9fff·]{3,30}", name):
            continue
        entry = registry.add(name, evidence=text, strength=2)
        if place and entry.organisation.country is None:
            entry.organisation.country = place.country
        pair = _partnership(entry, network, "membership", text, source)
        if pair:
            found.append(pair)
    return found
