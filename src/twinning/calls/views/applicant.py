"""Applicant pages: apply, edit and submit, answer a tandem invitation, choose a partner."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinning.calls import actions
from twinning.calls.access import (
    access_application,
    access_application_to_edit,
    access_call,
    access_invitation,
    applications_of,
    organisations_of,
)
from twinning.calls.eligibility import application_problems
from twinning.calls.enums import ApplicationKind, ApplicationStatus, PartnerStatus
from twinning.calls.forms import ApplicationForm, ApplyForm, PartnerForm
from twinning.calls.models import Question
from twinning.calls.suggestions import METHOD, suggested_partners
from twinning.calls.views import show_refusal


@login_required
def my_applications(request: HttpRequest) -> HttpResponse:
    applications = applications_of(request.user).order_by("-call__deadline", "organisation__name")
    return render(request, "calls/my_applications.html", {"applications": applications})


@login_required
def apply(request: HttpRequest, slug: str) -> HttpResponse:
    call = access_call(request.user, slug)
    organisations = organisations_of(request.user)
    form = ApplyForm(request.POST or None, call=call, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            application = actions.start_application(
                call=call,
                organisation=form.cleaned_data["organisation"],
                actor=request.user,
                kind=form.cleaned_data["kind"],
                partner=form.cleaned_data["partner"],
            )
        except actions.CallError as error:
            show_refusal(request, error)
        else:
            messages.success(
                request, _("Your draft is saved. Complete it and submit before the deadline.")
            )
            return redirect(application.get_absolute_url())
    return render(
        request,
        "calls/apply.html",
        {"call": call, "form": form, "has_organisation": organisations.exists()},
    )


@login_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = access_application(request.user, pk)
    mine = organisations_of(request.user)
    can_edit = (
        application.status == ApplicationStatus.DRAFT
        and application.call.accepts_changes
        and mine.filter(pk=application.organisation_id).exists()
    )
    form = ApplicationForm(request.POST or None, application=application)
    conflicts: list[tuple[Question, str]] = []
    if request.method == "POST":
        application = access_application_to_edit(request.user, pk)
        if form.is_valid():
            answers, based_on = form.edited_answers()
            try:
                actions.save_application(
                    application=application,
                    actor=request.user,
                    answers=answers,
                    staff_is_permanent=form.edited_staff_is_permanent(),
                    based_on=based_on,
                )
                if "submit" in request.POST:
                    actions.submit_application(application=application, actor=request.user)
                    messages.success(request, _("Your application is submitted."))
                else:
                    messages.success(request, _("Draft saved."))
            except actions.EditConflict as error:
                # Nothing was saved: the form comes back with the editor's own text (409).
                show_refusal(request, error)
                form.rebase(application, error.questions)
                stored = application.answers
                conflicts = [
                    (question, stored.get(question.key, ""))
                    for question in form.questions
                    if question.key in error.questions
                ]
            except actions.CallError as error:
                show_refusal(request, error)
                return redirect(application.get_absolute_url())
            else:
                return redirect(application.get_absolute_url())
    is_invited = (
        application.partner_status == PartnerStatus.INVITED
        and application.partner_id is not None
        and mine.filter(pk=application.partner_id).exists()
    )
    show_suggestions = can_edit and application.kind == ApplicationKind.SINGLE
    context = {
        "application": application,
        "call": application.call,
        "form": form,
        "can_edit": can_edit,
        "is_invited": is_invited and application.call.accepts_changes,
        "problems": application_problems(application) if can_edit else [],
        "partner_form": PartnerForm(application=application) if can_edit else None,
        "suggestions": suggested_partners(application, user=request.user)
        if show_suggestions
        else [],
        "suggestion_method": METHOD,
        "conflicts": conflicts,
        "answers": [
            (question, application.answers.get(question.key, ""))
            for question in application.call.questions.all()
        ],
        "decision": getattr(application, "decision", None)
        if application.status in (ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED)
        else None,
    }
    return render(request, "calls/application.html", context, status=409 if conflicts else 200)


@login_required
@require_POST
def answer_invitation(request: HttpRequest, pk: int) -> HttpResponse:
    application = access_invitation(request.user, pk)
    try:
        if request.POST.get("answer") == "confirm":
            actions.confirm_tandem(application=application, actor=request.user)
            messages.success(request, _("You confirmed the tandem."))
        else:
            actions.decline_tandem(application=application, actor=request.user)
            messages.info(request, _("You declined the tandem."))
    except actions.CallError as error:
        show_refusal(request, error)
    return redirect(application.get_absolute_url())


@login_required
@require_POST
def choose_partner(request: HttpRequest, pk: int) -> HttpResponse:
    """Invite a tandem partner (`mode=invite`) or propose one to the committee (`mode=propose`)."""
    application = access_application_to_edit(request.user, pk)
    form = PartnerForm(request.POST, application=application)
    if form.is_valid():
        partner = form.cleaned_data["partner"]
        try:
            if request.POST.get("mode") == "invite" and partner is not None:
                actions.invite_partner(application=application, partner=partner, actor=request.user)
                messages.success(
                    request, _("Invitation sent to %(name)s.") % {"name": partner.name}
                )
            else:
                actions.propose_partner(
                    application=application, partner=partner, actor=request.user
                )
                messages.success(request, _("Your proposal is saved."))
        except actions.CallError as error:
            show_refusal(request, error)
    else:
        messages.error(request, _("Please choose an organisation from the list."))
    return redirect(application.get_absolute_url())
