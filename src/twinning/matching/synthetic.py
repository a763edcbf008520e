"""Synthetic profile matrices with realistic structure, for benchmarks and scale tests.

Profiles draw one to three topics (popular ones more often), one to three activity roles and
an embedding near their topics' centres, like real descriptions cluster by subject.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from twinning.matching.features import SideMatrices, family_vector, topic_index
from twinning.matching.infer import KINDS, softmax_rows
from twinning.matching.profiles import Profile
from twinning.matching.text import ROLES


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)


def synthetic_side(
    count: int,
    seed: int = 0,
    dimension: int = 512,
    vocabulary_size: int = 5000,
    world_seed: int = 1234,
) -> SideMatrices:
    """`count` synthetic profiles; sides built with the same `world_seed` share topic centres."""
    world = np.random.default_rng(world_seed)
    rng = np.random.default_rng(seed)
    index = topic_index()
    slugs = list(index)
    topic_count = len(slugs)
    topic_centres = _normalise(world.standard_normal((topic_count, dimension), dtype=np.float32))
    style_centres = _normalise(world.standard_normal((64, dimension), dtype=np.float32))
    popularity = 1.0 / np.arange(1, topic_count + 1)
    popularity /= popularity.sum()

    topics = np.zeros((count, topic_count), dtype=np.float32)
    how_many = rng.integers(1, 4, size=count)
    for k in range(1, 4):
        rows = np.nonzero(how_many >= k)[0]
        topics[rows, rng.choice(topic_count, size=len(rows), p=popularity)] = 1.0
    family_rows = np.stack([family_vector([slugs[t]], index) for t in range(topic_count)])
    family = np.minimum(topics @ family_rows, 1.0)
    text_topics = (topics * (rng.random(topics.shape) < 0.7)).astype(np.float32)
    roles = (rng.random((count, len(ROLES))) < 0.3).astype(np.float32)
    roles[np.arange(count), rng.integers(0, len(ROLES), size=count)] = 1.0

    semantic = np.empty((count, dimension), dtype=np.float32)
    for start in range(0, count, 100_000):
        stop = min(start + 100_000, count)
        block = _normalise(topics[start:stop]) @ topic_centres
        block += 0.6 * style_centres[rng.integers(0, 64, size=stop - start)]
        block += (0.6 / np.sqrt(dimension)) * rng.standard_normal(
            (stop - start, dimension), dtype=np.float32
        )
        semantic[start:stop] = _normalise(block)

    per_document = 20
    columns = rng.integers(0, vocabulary_size, size=count * per_document)
    lexical = sparse.csr_matrix(
        (
            np.ones(count * per_document, dtype=np.float32),
            columns,
            np.arange(0, count * per_document + 1, per_document),
        ),
        shape=(count, vocabulary_size),
    )
    lexical.sum_duplicates()
    norms = np.sqrt(np.asarray(lexical.multiply(lexical).sum(axis=1)).ravel())
    lexical = sparse.csr_matrix(sparse.diags((1.0 / norms).astype(np.float32)) @ lexical)
    languages = np.zeros((count, 4), dtype=np.float32)
    languages[:, 0] = rng.random(count) < 0.8
    languages[np.arange(count), rng.integers(1, 4, size=count)] = 1.0
    types = np.zeros((count, 6), dtype=np.float32)
    types[np.arange(count), rng.integers(0, 6, size=count)] = 1.0
    location = np.zeros((count, 30), dtype=np.float32)
    location[np.arange(count), rng.integers(0, 30, size=count)] = 1.0
    preferences = (rng.random((count, 30)) < 0.02).astype(np.float32)
    # Profile records only for sizes a cohort can have; a million-row side keeps matrices only.
    profiles = (
        [
            Profile(id=f"s{seed}-{i}", name=f"Synthetic {i}", side="A", description="")
            for i in range(count)
        ]
        if count <= 20_000
        else []
    )
    normalised_topics = _normalise(topics)
    # the second embedding space and the inferred topics and kinds, as a fused embedder gives them
    second = np.empty((count, 384), dtype=np.float32)
    for start in range(0, count, 100_000):
        stop = min(start + 100_000, count)
        second[start:stop] = _normalise(
            semantic[start:stop, :384]
            + (0.5 / np.sqrt(384)) * rng.standard_normal((stop - start, 384), np.float32)
        )
    inferred = softmax_rows(normalised_topics + 0.3 * rng.random(topics.shape, np.float32), 0.1)
    kinds = softmax_rows(rng.random((count, len(KINDS)), np.float32), 0.1)
    return SideMatrices(
        profiles=profiles,
        topics=normalised_topics,
        family=_normalise(family),
        text_topics=_normalise(text_topics),
        roles=_normalise(roles),
        semantic=semantic,
        lexical=lexical,
        languages=languages,
        types=types,
        location=location,
        preferences=preferences,
        labels=topics,  # every synthetic label is a vocabulary slug
        label_idf=normalised_topics,  # IDF left flat: the same vectors as `topics`
        text_hits=text_topics,
        semantic_second=second,
        inferred=inferred,
        kinds=kinds,
    )
