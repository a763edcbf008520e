"""Every change of the pairing tool's state: one function each, taking the actor, checking
`access.may_pair`, validating completely before writing (atomically) and recording who/when.

Pool and constraints are instructions for the next run; a run's proposal is computed in the
background (`tasks.pairing_task`) and becomes twinning pairs only when a coordinator accepts
it, giving reasons (ADR 0025).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from twinning.common.jobs import create_job, enqueue_after_commit, job_text, run_job
from twinning.common.models import Job
from twinning.directory.models import Organisation
from twinning.directory.sides import side_of
from twinning.pairing.access import require_pairing
from twinning.pairing.engine import compute_pairing
from twinning.pairing.enums import ConstraintKind, Side
from twinning.pairing.errors import PairingError
from twinning.pairing.models import PairingConstraint, PairingRun, PoolMember
from twinning.pairing.signals import pairs_accepted
from twinning.pairing.sources import SOURCES
from twinning.pairing.vetoes import kept_pins
from twinning.programmes.actions import ProgrammeError, form_pair
from twinning.programmes.models import Cohort, Pair

REASON_LIMIT = 2000
CONSTRAINT_REASON_LIMIT = 300

__all__ = [
    "PairingError",
    "accept_pairing_run",
    "add_to_pool",
    "constrain_pair",
    "fill_pool",
    "release_pair",
    "remove_from_pool",
    "run_pairing",
    "start_pairing_run",
]


def _refuse_dropping_kept_pins(cohort: Cohort, constraints: Any) -> None:
    """PairingError, before anything changes, if a registered veto keeps one of these pins
    (`vetoes.kept_pins`: a submitted tandem's, say); the rows stay locked until commit."""
    kept = kept_pins(cohort, list(constraints.select_for_update()))
    if kept:
        raise PairingError(list(kept.values())[0])


@transaction.atomic
def add_to_pool(
    *, cohort: Cohort, organisation: Organisation, actor: Any, side: str | None = None
) -> PoolMember:
    """Put `organisation` in the cohort's pool on `side` (by region when None), or move it there."""
    require_pairing(actor)
    side = side or side_of(organisation)
    if side not in Side.values:
        raise PairingError(_("Unknown side %(side)r.") % {"side": side})
    member, _created = PoolMember.objects.update_or_create(
        cohort=cohort,
        organisation=organisation,
        defaults={"side": side, "added_by": actor, "added_at": timezone.now()},
    )
    return member


@transaction.atomic
def remove_from_pool(*, cohort: Cohort, organisation: Organisation, actor: Any) -> None:
    """Take `organisation` out of the pool, with the constraints that name it (refused while
    one of them is a pin a veto keeps)."""
    require_pairing(actor)
    naming = PairingConstraint.objects.filter(cohort=cohort).filter(
        Q(organisation_a=organisation) | Q(organisation_b=organisation)
    )
    _refuse_dropping_kept_pins(cohort, naming)
    PoolMember.objects.filter(cohort=cohort, organisation=organisation).delete()
    naming.delete()


@transaction.atomic
def fill_pool(*, cohort: Cohort, source: str, actor: Any) -> int:
    """Pool the organisations a registered source (`sources.SOURCES`) offers; how many it pooled."""
    require_pairing(actor)
    found = SOURCES.get(source)
    if found is None:
        raise PairingError(_("Unknown action."))
    return found.fill(cohort=cohort, actor=actor)


@transaction.atomic
def constrain_pair(
    *,
    cohort: Cohort,
    organisation_a: Organisation,
    organisation_b: Organisation,
    kind: str,
    actor: Any,
    reason: str = "",
) -> PairingConstraint:
    """Pin (always pair) or forbid a pair for the next run; a new pin replaces older pins of either side."""
    require_pairing(actor)
    if kind not in ConstraintKind.values:
        raise PairingError(_("Unknown constraint %(kind)r.") % {"kind": kind})
    sides = dict(
        PoolMember.objects.filter(
            cohort=cohort, organisation__in=[organisation_a, organisation_b]
        ).values_list("organisation_id", "side")
    )
    if sides.get(organisation_a.pk) != "A" or sides.get(organisation_b.pk) != "B":
        raise PairingError(
            _(
                "Both organisations must be in the cohort's pool, the first on side A and the"
                " second on side B."
            )
        )
    same_pair = Q(organisation_a=organisation_a, organisation_b=organisation_b)
    if kind == ConstraintKind.PINNED:  # older pins of either side go, this pair's stays
        dropped = PairingConstraint.objects.filter(
            Q(organisation_a=organisation_a) | Q(organisation_b=organisation_b),
            cohort=cohort,
            kind=ConstraintKind.PINNED,
        ).exclude(same_pair)
    else:  # forbidding a pinned pair releases its pin
        dropped = PairingConstraint.objects.filter(same_pair, cohort=cohort)
    _refuse_dropping_kept_pins(cohort, dropped)
    if kind == ConstraintKind.PINNED:
        dropped.delete()
    constraint, _created = PairingConstraint.objects.update_or_create(
        cohort=cohort,
        organisation_a=organisation_a,
        organisation_b=organisation_b,
        defaults={
            "kind": kind,
            "reason": reason[:CONSTRAINT_REASON_LIMIT],
            "added_by": actor,
            "added_at": timezone.now(),
        },
    )
    return constraint


@transaction.atomic
def release_pair(
    *, cohort: Cohort, organisation_a: Organisation, organisation_b: Organisation, actor: Any
) -> None:
    """Drop the pin or ban on this pair; the next run decides it freely. Refused, changing
    nothing, while a registered veto keeps the pin (a submitted tandem's)."""
    require_pairing(actor)
    constraint = PairingConstraint.objects.filter(
        cohort=cohort, organisation_a=organisation_a, organisation_b=organisation_b
    )
    _refuse_dropping_kept_pins(cohort, constraint)
    constraint.delete()


def run_pairing(job: Job, run_id: int) -> dict[str, Any]:
    """The background job's body: compute the run's proposal and store it."""
    run = PairingRun.objects.select_related("cohort").get(pk=run_id)
    proposal = compute_pairing(run.cohort, maximise_weakest=run.maximise_weakest, job=job)
    run.result = proposal.to_json()
    run.save(update_fields=["result"])
    return {"pairs": len(proposal.pairs), "unmatched": len(proposal.unmatched)}


def start_pairing_run(
    *, cohort: Cohort, user: Any, maximise_weakest: bool = False, background: bool = True
) -> PairingRun:
    """Queue a pairing run as a background job; its page shows progress and the proposal.
    `background=False` (the CLI) computes it here and returns the finished run."""
    run = _create_run(
        cohort=cohort, user=user, maximise_weakest=maximise_weakest, background=background
    )
    if not background:
        run_job(run.job_id, lambda job: run_pairing(job, run.pk))
        run.refresh_from_db()
    return run


@transaction.atomic
def _create_run(
    *, cohort: Cohort, user: Any, maximise_weakest: bool, background: bool
) -> PairingRun:
    from twinning.pairing.tasks import pairing_task

    require_pairing(user)
    if not cohort.pool.filter(side="A").exists() or not cohort.pool.filter(side="B").exists():
        raise PairingError(_("The pool needs organisations on both sides before pairing."))
    job = create_job(
        kind="pairing",
        title=job_text(gettext_noop("Pairing %(cohort)s"), cohort=str(cohort)),
        total=3,
        created_by=user,
    )
    run = PairingRun.objects.create(cohort=cohort, job=job, maximise_weakest=maximise_weakest)
    from twinning.audit.log import created, record  # audit: one entry per run started

    record(actor=user, verb="created", record=run, changes=created(run))
    if background:
        enqueue_after_commit(pairing_task, job.pk, run.pk)
    return run


def _chosen_pairs(
    proposed: set[tuple[int, int]], pairs: list[tuple[int, int]] | None
) -> list[tuple[int, int]]:
    chosen = [tuple(key) for key in pairs] if pairs is not None else sorted(proposed)
    if not chosen:
        raise PairingError(_("Choose at least one proposed pair to accept."))
    if any(key not in proposed for key in chosen):
        raise PairingError(_("Only proposed pairs can be accepted."))
    return [(int(a), int(b)) for a, b in dict.fromkeys(chosen)]


@transaction.atomic
def accept_pairing_run(
    *, run: PairingRun, user: Any, reason: str, pairs: list[tuple[int, int]] | None = None
) -> list[Pair]:
    """Turn the proposal (or the chosen part of it) into twinning pairs of the cohort, all or
    none; only a coordinator may, giving reasons; who, when, which pairs and why are recorded."""
    if user is None:  # the system never accepts for the committee
        raise PermissionDenied("A coordinator accepts a pairing proposal, giving reasons.")
    require_pairing(user)
    reason = (reason or "").strip()
    if not reason:
        raise PairingError(_("Say why the committee accepts these pairs."))
    if len(reason) > REASON_LIMIT:
        raise PairingError(
            _("The reasons are too long (at most %(limit)d characters).") % {"limit": REASON_LIMIT}
        )
    run = PairingRun.objects.select_for_update().select_related("cohort", "job").get(pk=run.pk)
    if run.is_accepted:
        raise PairingError(_("This proposal has already been accepted."))
    proposal = run.proposal
    if not proposal:
        raise PairingError(_("This run has no proposal to accept (yet)."))
    chosen = _chosen_pairs(proposal.keys(), pairs)
    existing = set(run.cohort.pairs.values_list("organisation_a_id", "organisation_b_id"))
    organisations = Organisation.objects.prefetch_related("topics").in_bulk(
        {identifier for key in chosen for identifier in key}
    )
    formed = []
    for a_id, b_id in chosen:
        if (a_id, b_id) in existing:
            continue
        a_topics = {t.slug for t in organisations[a_id].topics.all()}
        shared = [t.slug for t in organisations[b_id].topics.all() if t.slug in a_topics]
        try:
            formed.append(
                form_pair(
                    cohort=run.cohort,
                    organisation_a=organisations[a_id],
                    organisation_b=organisations[b_id],
                    topics=shared,
                    actor=user,
                )
            )
        except ProgrammeError as error:
            raise PairingError(str(error)) from error
    run.is_accepted = True
    run.accepted_by = user
    run.accepted_at = timezone.now()
    run.acceptance_reason = reason
    run.accepted_pairs = [[a, b] for a, b in chosen]
    run.save(
        update_fields=[
            "is_accepted",
            "accepted_by",
            "accepted_at",
            "acceptance_reason",
            "accepted_pairs",
        ]
    )
    from twinning.audit.log import record  # audit: the acceptance and its reasons

    record(
        actor=user,
        verb="accepted",
        record=run,
        changes={"acceptance_reason": [None, reason], "accepted_pairs": [None, run.accepted_pairs]},
    )
    pairs_accepted.send(sender=PairingRun, run=run, pairs=formed, actor=user)
    return formed
