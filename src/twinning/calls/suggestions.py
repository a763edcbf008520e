"""Partner suggestions for single applicants, from the matching engine.

Other-side single applicants of the same call are scored with `twinning.matching` (shared
exchange topic first, then complementary work, meaning of the descriptions, the rest), and
each suggestion carries the engine's reasons in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from twinning.calls.enums import ApplicationKind, ApplicationStatus, Side
from twinning.calls.models import Application
from twinning.directory.access import visible_organisations
from twinning.directory.models import Organisation
from twinning.pairing.suggestions import past_partners, rank_partners, reader_language

METHOD = _("the matching engine (shared exchange topic first, then complementary work and meaning)")
ENGINE_SIDE: dict[str, str] = {Side.A: "A", Side.B: "B"}

__all__ = ["METHOD", "Suggestion", "past_partners", "reader_language", "suggested_partners"]


@dataclass
class Suggestion:
    organisation: Organisation
    application: Application
    score: float
    reasons: list[str]
    past_partner: bool = False  # the two were paired before, in any cohort


def suggested_partners(application: Application, *, user: Any, limit: int = 5) -> list[Suggestion]:
    """Single applicants of the other side in the same call that `user` may see, best match
    first, ranked by the pairing app (`pairing.suggestions.rank_partners`)."""
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
    by_organisation = {other.organisation_id: other for other in others}
    found = rank_partners(
        application.organisation,
        ENGINE_SIDE[application.side],
        [(other.organisation, ENGINE_SIDE[other.side]) for other in others],
        limit=limit,
        language=reader_language(),
    )
    return [
        Suggestion(
            organisation=item.organisation,
            application=by_organisation[item.organisation.pk],
            score=item.score,
            reasons=item.reasons,
            past_partner=item.past_partner,
        )
        for item in found
    ]
