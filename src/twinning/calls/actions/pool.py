"""Hand a call's single applicants to cohort pairing."""

from __future__ import annotations

from django.db import transaction

from twinning.calls.enums import ApplicationKind, ApplicationStatus, Side
from twinning.calls.models import Call
from twinning.programmes.models import Cohort
from twinning.programmes.pairing import add_to_pool

POOL_SIDE: dict[str, str] = {Side.A: "A", Side.B: "B"}


@transaction.atomic
def pool_single_applicants(*, cohort: Cohort) -> int:
    """Put every submitted single applicant of the cohort's calls in its pairing pool, on its call side."""
    added = 0
    for call in Call.objects.filter(cohort=cohort):
        singles = call.applications.filter(
            kind=ApplicationKind.SINGLE, status=ApplicationStatus.SUBMITTED
        ).select_related("organisation")
        for application in singles:
            add_to_pool(
                cohort=cohort,
                organisation=application.organisation,
                side=POOL_SIDE[application.side],
            )
            added += 1
    return added
