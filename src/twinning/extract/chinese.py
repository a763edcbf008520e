"""Chinese organisation names: a run of Han characters ending in 学会, 协会, 基金会, 联盟 ...

Traditional script (協會, 聯盟, 臺中市) is read through its simplified form (OpenCC t2s, one
character for one), so every pattern here is written once; names keep the script they have.
"""

from __future__ import annotations

import re
from functools import cache

import opencc

from twinning.extract.registry import Entry, Registry

SUFFIXES = (
    "志愿者联合会", "研究中心", "研究院", "研究所", "研究会", "促进会", "联合会", "基金会",
    "委员会", "办公室", "俱乐部", "合作社", "事务所", "学会", "协会", "联盟", "网络", "中心",
    "大学", "学院", "公司", "集团", "政府", "组织", "商会", "项目", "平台", "局",
    "民政厅", "民政部", "生态环境厅", "理事会", "分会", "总会", "联会", "互助会", "之家",
    "服务站", "代表处", "领事馆", "大使馆", "红十字会", "服务社", "交流社", "厅", "系",
)  # fmt: skip
DATE_UNITS = set("年月日")
BOUNDARY = set(
    "的和与及同由是在对向从了为将被并等于、，。；：:“”\"'（）()《》「」 \n,.;!?！？0123456789以把让给到"
)
# Descriptions, not names: "民间环保组织" (a grassroots environmental organisation).
GENERIC = re.compile(
    r"^(?:一家|一个|各类|相关|民间|环保|公益|社会|非营利|非政府|国际|青年|志愿者|草根|地方|当地|基层|专业|学术|环境|其他|多家|众多|该|本|友好|伙伴|合作|会员|成员|团体|兄弟|姐妹"
    r"|中欧|中外|优秀|社区类?|城市|地方性|公募|慈善|第.批|性)+$"
)
# Verbs that end a clause inside a run of Han characters: the name starts after them
# ("迪庆设有项目点" is no name; "协会成为中国…" starts at 中国).
CLAUSE_VERBS = re.compile(
    r"^.*(?:设有|开展|举办|参加|参观|访问|拜访|走访|欢迎|推广|致力于|专注于|成为|加入|注册于|位于|来自|隶属于|支持|资助|组织了|发起"
    r"|包括|包含|涵盖|围绕|邀请|促成|发布|培育|前往|协助|帮助|成立|另有|还有)"
)
# A one-character verb or preposition before a place that opens the name ("经云南省民政厅批准",
# "访武汉市…", "应…邀请"): not part of the name.
LEADING_VERB = re.compile(
    r"^(?:经(?![济贸营])|访|应(?![用急])|赴|受|率)(?=[\u4e00-\u9fff]{1,4}[省市区县])"
)
# What stands before 与/和 when it is a clause, not the first half of one name ("我们长期与…",
# "本会先后与…", "莫罗女士和…").
CLAUSE_HEAD = re.compile(
    r"^(?:我们|我会|本会|该会|我校|本校|他们|双方)|长期|先后|一直|曾经|多次|共同|分别|女士|先生|教授|博士"
)
# A place opening what follows 与/和: a second name starts there ("鼓楼区…之家和南京市…中心").
PLACE_START = re.compile(r"^[\u4e00-\u9fff]{1,3}[省市区县]")
# A foreign country written before a name ("捷克布拉格山地俱乐部"): a description, not the name.
ACRONYM_ZH = re.compile(
    r"[（(]\s*(?:简称|以下简称)\s*[“\"']?(?P<short>[\u4e00-\u9fffA-Za-z]{2,12})[”\"']?\s*[）)]"
)
LEADING_NOISE = re.compile(
    r"^(?:近日|日前|今天|昨天|目前|此外|同时|其中|作为|包括|来自|代表|今年|去年|当天|随后|据悉|经过|通过"
    r"|度(?=\S))"
)
COUNTED = re.compile(r"[一二三四五六七八九十百千两几数多\d]+[余多]?[个家所]")
MAX_LENGTH = 22


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s.json")


@cache
def _simplified_char(char: str) -> str:
    converted = _converter().convert(char)
    return converted if len(converted) == 1 else char


def simplified(text: str) -> str:
    """`text` with traditional Han characters in their simplified form, character for character
    (same length, same offsets: 協會 → 协会, 臺灣 → 台湾)."""
    if not any("\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" for char in text):
        return text
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_simplified_char(char) for char in text)


def chinese_organisation_names(text: str) -> list[tuple[int, str]]:
    """(position, name) of Chinese organisation names in `text`, longest where they overlap;
    traditional script is matched through its simplified form and returned as written."""
    simple = simplified(text)
    return [(start, text[start : start + len(name)]) for start, name in _names(simple)]


def _names(text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, int, str]] = []
    pattern = re.compile("|".join(re.escape(suffix) for suffix in SUFFIXES))
    for match in pattern.finditer(text):
        end = match.end()
        start = match.start()
        while (
            start > 0
            and end - start < MAX_LENGTH
            and text[start - 1] not in BOUNDARY
            and "\u4e00" <= text[start - 1] <= "\u9fff"
        ) or (text[start - 1 : start + 1] == "对外" and end - start < MAX_LENGTH):
            # 年 ends a date ("2018年") but belongs to a name in "青年".
            if (
                text[start - 1] in DATE_UNITS
                and start > 1
                and (text[start - 2].isdigit() or text[start - 2] in "今去明当每")
            ):
                break
            start -= 1
        # "中国生物多样性保护与绿色发展基金会": 与/和 inside a name, when what comes before it
        # is not itself an organisation ("A协会与B协会" are two).
        if start > 0 and text[start - 1] in "与和":
            head_start = start - 1
            while (
                head_start > 0
                and text[head_start - 1] not in BOUNDARY
                and "\u4e00" <= text[head_start - 1] <= "\u9fff"
            ):
                head_start -= 1
            head = text[head_start : start - 1]
            if (
                len(head) >= 4
                and not pattern.search(head[-3:])
                and not CLAUSE_VERBS.match(head)
                and not CLAUSE_HEAD.search(head)
                and not PLACE_START.match(text[start:end])
                and end - head_start <= MAX_LENGTH + 4
            ):
                start = head_start
        name = LEADING_NOISE.sub("", text[start:end])
        name = LEADING_VERB.sub("", CLAUSE_VERBS.sub("", name))
        start = end - len(name)
        # "局长", "院长": the suffix starts a role word, not a name's end.
        if text[end : end + 1] == "长":
            continue
        # A project is what organisations run, not one (the gold rule for programmes).
        if match.group(0) == "项目":
            continue
        # "南京市民政局社会组织": a name, then a description ("social organisations").
        inner = [m for m in pattern.finditer(name[: -len(match.group(0))])]
        if inner and GENERIC.match(name[inner[-1].end() : -len(match.group(0))]):
            continue
        if len(name) - len(match.group(0)) < 2 or GENERIC.match(name[: -len(match.group(0))]):
            continue
        if COUNTED.search(name):  # "十余个社区发展协会": a count of organisations, no name
            continue
        if match.group(0) in ("局", "厅") and not re.search(r"[市省区县]", name):
            continue
        # "建筑系": a department of the university or college named before it.
        if match.group(0) == "系" and not re.search(r"(?:大学|学院).+系$", name):
            continue
        if match.group(0) == "中心" and len(name) < 5:
            continue
        # "协会项目主管" (the association's project manager): 项目 starts a role, not a name.
        if match.group(0) == "项目" and re.match(
            r"主管|经理|官员|总监|负责人|协调员|助理", text[end:]
        ):
            continue
        found.append((start, end, name))
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    kept: list[tuple[int, int, str]] = []
    for start, end, name in found:
        if kept and start < kept[-1][1]:
            if end > kept[-1][1] and start == kept[-1][0]:
                kept[-1] = (start, end, name)
            continue
        kept.append((start, end, name))
    # A name that runs on into a longer one ending later ("北京大学" in "北京大学环境学院").
    merged: list[tuple[int, int, str]] = []
    for item in kept:
        if merged and item[0] == merged[-1][1]:
            merged[-1] = (merged[-1][0], item[1], merged[-1][2] + item[2])
        else:
            merged.append(item)
    return [(start, name) for start, _end, name in merged]


@cache
def _countries_longest_first() -> list[tuple[str, str]]:
    from twinning.extract.gazetteer import chinese_countries

    return sorted(chinese_countries().items(), key=lambda item: -len(item[0]))


def _without_foreign_country(name: str) -> tuple[str, str | None]:
    """ "捷克布拉格山地俱乐部" -> ("布拉格山地俱乐部", "CZ"); "美国环保协会" stays whole (what
    follows the country is only a description)."""
    simple = simplified(name)
    for chinese_name, code in _countries_longest_first():
        # 香港/澳门/台湾 open the names of their own organisations (臺灣社區營造聯盟).
        if code in ("CN", "HK", "MO", "TW") or not simple.startswith(chinese_name):
            continue
        if len(chinese_name) < 2:
            continue
        rest = simple[len(chinese_name) :]
        if rest.startswith("驻"):
            return name, code  # "意大利驻重庆总领事馆": the country's own mission
        suffix = next((s for s in SUFFIXES if rest.endswith(s)), "")
        core = rest[: len(rest) - len(suffix)]
        if len(core) >= 3 and not GENERIC.match(core):
            return name[len(chinese_name) :], code
        return name, code
    return name, None


def register_chinese(sentence: str, registry: Registry) -> None:
    for position, name in chinese_organisation_names(sentence):
        name, country = _without_foreign_country(name)
        entry = registry.add(name, evidence=sentence, country=country)
        after = sentence[position + len(name) :]
        short = ACRONYM_ZH.match(simplified(after))
        if short and not entry.organisation.acronym:
            written = after[short.start("short") : short.end("short")]
            entry.organisation.acronym = written
            registry.alias(entry, written)
        _link_translation(after, entry, registry)


# "中国社区发展网络（China Community Development Network，CCDN）": the English name and acronym
# in brackets after a Chinese name are the same organisation's.
TRANSLATION = re.compile(
    r"^\s*[（(]\s*(?P<english>[A-Z][^()（）,，;；\u4e00-\u9fff]{3,80}?)\s*"
    r"(?:[,，]\s*(?P<acronym>[A-Z][A-Za-z0-9&\-]{1,12})\s*)?(?:[,，][^()（）]*)?[）)]"
)


def _link_translation(after: str, entry: Entry, registry: Registry) -> None:
    match = TRANSLATION.match(after)
    if match is None or len(match.group("english").split()) < 2:
        return
    for form in (match.group("english").strip(), match.group("acronym")):
        if not form:
            continue
        other = registry.find(form)
        if other is not None and other is not entry and other in registry.entries:
            registry.absorb(entry, other)
        elif other is None:
            registry.alias(entry, form)
    if match.group("acronym") and not entry.organisation.acronym:
        entry.organisation.acronym = match.group("acronym")


SHORT_REFERENCE = re.compile(
    r"(?:该|本|这个|此)?(?P<suffix>"
    + "|".join(re.escape(suffix) for suffix in SUFFIXES if len(suffix) >= 2)
    + r")$"
)


def short_reference(
    before: str,
    registry: Registry,
    mentions: list[tuple[int, int, Entry]] | None = None,
) -> Entry | None:
    """The organisation a bare suffix refers back to: "协会" (the association) at the end of
    `before`, not itself the end of a full name, is the organisation named earlier whose name
    ends in 协会 (the most recently registered one when several do). `mentions` may give the
    registry's mentions of a longer text that `before` is the start of."""
    match = SHORT_REFERENCE.search(simplified(before))
    if match is None:
        return None
    if mentions is None:
        mentions = registry.mentions(before)
    if any(start < len(before) <= end for start, end, _entry in mentions):
        return None
    head = simplified(before[: match.start()])
    # Part of a longer run that is not a known name ("青年协会"): no reference.
    if (
        head
        and match.group(0) == match.group("suffix")
        and "\u4e00" <= head[-1] <= "\u9fff"
        and head[-1] not in BOUNDARY
        and head[-1] not in "了与和及"
    ):
        return None
    suffix = match.group("suffix")
    candidates = [
        entry
        for entry in registry.entries
        if simplified(entry.organisation.name).endswith(suffix)
        and len(entry.organisation.name) > len(suffix)
    ]
    # On a Chinese page the bare 协会 is the page's own (Chinese) one, not a foreign partner's.
    domestic = [entry for entry in candidates if entry.organisation.country in (None, "CN")]
    return (domestic or candidates)[-1] if candidates else None


DESCRIBED = re.compile(r"^(?P<name>[\u3400-\u9fff]{3,30})\s*(?:[（(]|——|—|--|：|:)")


def merge_described_variants(registry: Registry) -> None:
    """A name followed by its translation or a description ("青年交流基金会(Youth Exchange
    Foundation, …)——自2016年起…", a list item taken whole) is the Chinese name before it: folded
    into that organisation when known, else renamed to it."""
    for entry in list(registry.entries):
        match = DESCRIBED.match(entry.organisation.name)
        if match is None or entry not in registry.entries:
            continue
        name = match.group("name")
        if [found for _position, found in chinese_organisation_names(name)] != [name]:
            continue
        other = registry.find(name)
        if other is not None and other is not entry and other in registry.entries:
            registry.absorb(other, entry)
        elif other is None or other is entry:
            old = entry.organisation.name
            entry.organisation.name = name
            registry.alias(entry, old)
