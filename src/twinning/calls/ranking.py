"""Aggregated review scores, the committee's ranking, and proposed pairs of single applicants."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from twinning.calls.enums import ApplicationKind, ApplicationStatus, Side
from twinning.calls.models import Application, Call, Review, Score
from twinning.calls.suggestions import ENGINE_SIDE
from twinning.matching.profiles import Cohort as MatchingCohort
from twinning.pairing.engine import propose
from twinning.pairing.profiles import organisation_profile
from twinning.pairing.suggestions import reader_language


def weighted_score(scores: Iterable[tuple[int, int, int]]) -> float | None:
    """Weighted mean of (weight, value, max) as a percentage of the highest possible; None without scores."""
    rows = list(scores)
    total_weight = sum(weight for weight, _value, _max in rows)
    if not total_weight:
        return None
    return round(
        100 * sum(weight * value / maximum for weight, value, maximum in rows) / total_weight, 2
    )


def scores_by_application(call: Call) -> dict[int, float]:
    """Application id → aggregated score as the ranking computes it (mean of submitted reviews), in one query."""
    rows = Score.objects.filter(
        review__application__call=call, review__submitted_at__isnull=False
    ).values_list(
        "review__application_id", "review_id", "criterion__weight", "value", "criterion__max_score"
    )
    per_review: dict[int, dict[int, list[tuple[int, int, int]]]] = {}
    for application_id, review_id, weight, value, maximum in rows:
        per_review.setdefault(application_id, {}).setdefault(review_id, []).append(
            (weight, value, maximum)
        )
    scores = {}
    for application_id, reviews in per_review.items():
        values = [
            score
            for score in (weighted_score(rows) for rows in reviews.values())
            if score is not None
        ]
        if values:
            scores[application_id] = round(sum(values) / len(values), 2)
    return scores


@dataclass
class RankedApplication:
    application: Application
    score: float | None
    reviews_done: int
    reviews_assigned: int
    criterion_means: dict[int, float] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)


def ranked_applications(call: Call) -> list[RankedApplication]:
    """Submitted (or decided) applications, best aggregated score first; unscored ones last."""
    criteria = list(call.criteria.all())
    scores = Prefetch("scores", queryset=Score.objects.select_related("criterion"))
    reviews = Prefetch(
        "reviews", queryset=Review.objects.select_related("reviewer").prefetch_related(scores)
    )
    applications = (
        call.applications.exclude(status__in=[ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN])
        .select_related("organisation", "partner", "proposed_partner")
        .prefetch_related(reviews, "organisation__topics")
    )
    ranked = []
    for application in applications:
        done = [review for review in application.reviews.all() if review.is_submitted]
        weighted = [
            weighted_score(
                (s.criterion.weight, s.value, s.criterion.max_score) for s in review.scores.all()
            )
            for review in done
        ]
        per_review = [value for value in weighted if value is not None]
        means = {}
        for criterion in criteria:
            values = [
                s.value
                for review in done
                for s in review.scores.all()
                if s.criterion_id == criterion.pk
            ]
            if values:
                means[criterion.pk] = round(sum(values) / len(values), 2)
        ranked.append(
            RankedApplication(
                application=application,
                score=round(sum(per_review) / len(per_review), 2) if per_review else None,
                reviews_done=len(done),
                reviews_assigned=len(application.reviews.all()),
                criterion_means=means,
                comments=[review.comment for review in done if review.comment],
            )
        )
    ranked.sort(
        key=lambda row: (row.score is None, -(row.score or 0), row.application.organisation.name)
    )
    return ranked


def proposed_pairs(
    ranked: list[RankedApplication],
) -> list[tuple[RankedApplication, RankedApplication, list[str]]]:
    """Pairs of single applicants (side A, side B) proposed by the matching engine, best first.

    Mutual proposals are kept as fixed pairs; the engine pairs the rest for the best total and
    explains each pair. The committee decides.
    """
    singles = [row for row in ranked if row.application.kind == ApplicationKind.SINGLE]
    side_a = [row for row in singles if row.application.side == Side.A]
    side_b = [row for row in singles if row.application.side == Side.B]
    if not side_a or not side_b:
        return []
    rows = {str(row.application.organisation_id): row for row in singles}
    profiles = [
        organisation_profile(row.application.organisation, ENGINE_SIDE[row.application.side])
        for row in singles
    ]
    mutual = [
        (str(a.application.organisation_id), str(b.application.organisation_id))
        for a in side_a
        for b in side_b
        if a.application.proposed_partner_id == b.application.organisation_id
        and b.application.proposed_partner_id == a.application.organisation_id
    ]
    proposal = propose(
        MatchingCohort(profiles=profiles, fixed=mutual), top=1, drop_reasons={"fixed"}
    )
    language = reader_language()
    pairs = []
    for pair in proposal.pairs:
        reasons = pair.reasons_in(language)
        if pair.fixed:
            reasons.insert(0, str(_("both proposed each other")))
        pairs.append((rows[str(pair.a)], rows[str(pair.b)], reasons))
    return pairs
