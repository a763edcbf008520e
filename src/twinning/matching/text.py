"""Tokens and activity roles from English or Chinese text (Chinese is segmented with jieba)."""

from __future__ import annotations

import logging
import re
from functools import cache

ROLES: tuple[str, ...] = ("research", "advocacy", "education", "practice", "network", "technology")

# Each role's cue words; English cues match word starts ("monitor" matches "monitoring").
ROLE_CUES: dict[str, tuple[str, ...]] = {
    "research": (
        "research",
        "monitor",
        "data",
        "study",
        "studies",
        "analys",
        "scien",
        "academ",
        "survey",
        "assess",
        "measur",
        "map",
        "index",
        "report",
        "研究",
        "监测",
        "调研",
        "数据",
        "科学",
        "学术",
        "评估",
        "报告",
        "测量",
    ),
    "advocacy": (
        "advoca",
        "policy",
        "policies",
        "campaign",
        "lobby",
        "watchdog",
        "supervis",
        "legal",
        "litigation",
        "petition",
        "law",
        "rights",
        "justice",
        "倡导",
        "政策",
        "倡议",
        "监督",
        "游说",
        "法律",
        "诉讼",
        "权益",
    ),
    "education": (
        "educat",
        "train",
        "workshop",
        "school",
        "teach",
        "curricul",
        "awareness",
        "course",
        "popular",
        "guide",
        "mentor",
        "class",
        "教育",
        "培训",
        "宣传",
        "科普",
        "学校",
        "课程",
        "讲座",
        "意识",
    ),
    "practice": (
        "implement",
        "pilot",
        "demonstrat",
        "clean",
        "restor",
        "plant",
        "install",
        "community",
        "communities",
        "volunteer",
        "neighbourhood",
        "village",
        "hands-on",
        "project",
        "实践",
        "社区",
        "试点",
        "示范",
        "清理",
        "修复",
        "志愿",
        "村",
        "行动",
    ),
    "network": (
        "network",
        "platform",
        "alliance",
        "coalition",
        "member",
        "federation",
        "umbrella",
        "convene",
        "hub",
        "exchange",
        "网络",
        "平台",
        "联盟",
        "会员",
        "联合",
        "交流",
        "枢纽",
    ),
    "technology": (
        "technolog",
        "engineer",
        "compan",
        "industr",
        "consult",
        "certif",
        "ecolabel",
        "innovat",
        "manufactur",
        "standard",
        "label",
        "技术",
        "企业",
        "工程",
        "咨询",
        "认证",
        "创新",
        "制造",
        "标准",
        "产业",
    ),
}

# Kinds of work that feed each other: evidence to campaigns, campaigns to classrooms, etc.
COMPLEMENTARY_ROLES: frozenset[frozenset[str]] = frozenset(
    frozenset(pair)
    for pair in (
        ("research", "practice"),
        ("research", "advocacy"),
        ("research", "education"),
        ("advocacy", "education"),
        ("advocacy", "practice"),
        ("advocacy", "technology"),
        ("education", "technology"),
        ("network", "practice"),
        ("network", "research"),
        ("technology", "practice"),
    )
)

ENGLISH_STOPWORDS = frozenset(
    """a an and are as at be been by for from has have in is it its of on or our that the their
    them they this to was we were which with who will into also more than both other such
    through all not can about over its across while work works working organisation
    organization organisations organizations association society non profit nonprofit""".split()  # noqa: SIM905 (a word list reads better as prose)
)

_WORD = re.compile(r"[a-z][a-z0-9\-]+|\d+(?:\.\d+)?")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


@cache
def _jieba() -> object:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def _stem(word: str) -> str:
    """A tiny English stemmer: enough to join "rivers"/"river" and "trains"/"training"."""
    for suffix in ("ing", "ies", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def tokenise(text: str) -> list[str]:
    """Lower-case content tokens: stemmed English words and jieba words of Chinese runs."""
    lowered = text.lower()
    tokens = [_stem(word) for word in _WORD.findall(lowered) if word not in ENGLISH_STOPWORDS]
    for run in _CJK_RUN.findall(lowered):
        tokens.extend(word for word in _jieba().lcut(run) if len(word) >= 2)  # type: ignore[attr-defined]
    return tokens


@cache
def _role_patterns() -> dict[str, re.Pattern[str]]:
    patterns = {}
    for role, cues in ROLE_CUES.items():
        english = [re.escape(cue) for cue in cues if cue.isascii()]
        chinese = [re.escape(cue) for cue in cues if not cue.isascii()]
        parts = [r"\b(?:" + "|".join(english) + r")"] + chinese
        patterns[role] = re.compile("|".join(parts), re.IGNORECASE)
    return patterns


def activity_roles(text: str) -> dict[str, int]:
    """How often each kind of work (research, advocacy, …) is cued in `text`; absent roles omitted."""
    counts = {}
    for role, pattern in _role_patterns().items():
        hits = len(pattern.findall(text))
        if hits:
            counts[role] = hits
    return counts


LANGUAGE_CUES: dict[str, frozenset[str]] = {
    "en": frozenset(["the", "and", "of", "to", "in", "with", "for", "is", "are", "our", "we"]),
    "de": frozenset(
        ["der", "die", "das", "und", "mit", "für", "ist", "wir", "von", "den", "seit", "auf"]
    ),
    "fr": frozenset(
        ["le", "la", "les", "et", "des", "du", "pour", "est", "nous", "une", "dans", "avec"]
    ),
    "nl": frozenset(
        ["de", "het", "een", "en", "van", "voor", "met", "wij", "zijn", "onze", "ons", "op"]
    ),
    "it": frozenset(
        ["il", "la", "di", "e", "che", "per", "con", "del", "della", "nel", "sono", "gli"]
    ),
    "es": frozenset(
        ["el", "la", "los", "las", "y", "de", "del", "para", "con", "en", "somos", "una"]
    ),
    "pt": frozenset(
        ["o", "a", "os", "as", "e", "de", "do", "da", "para", "com", "em", "uma", "dos"]
    ),
    "sv": frozenset(["och", "av", "för", "med", "som", "har", "den", "det", "till", "är"]),
}


def detect_language(text: str) -> str:
    """A rough language code of a description: "zh" when Chinese characters dominate, else the
    European language whose function words it uses most ("en" when none is seen)."""
    cjk = sum(len(run) for run in _CJK_RUN.findall(text))
    letters = sum(ch.isalpha() for ch in text)
    if letters and cjk / letters > 0.3:
        return "zh"
    words = re.findall(r"[a-zà-ÿ']+", text.lower())
    counts = {code: sum(w in cues for w in words) for code, cues in LANGUAGE_CUES.items()}
    best = max(counts, key=lambda code: counts[code])
    return best if counts[best] else "en"
