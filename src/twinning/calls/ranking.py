"""Aggregated review scores, the committee's ranking, and proposed pairs of single applicants."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch

from twinning.calls.enums import ApplicationKind, ApplicationStatus, Side
from twinning.calls.models import Application, Call, Review, Score
from twinning.calls.suggestions import shared_topic_score


def weighted_score(scores: Iterable[tuple[int, int, int]]) -> float | None:
    """Weighted mean of (weight, value, max) as a percentage of the highest possible; None without scores."""
    rows = list(scores)
    total_weight = sum(weight for weight, _value, _max in rows)
    if not total_weight:
        return None
    return round(100 * sum(weight * value / maximum for weight, value, maximum in rows) / total_weight, 2)


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
    reviews = Prefetch("reviews", queryset=Review.objects.select_related("reviewer").prefetch_related(scores))
    applications = (
        call.applications.exclude(status__in=[ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN])
        .select_related("organisation", "partner", "proposed_partner")
        .prefetch_related(reviews, "organisation__topics")
    )
    ranked = []
    for application in applications:
        done = [review for review in application.reviews.all() if review.is_submitted]
        per_review = [weighted_score((s.criterion.weight, s.value, s.criterion.max_score) for s in review.scores.all()) for review in done]
        per_review = [value for value in per_review if value is not None]
        means = {}
        for criterion in criteria:
            values = [s.value for review in done for s in review.scores.all() if s.criterion_id == criterion.pk]
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
    ranked.sort(key=lambda row: (row.score is None, -(row.score or 0), row.application.organisation.name))
    return ranked


def proposed_pairs(ranked: list[RankedApplication]) -> list[tuple[RankedApplication, RankedApplication, list[str]]]:
    """Pairs of single applicants (side A, side B) for the committee to consider, best first.

    Fallback until the matching package offers a public recommender: mutual proposals first,
    then greedy by shared topics and the two review scores.
    """
    singles = [row for row in ranked if row.application.kind == ApplicationKind.SINGLE]
    side_a = [row for row in singles if row.application.side == Side.A]
    side_b = [row for row in singles if row.application.side == Side.B]
    candidates = []
    for row_a in side_a:
        for row_b in side_b:
            a, b = row_a.application, row_b.application
            topics, reasons = shared_topic_score(a.organisation, b.organisation)
            mutual = a.proposed_partner_id == b.organisation_id and b.proposed_partner_id == a.organisation_id
            one_way = a.proposed_partner_id == b.organisation_id or b.proposed_partner_id == a.organisation_id
            if mutual:
                reasons = ["both proposed each other", *reasons]
            elif one_way:
                reasons = ["one proposed the other", *reasons]
            key = (mutual, one_way, topics, (row_a.score or 0) + (row_b.score or 0))
            candidates.append((key, row_a, row_b, reasons))
    candidates.sort(key=lambda item: item[0], reverse=True)
    used: set[int] = set()
    pairs = []
    for _key, row_a, row_b, reasons in candidates:
        if row_a.application.pk in used or row_b.application.pk in used:
            continue
        used |= {row_a.application.pk, row_b.application.pk}
        pairs.append((row_a, row_b, reasons))
    return pairs
