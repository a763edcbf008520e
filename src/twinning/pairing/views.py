"""Coordinator pages for pairing a cohort, and suggested partners on an organisation's page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinning.common.http import AuthenticatedHttpRequest
from twinning.directory.access import access_organisation, is_coordinator, speaks_for
from twinning.directory.models import Organisation
from twinning.pairing.actions import (
    PairingError,
    accept_pairing_run,
    add_to_pool,
    constrain_pair,
    release_pair,
    remove_from_pool,
    start_pairing_run,
    suggest_partners,
)
from twinning.pairing.models import PairingRun
from twinning.programmes.access import access_cohort
from twinning.programmes.enums import ConstraintKind, Side


def _language() -> str:
    return "zh" if (get_language() or "en").startswith("zh") else "en"


def suggestions(request: HttpRequest, slug: str) -> HttpResponse:
    """Suggested partners: shown to coordinators and the organisation's own staff only."""
    organisation = access_organisation(request.user, slug)
    if not speaks_for(request.user, organisation):
        raise PermissionDenied(
            "Suggestions are shown to coordinators and the organisation's staff."
        )
    found = suggest_partners(organisation, user=request.user, language=_language())
    return render(
        request,
        "pairing/_suggestions.html",
        {"organisation": organisation, "suggestions": found},
    )


def _require_coordinator(request: HttpRequest) -> None:
    if not is_coordinator(request.user):
        raise PermissionDenied("Only coordinators can pair a cohort.")


def _proposal_rows(run: PairingRun | None, language: str) -> list[dict]:
    if run is None or not run.result.get("pairs"):
        return []
    organisations = Organisation.objects.in_bulk(
        {
            i
            for p in run.result["pairs"]
            for i in (p["a"], p["b"], *p["alternatives_a"], *p["alternatives_b"])
        }
    )
    return [
        {
            **pair,
            "organisation_a": organisations[pair["a"]],
            "organisation_b": organisations[pair["b"]],
            "reason_text": pair["reasons"][language],
            "others_a": [organisations[i] for i in pair["alternatives_a"] if i in organisations],
            "others_b": [organisations[i] for i in pair["alternatives_b"] if i in organisations],
        }
        for pair in run.result["pairs"]
    ]


@login_required
def cohort_pairing(request: AuthenticatedHttpRequest, slug: str, year: int) -> HttpResponse:
    _require_coordinator(request)
    cohort = access_cohort(slug, year)
    run = cohort.pairing_runs.select_related("job").first()
    pool = list(cohort.pool.select_related("organisation"))
    pooled = {member.organisation_id for member in pool}
    context = {
        "cohort": cohort,
        "pool_a": [m for m in pool if m.side == Side.A],
        "pool_b": [m for m in pool if m.side == Side.B],
        "available": Organisation.objects.exclude(pk__in=pooled)
        .order_by("name")
        .only("pk", "name", "country"),
        "constraints": cohort.pairing_constraints.select_related(
            "organisation_a", "organisation_b"
        ),
        "run": run,
        "rows": _proposal_rows(run, _language()),
        "unmatched": Organisation.objects.filter(pk__in=run.result.get("unmatched", []))
        if run
        else [],
    }
    template = "pairing/_pairing_run.html" if request.htmx else "pairing/pairing.html"
    return render(request, template, context)


@login_required
@require_POST
def cohort_pairing_change(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    _require_coordinator(request)
    cohort = access_cohort(slug, year)
    action = request.POST.get("action", "")
    try:
        if action == "run":
            start_pairing_run(
                cohort=cohort,
                user=request.user,
                maximise_weakest=bool(request.POST.get("maximise_weakest")),
            )
            messages.success(request, _("Pairing started."))
        elif action == "accept":  # accepting always goes through the confirm step
            run = get_object_or_404(PairingRun, pk=request.POST.get("run"), cohort=cohort)
            return redirect("programmes:pairing_accept", slug=slug, year=year, run=run.pk)
        elif action == "applicants":
            from twinning.calls.actions.pool import (
                pool_single_applicants,  # calls sit above programmes
            )

            count = pool_single_applicants(cohort=cohort)
            messages.success(
                request, _("%(count)d single applicant(s) are in the pool.") % {"count": count}
            )
        elif action in ("add", "remove"):
            organisation = get_object_or_404(Organisation, pk=request.POST.get("organisation"))
            if action == "add":
                add_to_pool(
                    cohort=cohort, organisation=organisation, side=request.POST.get("side") or None
                )
            else:
                remove_from_pool(cohort=cohort, organisation=organisation)
        elif action in (ConstraintKind.PINNED, ConstraintKind.FORBIDDEN, "release"):
            organisation_a = get_object_or_404(Organisation, pk=request.POST.get("a"))
            organisation_b = get_object_or_404(Organisation, pk=request.POST.get("b"))
            if action == "release":
                release_pair(
                    cohort=cohort, organisation_a=organisation_a, organisation_b=organisation_b
                )
            else:
                constrain_pair(
                    cohort=cohort,
                    organisation_a=organisation_a,
                    organisation_b=organisation_b,
                    kind=action,
                    reason=request.POST.get("reason", ""),
                )
        else:
            messages.error(request, _("Unknown action."))
    except PairingError as error:
        messages.error(request, str(error))
    return redirect("programmes:pairing", slug=slug, year=year)


def _posted_pairs(values: list[str]) -> list[tuple[int, int]] | None:
    """The ticked "a:b" pair values as id tuples; None if one of them is malformed."""
    chosen = []
    for value in values:
        first, _colon, second = value.partition(":")
        if not (first.isdigit() and second.isdigit()):
            return None
        chosen.append((int(first), int(second)))
    return chosen


@login_required
def cohort_pairing_accept(
    request: AuthenticatedHttpRequest, slug: str, year: int, run: int
) -> HttpResponse:
    """The confirm step: the proposal's pairs to tick and the committee's reasons, then accept."""
    _require_coordinator(request)
    cohort = access_cohort(slug, year)
    pairing_run = get_object_or_404(
        PairingRun.objects.select_related("job", "accepted_by"), pk=run, cohort=cohort
    )
    if pairing_run.is_accepted or not pairing_run.result.get("pairs"):
        return redirect("programmes:pairing", slug=slug, year=year)
    rows = _proposal_rows(pairing_run, _language())
    ticked = {f"{row['a']}:{row['b']}" for row in rows}
    reason = ""
    status = 200
    if request.method == "POST":
        values = request.POST.getlist("pair")
        reason = request.POST.get("reason", "")
        ticked = set(values)
        chosen = _posted_pairs(values)
        try:
            if chosen is None:
                raise PairingError(_("Only proposed pairs can be accepted."))
            formed = accept_pairing_run(
                run=pairing_run, user=request.user, reason=reason, pairs=chosen
            )
        except PairingError as error:
            messages.error(request, str(error))
            status = 400
        else:
            messages.success(request, _("%(count)d pair(s) formed.") % {"count": len(formed)})
            return redirect("programmes:pairing", slug=slug, year=year)
    for row in rows:
        row["value"] = f"{row['a']}:{row['b']}"
        row["ticked"] = row["value"] in ticked
    context = {"cohort": cohort, "run": pairing_run, "rows": rows, "reason": reason}
    return render(request, "pairing/pairing_confirm.html", context, status=status)
