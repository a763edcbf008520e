"""Where a cohort's pool can be filled from, registered by the apps that hold the applicants.

Pairing never imports those apps (calls sit above it, ADR 0025): calls registers its source
("the single applicants of this cohort's calls") in its `AppConfig.ready`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class PoolSource:
    """`fill(cohort=…, actor=…)` pools organisations and returns how many it pooled."""

    key: str
    label: str | Promise
    fill: Callable[..., int]


SOURCES: dict[str, PoolSource] = {}


def register_pool_source(source: PoolSource) -> None:
    """Offer `source` on the pairing page (a button) and to `fill_pool`; re-registering replaces."""
    SOURCES[source.key] = source


def pool_sources() -> list[PoolSource]:
    return list(SOURCES.values())
