"""Suggested partners: the best organisations of the other side for one organisation, with
the engine's reasons in the reader's language and past partners marked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.translation import get_language

from twinning.directory.access import visible_organisations
from twinning.directory.models import Organisation
from twinning.directory.sides import side_of
from twinning.matching.reasons import render
from twinning.matching.recommend import recommend_partners
from twinning.pairing.engine import matching_embedder
from twinning.pairing.profiles import organisation_profile
from twinning.programmes.models import Pair


@dataclass(frozen=True)
class Suggestion:
    organisation: Organisation
    score: float
    reasons: list[str]
    past_partner: bool = False  # the two were paired before, in any cohort


def reader_language() -> str:
    """The engine's language code for the active language: "zh" or "en"."""
    return "zh" if (get_language() or "en").startswith("zh") else "en"


def past_partners(organisation: Organisation) -> set[int]:
    """Ids of the organisations `organisation` has been paired with, in any cohort (one query)."""
    found: set[int] = set()
    for a_id, b_id in Pair.objects.filter(
        Q(organisation_a=organisation) | Q(organisation_b=organisation)
    ).values_list("organisation_a_id", "organisation_b_id"):
        found.add(b_id if a_id == organisation.pk else a_id)
    return found


def rank_partners(
    organisation: Organisation,
    side: str,
    candidates: Sequence[tuple[Organisation, str]],
    *,
    limit: int,
    language: str,
) -> list[Suggestion]:
    """The best of `candidates` (organisation, side; topics prefetched) for `organisation` on
    `side`, best first, each with reasons in `language` and past partners marked."""
    if not candidates:
        return []
    by_id = {str(candidate.pk): candidate for candidate, _side in candidates}
    profiles = [organisation_profile(candidate, where) for candidate, where in candidates]
    found = recommend_partners(
        organisation_profile(organisation, side), profiles, k=limit, embedder=matching_embedder()
    )
    before = past_partners(organisation)
    return [
        Suggestion(
            organisation=by_id[item.partner.id],
            score=round(item.score, 3),
            reasons=[render(reason, language) for reason in item.reasons],
            past_partner=by_id[item.partner.id].pk in before,
        )
        for item in found
    ]


def suggest_partners(
    organisation: Organisation, *, user: Any, limit: int = 5, language: str = "en"
) -> list[Suggestion]:
    """The best partners on the other side among organisations `user` may see, with reasons."""
    other_side = "A" if side_of(organisation) == "B" else "B"
    pool = [
        (o, other_side)
        for o in visible_organisations(user).exclude(pk=organisation.pk).prefetch_related("topics")
        if side_of(o) == other_side
    ]
    return rank_partners(organisation, side_of(organisation), pool, limit=limit, language=language)
