"""API endpoints of calls, applications, reviews and decisions; same access rules as the pages."""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.security import django_auth

from twinning.api.bounds import BoundedPagination, Identifier
from twinning.api.call_schemas import (
    ApplicationIn,
    ApplicationOut,
    ApplicationUpdate,
    AssignmentIn,
    CallIn,
    CallOut,
    DecisionIn,
    DecisionOut,
    EditConflictOut,
    InvitationAnswer,
    RankingOut,
    Refusal,
    ReviewIn,
    ReviewOut,
)
from twinning.calls import actions
from twinning.calls.access import (
    access_application,
    access_application_to_edit,
    access_call,
    access_call_to_coordinate,
    access_invitation,
    access_review,
    applications_of,
    can_see_ranking,
    listed_reviews,
    organisations_of,
    require_coordinator,
    visible_calls,
)
from twinning.calls.models import Application, Call, Decision, Review
from twinning.calls.ranking import ranked_applications
from twinning.directory.models import Organisation
from twinning.programmes.access import access_programme

router = Router(tags=["calls"])

# A 400 answer: the status and the Refusal body.
Refused = tuple[int, dict[str, Any]]


def _refuse(error: actions.CallError) -> Refused:
    return 400, {"detail": str(error), "reasons": error.reasons}


def _forbid(error: PermissionDenied) -> HttpError:
    return HttpError(403, str(error) or "Forbidden.")


def _calls() -> tuple[tuple[str, ...], tuple[str, ...]]:
    return ("programme", "cohort"), ("questions", "criteria", "windows__call")


@router.get("/calls", response=list[CallOut])
@paginate(BoundedPagination)
def list_calls(request: HttpRequest) -> QuerySet[Call]:
    related, prefetch = _calls()
    return visible_calls(request.user).select_related(*related).prefetch_related(*prefetch)


@router.get("/calls/{slug}", response=CallOut)
def get_call(request: HttpRequest, slug: str) -> Call:
    return access_call(request.user, slug)


@router.post("/calls", response={201: CallOut, 400: Refusal}, auth=django_auth)
def create_call(request: HttpRequest, payload: CallIn) -> tuple[int, Call] | Refused:
    try:
        require_coordinator(request.user)
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None
    data = payload.dict()
    programme = access_programme(data.pop("programme"))
    try:
        return 201, actions.open_call(programme=programme, actor=request.user, **data)
    except actions.CallError as error:
        return _refuse(error)


@router.get("/applications", response=list[ApplicationOut], auth=django_auth)
@paginate(BoundedPagination)
def list_applications(request: HttpRequest) -> QuerySet[Application]:
    return applications_of(request.user).prefetch_related("answer_rows").order_by("pk")


@router.get("/applications/{application_id}", response=ApplicationOut, auth=django_auth)
def get_application(request: HttpRequest, application_id: Identifier) -> Application:
    return access_application(request.user, application_id)


@router.post(
    "/calls/{slug}/applications", response={201: ApplicationOut, 400: Refusal}, auth=django_auth
)
def start_application(
    request: HttpRequest, slug: str, payload: ApplicationIn
) -> tuple[int, Application] | Refused:
    call = access_call(request.user, slug)
    organisation = organisations_of(request.user).filter(slug=payload.organisation).first()
    if organisation is None:
        raise HttpError(403, "You do not speak for this organisation.")
    partner = (
        get_object_or_404(Organisation, slug=payload.partner, is_published=True)
        if payload.partner
        else None
    )
    try:
        return 201, actions.start_application(
            call=call,
            organisation=organisation,
            actor=request.user,
            kind=payload.kind,
            partner=partner,
        )
    except actions.CallError as error:
        return _refuse(error)


@router.patch(
    "/applications/{application_id}",
    response={200: ApplicationOut, 400: Refusal, 409: EditConflictOut},
    auth=django_auth,
)
def update_application(
    request: HttpRequest, application_id: Identifier, payload: ApplicationUpdate
) -> Application | Refused:
    try:
        application = access_application_to_edit(request.user, application_id)
        return actions.save_application(
            application=application,
            actor=request.user,
            answers=payload.answers,
            staff_is_permanent=payload.staff_is_permanent,
            based_on=payload.based_on,
        )
    except PermissionDenied as error:
        raise _forbid(error) from None
    except actions.EditConflict as error:
        return 409, {"detail": str(error), "reasons": error.reasons, "questions": error.questions}
    except actions.CallError as error:
        return _refuse(error)


@router.post(
    "/applications/{application_id}/submit",
    response={200: ApplicationOut, 400: Refusal},
    auth=django_auth,
)
def submit_application(request: HttpRequest, application_id: Identifier) -> Application | Refused:
    try:
        application = access_application_to_edit(request.user, application_id)
        return actions.submit_application(application=application, actor=request.user)
    except PermissionDenied as error:
        raise _forbid(error) from None
    except actions.CallError as error:
        return _refuse(error)


@router.post(
    "/applications/{application_id}/invitation",
    response={200: ApplicationOut, 400: Refusal},
    auth=django_auth,
)
def answer_invitation(
    request: HttpRequest, application_id: Identifier, payload: InvitationAnswer
) -> Application | Refused:
    try:
        application = access_invitation(request.user, application_id)
        answer = actions.confirm_tandem if payload.confirm else actions.decline_tandem
        return answer(application=application, actor=request.user)
    except PermissionDenied as error:
        raise _forbid(error) from None
    except actions.CallError as error:
        return _refuse(error)


@router.get("/reviews", response=list[ReviewOut], auth=django_auth)
@paginate(BoundedPagination)
def list_reviews(request: HttpRequest) -> QuerySet[Review]:
    return (
        listed_reviews(request.user)
        .select_related("reviewer")
        .prefetch_related("scores")
        .order_by("pk")
    )


@router.get("/reviews/{review_id}", response=ReviewOut, auth=django_auth)
def get_review(request: HttpRequest, review_id: Identifier) -> Review:
    return access_review(request.user, review_id)


@router.post(
    "/reviews/{review_id}/scores", response={200: ReviewOut, 400: Refusal}, auth=django_auth
)
def score_review(
    request: HttpRequest, review_id: Identifier, payload: ReviewIn
) -> Review | Refused:
    review = access_review(request.user, review_id)
    scores = {score.criterion: (score.value, score.comment) for score in payload.scores}
    try:
        return actions.score_application(
            review=review,
            scores=scores,
            comment=payload.comment,
            submit=payload.submit,
            actor=request.user,
        )
    except actions.CallError as error:
        return _refuse(error)


def _coordinated_call(request: HttpRequest, slug: str) -> Call:
    try:
        return access_call_to_coordinate(request.user, slug)
    except PermissionDenied as error:
        raise _forbid(error) from None


@router.post("/calls/{slug}/assignments", response={201: ReviewOut, 400: Refusal}, auth=django_auth)
def assign_reviewer(
    request: HttpRequest, slug: str, payload: AssignmentIn
) -> tuple[int, Review] | Refused:
    call = _coordinated_call(request, slug)
    application = get_object_or_404(Application, pk=payload.application, call=call)
    reviewer = get_object_or_404(get_user_model(), username=payload.reviewer)
    try:
        return 201, actions.assign_reviewer(
            application=application, reviewer=reviewer, actor=request.user
        )
    except actions.CallError as error:
        return _refuse(error)


@router.post(
    "/calls/{slug}/assignments/automatic",
    response={200: list[ReviewOut], 400: Refusal},
    auth=django_auth,
)
def assign_automatically(request: HttpRequest, slug: str) -> list[Review] | Refused:
    call = _coordinated_call(request, slug)
    try:
        return actions.assign_reviewers_automatically(call=call, actor=request.user)
    except actions.CallError as error:
        return _refuse(error)


@router.get("/calls/{slug}/ranking", response=list[RankingOut], auth=django_auth)
@paginate(BoundedPagination)
def ranking(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    call = access_call(request.user, slug)
    if not can_see_ranking(request.user, call):
        raise HttpError(403, "Only coordinators see the committee's ranking.")
    rows: list[dict[str, Any]] = []
    for row in ranked_applications(call):
        application = row.application
        decision = getattr(application, "decision", None)
        rows.append(
            {
                "application": application.pk,
                "organisation": application.organisation.slug,
                "partner": application.partner.slug if application.partner is not None else None,
                "kind": application.kind,
                "score": row.score,
                "reviews_done": row.reviews_done,
                "decision": decision.outcome if decision else None,
            }
        )
    return rows


def _decision_out(decision: Decision) -> dict[str, Any]:
    return {
        "application": decision.application_id,
        "outcome": decision.outcome,
        "paired_with": decision.paired_with_id,
        "pending": decision.is_pending,
        "pair": decision.pair_id,
    }


@router.post("/calls/{slug}/decisions", response={200: DecisionOut, 400: Refusal}, auth=django_auth)
def record_decision(
    request: HttpRequest, slug: str, payload: DecisionIn
) -> dict[str, Any] | Refused:
    call = _coordinated_call(request, slug)
    application = get_object_or_404(Application, pk=payload.application, call=call)
    paired_with = (
        get_object_or_404(Application, pk=payload.paired_with, call=call)
        if payload.paired_with
        else None
    )
    try:
        decision = actions.record_decision(
            application=application,
            outcome=payload.outcome,
            paired_with=paired_with,
            note=payload.note,
            actor=request.user,
        )
    except (actions.CallError, ValueError) as error:
        return _refuse(
            error if isinstance(error, actions.CallError) else actions.CallError(str(error))
        )
    return _decision_out(decision)


@router.post(
    "/calls/{slug}/decisions/apply",
    response={200: list[DecisionOut], 400: Refusal},
    auth=django_auth,
)
def apply_decisions(request: HttpRequest, slug: str) -> list[dict[str, Any]] | Refused:
    call = _coordinated_call(request, slug)
    try:
        return [
            _decision_out(decision)
            for decision in actions.apply_decisions(call=call, actor=request.user)
        ]
    except actions.CallError as error:
        return _refuse(error)
