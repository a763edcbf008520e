"""Pairing in the product: suggested partners for one organisation and cohort pairing runs.

The scoring lives in the pure `twinning.matching` package; this module turns directory rows
into profiles, runs it, and stores what the committee needs to check: scores, reasons in
English and Chinese, alternatives and the stability report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from twinning.common.jobs import create_job, enqueue_after_commit, job_text, report_progress
from twinning.common.models import Job
from twinning.directory.access import is_coordinator, visible_organisations
from twinning.directory.models import Organisation
from twinning.directory.profiles import organisation_profile, side_of
from twinning.matching.cohort import match_cohort
from twinning.matching.embedding import Embedder, HashingEmbedder
from twinning.matching.embedding import matching_embedder as fused_matching_embedder
from twinning.matching.profiles import Cohort as MatchingCohort
from twinning.matching.reasons import render
from twinning.matching.recommend import recommend_partners
from twinning.programmes.enums import ConstraintKind, PairStatus, Side
from twinning.programmes.models import Cohort, Pair, PairingConstraint, PairingRun, PoolMember

ALTERNATIVES = 3


class PairingError(ValueError):
    """A pairing request that cannot be carried out, with a message for the coordinator."""


def matching_embedder() -> Embedder:
    """USE + e5-small fused (ADR 0007) unless settings choose the cheap hashing embedder (tests)."""
    if getattr(settings, "TWINNING_MATCHING_EMBEDDER", "use") == "hashing":
        return HashingEmbedder()
    return fused_matching_embedder()


@dataclass(frozen=True)
class Suggestion:
    organisation: Organisation
    score: float
    reasons: list[str]


def suggest_partners(
    organisation: Organisation, *, user: Any, limit: int = 5, language: str = "en"
) -> list[Suggestion]:
    """The best partners on the other side among organisations `user` may see, with reasons."""
    other_side = "A" if side_of(organisation) == "B" else "B"
    pool = [
        o
        for o in visible_organisations(user).exclude(pk=organisation.pk).prefetch_related("topics")
        if side_of(o) == other_side
    ]
    by_id = {str(o.pk): o for o in pool}
    profiles = [organisation_profile(o) for o in pool]
    found = recommend_partners(
        organisation_profile(organisation), profiles, k=limit, embedder=matching_embedder()
    )
    return [
        Suggestion(
            by_id[item.partner.id],
            round(item.score, 3),
            [render(reason, language) for reason in item.reasons],
        )
        for item in found
    ]


@transaction.atomic
def add_to_pool(
    *, cohort: Cohort, organisation: Organisation, side: str | None = None
) -> PoolMember:
    side = side or side_of(organisation)
    if side not in Side.values:
        raise PairingError(_("Unknown side %(side)r.") % {"side": side})
    member, _created = PoolMember.objects.update_or_create(
        cohort=cohort, organisation=organisation, defaults={"side": side}
    )
    return member


@transaction.atomic
def remove_from_pool(*, cohort: Cohort, organisation: Organisation) -> None:
    PoolMember.objects.filter(cohort=cohort, organisation=organisation).delete()
    PairingConstraint.objects.filter(cohort=cohort).filter(
        Q(organisation_a=organisation) | Q(organisation_b=organisation)
    ).delete()


@transaction.atomic
def constrain_pair(
    *,
    cohort: Cohort,
    organisation_a: Organisation,
    organisation_b: Organisation,
    kind: str,
    reason: str = "",
) -> PairingConstraint:
    """Pin (always pair) or forbid a pair for the next run; a new pin replaces older pins of either side."""
    if kind not in ConstraintKind.values:
        raise PairingError(_("Unknown constraint %(kind)r.") % {"kind": kind})
    sides = dict(
        PoolMember.objects.filter(
            cohort=cohort, organisation__in=[organisation_a, organisation_b]
        ).values_list("organisation_id", "side")
    )
    if sides.get(organisation_a.pk) != "A" or sides.get(organisation_b.pk) != "B":
        raise PairingError(
            "Both organisations must be in the cohort's pool, the first on side A and the second on side B."
        )
    if kind == ConstraintKind.PINNED:
        PairingConstraint.objects.filter(cohort=cohort, kind=ConstraintKind.PINNED).filter(
            Q(organisation_a=organisation_a) | Q(organisation_b=organisation_b)
        ).delete()
    constraint, _created = PairingConstraint.objects.update_or_create(
        cohort=cohort,
        organisation_a=organisation_a,
        organisation_b=organisation_b,
        defaults={"kind": kind, "reason": reason[:300]},
    )
    return constraint


@transaction.atomic
def release_pair(
    *, cohort: Cohort, organisation_a: Organisation, organisation_b: Organisation
) -> None:
    PairingConstraint.objects.filter(
        cohort=cohort, organisation_a=organisation_a, organisation_b=organisation_b
    ).delete()


def _matching_cohort(cohort: Cohort) -> tuple[MatchingCohort, dict[str, Organisation]]:
    members = list(
        cohort.pool.select_related("organisation").prefetch_related("organisation__topics")
    )
    if not any(m.side == "A" for m in members) or not any(m.side == "B" for m in members):
        raise PairingError(_("The pool needs organisations on both sides before pairing."))
    organisations = {str(m.organisation_id): m.organisation for m in members}
    profiles = [organisation_profile(m.organisation, m.side) for m in members]
    constraints = list(cohort.pairing_constraints.all())
    pinned = [
        (str(c.organisation_a_id), str(c.organisation_b_id))
        for c in constraints
        if c.kind == ConstraintKind.PINNED
    ]
    forbidden = [
        (str(c.organisation_a_id), str(c.organisation_b_id))
        for c in constraints
        if c.kind == ConstraintKind.FORBIDDEN
    ]
    # Pairs already formed in this cohort are kept as they are.
    for pair in cohort.pairs.exclude(status=PairStatus.WITHDRAWN):
        key = (str(pair.organisation_a_id), str(pair.organisation_b_id))
        if all(k in organisations for k in key) and key not in pinned:
            pinned.append(key)
    return MatchingCohort(
        profiles=profiles, fixed=pinned, forbidden=forbidden, name=str(cohort)
    ), organisations


def compute_pairing(
    cohort: Cohort, *, maximise_weakest: bool = False, job: Job | None = None
) -> dict[str, Any]:
    """Run the engine on the cohort's pool; a JSON-ready proposal with reasons in both languages."""
    if job is not None:
        report_progress(job, done=1, total=3, message=job_text(gettext_noop("building profiles")))
    matching_input, organisations = _matching_cohort(cohort)
    if job is not None:
        report_progress(
            job,
            done=2,
            total=3,
            message=job_text(
                gettext_noop("scoring %(a)d × %(b)d organisations"),
                a=len(matching_input.side_a),
                b=len(matching_input.side_b),
            ),
        )
    result = match_cohort(
        matching_input,
        embedder=matching_embedder(),
        maximise_weakest=maximise_weakest,
        top=ALTERNATIVES + 1,
    )
    pinned = {tuple(pair) for pair in matching_input.fixed}
    pairs = [
        {
            "a": int(pair.a),
            "b": int(pair.b),
            "score": round(pair.score, 4),
            "fixed": pair.fixed or (pair.a, pair.b) in pinned,
            "reasons": {
                "en": [render(r, "en") for r in pair.reasons],
                "zh": [render(r, "zh") for r in pair.reasons],
            },
            "alternatives_a": [int(other) for other in result.rankings[pair.a] if other != pair.b][
                :ALTERNATIVES
            ],
            "alternatives_b": [int(other) for other in result.rankings[pair.b] if other != pair.a][
                :ALTERNATIVES
            ],
        }
        for pair in result.pairs
    ]
    return {
        "pairs": pairs,
        "unmatched": [int(identifier) for identifier in result.unmatched],
        "blocking_pairs": result.blocking_pairs,
        "blocking_examples": [
            [int(a), int(b), round(score, 4)] for a, b, score in result.blocking_examples
        ],
        "names": {
            identifier: organisation.name for identifier, organisation in organisations.items()
        },
    }


def run_pairing(job: Job, run_id: int) -> dict[str, Any]:
    run = PairingRun.objects.select_related("cohort").get(pk=run_id)
    run.result = compute_pairing(run.cohort, maximise_weakest=run.maximise_weakest, job=job)
    run.save(update_fields=["result"])
    return {"pairs": len(run.result["pairs"]), "unmatched": len(run.result["unmatched"])}


@transaction.atomic
def start_pairing_run(*, cohort: Cohort, user: Any, maximise_weakest: bool = False) -> PairingRun:
    """Queue a pairing run as a background job; its page shows progress and the proposal."""
    from twinning.programmes.tasks import pairing_task

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
    enqueue_after_commit(pairing_task, job.pk, run.pk)
    return run


REASON_LIMIT = 2000


def _chosen_pairs(run: PairingRun, pairs: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    proposed = {(p["a"], p["b"]) for p in run.result["pairs"]}
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
    if not is_coordinator(user):
        raise PermissionDenied("Only coordinators can accept a pairing proposal.")
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
    if not run.result.get("pairs"):
        raise PairingError(_("This run has no proposal to accept (yet)."))
    from twinning.programmes.actions import ProgrammeError, form_pair

    chosen = _chosen_pairs(run, pairs)
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
    from twinning.programmes.signals import pairs_accepted

    pairs_accepted.send(sender=PairingRun, run=run, pairs=formed, actor=user)
    return formed
