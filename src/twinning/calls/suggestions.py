"""Partner suggestions for single applicants, from the matching engine.

Other-side single applicants of the same call are scored with `twinning.matching` (shared
exchange topic first, then complementary work, meaning of the descriptions, the rest), and
each suggestion carries the engine's reasons in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from twinning.calls.enums import ApplicationKind, ApplicationStatus, Side
from twinning.calls.models import Application
from twinning.directory.access import visible_organisations
from twinning.directory.models import Organisation
from twinning.matching.reasons import render
from twinning.matching.recommend import recommend_partners
from twinning.pairing.actions import matching_embedder
from twinning.pairing.profiles import organisation_profile
from twinning.programmes.models import Pair

METHOD = _("the matching engine (shared exchange topic first, then complementary work and meaning)")
ENGINE_SIDE: dict[str, str] = {Side.A: "A", Side.B: "B"}


@dataclass
class Suggestion:
    organisation: Organisation
    application: Application
    score: float
    reasons: list[str]
    past_partner: bool = False  # the two were paired before, in any cohort


def past_partners(organisation: Organisation) -> set[int]:
    """Ids of the organisations `organisation` has been paired with, in any cohort (one query)."""
    found: set[int] = set()
    for a_id, b_id in Pair.objects.filter(
        Q(organisation_a=organisation) | Q(organisation_b=organisation)
    ).values_list("organisation_a_id", "organisation_b_id"):
        found.add(b_id if a_id == organisation.pk else a_id)
    return found


def reader_language() -> str:
    return "zh" if (get_language() or "en").startswith("zh") else "en"


def suggested_partners(application: Application, *, user: Any, limit: int = 5) -> list[Suggestion]:
    """Single applicants of the other side in the same call that `user` may see, best match first."""
    others = list(
        Application.objects.filter(
            call=application.call,
            organisation__in=visible_organisations(user),
            kind=ApplicationKind.SINGLE,
            status__in=[ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED],
        )
        .exclude(side=application.side)
        .select_related("organisation")
        .prefetch_related("organisation__topics")
    )
    if not others:
        return []
    by_id = {str(other.organisation_id): other for other in others}
    query = organisation_profile(application.organisation, ENGINE_SIDE[application.side])
    candidates = [
        organisation_profile(other.organisation, ENGINE_SIDE[other.side]) for other in others
    ]
    language = reader_language()
    found = recommend_partners(query, candidates, k=limit, embedder=matching_embedder())
    before = past_partners(application.organisation)
    return [
        Suggestion(
            organisation=by_id[item.partner.id].organisation,
            application=by_id[item.partner.id],
            score=round(item.score, 3),
            reasons=[render(r, language) for r in item.reasons],
            past_partner=by_id[item.partner.id].organisation_id in before,
        )
        for item in found
    ]
