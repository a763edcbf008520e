"""Evaluation of the extractor: scoring against gold files (per field and per language), the
plain regex baseline it is compared with, and the synthetic corpus of the benchmark.

Lives beside `src/`, not inside the product package; `twinning eval-extract` loads it from
the repository.
"""
