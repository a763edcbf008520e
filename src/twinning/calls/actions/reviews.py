"""Assigning reviewers without conflicts of interest, by hand or with balanced loads, and scoring."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.calls.actions.base import CallError, ConflictOfInterest, audit
from twinning.calls.conflicts import conflicts_of
from twinning.calls.enums import ApplicationStatus, AuditVerb, CallStatus
from twinning.calls.models import Application, Call, CommitteeMember, Review, Score


def _require_reviewable(application: Application) -> None:
    if application.call.status != CallStatus.OPEN:
        raise CallError(_("The call is decided; reviews are closed."))
    if application.status != ApplicationStatus.SUBMITTED:
        raise CallError(_("Only submitted applications are reviewed."))


@transaction.atomic
def assign_reviewer(*, application: Application, reviewer: Any, actor: Any) -> Review:
    """Assign a committee member; a conflict of interest refuses it with the reasons."""
    _require_reviewable(application)
    if not CommitteeMember.objects.filter(call=application.call, user=reviewer).exists():
        raise CallError(_("%(name)s is not on this call's committee.") % {"name": reviewer})
    reasons = conflicts_of(reviewer, application)
    if reasons:
        raise ConflictOfInterest(reasons)
    if Review.objects.filter(application=application, reviewer=reviewer).exists():
        raise CallError(_("%(name)s already reviews this application.") % {"name": reviewer})
    review = Review.objects.create(application=application, reviewer=reviewer, assigned_by=actor)
    audit(
        call=application.call,
        actor=actor,
        verb=AuditVerb.ASSIGNED,
        subject=review,
        changes={"application": application.pk, "reviewer": reviewer.username},
    )
    return review


@transaction.atomic
def assign_reviewers_automatically(*, call: Call, actor: Any) -> list[Review]:
    """Give every submitted application up to `reviews_per_application` reviewers, least-loaded first, never conflicted."""
    if call.status != CallStatus.OPEN:
        raise CallError(_("The call is decided; reviews are closed."))
    members = [
        member.user
        for member in CommitteeMember.objects.filter(call=call)
        .select_related("user")
        .order_by("user__username")
    ]
    if not members:
        raise CallError(_("The call has no committee members yet."))
    loads = dict(
        Review.objects.filter(application__call=call)
        .values_list("reviewer")
        .annotate(count=Count("pk"))
        .values_list("reviewer", "count")
    )
    created: list[Review] = []
    applications = (
        call.applications.filter(status=ApplicationStatus.SUBMITTED)
        .select_related("organisation", "partner", "call")
        .order_by("submitted_at", "pk")
    )
    for application in applications:
        assigned = set(application.reviews.values_list("reviewer_id", flat=True))
        missing = call.reviews_per_application - len(assigned)
        candidates = sorted(
            (m for m in members if m.pk not in assigned),
            key=lambda m: (loads.get(m.pk, 0), m.username),
        )
        for reviewer in candidates:
            if missing <= 0:
                break
            if conflicts_of(reviewer, application):
                continue
            review = Review.objects.create(
                application=application, reviewer=reviewer, assigned_by=actor
            )
            audit(
                call=call,
                actor=actor,
                verb=AuditVerb.ASSIGNED,
                subject=review,
                changes={
                    "application": application.pk,
                    "reviewer": reviewer.username,
                    "automatic": True,
                },
            )
            loads[reviewer.pk] = loads.get(reviewer.pk, 0) + 1
            created.append(review)
            missing -= 1
    return created


@transaction.atomic
def unassign_reviewer(*, review: Review, actor: Any) -> None:
    """Remove an assignment that has no submitted review yet."""
    if review.is_submitted:
        raise CallError(_("A submitted review cannot be removed."))
    audit(
        call=review.application.call,
        actor=actor,
        verb=AuditVerb.UNASSIGNED,
        subject=review,
        changes={"application": review.application_id, "reviewer": review.reviewer.username},
    )
    review.delete()


@transaction.atomic
def score_application(
    *,
    review: Review,
    scores: dict[int, tuple[int, str]],
    actor: Any,
    comment: str = "",
    submit: bool = True,
) -> Review:
    """Store scores per criterion id as (value, comment); submitting needs every criterion scored.

    Without `submit` the review stays a draft and may hold some scores only; a submitted
    review is locked and refused here, whichever page or API sends the change.
    """
    application = review.application
    if review.is_submitted:
        raise CallError(_("This review is submitted and can no longer be changed."))
    _require_reviewable(application)
    reasons = conflicts_of(review.reviewer, application)
    if reasons:
        raise ConflictOfInterest(reasons)
    criteria = {criterion.pk: criterion for criterion in application.call.criteria.all()}
    problems = []
    for criterion_id, (value, _comment) in scores.items():
        criterion = criteria.get(int(criterion_id))
        if criterion is None:
            problems.append(_("Unknown criterion %(id)s.") % {"id": criterion_id})
        elif not 0 <= int(value) <= criterion.max_score:
            problems.append(
                _("The score for “%(name)s” must be between 0 and %(max)d.")
                % {"name": criterion.display_name, "max": criterion.max_score}
            )
    missing = [criteria[pk].display_name for pk in criteria if pk not in {int(k) for k in scores}]
    if submit and missing:
        problems.append(
            _("Please score every criterion: %(names)s.") % {"names": ", ".join(missing)}
        )
    if problems:
        raise CallError(problems)
    for criterion_id, (value, note) in scores.items():
        Score.objects.update_or_create(
            review=review,
            criterion=criteria[int(criterion_id)],
            defaults={"value": int(value), "comment": note},
        )
    review.comment = comment
    if submit:
        review.submitted_at = timezone.now()
    review.save()
    audit(
        call=application.call,
        actor=actor,
        verb=AuditVerb.SCORED,
        subject=review,
        changes={"scores": {str(k): int(v[0]) for k, v in scores.items()}, "submitted": submit},
    )
    return review
