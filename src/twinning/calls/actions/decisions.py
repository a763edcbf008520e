"""The committee's decisions: recorded one by one as pending, applied together in one batch."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.calls import notifications
from twinning.calls.actions.base import CallError, audit
from twinning.calls.enums import (
    ApplicationKind,
    ApplicationStatus,
    AuditVerb,
    CallStatus,
    Outcome,
    Side,
)
from twinning.calls.models import Application, Call, Decision
from twinning.library.actions import cite
from twinning.library.enums import SourceMethod
from twinning.programmes.actions import ProgrammeError, form_pair
from twinning.programmes.enums import PairStatus
from twinning.programmes.models import Pair


@transaction.atomic
def record_decision(
    *,
    application: Application,
    outcome: str,
    actor: Any,
    paired_with: Application | None = None,
    note: str = "",
) -> Decision:
    """Record (or change) a pending decision; an accepted single may be paired with a single of the other side."""
    call = application.call
    if call.status != CallStatus.OPEN:
        raise CallError(_("The call is already decided."))
    if application.status != ApplicationStatus.SUBMITTED:
        raise CallError(_("Only submitted applications are decided."))
    outcome = Outcome(outcome)
    if paired_with is not None:
        if outcome != Outcome.ACCEPT or application.kind != ApplicationKind.SINGLE:
            raise CallError(_("Only an accepted single applicant is paired by the committee."))
        if (
            paired_with.call_id != call.pk
            or paired_with.kind != ApplicationKind.SINGLE
            or paired_with.status != ApplicationStatus.SUBMITTED
        ):
            raise CallError(
                _("The partner must be another submitted single application to this call.")
            )
        if paired_with.side == application.side:
            raise CallError(_("The partner must be on the other side of the call."))
    decision, _created = Decision.objects.update_or_create(
        application=application,
        defaults={
            "outcome": outcome,
            "paired_with": paired_with,
            "note": note,
            "decided_by": actor,
        },
    )
    audit(
        call=call,
        actor=actor,
        verb=AuditVerb.DECIDED,
        subject=decision,
        changes={
            "application": application.pk,
            "outcome": outcome,
            "paired_with": paired_with.pk if paired_with else None,
        },
    )
    return decision


def _cohort_partners(call: Call) -> dict[int, tuple[Pair, int]]:
    """Organisation id → (its active pair in the call's cohort, the partner's id): the state
    the pairing tool and the committee share."""
    partners: dict[int, tuple[Pair, int]] = {}
    for pair in Pair.objects.filter(cohort_id=call.cohort_id).exclude(status=PairStatus.WITHDRAWN):
        partners[pair.organisation_a_id] = (pair, pair.organisation_b_id)
        partners[pair.organisation_b_id] = (pair, pair.organisation_a_id)
    return partners


def _intended_partner(application: Application, decisions: dict[int, Decision]) -> Any:
    """The organisation an accepted application is to be paired with, or None."""
    decision = decisions[application.pk]
    if decision.paired_with_id and decision.paired_with_id in decisions:
        return decisions[decision.paired_with_id].application.organisation
    return application.partner


def _batch_problems(
    call: Call, decisions: dict[int, Decision], submitted: list[Application]
) -> list[str]:
    problems = []
    partners = _cohort_partners(call)
    for application in submitted:
        decision = decisions.get(application.pk)
        if decision is None or decision.outcome != Outcome.ACCEPT or decision.pair_id:
            continue
        partner = _intended_partner(application, decisions)
        paired = partners.get(application.organisation_id)
        if partner is not None and paired is not None and paired[1] != partner.pk:
            problems.append(
                _(
                    "%(name)s is already paired with someone else in %(cohort)s (accepted in the"
                    " pairing tool): withdraw that pair, or decide the same pair."
                )
                % {"name": application.organisation.name, "cohort": call.cohort}
            )
    for application in submitted:
        decision = decisions.get(application.pk)
        if decision is None:
            problems.append(
                _("No decision yet on %(name)s.") % {"name": application.organisation.name}
            )
            continue
        if decision.outcome != Outcome.ACCEPT or application.kind != ApplicationKind.SINGLE:
            continue
        other = decisions.get(decision.paired_with_id) if decision.paired_with_id else None
        if (
            other is None
            or other.outcome != Outcome.ACCEPT
            or other.paired_with_id != application.pk
        ):
            problems.append(_accepted_alone(application))
    return problems


def _accepted_alone(application: Application) -> str:
    return _(
        "%(name)s is accepted alone: pair it with an accepted single of the other side who is paired back."
    ) % {"name": application.organisation.name}


@transaction.atomic
def apply_decisions(*, call: Call, actor: Any) -> list[Decision]:
    """Apply every pending decision at once: statuses, pairs in the call's cohort, e-mails; the call becomes decided."""
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.status != CallStatus.OPEN:
        raise CallError(_("The call is already decided."))
    if not call.is_past_deadline:
        raise CallError(_("Decisions are applied after the deadline."))
    submitted = list(
        call.applications.filter(status=ApplicationStatus.SUBMITTED).select_related(
            "organisation", "partner"
        )
    )
    decisions = {
        d.application_id: d
        for d in Decision.objects.filter(application__call=call).select_related(
            "application__organisation", "application__partner", "paired_with__organisation"
        )
    }
    problems = _batch_problems(call, decisions, submitted)
    if problems:
        raise CallError(problems)
    partners = _cohort_partners(call)
    now = timezone.now()
    applied = []
    for application in submitted:
        decision = decisions[application.pk]
        application.status = (
            ApplicationStatus.ACCEPTED
            if decision.outcome == Outcome.ACCEPT
            else ApplicationStatus.REJECTED
        )
        application.save(update_fields=["status", "updated_at"])
        if decision.outcome == Outcome.ACCEPT and decision.pair_id is None:
            partner_application = (
                decisions[decision.paired_with_id].application if decision.paired_with_id else None
            )
            partner = (
                application.partner
                if partner_application is None
                else partner_application.organisation
            )
            if partner is None:  # _batch_problems refuses this already
                raise CallError(_accepted_alone(application))
            organisations = [application.organisation, partner]
            sides = [application.side, Side.B if application.side == Side.A else Side.A]
            a, b = organisations if sides[0] == Side.A else organisations[::-1]
            existing = partners.get(a.pk)
            if existing is not None and existing[1] == b.pk:
                pair = existing[0]  # already formed from the pairing tool: the same pair, once
            else:
                try:
                    pair = form_pair(
                        cohort=call.cohort,
                        organisation_a=a,
                        organisation_b=b,
                        topics=_shared_topics(a, b),
                        actor=actor,
                    )
                except ProgrammeError as error:
                    raise CallError(str(error)) from error
                partners[a.pk], partners[b.pk] = (pair, b.pk), (pair, a.pk)
            decision.pair = pair
            cite(
                pair,
                method=SourceMethod.PERSON,
                entered_by=actor,
                note=f"committee decision, {call}"[:300],
            )
            if partner_application is not None:
                Decision.objects.filter(application=partner_application).update(pair=pair)
                decisions[partner_application.pk].pair = pair
        decision.applied_at = now
        decision.save(update_fields=["pair", "applied_at"])
        audit(
            call=call,
            actor=actor,
            verb=AuditVerb.APPLIED,
            subject=decision,
            changes={"status": application.status, "pair": decision.pair_id},
        )
        notifications.notify_decision(decision)
        applied.append(decision)
    call.status = CallStatus.DECIDED
    call.save(update_fields=["status"])
    return applied


def _shared_topics(a: Any, b: Any) -> list[str]:
    shared = set(a.topics.values_list("slug", flat=True)) & set(
        b.topics.values_list("slug", flat=True)
    )
    return sorted(shared)


@transaction.atomic
def record_pairing_decisions(*, cohort: Any, pairs: list[Pair], actor: Any) -> list[Decision]:
    """Pairs accepted in the pairing tool become pending decisions of the cohort's open calls:
    both submitted single applications accepted and paired with each other; applications the
    committee already decided are left alone. Applying the decisions reuses the pairs."""
    recorded: list[Decision] = []
    for call in Call.objects.filter(cohort=cohort, status=CallStatus.OPEN):
        singles = {
            application.organisation_id: application
            for application in call.applications.filter(
                kind=ApplicationKind.SINGLE, status=ApplicationStatus.SUBMITTED
            ).select_related("organisation")
        }
        decided = set(
            Decision.objects.filter(application__call=call).values_list("application_id", flat=True)
        )
        for pair in pairs:
            first = singles.get(pair.organisation_a_id)
            second = singles.get(pair.organisation_b_id)
            if first is None or second is None or {first.pk, second.pk} & decided:
                continue
            for application, partner in ((first, second), (second, first)):
                recorded.append(
                    record_decision(
                        application=application,
                        outcome=Outcome.ACCEPT,
                        paired_with=partner,
                        actor=actor,
                        note="",
                    )
                )
    return recorded
