"""Extraction throughput on 1,000 mixed synthetic documents, beside a plain regex baseline."""

from __future__ import annotations


def run() -> list[dict]:
    from twinning.extract.bench import run_benchmark

    return run_benchmark(n=1000)
