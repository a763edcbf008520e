"""Permission-checked reads of calls, applications and reviews, for web views and the API alike.

What a user may not see is reported as missing (404); what they may see but not do is refused (403).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from twinning.calls.conflicts import conflicts_of
from twinning.calls.enums import CallStatus, PartnerStatus
from twinning.calls.models import Application, Call, Review
from twinning.directory.access import is_coordinator
from twinning.directory.models import Organisation

APPLICATION_RELATED = (
    "call__programme",
    "call__cohort",
    "organisation",
    "partner",
    "proposed_partner",
)


def visible_calls(user: Any) -> QuerySet[Call]:
    """Published calls; coordinators also see drafts."""
    calls = Call.objects.select_related("programme", "cohort")
    if not is_coordinator(user):
        calls = calls.exclude(status=CallStatus.DRAFT)
    return calls


def access_call(user: Any, slug: str) -> Call:
    try:
        return visible_calls(user).get(slug=slug)
    except Call.DoesNotExist:
        raise Http404("No such call.") from None


def access_call_to_coordinate(user: Any, slug: str) -> Call:
    call = access_call(user, slug)
    if not is_coordinator(user):
        raise PermissionDenied("Only coordinators manage calls.")
    return call


def organisations_of(user: Any) -> QuerySet[Organisation]:
    """Organisations the user speaks for (approved staff)."""
    if not (user and user.is_authenticated):
        return Organisation.objects.none()
    return Organisation.objects.filter(staff__user=user, staff__is_approved=True)


def applications_of(user: Any) -> QuerySet[Application]:
    """Applications the user's organisations made or were invited to join; coordinators see all."""
    applications = Application.objects.select_related(*APPLICATION_RELATED)
    if is_coordinator(user):
        return applications
    mine = organisations_of(user)
    invited = Q(partner__in=mine) & ~Q(partner_status=PartnerStatus.NONE)
    return applications.filter(Q(organisation__in=mine) | invited).distinct()


def access_application(user: Any, pk: int) -> Application:
    """An application the user may read: its own or invited staff, a coordinator, or an unconflicted assigned reviewer."""
    application = applications_of(user).filter(pk=pk).first()
    if application is not None:
        return application
    review = (
        reviews_of(user)
        .filter(application_id=pk)
        .select_related(*(f"application__{r}" for r in APPLICATION_RELATED))
        .first()
    )
    if review is None or conflicts_of(user, review.application):
        raise Http404("No such application.")
    return review.application


def access_application_to_edit(user: Any, pk: int) -> Application:
    """An application the user may change: staff of the applying organisation, or a coordinator."""
    application = access_application(user, pk)
    if not (
        is_coordinator(user)
        or organisations_of(user).filter(pk=application.organisation_id).exists()
    ):
        raise PermissionDenied(
            "Only the applying organisation's staff can change this application."
        )
    return application


def access_invitation(user: Any, pk: int) -> Application:
    """An application whose tandem invitation the user may answer: staff of the invited partner."""
    application = access_application(user, pk)
    if not (
        application.partner_id and organisations_of(user).filter(pk=application.partner_id).exists()
    ):
        raise PermissionDenied("Only the invited partner's staff can answer this invitation.")
    return application


def reviews_of(user: Any) -> QuerySet[Review]:
    """Reviews assigned to the user."""
    if not (user and user.is_authenticated):
        return Review.objects.none()
    return Review.objects.filter(reviewer=user)


def listed_reviews(user: Any) -> QuerySet[Review]:
    """Reviews assigned to the user, without those of organisations they declared a conflict with.

    Conflicts from relations are checked on every single review (`access_review`), not on the list.
    """
    return (
        reviews_of(user)
        .exclude(application__organisation__declared_conflicts__reviewer=user)
        .exclude(application__partner__declared_conflicts__reviewer=user)
        .select_related("application__call", "application__organisation", "application__partner")
    )


def access_review(user: Any, pk: int) -> Review:
    """A review assigned to the user; a conflict found since the assignment hides it."""
    review = (
        reviews_of(user)
        .select_related(*(f"application__{r}" for r in APPLICATION_RELATED))
        .filter(pk=pk)
        .first()
    )
    if review is None or conflicts_of(user, review.application):
        raise Http404("No such review.")
    return review


def can_see_ranking(user: Any, call: Call) -> bool:
    """Coordinators, and committee members once the call is decided."""
    return is_coordinator(user) or (
        call.status == CallStatus.DECIDED
        and bool(user and user.is_authenticated)
        and call.committee.filter(user=user).exists()
    )


def require_coordinator(user: Any) -> None:
    """Opening calls is for coordinators: the pages, the API and the CLI ask here."""
    if not is_coordinator(user):
        raise PermissionDenied("Only coordinators open calls.")
