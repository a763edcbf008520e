"""The matching engine run on a cohort's pool: profiles in, a typed `Proposal` out.

The scoring lives in the pure `twinning.matching` package; this module turns pool rows into
its cohort (constraints and the cohort's existing pairs kept) and its result into a proposal
with reasons in English and Chinese, alternatives and the stability report.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from twinning.common.jobs import job_text, report_progress
from twinning.common.models import Job
from twinning.directory.models import Organisation
from twinning.matching.cohort import match_cohort
from twinning.matching.embedding import Embedder, HashingEmbedder
from twinning.matching.embedding import matching_embedder as fused_matching_embedder
from twinning.matching.profiles import Cohort as MatchingCohort
from twinning.matching.reasons import render
from twinning.pairing.enums import ConstraintKind
from twinning.pairing.errors import PairingError
from twinning.pairing.profiles import organisation_profile
from twinning.pairing.proposal import LANGUAGES, Proposal, ProposedPair
from twinning.programmes.enums import PairStatus
from twinning.programmes.models import Cohort

ALTERNATIVES = 3


def matching_embedder() -> Embedder:
    """USE + e5-small fused (ADR 0007) unless settings choose the cheap hashing embedder (tests)."""
    if getattr(settings, "TWINNING_MATCHING_EMBEDDER", "use") == "hashing":
        return HashingEmbedder()
    return fused_matching_embedder()


def propose(
    cohort: MatchingCohort,
    *,
    maximise_weakest: bool = False,
    top: int = ALTERNATIVES + 1,
    drop_reasons: Iterable[str] = (),
    names: dict[str, str] | None = None,
) -> Proposal:
    """Pair `cohort` (ids are organisation pks) with the engine; reasons whose code is in
    `drop_reasons` are left out (callers that say it their own way)."""
    result = match_cohort(
        cohort, embedder=matching_embedder(), maximise_weakest=maximise_weakest, top=top
    )
    pinned = {tuple(pair) for pair in cohort.fixed}
    dropped = set(drop_reasons)
    pairs = []
    for pair in result.pairs:
        kept = [reason for reason in pair.reasons if reason.code not in dropped]
        pairs.append(
            ProposedPair(
                a=int(pair.a),
                b=int(pair.b),
                score=round(pair.score, 4),
                fixed=pair.fixed or (pair.a, pair.b) in pinned,
                reasons={lang: tuple(render(r, lang) for r in kept) for lang in LANGUAGES},
                alternatives_a=tuple(
                    int(other) for other in result.rankings[pair.a] if other != pair.b
                )[:ALTERNATIVES],
                alternatives_b=tuple(
                    int(other) for other in result.rankings[pair.b] if other != pair.a
                )[:ALTERNATIVES],
            )
        )
    return Proposal(
        pairs=tuple(pairs),
        unmatched=tuple(int(identifier) for identifier in result.unmatched),
        blocking_pairs=result.blocking_pairs,
        blocking_examples=tuple(
            (int(a), int(b), round(score, 4)) for a, b, score in result.blocking_examples
        ),
        names=names or {},
    )


def matching_cohort(cohort: Cohort) -> tuple[MatchingCohort, dict[str, Organisation]]:
    """The cohort's pool as the engine's cohort: pins and the cohort's pairs fixed, forbidden
    pairs excluded; with the pooled organisations by id."""
    members = list(
        cohort.pool.select_related("organisation").prefetch_related("organisation__topics")
    )
    if not any(m.side == "A" for m in members) or not any(m.side == "B" for m in members):
        raise PairingError(_both_sides())
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


def _both_sides() -> str:
    return _("The pool needs organisations on both sides before pairing.")


def compute_pairing(
    cohort: Cohort, *, maximise_weakest: bool = False, job: Job | None = None
) -> Proposal:
    """Run the engine on the cohort's pool, reporting progress on `job`; reads, writes nothing."""
    if job is not None:
        report_progress(job, done=1, total=3, message=job_text(gettext_noop("building profiles")))
    engine_cohort, organisations = matching_cohort(cohort)
    if job is not None:
        report_progress(
            job,
            done=2,
            total=3,
            message=job_text(
                gettext_noop("scoring %(a)d × %(b)d organisations"),
                a=len(engine_cohort.side_a),
                b=len(engine_cohort.side_b),
            ),
        )
    return propose(
        engine_cohort,
        maximise_weakest=maximise_weakest,
        names={identifier: o.name for identifier, o in organisations.items()},
    )
