"""The demo data set in loading order: the seed facts first, then the sample records."""

from __future__ import annotations

from twinning.demo.records import DataSet
from twinning.demo.seed_programmes import SEEDS

DATA_SETS: tuple[DataSet, ...] = (SEEDS,)
