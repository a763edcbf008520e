"""Receivers of other apps' hooks: pairs accepted in the pairing tool become pending
decisions, and a submitted tandem's pin stays in the pairing tool."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _

from twinning.calls.actions.decisions import record_pairing_decisions
from twinning.calls.enums import ApplicationKind, ApplicationStatus, Side
from twinning.calls.models import Application


def record_accepted_pairs(
    sender: Any, *, run: Any, pairs: list[Any], actor: Any = None, **kwargs: Any
) -> None:
    """Pairs accepted in the pairing tool are recorded as the open calls' pending decisions,
    in the name of the coordinator who accepted them."""
    record_pairing_decisions(
        cohort=run.cohort,
        pairs=pairs,
        actor=actor or run.accepted_by,
    )  # the committee's reasons stay on the run: a decision's note goes to the applicant


def keep_submitted_tandems(cohort: Any, pins: Sequence[Any]) -> dict[int, str]:
    """The pairing tool's pins that are a tandem submitted to one of the cohort's calls, with
    why they stay (a `pairing.vetoes` veto; one query)."""
    tandems = Application.objects.filter(
        call__cohort=cohort,
        kind=ApplicationKind.TANDEM,
        status=ApplicationStatus.SUBMITTED,
        partner__isnull=False,
    ).select_related("organisation", "partner", "call")
    submitted: dict[tuple[int, int], Application] = {}
    for tandem in tandems:
        if tandem.partner_id is None:  # filtered above; keeps the type checker informed
            continue
        ends = (
            (tandem.organisation_id, tandem.partner_id)
            if tandem.side == Side.A
            else (tandem.partner_id, tandem.organisation_id)
        )
        submitted.setdefault(ends, tandem)
    reasons = {}
    for pin in pins:
        found = submitted.get((pin.organisation_a_id, pin.organisation_b_id))
        if found is not None and found.partner is not None:
            reasons[pin.pk] = _(
                "%(organisation)s and %(partner)s applied together to “%(call)s”: their pin"
                " stays while that tandem application is submitted."
            ) % {
                "organisation": found.organisation.display_name,
                "partner": found.partner.display_name,
                "call": found.call.display_title,
            }
    return reasons
