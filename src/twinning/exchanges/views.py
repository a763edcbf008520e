"""Pages of exchanges: a pair's placements and reports, one placement, one report, my exchanges."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinning.exchanges import actions
from twinning.exchanges.access import (
    access_pair_to_act,
    access_placement,
    access_report,
    may,
    require,
    visible_placements,
    visible_reports,
)
from twinning.exchanges.actions.projects import alumni_problems
from twinning.exchanges.enums import MilestoneStatus, PlacementStatus
from twinning.exchanges.forms import (
    CancelForm,
    DatesForm,
    DayForm,
    FollowUpForm,
    MilestoneForm,
    PlacementForm,
    ReportFileForm,
    ReportRequestForm,
)
from twinning.exchanges.letter import invitation_letter
from twinning.exchanges.models import AlumniRecord, JointProject
from twinning.exchanges.windows import windows_for
from twinning.programmes.access import access_pair


def show_refusal(request: HttpRequest, error: actions.ExchangeError) -> None:
    for reason in error.reasons:
        messages.error(request, reason)


def pair_exchanges(request: HttpRequest, pk: int) -> HttpResponse:
    """The pair's placements (for its staff and coordinators) and its reports."""
    pair = access_pair(request.user, pk)
    project = JointProject.objects.filter(pair=pair).first()
    milestones = list(project.milestones.all()) if project else []
    alumni = AlumniRecord.objects.filter(pair=pair).prefetch_related("follow_ups").first()
    may_alumni = may(request.user, "alumni", pair)
    context = {
        "pair": pair,
        "placements": visible_placements(request.user).filter(pair=pair),
        "reports": visible_reports(request.user).filter(pair=pair),
        "may_plan": may(request.user, "plan", pair),
        "may_request": may(request.user, "request_report", pair),
        "may_project": may(request.user, "project", pair),
        "may_alumni": may_alumni,
        "alumni_problems": alumni_problems(pair) if may_alumni and alumni is None else [],
        "windows": [w for d in ("a_to_b", "b_to_a") for w in windows_for(pair, d)],
        "project": project,
        "milestones": milestones,
        "milestones_done": sum(m.status == MilestoneStatus.DONE for m in milestones),
        "milestone_form": MilestoneForm(),
        "follow_up_form": FollowUpForm(),
        "alumni": alumni,
    }
    return render(request, "exchanges/pair.html", context)


@login_required
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    pair = access_pair_to_act(request.user, pk, "plan")
    form = PlacementForm(request.POST or None, pair=pair)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            placement = actions.plan_placement(
                pair=pair,
                fellow=data["fellow"],
                home=form.home_of(pair),
                planned_start=data["planned_start"],
                planned_end=data["planned_end"],
                host_contact_name=data["host_contact_name"],
                host_contact_role=data["host_contact_role"],
                host_contact_email=data["host_contact_email"],
                work_plan=data["work_plan"],
                city=data["city"],
                fellow_role=data["fellow_role"],
                actor=request.user,
            )
        except actions.ExchangeError as error:
            show_refusal(request, error)
        else:
            messages.success(request, _("The placement is planned; the host confirms it next."))
            return redirect(placement.get_absolute_url())
    windows = [w for d in ("a_to_b", "b_to_a") for w in windows_for(pair, d)]
    return render(request, "exchanges/plan.html", {"pair": pair, "form": form, "windows": windows})


@login_required
def placement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    placement = access_placement(request.user, pk)
    steps = {
        verb: may(request.user, verb, placement)
        for verb in ("reschedule", "confirm", "start", "complete", "cancel", "letter")
    }
    context = {
        "placement": placement,
        "steps": steps,
        "dates_form": DatesForm(
            initial={"planned_start": placement.planned_start, "planned_end": placement.planned_end}
        ),
        "day_form": DayForm(),
        "cancel_form": CancelForm(),
        "statuses": PlacementStatus,
    }
    return render(request, "exchanges/placement.html", context)


@login_required
@require_POST
def placement_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """One state change of a placement, by a POST from its page."""
    placement = access_placement(request.user, pk)
    try:
        if step == "confirm":
            actions.confirm_placement(placement=placement, actor=request.user)
        elif step in ("start", "complete"):
            form = DayForm(request.POST)
            on = form.cleaned_data["on"] if form.is_valid() else None
            change = actions.start_placement if step == "start" else actions.complete_placement
            change(placement=placement, actor=request.user, on=on)
        elif step == "reschedule":
            dates = DatesForm(request.POST)
            if not dates.is_valid():
                raise actions.ExchangeError(_("Give the planned start and end dates."))
            actions.reschedule_placement(
                placement=placement,
                planned_start=dates.cleaned_data["planned_start"],
                planned_end=dates.cleaned_data["planned_end"],
                actor=request.user,
            )
        elif step == "cancel":
            actions.cancel_placement(
                placement=placement, reason=request.POST.get("reason", ""), actor=request.user
            )
        else:
            raise Http404("No such step.")
    except actions.ExchangeError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("Saved."))
    return redirect(placement.get_absolute_url())


@login_required
def placement_letter(request: HttpRequest, pk: int) -> HttpResponse:
    placement = access_placement(request.user, pk)
    require(request.user, "letter", placement)
    response = HttpResponse(invitation_letter(placement), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="invitation-{placement.pk}.pdf"'
    return response


@login_required
def request_report(request: HttpRequest, pk: int) -> HttpResponse:
    pair = access_pair_to_act(request.user, pk, "request_report")
    form = ReportRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = actions.request_report(
                pair=pair,
                title=form.cleaned_data["title"],
                due_on=form.cleaned_data["due_on"],
                actor=request.user,
            )
        except actions.ExchangeError as error:
            show_refusal(request, error)
        else:
            return redirect(report.get_absolute_url())
    return render(request, "exchanges/request_report.html", {"pair": pair, "form": form})


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = access_report(request.user, pk)
    context = {
        "report": report,
        "may_file": may(request.user, "file_report", report),
        "may_review": may(request.user, "review_report", report),
        "file_form": ReportFileForm(),
    }
    return render(request, "exchanges/report.html", context)


@login_required
@require_POST
def report_file(request: HttpRequest, pk: int) -> HttpResponse:
    report = access_report(request.user, pk)
    form = ReportFileForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file and its language."))
        return redirect(report.get_absolute_url())
    upload = form.cleaned_data["file"]
    try:
        actions.file_report(
            report=report,
            data=upload.read(),
            filename=upload.name,
            language=form.cleaned_data["language"],
            actor=request.user,
        )
    except actions.ExchangeError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("The report is filed; a coordinator reviews it next."))
    return redirect(report.get_absolute_url())


@login_required
@require_POST
def report_review(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    report = access_report(request.user, pk)
    note = request.POST.get("note", "")
    try:
        if step == "accept":
            actions.accept_report(
                report=report, actor=request.user, note=note, site_url=settings.TWINNING_SITE_URL
            )
        elif step == "return":
            actions.return_report(report=report, note=note, actor=request.user)
        else:
            raise Http404("No such step.")
    except actions.ExchangeError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("Saved."))
    return redirect(report.get_absolute_url())
