"""Coordinator pages: opening and rescheduling calls, committee and reviewer assignment, the ranking and decisions, the audit log."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twinning.calls import actions
from twinning.calls.access import (
    access_call,
    access_call_to_coordinate,
    can_see_ranking,
    require_coordinator,
)
from twinning.calls.audit_display import audit_lines
from twinning.calls.enums import ApplicationStatus, CallStatus
from twinning.calls.forms import (
    AssignForm,
    CommitteeMemberForm,
    DecisionForm,
    RescheduleForm,
)
from twinning.calls.models import Decision
from twinning.calls.open_call_form import (
    CriterionFormSet,
    OpenCallForm,
    WindowFormSet,
    criteria_of,
    windows_of,
)
from twinning.calls.ranking import proposed_pairs, ranked_applications
from twinning.calls.suggestions import METHOD
from twinning.calls.views import show_refusal
from twinning.common.dates import in_zone


def open_call(request: HttpRequest) -> HttpResponse:
    require_coordinator(request.user)
    data = request.POST or None
    form = OpenCallForm(data)
    criteria = CriterionFormSet(data, prefix="criteria")
    windows = WindowFormSet(data, prefix="windows")
    if request.method == "POST" and all([form.is_valid(), criteria.is_valid(), windows.is_valid()]):
        try:
            call = actions.open_call(
                **form.open_call_arguments(),
                criteria=criteria_of(criteria),
                windows=windows_of(windows),
                actor=request.user,
            )
        except actions.CallError as error:
            for reason in error.reasons:
                form.add_error(None, reason)
        else:
            messages.success(
                request,
                _("The call “%(title)s” is open.") % {"title": call.title}
                if call.status == CallStatus.OPEN
                else _("The call “%(title)s” is saved as a draft.") % {"title": call.title},
            )
            return redirect(call.get_absolute_url())
    return render(
        request,
        "calls/open_call.html",
        {"form": form, "criteria": criteria, "windows": windows},
    )


def reschedule(request: HttpRequest, slug: str) -> HttpResponse:
    call = access_call_to_coordinate(request.user, slug)
    initial = {
        "deadline": in_zone(call.deadline, call.time_zone).replace(tzinfo=None),
        "decision_on": call.decision_on,
    }
    form = RescheduleForm(request.POST or None, initial=initial, time_zone=call.time_zone)
    if request.method == "POST" and form.is_valid():
        try:
            actions.reschedule_call(call=call, actor=request.user, **form.cleaned_data)
        except actions.CallError as error:
            for reason in error.reasons:
                form.add_error(None, reason)
        else:
            messages.success(request, _("The new dates are saved."))
            return redirect(call.get_absolute_url())
    return render(request, "calls/reschedule.html", {"call": call, "form": form})


def manage(request: HttpRequest, slug: str) -> HttpResponse:
    call = access_call_to_coordinate(request.user, slug)
    member_form = CommitteeMemberForm(prefix="member")
    assign_form = AssignForm(call=call, prefix="assign")
    if request.method == "POST":
        try:
            if "member-username" in request.POST:
                member_form = CommitteeMemberForm(request.POST, prefix="member")
                if member_form.is_valid():
                    actions.add_committee_member(
                        call=call,
                        user=member_form.cleaned_data["username"],
                        country=member_form.cleaned_data["country"],
                    )
                    return redirect("calls:manage", slug=slug)
            elif "auto" in request.POST:
                created = actions.assign_reviewers_automatically(call=call, actor=request.user)
                messages.success(
                    request,
                    ngettext(
                        "%(count)d review assigned.", "%(count)d reviews assigned.", len(created)
                    )
                    % {"count": len(created)},
                )
                return redirect("calls:manage", slug=slug)
            else:
                assign_form = AssignForm(request.POST, call=call, prefix="assign")
                if assign_form.is_valid():
                    review = actions.assign_reviewer(
                        application=assign_form.cleaned_data["application"],
                        reviewer=assign_form.cleaned_data["reviewer"],
                        actor=request.user,
                    )
                    messages.success(
                        request,
                        _("%(reviewer)s now reviews %(organisation)s.")
                        % {
                            "reviewer": review.reviewer,
                            "organisation": review.application.organisation.name,
                        },
                    )
                    return redirect("calls:manage", slug=slug)
        except actions.CallError as error:
            show_refusal(request, error)
    applications = (
        call.applications.exclude(status=ApplicationStatus.WITHDRAWN)
        .select_related("organisation", "partner")
        .prefetch_related("reviews__reviewer")
        .order_by("status", "organisation__name")
    )
    context = {
        "call": call,
        "applications": applications,
        "committee": call.committee.select_related("user"),
        "member_form": member_form,
        "assign_form": assign_form,
    }
    return render(request, "calls/manage.html", context)


def committee(request: HttpRequest, slug: str) -> HttpResponse:
    call = access_call(request.user, slug)
    if not can_see_ranking(request.user, call):
        raise PermissionDenied("Only coordinators see the committee's ranking.")
    if request.method == "POST":
        call = access_call_to_coordinate(request.user, slug)
        try:
            if "apply" in request.POST and "confirmed" not in request.POST:
                # Applying notifies every applicant and cannot be undone: confirm first.
                return redirect(reverse("calls:committee", args=[slug]) + "?confirm=1#confirm")
            if "apply" in request.POST:
                applied = actions.apply_decisions(call=call, actor=request.user)
                messages.success(
                    request,
                    ngettext(
                        "%(count)d decision applied; every applicant is notified.",
                        "%(count)d decisions applied; every applicant is notified.",
                        len(applied),
                    )
                    % {"count": len(applied)},
                )
            else:
                form = DecisionForm(request.POST, call=call)
                if form.is_valid():
                    recorded = actions.record_decision(actor=request.user, **form.cleaned_data)
                    messages.success(
                        request,
                        _(
                            "Recorded for %(organisation)s: %(outcome)s. Nothing is sent until "
                            "you apply all decisions."
                        )
                        % {
                            "organisation": recorded.application.organisation.display_name,
                            "outcome": recorded.get_outcome_display(),
                        },
                    )
                else:
                    messages.error(request, _("Please check the decision."))
        except actions.CallError as error:
            show_refusal(request, error)
        return redirect("calls:committee", slug=slug)
    ranked = ranked_applications(call)
    decisions = {
        d.application_id: d
        for d in Decision.objects.filter(application__call=call).select_related(
            "paired_with__organisation"
        )
    }
    rows = []
    for row in ranked:
        decision = decisions.get(row.application.pk)
        initial = {
            "application": row.application.pk,
            "outcome": decision.outcome if decision else "",
            "paired_with": decision.paired_with_id if decision else None,
            "note": decision.note if decision else "",
        }
        decision_form = (
            # One id per row, so every label points at its own control.
            DecisionForm(call=call, initial=initial, auto_id=f"decision-{row.application.pk}-%s")
            if call.status == CallStatus.OPEN
            else None
        )
        rows.append((row, decision, decision_form))
    context = {
        "call": call,
        "rows": rows,
        "criteria": call.criteria.all(),
        "proposals": proposed_pairs(ranked),
        "suggestion_method": METHOD,
        "pending": sum(1 for d in decisions.values() if d.is_pending),
        "is_open": call.status == CallStatus.OPEN,
        "confirm": call.status == CallStatus.OPEN and request.GET.get("confirm") == "1",
        "under_reviewed": [
            (row, decisions.get(row.application.pk))
            for row in ranked
            if row.reviews_done < call.reviews_per_application
        ],
        "undecided": [row for row in ranked if row.application.pk not in decisions],
    }
    return render(request, "calls/committee.html", context)


def audit_log(request: HttpRequest, slug: str) -> HttpResponse:
    call = access_call_to_coordinate(request.user, slug)
    entries = call.audit_entries.select_related("actor")[:500]
    return render(request, "calls/audit.html", {"call": call, "lines": audit_lines(call, entries)})
