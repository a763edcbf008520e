"""Permission-checked reads of programmes, called by web views and the API alike."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from twinning.directory.access import is_coordinator
from twinning.programmes.models import Cohort, Pair, Programme


def visible_pairs(user: Any) -> QuerySet[Pair]:
    """Pairs between published organisations (coordinators see all)."""
    pairs = Pair.objects.all()
    if not is_coordinator(user):
        pairs = pairs.filter(organisation_a__is_published=True, organisation_b__is_published=True)
    return pairs


def access_pair(user: Any, pk: int) -> Pair:
    try:
        return (
            visible_pairs(user)
            .select_related("cohort__programme", "organisation_a", "organisation_b")
            .get(pk=pk)
        )
    except Pair.DoesNotExist:
        raise Http404("No such pair.") from None


def access_programme(slug: str) -> Programme:
    try:
        return Programme.objects.get(slug=slug)
    except Programme.DoesNotExist:
        raise Http404("No such programme.") from None


def access_cohort(slug: str, year: int) -> Cohort:
    try:
        return Cohort.objects.select_related("programme").get(programme__slug=slug, year=year)
    except Cohort.DoesNotExist:
        raise Http404("No such cohort.") from None


def visible_pairs_condition(user: Any, path: str) -> Q:
    """A filter for counting, through `path` (e.g. "cohorts__pairs"), only the pairs `user` may see."""
    if is_coordinator(user):
        return Q()
    return Q(
        **{
            f"{path}__organisation_a__is_published": True,
            f"{path}__organisation_b__is_published": True,
        }
    )
