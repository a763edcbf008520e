"""Pair features: every component of the score is a product of small per-profile matrices.

Each side of a cohort is turned once into `SideMatrices`; a feature for all pairs is then one
matrix product (or a thresholded one), so scoring 5,000 × 5,000 pairs stays a few BLAS calls.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from twinning.matching.embedding import Embedder, embedding_parts
from twinning.matching.infer import KINDS, infer_kinds, infer_topics
from twinning.matching.profiles import Profile
from twinning.matching.text import COMPLEMENTARY_ROLES, ROLES, activity_roles, tokenise
from twinning.topics import ancestors, vocabulary

FEATURES: tuple[str, ...] = (
    "topic_shared",  # same exchange topic (vocabulary slug) declared by both
    "topic_related",  # same topic family: parent/child credit through the hierarchy
    "topic_in_text",  # the descriptions mention the same vocabulary topics
    "roles_complementary",  # one researches/advocates/…, the other trains/implements/…
    "roles_shared",  # the same kind of work
    "semantic",  # multilingual sentence-embedding cosine of the descriptions
    "lexical",  # TF-IDF cosine of segmented description tokens
    "language_shared",  # at least one common working language
    "same_type",  # same organisation type (youth group, network, research body…)
    "region_preference",  # one names the other's country or region as preferred
    "topic_jaccard",  # |shared| / |union| of the exchange-topic label sets (slugs and free labels)
    "topic_exact",  # the two exchange-topic sets are identical (and not empty)
    "topic_idf",  # cosine of IDF-weighted topic sets: rare shared topics count more
    "topic_cross_text",  # one side's exchange topics named in the other side's description
    "topics_missing",  # at least one of the two declares no exchange topic
    "semantic_second",  # cosine in the second embedding space (e5-small), when fused
    "topic_inferred",  # chance both texts point to the same topic (inferred distributions)
    "topic_declared_inferred",  # one side's declared topics against the other's inferred ones
    "kind_affinity",  # learned kind × kind log-odds (research + practice, city + city, …)
)

HIERARCHY_CREDIT = 0.5  # weight of a parent topic in the expanded ("family") vector


def topic_index() -> dict[str, int]:
    return {slug: i for i, slug in enumerate(vocabulary())}


def complement_matrix() -> np.ndarray:
    """Symmetric 0/1 role × role matrix of complementary kinds of work."""
    matrix = np.zeros((len(ROLES), len(ROLES)), dtype=np.float32)
    for i, first in enumerate(ROLES):
        for j, second in enumerate(ROLES):
            if frozenset((first, second)) in COMPLEMENTARY_ROLES:
                matrix[i, j] = 1.0
    return matrix


@dataclass
class SideMatrices:
    """Per-profile rows for one side; row i belongs to `profiles[i]`."""

    profiles: list[Profile]
    topics: np.ndarray  # n × T, L2-normalised multi-hot of exchange topics
    family: np.ndarray  # n × T, topics plus ancestors at HIERARCHY_CREDIT, normalised
    text_topics: np.ndarray  # n × T, normalised multi-hot of topics named in the description
    roles: np.ndarray  # n × R, normalised presence of activity roles
    semantic: np.ndarray  # n × d, L2-normalised sentence embeddings
    lexical: sparse.csr_matrix  # n × V, L2-normalised TF-IDF
    languages: np.ndarray  # n × L, 0/1
    types: np.ndarray  # n × K, one-hot organisation type
    location: np.ndarray  # n × G, 0/1 country and region tokens
    preferences: np.ndarray  # n × G, 0/1 preferred partner countries or regions
    labels: np.ndarray  # n × L, 0/1 exchange-topic labels: slugs, then unmapped free labels
    label_idf: np.ndarray  # n × L, labels weighted by their IDF in the cohort, normalised
    text_hits: np.ndarray  # n × T, 0/1 vocabulary topics named in the description
    semantic_second: np.ndarray  # n × d2, second embedding part (n × 0 if not fused)
    inferred: np.ndarray  # n × T, topic probabilities inferred from the text
    kinds: np.ndarray  # n × len(KINDS), organisation-kind probabilities inferred from the text

    def __len__(self) -> int:
        return int(self.topics.shape[0])


def _normalise_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)


def _multi_hot(rows: Sequence[Sequence[str]], index: dict[str, int]) -> np.ndarray:
    matrix = np.zeros((len(rows), len(index)), dtype=np.float32)
    for i, labels in enumerate(rows):
        for label in labels:
            if label in index:
                matrix[i, index[label]] = 1.0
    return matrix


def family_vector(slugs: Sequence[str], index: dict[str, int]) -> np.ndarray:
    vector = np.zeros(len(index), dtype=np.float32)
    for slug in slugs:
        vector[index[slug]] = 1.0
        for parent in ancestors(slug):
            vector[index[parent]] = max(vector[index[parent]], HIERARCHY_CREDIT)
    return vector


class Lexicon:
    """Token vocabulary and smoothed IDF fitted on one set of documents (usually the cohort)."""

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        frequency: Counter[str] = Counter()
        for tokens in documents:
            frequency.update(set(tokens))
        count = len(documents)
        self.index = {token: i for i, token in enumerate(sorted(frequency))}
        self.idf = np.array(
            [math.log((1 + count) / (1 + frequency[t])) + 1.0 for t in sorted(frequency)],
            dtype=np.float32,
        )

    def transform(self, documents: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        rows, cols, values = [], [], []
        for row, tokens in enumerate(documents):
            for token, tf in Counter(tokens).items():
                column = self.index.get(token)
                if column is not None:
                    rows.append(row)
                    cols.append(column)
                    values.append((1.0 + math.log(tf)) * self.idf[column])
        matrix = sparse.csr_matrix(
            (np.asarray(values, dtype=np.float32), (rows, cols)),
            shape=(len(documents), len(self.index)),
        )
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(sparse.diags(1.0 / norms).astype(np.float32) @ matrix)


def _label_sets(profiles: Sequence[Profile]) -> list[list[str]]:
    """Exchange-topic labels per profile: vocabulary slugs, then free labels (lower case)."""
    known = vocabulary()
    rows = []
    for profile in profiles:
        labels = list(profile.exchange_topics)
        for free in profile.free_labels:
            label = " ".join(free.lower().split())
            if label and label not in known and f"free:{label}" not in labels:
                labels.append(f"free:{label}")
        rows.append(labels)
    return rows


def topic_idf(label_rows: Sequence[Sequence[str]]) -> dict[str, float]:
    """Smoothed IDF of each exchange-topic label over the profiles of a cohort."""
    frequency: Counter[str] = Counter()
    for labels in label_rows:
        frequency.update(set(labels))
    count = len(label_rows)
    return {label: math.log((1 + count) / (1 + seen)) + 1.0 for label, seen in frequency.items()}


def prepare_sides(
    side_a: Sequence[Profile], side_b: Sequence[Profile], embedder: Embedder
) -> tuple[SideMatrices, SideMatrices]:
    """Matrices for both sides; the lexicon and category indexes are shared between them."""
    profiles = [*side_a, *side_b]
    tokens = [tokenise(p.document) for p in profiles]
    lexicon = Lexicon(tokens)
    languages = {
        lang: i for i, lang in enumerate(sorted({code for p in profiles for code in p.languages}))
    }
    types = {kind: i for i, kind in enumerate(sorted({p.org_type for p in profiles if p.org_type}))}
    places = sorted(
        {token for p in profiles for token in (*_location(p), *_lower(p.partner_regions))}
    )
    place_index = {place: i for i, place in enumerate(places)}
    label_rows = _label_sets(profiles)
    idf = topic_idf(label_rows)
    label_index = {label: i for i, label in enumerate(sorted(idf))}
    idf_row = np.array([idf[label] for label in sorted(idf)], dtype=np.float32)
    embedded = embedder.encode([p.document for p in profiles])
    parts = embedding_parts(embedder, embedded)
    semantic = parts[0]
    second = parts[1] if len(parts) > 1 else np.zeros((len(profiles), 0), dtype=np.float32)
    inferred = infer_topics(embedded, embedder)
    kinds = infer_kinds(embedded, embedder)
    split = len(side_a)

    def build(chunk: slice) -> SideMatrices:
        members = profiles[chunk]
        index = topic_index()
        labels = _multi_hot(label_rows[chunk], label_index)
        roles = np.zeros((len(members), len(ROLES)), dtype=np.float32)
        for i, profile in enumerate(members):
            for role in activity_roles(profile.document):
                roles[i, ROLES.index(role)] = 1.0
        return SideMatrices(
            profiles=list(members),
            topics=_normalise_rows(_multi_hot([p.exchange_topics for p in members], index)),
            family=_normalise_rows(
                np.stack([family_vector(p.exchange_topics, index) for p in members])
                if members
                else np.zeros((0, len(index)), dtype=np.float32)
            ),
            text_topics=_normalise_rows(_multi_hot([p.text_topics for p in members], index)),
            roles=_normalise_rows(roles),
            semantic=semantic[chunk],
            lexical=lexicon.transform(tokens[chunk]),
            languages=_multi_hot([p.languages for p in members], languages),
            types=_multi_hot([[p.org_type] if p.org_type else [] for p in members], types),
            location=_multi_hot([_location(p) for p in members], place_index),
            preferences=_multi_hot([_lower(p.partner_regions) for p in members], place_index),
            labels=labels,
            label_idf=_normalise_rows(labels * idf_row),
            text_hits=_multi_hot([p.text_topics for p in members], index),
            semantic_second=second[chunk],
            inferred=inferred[chunk],
            kinds=kinds[chunk],
        )

    return build(slice(0, split)), build(slice(split, len(profiles)))


def _lower(values: Sequence[str]) -> list[str]:
    return [value.strip().lower() for value in values if value.strip()]


def _location(profile: Profile) -> list[str]:
    return _lower([value for value in (profile.country, profile.region) if value])


BILINEAR: tuple[str, ...] = (
    *FEATURES[:6],
    "semantic_second",
    "topic_inferred",
    "topic_declared_inferred",
    "kind_affinity",
)  # features that are one inner product each


def no_affinity() -> np.ndarray:
    return np.zeros((len(KINDS), len(KINDS)), dtype=np.float32)


def item_vectors(side: SideMatrices) -> np.ndarray:
    """Item side of the bilinear features: topics, family, text topics, roles, embeddings,
    inferred topics, declared topics (for the other's inferred ones), kinds."""
    return np.hstack(
        [
            side.topics,
            side.family,
            side.text_topics,
            side.roles,
            side.semantic,
            side.semantic_second,
            side.inferred,
            side.inferred,
            side.topics,
            side.kinds,
        ]
    ).astype(np.float32)


def query_vectors(
    side: SideMatrices, weights: dict[str, float], affinity: np.ndarray | None = None
) -> np.ndarray:
    """Query side scaled by the weights, so query · item = Σ weight × feature over BILINEAR."""
    roles = complement_matrix() * weights.get("roles_complementary", 0.0) + np.eye(
        len(ROLES), dtype=np.float32
    ) * weights.get("roles_shared", 0.0)
    cross = 0.5 * weights.get("topic_declared_inferred", 0.0)
    table = no_affinity() if affinity is None else affinity
    return np.hstack(
        [
            side.topics * weights.get("topic_shared", 0.0),
            side.family * weights.get("topic_related", 0.0),
            side.text_topics * weights.get("topic_in_text", 0.0),
            side.roles @ roles,
            side.semantic * weights.get("semantic", 0.0),
            side.semantic_second * weights.get("semantic_second", 0.0),
            side.inferred * weights.get("topic_inferred", 0.0),
            side.topics * cross,
            side.inferred * cross,
            side.kinds @ table * weights.get("kind_affinity", 0.0),
        ]
    ).astype(np.float32)


def dimension_gains(
    side: SideMatrices, weights: dict[str, float], affinity: np.ndarray | None = None
) -> np.ndarray:
    """How strongly each item-vector dimension can move the bilinear logit (the norm of its
    column in the query map of `query_vectors`); 0 where the weights ignore it."""
    roles = complement_matrix() * weights.get("roles_complementary", 0.0) + np.eye(
        len(ROLES), dtype=np.float32
    ) * weights.get("roles_shared", 0.0)
    cross = abs(0.5 * weights.get("topic_declared_inferred", 0.0))
    table = (no_affinity() if affinity is None else affinity) * weights.get("kind_affinity", 0.0)

    def flat(block: np.ndarray, weight: float) -> np.ndarray:
        return np.full(block.shape[1], abs(weight), dtype=np.float32)

    return np.concatenate(
        [
            flat(side.topics, weights.get("topic_shared", 0.0)),
            flat(side.family, weights.get("topic_related", 0.0)),
            flat(side.text_topics, weights.get("topic_in_text", 0.0)),
            np.linalg.norm(roles, axis=0),
            flat(side.semantic, weights.get("semantic", 0.0)),
            flat(side.semantic_second, weights.get("semantic_second", 0.0)),
            flat(side.inferred, weights.get("topic_inferred", 0.0)),
            flat(side.inferred, cross),
            flat(side.topics, cross),
            np.linalg.norm(table, axis=0),
        ]
    ).astype(np.float32)


def feature_blocks(
    a: SideMatrices,
    b: SideMatrices,
    rows: slice,
    skip: frozenset[str] = frozenset(),
    affinity: np.ndarray | None = None,
) -> Iterator[tuple[str, np.ndarray]]:
    """Yield (feature name, rows × len(b) float32 matrix) for the A rows in `rows`;
    `affinity` is the learned kind × kind table (zeros if None)."""
    yield from _feature_blocks(a, b, rows, skip)
    if "semantic_second" not in skip:
        yield "semantic_second", a.semantic_second[rows] @ b.semantic_second.T
    if "topic_inferred" not in skip:
        yield "topic_inferred", a.inferred[rows] @ b.inferred.T
    if "topic_declared_inferred" not in skip:
        yield (
            "topic_declared_inferred",
            0.5 * (a.topics[rows] @ b.inferred.T + a.inferred[rows] @ b.topics.T),
        )
    if "kind_affinity" not in skip:
        table = no_affinity() if affinity is None else affinity
        yield "kind_affinity", a.kinds[rows] @ table @ b.kinds.T


def _feature_blocks(
    a: SideMatrices, b: SideMatrices, rows: slice, skip: frozenset[str]
) -> Iterator[tuple[str, np.ndarray]]:
    if "topic_shared" not in skip:
        yield "topic_shared", a.topics[rows] @ b.topics.T
    if "topic_related" not in skip:
        yield "topic_related", a.family[rows] @ b.family.T
    if "topic_in_text" not in skip:
        yield "topic_in_text", a.text_topics[rows] @ b.text_topics.T
    if "roles_complementary" not in skip:
        yield "roles_complementary", a.roles[rows] @ complement_matrix() @ b.roles.T
    if "roles_shared" not in skip:
        yield "roles_shared", a.roles[rows] @ b.roles.T
    if "semantic" not in skip:
        yield "semantic", a.semantic[rows] @ b.semantic.T
    if "lexical" not in skip:
        yield "lexical", np.asarray((a.lexical[rows] @ b.lexical.T).todense(), dtype=np.float32)
    if "language_shared" not in skip:
        yield "language_shared", ((a.languages[rows] @ b.languages.T) > 0).astype(np.float32)
    if "same_type" not in skip:
        yield "same_type", a.types[rows] @ b.types.T
    if "region_preference" not in skip:
        yield (
            "region_preference",
            (
                ((a.preferences[rows] @ b.location.T) + (a.location[rows] @ b.preferences.T)) > 0
            ).astype(np.float32),
        )
    topical = {"topic_jaccard", "topic_exact"} - skip
    if topical:
        shared = a.labels[rows] @ b.labels.T
        size_a = a.labels[rows].sum(axis=1)[:, None]
        size_b = b.labels.sum(axis=1)[None, :]
        if "topic_jaccard" in topical:
            union = size_a + size_b - shared
            yield (
                "topic_jaccard",
                np.divide(shared, union, out=np.zeros_like(shared), where=union > 0).astype(
                    np.float32
                ),
            )
        if "topic_exact" in topical:
            exact = (shared == size_a) & (shared == size_b) & (shared > 0)
            yield "topic_exact", exact.astype(np.float32)
    if "topic_idf" not in skip:
        yield "topic_idf", a.label_idf[rows] @ b.label_idf.T
    if "topic_cross_text" not in skip:
        yield "topic_cross_text", _cross_text(a, rows, b)
    if "topics_missing" not in skip:
        missing_a = a.topics[rows].sum(axis=1)[:, None] == 0
        missing_b = b.topics.sum(axis=1)[None, :] == 0
        yield "topics_missing", (missing_a | missing_b).astype(np.float32)


def _cross_text(a: SideMatrices, rows: slice, b: SideMatrices) -> np.ndarray:
    """Share of each side's exchange topics that the other's description names, averaged over
    the sides that declare topics (so it still works when one side declares none)."""
    topics_a = (a.topics[rows] > 0).astype(np.float32)
    topics_b = (b.topics > 0).astype(np.float32)
    count_a = topics_a.sum(axis=1)[:, None]
    count_b = topics_b.sum(axis=1)[None, :]
    named_by_b = np.divide(
        topics_a @ b.text_hits.T,
        count_a,
        out=np.zeros((len(topics_a), len(b)), np.float32),
        where=count_a > 0,
    )
    named_by_a = np.divide(
        a.text_hits[rows] @ topics_b.T,
        count_b,
        out=np.zeros_like(named_by_b),
        where=count_b > 0,
    )
    sides = (count_a > 0).astype(np.float32) + (count_b > 0).astype(np.float32)
    return np.divide(
        named_by_b + named_by_a, sides, out=np.zeros_like(named_by_b), where=sides > 0
    ).astype(np.float32)


def pair_features(
    a: SideMatrices, b: SideMatrices, affinity: np.ndarray | None = None
) -> np.ndarray:
    """All features for all pairs: float32 array len(a) × len(b) × len(FEATURES)."""
    tensor = np.zeros((len(a), len(b), len(FEATURES)), dtype=np.float32)
    for name, block in feature_blocks(a, b, slice(0, len(a)), affinity=affinity):
        tensor[:, :, FEATURES.index(name)] = block
    return tensor


def aligned_features(
    a: SideMatrices,
    rows: np.ndarray,
    b: SideMatrices,
    columns: np.ndarray,
    affinity: np.ndarray | None = None,
) -> np.ndarray:
    """Features of the pairs (a[rows[k]], b[columns[k]]): float32 len(rows) × len(FEATURES)."""
    rows = np.asarray(rows, dtype=np.int64)
    columns = np.asarray(columns, dtype=np.int64)

    def dot(left: np.ndarray, right: np.ndarray) -> np.ndarray:
        return np.einsum("ij,ij->i", left[rows], right[columns]).astype(np.float32)

    lexical = np.asarray(a.lexical[rows].multiply(b.lexical[columns]).sum(axis=1)).ravel()
    region = dot(a.preferences, b.location) + dot(a.location, b.preferences)
    shared = dot(a.labels, b.labels)
    size_a, size_b = a.labels.sum(axis=1)[rows], b.labels.sum(axis=1)[columns]
    union = size_a + size_b - shared
    has_a, has_b = (a.topics > 0).astype(np.float32), (b.topics > 0).astype(np.float32)
    count_a, count_b = has_a.sum(axis=1)[rows], has_b.sum(axis=1)[columns]
    named = np.where(count_a > 0, dot(has_a, b.text_hits) / np.maximum(count_a, 1), 0.0)
    named += np.where(count_b > 0, dot(a.text_hits, has_b) / np.maximum(count_b, 1), 0.0)
    sides = (count_a > 0).astype(np.float32) + (count_b > 0).astype(np.float32)
    cross = np.where(sides > 0, named / np.maximum(sides, 1), 0.0).astype(np.float32)
    missing = (a.topics.sum(axis=1)[rows] == 0) | (b.topics.sum(axis=1)[columns] == 0)
    out = np.stack(
        [
            dot(a.topics, b.topics),
            dot(a.family, b.family),
            dot(a.text_topics, b.text_topics),
            dot(a.roles @ complement_matrix(), b.roles),
            dot(a.roles, b.roles),
            dot(a.semantic, b.semantic),
            lexical.astype(np.float32),
            (dot(a.languages, b.languages) > 0).astype(np.float32),
            dot(a.types, b.types),
            (region > 0).astype(np.float32),
            np.divide(shared, union, out=np.zeros_like(shared), where=union > 0),
            ((shared == size_a) & (shared == size_b) & (shared > 0)).astype(np.float32),
            dot(a.label_idf, b.label_idf),
            cross,
            missing.astype(np.float32),
            dot(a.semantic_second, b.semantic_second),
            dot(a.inferred, b.inferred),
            0.5 * (dot(a.topics, b.inferred) + dot(a.inferred, b.topics)),
            dot(a.kinds @ (no_affinity() if affinity is None else affinity), b.kinds),
        ],
        axis=1,
    )
    return out.reshape(len(rows), len(FEATURES))
