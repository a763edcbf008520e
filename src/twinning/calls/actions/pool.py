"""Hand a call's applicants to cohort pairing: singles to be paired, submitted tandems fixed."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from twinning.calls.enums import ApplicationKind, ApplicationStatus, Side
from twinning.calls.models import Call
from twinning.pairing.actions import add_to_pool, constrain_pair
from twinning.pairing.enums import ConstraintKind
from twinning.programmes.models import Cohort

POOL_SIDE: dict[str, str] = {Side.A: "A", Side.B: "B"}
OTHER_SIDE: dict[str, str] = {Side.A: "B", Side.B: "A"}


@transaction.atomic
def pool_single_applicants(*, cohort: Cohort, actor: Any) -> int:
    """Put every submitted single applicant of the cohort's calls in its pairing pool, on its
    call side, and every submitted tandem in it as a pinned pair (a run never splits it);
    returns how many applicant organisations it pooled. `actor` as for the pairing actions."""
    added = 0
    for call in Call.objects.filter(cohort=cohort):
        tandems = call.applications.filter(
            kind=ApplicationKind.TANDEM, status=ApplicationStatus.SUBMITTED, partner__isnull=False
        ).select_related("organisation", "partner")
        for tandem in tandems:
            if tandem.partner is None:  # filtered above; keeps the type checker informed
                continue
            add_to_pool(
                cohort=cohort,
                organisation=tandem.organisation,
                side=POOL_SIDE[tandem.side],
                actor=actor,
            )
            add_to_pool(
                cohort=cohort,
                organisation=tandem.partner,
                side=OTHER_SIDE[tandem.side],
                actor=actor,
            )
            a, b = (
                (tandem.organisation, tandem.partner)
                if tandem.side == Side.A
                else (tandem.partner, tandem.organisation)
            )
            constrain_pair(
                cohort=cohort,
                organisation_a=a,
                organisation_b=b,
                kind=ConstraintKind.PINNED,
                reason=f"submitted tandem, {call}",
                actor=actor,
            )
            added += 2
        singles = call.applications.filter(
            kind=ApplicationKind.SINGLE, status=ApplicationStatus.SUBMITTED
        ).select_related("organisation")
        for application in singles:
            add_to_pool(
                cohort=cohort,
                organisation=application.organisation,
                side=POOL_SIDE[application.side],
                actor=actor,
            )
            added += 1
    return added
