"""The pairing app's API router (tag "matching"): suggested partners, stateless cohort
matching, cohort pairing runs."""

from typing import Any

from django.http import HttpRequest
from ninja import Body, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.security import django_auth

from twinning.api.bounds import BoundedPagination, Identifier, RankingLength, Year
from twinning.api.schemas import OrganisationSummary
from twinning.common.models import Job
from twinning.directory.access import access_organisation
from twinning.matching.cohort import match_cohort
from twinning.matching.profiles import CohortError, make_cohort
from twinning.pairing.access import may_pair, may_see_suggestions
from twinning.pairing.actions import accept_pairing_run, start_pairing_run
from twinning.pairing.engine import matching_embedder
from twinning.pairing.errors import PairingError
from twinning.pairing.models import PairingRun
from twinning.pairing.suggestions import reader_language, suggest_partners
from twinning.programmes.access import access_cohort

router = Router(tags=["matching"])
# Suggestions computed for one organisation; the API pages through them.
SUGGESTIONS = 50


class SuggestionOut(Schema):
    organisation: OrganisationSummary
    score: float
    reasons: list[str]
    past_partner: bool  # the two were paired before, in any cohort


class MatchOut(Schema):
    pairs: list[dict[str, Any]]
    unmatched: list[str]
    rankings: dict[str, list[str]]


class RunIn(Schema):
    maximise_weakest: bool = False


class AcceptIn(Schema):
    reason: str
    pairs: list[tuple[int, int]] | None = None  # organisation ids (a, b); None: the whole proposal


class RunOut(Schema):
    id: int
    status: str
    done: int
    total: int
    message: str
    message_key: str
    message_params: dict[str, Any]
    shown_message: str
    error: str
    stalled: bool
    accepted: bool
    maximise_weakest: bool
    proposal: dict[str, Any]


class Refusal(Schema):
    detail: str


def _require_coordinator(request: HttpRequest) -> None:
    if not may_pair(request.user):
        raise HttpError(403, "Only coordinators can pair a cohort.")


def _run_out(run: PairingRun) -> dict[str, Any]:
    job: Job = run.job
    return {
        "id": run.pk,
        "status": job.status,
        "done": job.done,
        "total": job.total,
        "message": job.message,
        "message_key": (job.texts or {}).get("message", ["", {}])[0],
        "message_params": (job.texts or {}).get("message", ["", {}])[1],
        "shown_message": job.shown_message,
        "error": job.error,
        "stalled": job.is_stalled,
        "accepted": run.is_accepted,
        "maximise_weakest": run.maximise_weakest,
        "proposal": run.proposal.to_json() if run.result else {},
    }


@router.get("/organisations/{slug}/suggestions", response=list[SuggestionOut], auth=django_auth)
@paginate(BoundedPagination)
def organisation_suggestions(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    """Best partners on the other side, best first (50 at most, a page at a time).

    For coordinators and the organisation's own staff."""
    organisation = access_organisation(request.user, slug)
    if not may_see_suggestions(request.user, organisation):
        raise HttpError(403, "Suggestions are shown to coordinators and the organisation's staff.")
    found = suggest_partners(
        organisation, user=request.user, limit=SUGGESTIONS, language=reader_language()
    )
    return [
        {
            "organisation": item.organisation,
            "score": item.score,
            "reasons": item.reasons,
            "past_partner": item.past_partner,
        }
        for item in found
    ]


@router.post("/match", response={200: MatchOut, 400: Refusal}, auth=django_auth)
def match(
    request: HttpRequest,
    payload: dict[str, Any] = Body(...),  # noqa: B008 - ninja declares bodies so
    top: RankingLength | None = None,
) -> dict[str, Any] | tuple[int, dict[str, str]]:
    """Pair a cohort given in the body (CONTRACTS §3 input); reads and writes nothing."""
    _require_coordinator(request)
    try:
        cohort = make_cohort(payload)
    except CohortError as error:
        return 400, {"detail": str(error)}
    return match_cohort(cohort, embedder=matching_embedder(), top=top).to_contract(
        reader_language()
    )


@router.get(
    "/programmes/{slug}/cohorts/{year}/pairing",
    response={200: RunOut, 404: Refusal},
    auth=django_auth,
)
def latest_pairing_run(
    request: HttpRequest, slug: str, year: Year
) -> dict[str, Any] | tuple[int, dict[str, str]]:
    _require_coordinator(request)
    run = access_cohort(slug, year).pairing_runs.select_related("job").first()
    if run is None:
        return 404, {"detail": "No pairing run yet."}
    return _run_out(run)


@router.post(
    "/programmes/{slug}/cohorts/{year}/pairing",
    response={202: RunOut, 400: Refusal},
    auth=django_auth,
)
def start_pairing(
    request: HttpRequest, slug: str, year: Year, payload: RunIn
) -> tuple[int, dict[str, Any]]:
    """Queue a pairing run of the cohort's pool; poll the GET endpoint for progress."""
    _require_coordinator(request)
    try:
        run = start_pairing_run(
            cohort=access_cohort(slug, year),
            user=request.user,
            maximise_weakest=payload.maximise_weakest,
        )
    except PairingError as error:
        return 400, {"detail": str(error)}
    run.refresh_from_db()
    return 202, _run_out(run)


@router.post(
    "/programmes/{slug}/cohorts/{year}/pairing/{run_id}/accept",
    response={200: RunOut, 400: Refusal},
    auth=django_auth,
)
def accept_pairing(
    request: HttpRequest, slug: str, year: Year, run_id: Identifier, payload: AcceptIn
) -> dict[str, Any] | tuple[int, dict[str, str]]:
    """Accept the proposal (or the listed pairs of it), giving the committee's reasons."""
    _require_coordinator(request)
    cohort = access_cohort(slug, year)
    run = cohort.pairing_runs.select_related("job").filter(pk=run_id).first()
    if run is None:
        raise HttpError(404, "No such pairing run.")
    try:
        accept_pairing_run(run=run, user=request.user, reason=payload.reason, pairs=payload.pairs)
    except PairingError as error:
        return 400, {"detail": str(error)}
    run.refresh_from_db()
    return _run_out(run)
