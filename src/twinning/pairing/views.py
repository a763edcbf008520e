"""Coordinator pages for pairing a cohort, and suggested partners on an organisation's page."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinning.common.http import AuthenticatedHttpRequest
from twinning.directory.access import access_organisation
from twinning.directory.models import Organisation
from twinning.pairing.access import may_see_suggestions, require_pairing
from twinning.pairing.actions import (
    accept_pairing_run,
    add_to_pool,
    constrain_pair,
    fill_pool,
    release_pair,
    remove_from_pool,
    start_pairing_run,
)
from twinning.pairing.enums import ConstraintKind, Side
from twinning.pairing.errors import PairingError
from twinning.pairing.models import PairingRun
from twinning.pairing.proposal import Proposal, ProposedPair
from twinning.pairing.sources import pool_sources
from twinning.pairing.suggestions import reader_language, suggest_partners
from twinning.pairing.vetoes import kept_pins
from twinning.programmes.access import access_cohort


def suggestions(request: HttpRequest, slug: str) -> HttpResponse:
    """Suggested partners: shown to coordinators and the organisation's own staff only."""
    organisation = access_organisation(request.user, slug)
    if not may_see_suggestions(request.user, organisation):
        raise PermissionDenied(
            "Suggestions are shown to coordinators and the organisation's staff."
        )
    found = suggest_partners(organisation, user=request.user, language=reader_language())
    return render(
        request,
        "pairing/_suggestions.html",
        {"organisation": organisation, "suggestions": found},
    )


@dataclass
class ProposalRow:
    """A proposed pair with its organisations, for the pages."""

    pair: ProposedPair
    organisation_a: Organisation
    organisation_b: Organisation
    reason_text: list[str]
    others_a: list[Organisation] = field(default_factory=list)
    others_b: list[Organisation] = field(default_factory=list)
    ticked: bool = True


def _proposal_rows(proposal: Proposal, language: str) -> list[ProposalRow]:
    if not proposal:
        return []
    organisations = Organisation.objects.in_bulk(proposal.organisation_ids())
    return [
        ProposalRow(
            pair=pair,
            organisation_a=organisations[pair.a],
            organisation_b=organisations[pair.b],
            reason_text=pair.reasons_in(language),
            others_a=[organisations[i] for i in pair.alternatives_a if i in organisations],
            others_b=[organisations[i] for i in pair.alternatives_b if i in organisations],
        )
        for pair in proposal.pairs
        if pair.a in organisations and pair.b in organisations
    ]


@login_required
def cohort_pairing(request: AuthenticatedHttpRequest, slug: str, year: int) -> HttpResponse:
    """The pool on both sides, the constraints, the latest run and its proposal."""
    require_pairing(request.user)
    cohort = access_cohort(slug, year)
    run = cohort.pairing_runs.select_related("job", "accepted_by").first()
    proposal = run.proposal if run else Proposal()
    pool = list(cohort.pool.select_related("organisation"))
    pooled = {member.organisation_id for member in pool}
    constraints = list(
        cohort.pairing_constraints.select_related("organisation_a", "organisation_b")
    )
    kept = kept_pins(cohort, constraints)  # pins a veto keeps show why, not a release button
    context = {
        "cohort": cohort,
        "pool_a": [m for m in pool if m.side == Side.A],
        "pool_b": [m for m in pool if m.side == Side.B],
        "available": Organisation.objects.exclude(pk__in=pooled)
        .order_by("name")
        .only("pk", "name", "country"),
        "constraints": [(constraint, kept.get(constraint.pk, "")) for constraint in constraints],
        "sources": pool_sources(),
        "run": run,
        "proposal": proposal,
        "rows": _proposal_rows(proposal, reader_language()),
        "unmatched": Organisation.objects.filter(pk__in=proposal.unmatched) if run else [],
    }
    template = "pairing/_pairing_run.html" if request.htmx else "pairing/pairing.html"
    return render(request, template, context)


@login_required
@require_POST
def cohort_pairing_change(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """One change of the pool, the constraints or the runs, named by the posted `action`."""
    require_pairing(request.user)
    cohort = access_cohort(slug, year)
    action = request.POST.get("action", "")
    actor = request.user
    try:
        if action == "run":
            start_pairing_run(
                cohort=cohort,
                user=actor,
                maximise_weakest=bool(request.POST.get("maximise_weakest")),
            )
            messages.success(request, _("Pairing started."))
        elif action == "accept":  # accepting always goes through the confirm step
            run = get_object_or_404(PairingRun, pk=request.POST.get("run"), cohort=cohort)
            return redirect("programmes:pairing_accept", slug=slug, year=year, run=run.pk)
        elif action == "applicants":
            count = fill_pool(cohort=cohort, source="applicants", actor=actor)
            messages.success(
                request, _("%(count)d single applicant(s) are in the pool.") % {"count": count}
            )
        elif action in ("add", "remove"):
            organisation = get_object_or_404(Organisation, pk=request.POST.get("organisation"))
            if action == "add":
                add_to_pool(
                    cohort=cohort,
                    organisation=organisation,
                    side=request.POST.get("side") or None,
                    actor=actor,
                )
            else:
                remove_from_pool(cohort=cohort, organisation=organisation, actor=actor)
        elif action in (ConstraintKind.PINNED, ConstraintKind.FORBIDDEN, "release"):
            organisation_a = get_object_or_404(Organisation, pk=request.POST.get("a"))
            organisation_b = get_object_or_404(Organisation, pk=request.POST.get("b"))
            if action == "release":
                release_pair(
                    cohort=cohort,
                    organisation_a=organisation_a,
                    organisation_b=organisation_b,
                    actor=actor,
                )
            else:
                constrain_pair(
                    cohort=cohort,
                    organisation_a=organisation_a,
                    organisation_b=organisation_b,
                    kind=action,
                    reason=request.POST.get("reason", ""),
                    actor=actor,
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
    require_pairing(request.user)
    cohort = access_cohort(slug, year)
    pairing_run = get_object_or_404(
        PairingRun.objects.select_related("job", "accepted_by"), pk=run, cohort=cohort
    )
    proposal = pairing_run.proposal
    if pairing_run.is_accepted or not proposal:
        return redirect("programmes:pairing", slug=slug, year=year)
    rows = _proposal_rows(proposal, reader_language())
    reason = ""
    status = 200
    if request.method == "POST":
        values = request.POST.getlist("pair")
        reason = request.POST.get("reason", "")
        for row in rows:
            row.ticked = row.pair.value in values
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
    context = {"cohort": cohort, "run": pairing_run, "rows": rows, "reason": reason}
    return render(request, "pairing/pairing_confirm.html", context, status=status)
