"""Why a pair was proposed: structured reasons (code + params) rendered in English or Chinese.

The Django app wraps `render(reason, language)`; the CLI prints the English strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from twinning.matching.features import FEATURES
from twinning.matching.infer import shared_inferred, top_kind
from twinning.matching.profiles import Profile
from twinning.matching.text import COMPLEMENTARY_ROLES, ROLES, activity_roles, tokenise
from twinning.topics import ancestors, vocabulary

LANGUAGES = ("en", "zh")

TEMPLATES: dict[str, dict[str, str]] = {
    "fixed": {"en": "agreed in advance as a tandem", "zh": "事先约定的结对"},
    "shared_topics": {"en": "both work on {topics}", "zh": "双方都关注{topics}"},
    "related_topics": {
        "en": "{a_topic} and {b_topic} belong to the same field",
        "zh": "{a_topic}与{b_topic}属于同一领域",
    },
    "complementary_roles": {
        "en": "one {a_role}, the other {b_role}",
        "zh": "一方{a_role}，另一方{b_role}",
    },
    "shared_roles": {"en": "both {role}", "zh": "双方都{role}"},
    "text_topics": {
        "en": "both descriptions mention {topics}",
        "zh": "双方的介绍都提到{topics}",
    },
    "similar_work": {
        "en": "their descriptions are close in meaning",
        "zh": "双方的工作介绍在内容上相近",
    },
    "shared_terms": {
        "en": "their descriptions share the words {terms}",
        "zh": "双方的介绍都用到{terms}",
    },
    "shared_language": {"en": "both work in {languages}", "zh": "双方都使用{languages}工作"},
    "same_type": {"en": "both are {kind} organisations", "zh": "双方都是{kind}类组织"},
    "region_preference": {
        "en": "a partner in {place} was asked for",
        "zh": "一方希望与{place}的伙伴合作",
    },
    "inferred_topics": {
        "en": "inferred from the descriptions: {topics}",
        "zh": "根据介绍推断的共同主题：{topics}",
    },
    "kind_pair": {
        "en": "{a_kind} with {b_kind}: a kind of pair committees often choose",
        "zh": "{a_kind}与{b_kind}：评审委员会常选的组合",
    },
    "same_kind": {"en": "both are {kinds}", "zh": "双方都是{kinds}"},
    "weak_fit": {
        "en": "little common ground: paired to complete the cohort",
        "zh": "共同点较少：为完成整体配对而结对",
    },
}

ROLE_PHRASES: dict[str, dict[str, str]] = {
    "research": {"en": "researches and monitors", "zh": "开展研究和监测"},
    "advocacy": {"en": "advocates for policy change", "zh": "推动政策倡导"},
    "education": {"en": "trains and educates", "zh": "开展教育和培训"},
    "practice": {"en": "runs projects with communities", "zh": "在社区开展实践项目"},
    "network": {"en": "convenes a network", "zh": "组织联络网络"},
    "technology": {"en": "works with technology and industry", "zh": "与技术和产业界合作"},
}

SHARED_ROLE_PHRASES: dict[str, dict[str, str]] = {
    "research": {"en": "research and monitor", "zh": "开展研究和监测"},
    "advocacy": {"en": "advocate for policy change", "zh": "推动政策倡导"},
    "education": {"en": "train and educate", "zh": "开展教育和培训"},
    "practice": {"en": "run projects with communities", "zh": "在社区开展实践项目"},
    "network": {"en": "convene networks", "zh": "组织联络网络"},
    "technology": {"en": "work with technology and industry", "zh": "与技术和产业界合作"},
}

LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "en": {"en": "English", "zh": "英语"},
    "zh": {"en": "Chinese", "zh": "中文"},
    "de": {"en": "German", "zh": "德语"},
    "fr": {"en": "French", "zh": "法语"},
    "it": {"en": "Italian", "zh": "意大利语"},
    "es": {"en": "Spanish", "zh": "西班牙语"},
}

KIND_PHRASES: dict[str, dict[str, str]] = {
    "research": {"en": "a research body", "zh": "研究机构"},
    "grassroots": {"en": "a grassroots group", "zh": "基层民间组织"},
    "advocacy": {"en": "an advocacy or legal organisation", "zh": "倡导或法律机构"},
    "youth": {"en": "a youth organisation", "zh": "青年组织"},
    "city": {"en": "a city government", "zh": "城市政府"},
    "network": {"en": "a network of organisations", "zh": "组织网络"},
    "business": {"en": "a business body", "zh": "企业或行业组织"},
    "cooperative": {"en": "a cooperative", "zh": "合作社"},
    "education": {"en": "an education programme", "zh": "教育机构"},
    "professional": {"en": "a professional association", "zh": "专业协会"},
}

KIND_PLURALS: dict[str, dict[str, str]] = {
    "research": {"en": "research bodies", "zh": "研究机构"},
    "grassroots": {"en": "grassroots groups", "zh": "基层民间组织"},
    "advocacy": {"en": "advocacy or legal organisations", "zh": "倡导或法律机构"},
    "youth": {"en": "youth organisations", "zh": "青年组织"},
    "city": {"en": "city governments", "zh": "城市政府"},
    "network": {"en": "networks of organisations", "zh": "组织网络"},
    "business": {"en": "business bodies", "zh": "企业或行业组织"},
    "cooperative": {"en": "cooperatives", "zh": "合作社"},
    "education": {"en": "education programmes", "zh": "教育机构"},
    "professional": {"en": "professional associations", "zh": "专业协会"},
}

KIND_MINIMUM = 0.3  # both top kinds need this before a reason names them (read off training)

MINIMUM_CONTRIBUTION = 0.15  # logit share a component needs before it is worth a sentence


@dataclass(frozen=True)
class Reason:
    """One plain-words reason; `params` hold slugs and codes, never rendered text."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


def _join(items: list[str], language: str) -> str:
    if language == "zh":
        return "、".join(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _topic_label(slug: str, language: str) -> str:
    term = vocabulary()[slug]
    return term.zh if language == "zh" else term.en.lower()


def render(reason: Reason, language: str = "en") -> str:
    """The reason as a sentence fragment in `language` ("en" or "zh")."""
    language = "zh" if language.lower().startswith("zh") else "en"
    params = dict(reason.params)
    for key in ("topics",):
        if key in params:
            params[key] = _join([_topic_label(s, language) for s in params[key]], language)
    for key in ("a_topic", "b_topic"):
        if key in params:
            params[key] = _topic_label(params[key], language)
    for key in ("a_role", "b_role"):
        if key in params:
            params[key] = ROLE_PHRASES[params[key]][language]
    for key in ("a_kind", "b_kind"):
        if key in params:
            params[key] = KIND_PHRASES[params[key]][language]
    if "kinds" in params:
        params["kinds"] = KIND_PLURALS[params["kinds"]][language]
    if "role" in params:
        params["role"] = SHARED_ROLE_PHRASES[params["role"]][language]
    if "languages" in params:
        params["languages"] = _join(
            [LANGUAGE_NAMES.get(code, {}).get(language, code) for code in params["languages"]],
            language,
        )
    if "terms" in params:
        quoted = (
            [f"“{t}”" for t in params["terms"]]
            if language == "zh"
            else [f'"{t}"' for t in params["terms"]]
        )
        params["terms"] = _join(quoted, language)
    return TEMPLATES[reason.code][language].format(**params)


def _related_pair(a: Profile, b: Profile) -> tuple[str, str] | None:
    for first in a.exchange_topics:
        for second in b.exchange_topics:
            if first != second and (first in ancestors(second) or second in ancestors(first)):
                return first, second
            if (
                first != second
                and vocabulary()[first].parent is not None
                and vocabulary()[first].parent == vocabulary()[second].parent
            ):
                return first, second
    return None


def _complementary(a: Profile, b: Profile) -> tuple[str, str] | None:
    roles_a, roles_b = activity_roles(a.document), activity_roles(b.document)
    best: tuple[int, str, str] | None = None
    for first, count_a in roles_a.items():
        for second, count_b in roles_b.items():
            if frozenset((first, second)) in COMPLEMENTARY_ROLES and (
                first not in roles_b or second not in roles_a
            ):
                strength = count_a + count_b
                if best is None or strength > best[0]:
                    best = (strength, first, second)
    return (best[1], best[2]) if best else None


def _shared_terms(a: Profile, b: Profile, limit: int = 3) -> list[str]:
    tokens_b = set(tokenise(b.document))
    seen: list[str] = []
    for token in tokenise(a.document):
        if (
            token in tokens_b
            and token not in seen
            and len(token) > 3
            or (token in tokens_b and token not in seen and not token.isascii())
        ):
            seen.append(token)
    return sorted(seen, key=len, reverse=True)[:limit]


@dataclass(frozen=True)
class Evidence:
    """What was inferred from the two texts: topic and kind probabilities of `a` and of `b`."""

    topics_a: np.ndarray
    topics_b: np.ndarray
    kinds_a: np.ndarray
    kinds_b: np.ndarray


def explain_pair(
    a: Profile,
    b: Profile,
    features: np.ndarray,
    weights: dict[str, float],
    evidence: Evidence | None = None,
) -> list[Reason]:
    """Reasons for pairing `a` with `b`, strongest component first; `features` follow FEATURES;
    `evidence` lets reasons name inferred topics and kinds."""
    value = {name: float(features[i]) for i, name in enumerate(FEATURES)}
    share = {name: weights.get(name, 0.0) * value[name] for name in FEATURES}
    found: list[tuple[float, Reason]] = []
    shared = [t for t in a.exchange_topics if t in b.exchange_topics]
    if shared:
        found.append((share["topic_shared"] + 100, Reason("shared_topics", {"topics": shared[:4]})))
    related = _related_pair(a, b)
    if related and share["topic_related"] >= MINIMUM_CONTRIBUTION and not shared:
        found.append(
            (
                share["topic_related"],
                Reason("related_topics", {"a_topic": related[0], "b_topic": related[1]}),
            )
        )
    roles = _complementary(a, b)
    if roles and share["roles_complementary"] >= MINIMUM_CONTRIBUTION:
        found.append(
            (
                share["roles_complementary"] + 50,
                Reason("complementary_roles", {"a_role": roles[0], "b_role": roles[1]}),
            )
        )
    common_roles = [
        r for r in ROLES if r in activity_roles(a.document) and r in activity_roles(b.document)
    ]
    if common_roles and share["roles_shared"] >= MINIMUM_CONTRIBUTION:
        found.append((share["roles_shared"], Reason("shared_roles", {"role": common_roles[0]})))
    named = _inferred_reasons(a, b, share, evidence, shared, found) if evidence is not None else []
    in_text = [
        t for t in a.text_topics if t in b.text_topics and t not in shared and t not in named
    ]
    if in_text and share["topic_in_text"] >= MINIMUM_CONTRIBUTION:
        found.append((share["topic_in_text"], Reason("text_topics", {"topics": in_text[:3]})))
    meaning = share["semantic"] + share["semantic_second"]
    if meaning >= MINIMUM_CONTRIBUTION and (
        value["semantic"] >= 0.35 or value["semantic_second"] >= 0.88
    ):
        found.append((meaning, Reason("similar_work")))
    terms = _shared_terms(a, b)
    if terms and share["lexical"] >= MINIMUM_CONTRIBUTION:
        found.append((share["lexical"], Reason("shared_terms", {"terms": terms})))
    languages = [code for code in a.languages if code in b.languages]
    if languages and share["language_shared"] >= MINIMUM_CONTRIBUTION:
        found.append(
            (share["language_shared"], Reason("shared_language", {"languages": languages}))
        )
    if a.org_type and a.org_type == b.org_type and share["same_type"] >= MINIMUM_CONTRIBUTION:
        found.append((share["same_type"], Reason("same_type", {"kind": a.org_type})))
    if share["region_preference"] >= MINIMUM_CONTRIBUTION and value["region_preference"] > 0:
        place = b.region or b.country if a.partner_regions else a.region or a.country
        found.append(
            (share["region_preference"], Reason("region_preference", {"place": place or ""}))
        )
    found.sort(key=lambda item: -item[0])
    return [reason for _, reason in found] or [Reason("weak_fit")]


def _inferred_reasons(
    a: Profile,
    b: Profile,
    share: dict[str, float],
    evidence: Evidence,
    declared: list[str],
    found: list[tuple[float, Reason]],
) -> list[str]:
    """Inferred shared topics and a learned kind pairing, when they carry weight; returns the
    topics named as inferred."""
    inferred = [
        t for t in shared_inferred(evidence.topics_a, evidence.topics_b) if t not in declared
    ]
    strength = share["topic_inferred"] + share["topic_declared_inferred"]
    if inferred and strength >= MINIMUM_CONTRIBUTION:
        found.append((strength + 90, Reason("inferred_topics", {"topics": inferred})))
    else:
        inferred = []
    kind_a, probability_a = top_kind(evidence.kinds_a)
    kind_b, probability_b = top_kind(evidence.kinds_b)
    if (
        share["kind_affinity"] >= MINIMUM_CONTRIBUTION
        and min(probability_a, probability_b) >= KIND_MINIMUM
    ):
        reason = (
            Reason("same_kind", {"kinds": kind_a})
            if kind_a == kind_b
            else Reason("kind_pair", {"a_kind": kind_a, "b_kind": kind_b})
        )
        found.append((share["kind_affinity"] + 40, reason))
    return inferred
