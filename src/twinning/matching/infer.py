"""Topics and organisation kinds inferred from a description, each with a confidence.

Every vocabulary topic and every kind has a short bilingual prototype text; a profile's
distribution is a softmax over the cosines of its text to the prototypes in the matching
embedding space, so a German or Chinese "about us" lands on the same topics as an English one.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from twinning.matching.embedding import Embedder
from twinning.topics import vocabulary

KINDS: tuple[str, ...] = (
    "research",
    "grassroots",
    "advocacy",
    "youth",
    "city",
    "network",
    "business",
    "cooperative",
    "education",
    "professional",
)

KIND_PROTOTYPES: dict[str, str] = {
    "research": "A research institute, university centre or scientific society whose researchers"
    " study, monitor, model and publish. 研究所、大学研究中心或学会，开展科学研究、监测和发表论文。",
    "grassroots": "A grassroots NGO or volunteer group working on the ground with residents:"
    " volunteers, clean-ups, patrols, local projects. 扎根社区的民间环保组织或志愿者团体，开展一线行动。",
    "advocacy": "A campaigning or legal aid organisation: campaigns, lawsuits, lawyers, policy"
    " advocacy and rights. 倡导或法律援助机构，推动政策改变、公益诉讼和权益保护。",
    "youth": "A youth organisation, student club, scout group or youth network of young people."
    " 青年组织、学生社团、少年营或青年网络。",
    "city": "A city government or municipal department: city council, municipal bureau, urban"
    " policy and twin cities. 市政府或政府部门，负责城市规划和管理，开展友好城市交流。",
    "network": "A network, alliance, federation or umbrella platform of member organisations."
    " 由成员组织组成的网络、联盟、联合会或平台。",
    "business": "A business association, company or social enterprise of firms and industry;"
    " certification and reporting. 企业、行业协会或社会企业。",
    "cooperative": "A cooperative owned by its members, farmers or citizens, one member one vote."
    " 由社员、农民或居民共同所有的合作社。",
    "education": "A school programme, environmental education centre or nature school for"
    " children and teachers. 面向学校、儿童和教师的环境教育中心或自然学校。",
    "professional": "A professional association of engineers, doctors, lawyers or other"
    " professionals, with mentoring and standards. 工程师、医生、律师等专业人士的协会。",
}

TOPIC_TEMPERATURE = 0.05  # softmax temperature over cosines (chosen on the training cohorts)
KIND_TEMPERATURE = 0.05
INFERRED_MINIMUM = (
    0.15  # both texts need this on a topic for a reason to name it (read off training)
)


def topic_prototypes() -> list[str]:
    """One bilingual text per vocabulary topic, in vocabulary order."""
    return [f"{term.en}. {term.zh}. " + ", ".join(term.keywords) for term in vocabulary().values()]


_prototypes: dict[tuple[int, str], tuple[Embedder, np.ndarray]] = {}


def _prototype_vectors(embedder: Embedder, kind: str) -> np.ndarray:
    """Prototype rows of `kind` ("topics" or "kinds") in `embedder`'s space, once per embedder."""
    key = (id(embedder), kind)
    cached = _prototypes.get(key)
    if cached is None or cached[0] is not embedder:
        texts = topic_prototypes() if kind == "topics" else [KIND_PROTOTYPES[k] for k in KINDS]
        cached = (embedder, embedder.encode(texts))
        _prototypes[key] = cached
    return cached[1]


def softmax_rows(similarity: np.ndarray, temperature: float) -> np.ndarray:
    """Row-wise softmax of cosines at `temperature`; rows of zeros stay uniform."""
    if similarity.shape[0] == 0:
        return similarity.astype(np.float32)
    shifted = (similarity - similarity.max(axis=1, keepdims=True)) / temperature
    weights = np.exp(shifted)
    return (weights / weights.sum(axis=1, keepdims=True)).astype(np.float32)


def infer_topics(vectors: np.ndarray, embedder: Embedder) -> np.ndarray:
    """n × T probabilities of each vocabulary topic, from the profiles' embedded texts."""
    return softmax_rows(vectors @ _prototype_vectors(embedder, "topics").T, TOPIC_TEMPERATURE)


def infer_kinds(vectors: np.ndarray, embedder: Embedder) -> np.ndarray:
    """n × len(KINDS) probabilities of each organisation kind, from the embedded texts."""
    return softmax_rows(vectors @ _prototype_vectors(embedder, "kinds").T, KIND_TEMPERATURE)


def confident_topics(
    row: np.ndarray, minimum: float = INFERRED_MINIMUM, limit: int = 3
) -> list[tuple[str, float]]:
    """(slug, probability) of the inferred topics at or above `minimum`, most likely first."""
    slugs = list(vocabulary())
    order = np.argsort(-row)[:limit]
    return [(slugs[k], float(row[k])) for k in order if row[k] >= minimum]


def top_kind(row: np.ndarray) -> tuple[str, float]:
    """The most likely kind and its probability."""
    k = int(np.argmax(row))
    return KINDS[k], float(row[k])


def shared_inferred(
    row_a: np.ndarray, row_b: np.ndarray, minimum: float = INFERRED_MINIMUM
) -> list[str]:
    """Topics both texts point to with probability ≥ `minimum`, by joint probability."""
    slugs = list(vocabulary())
    joint = np.minimum(row_a, row_b)
    return [slugs[k] for k in np.argsort(-joint) if joint[k] >= minimum][:2]


def kind_table(
    kinds_a: Sequence[np.ndarray],
    kinds_b: Sequence[np.ndarray],
    truth: Sequence[np.ndarray],
    smoothing: float = 5.0,
) -> np.ndarray:
    """Learned kind × kind log-odds: how much more often true pairs join kinds k and l than all
    pairs of the same cohorts do (soft counts from the distributions, additive smoothing)."""
    size = len(KINDS)
    observed = np.zeros((size, size))
    expected = np.zeros((size, size))
    for left, right, labels in zip(kinds_a, kinds_b, truth, strict=True):
        rate = labels.sum() / labels.size if labels.size else 0.0
        observed += left.T @ labels @ right
        expected += np.outer(left.sum(axis=0), right.sum(axis=0)) * rate
    observed, expected = observed + observed.T, expected + expected.T  # either side may be A
    return np.log((observed + smoothing) / (expected + smoothing)).astype(np.float32)
