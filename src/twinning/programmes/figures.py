"""Figures of the cooperation network: pairs per programme and year, per topic, per country."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from twinning.directory import geography
from twinning.directory.models import Topic
from twinning.programmes.enums import PairStatus


@dataclass(frozen=True)
class NetworkFigures:
    by_year: list[dict[str, Any]]
    by_topic: list[dict[str, Any]]
    by_country: list[dict[str, Any]]


def network_figures(pairs: Any, organisations: Any) -> NetworkFigures:
    """Counts over the pairs and organisations a user may see; a handful of grouped queries."""
    live = pairs.exclude(status=PairStatus.WITHDRAWN)
    by_year = list(
        live.values(
            "cohort__programme__slug",
            "cohort__programme__name",
            "cohort__programme__name_zh",
            "cohort__year",
        )
        .annotate(pairs=Count("pk"))
        .order_by("cohort__programme__name", "cohort__year")
    )
    topics = (
        Topic.objects.annotate(pair_count=Count("pairs", filter=Q(pairs__in=live)))
        .filter(pair_count__gt=0)
        .order_by("-pair_count", "position")
        .values("slug", "name", "name_zh", "pair_count")
    )
    by_topic = [dict(row) for row in topics]
    in_pairs = Q(pairs_as_a__in=live) | Q(pairs_as_b__in=live)
    countries = (
        organisations.exclude(country="")
        .values("country")
        .annotate(
            organisations=Count("pk", distinct=True),
            paired=Count("pk", filter=in_pairs, distinct=True),
        )
        .order_by("-organisations", "country")
    )
    by_country = [{**row, "name": geography.country_name(row["country"])} for row in countries]
    return NetworkFigures(by_year=by_year, by_topic=by_topic, by_country=by_country)
