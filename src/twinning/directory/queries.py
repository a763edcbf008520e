"""Read-side queries of the directory: filtered, searched, sorted lists."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import get_language

from twinning.directory.countries import resolve_country
from twinning.directory.models import Organisation


def _country_filter(value: object) -> str:
    """The code a typed country resolves to; unknown text stays as typed and so matches nothing."""
    text = str(value or "").strip()[:80]
    return resolve_country(text) or text.upper()


@dataclass(frozen=True)
class DirectoryFilters:
    text: str = ""
    country: str = ""
    region: str = ""
    type: str = ""
    topic: str = ""
    programme: str = ""
    year: int | None = None

    @classmethod
    def from_query(cls, query: dict) -> DirectoryFilters:
        year = str(query.get("year", "")).strip()
        return cls(
            text=str(query.get("q", "")).strip()[:200],
            country=_country_filter(query.get("country")),
            region=str(query.get("region", "")).strip()[:12],
            type=str(query.get("type", "")).strip()[:20],
            topic=str(query.get("topic", "")).strip()[:60],
            programme=str(query.get("programme", "")).strip()[:120],
            year=int(year) if year.isdigit() else None,
        )


def text_condition(text: str) -> Q:
    """Every word must occur in one of the names, the city or the description (EN or ZH)."""
    condition = Q()
    for word in text.split():
        condition &= (
            Q(name__icontains=word)
            | Q(name_zh__icontains=word)
            | Q(acronym__iexact=word)
            | Q(other_names__icontains=word)
            | Q(city__icontains=word)
            | Q(province__icontains=word)
            | Q(description__icontains=word)
            | Q(description_zh__icontains=word)
        )
    return condition


def filter_organisations(
    organisations: QuerySet[Organisation], filters: DirectoryFilters
) -> QuerySet[Organisation]:
    if filters.text:
        organisations = organisations.filter(text_condition(filters.text))
    if filters.country:
        organisations = organisations.filter(country=filters.country)
    if filters.region:
        organisations = organisations.filter(region=filters.region)
    if filters.type:
        organisations = organisations.filter(type=filters.type)
    if filters.topic:
        organisations = organisations.filter(
            Q(topics__slug=filters.topic) | Q(topics__parent__slug=filters.topic)
        )
    if filters.programme or filters.year:
        in_pair = Q()
        if filters.programme:
            in_pair &= Q(cohort__programme__slug=filters.programme)
        if filters.year:
            in_pair &= Q(cohort__year=filters.year)
        from twinning.programmes.models import (
            Pair,  # programmes sits above directory; imported at call time
        )

        pairs = Pair.objects.filter(in_pair)
        organisations = organisations.filter(
            Q(pk__in=pairs.values("organisation_a")) | Q(pk__in=pairs.values("organisation_b"))
        )
    return organisations.distinct()


def sorted_for_language(organisations: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """By English name, or by pinyin in a Chinese interface."""
    if (get_language() or "en").startswith("zh"):
        return organisations.order_by("sort_key_zh", "name")
    return organisations.order_by("name")
