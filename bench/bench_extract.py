"""Extraction throughput on 1,000 mixed synthetic documents, beside a plain regex baseline;
on 60 of them with the learned relation component on, beside it off; and on 300 with the
learned country chooser, beside the rules' countries; and on 300 with the organisation
tagger on, beside it off; and on 300 with the tagger correcting name boundaries, beside it
only adding names."""

from __future__ import annotations

import sys
from pathlib import Path

# The evaluation package lives at the repository's top level, beside src/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def run() -> list[dict]:
    from evaluation.corpus import (
        run_benchmark,
        run_countries_benchmark,
        run_relations_benchmark,
        run_tagger_benchmark,
        run_tagger_correct_benchmark,
    )

    return (
        run_benchmark(n=1000)
        + run_relations_benchmark(n=60)
        + run_countries_benchmark(n=300)
        + run_tagger_benchmark(n=300)
        + run_tagger_correct_benchmark(n=300)
    )
