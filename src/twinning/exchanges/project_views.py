"""Pages of a pair's joint project, its milestones, its alumni record and follow-up projects."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinning.exchanges import actions
from twinning.exchanges.access import access_pair_to_act
from twinning.exchanges.forms import FollowUpForm, MilestoneForm, ProjectForm
from twinning.exchanges.models import AlumniRecord, FollowUpProject, JointProject, Milestone
from twinning.exchanges.views import show_refusal
from twinning.programmes.access import visible_pairs


def _to_pair(pk: int) -> HttpResponse:
    return redirect("exchanges:pair", pk=pk)


@login_required
def edit_project(request: HttpRequest, pk: int) -> HttpResponse:
    pair = access_pair_to_act(request.user, pk, "project")
    project = JointProject.objects.filter(pair=pair).first()
    initial = (
        {
            "title": project.title,
            "title_zh": project.title_zh,
            "goals": project.goals,
            "budget": project.budget,
        }
        if project
        else {}
    )
    form = ProjectForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.describe_joint_project(pair=pair, actor=request.user, **form.cleaned_data)
        except actions.ExchangeError as error:
            show_refusal(request, error)
        else:
            messages.success(request, _("Saved."))
            return _to_pair(pair.pk)
    return render(request, "exchanges/project.html", {"pair": pair, "form": form})


@login_required
@require_POST
def add_milestone(request: HttpRequest, pk: int) -> HttpResponse:
    pair = access_pair_to_act(request.user, pk, "project")
    form = MilestoneForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the milestone a title and a due date."))
        return _to_pair(pair.pk)
    try:
        actions.add_milestone(pair=pair, actor=request.user, **form.cleaned_data)
    except actions.ExchangeError as error:
        show_refusal(request, error)
    return _to_pair(pair.pk)


@login_required
@require_POST
def milestone_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    milestone = Milestone.objects.select_related("project__pair").filter(pk=pk).first()
    if (
        milestone is None
        or not visible_pairs(request.user).filter(pk=milestone.project.pair_id).exists()
    ):
        raise Http404("No such milestone.")
    try:
        if step == "done":
            actions.complete_milestone(milestone=milestone, actor=request.user)
        elif step == "drop":
            actions.drop_milestone(milestone=milestone, actor=request.user)
        else:
            raise Http404("No such step.")
    except actions.ExchangeError as error:
        show_refusal(request, error)
    return _to_pair(milestone.project.pair_id)


@login_required
@require_POST
def record_alumni(request: HttpRequest, pk: int) -> HttpResponse:
    pair = access_pair_to_act(request.user, pk, "alumni")
    try:
        actions.record_alumni(pair=pair, actor=request.user, note=request.POST.get("note", ""))
    except actions.ExchangeError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("The pair is now alumni."))
    return _to_pair(pair.pk)


@login_required
@require_POST
def add_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    pair = access_pair_to_act(request.user, pk, "follow_up")
    alumni = AlumniRecord.objects.filter(pair=pair).first()
    form = FollowUpForm(request.POST)
    if alumni is None:
        messages.error(request, _("Only alumni pairs have follow-up projects."))
    elif not form.is_valid():
        messages.error(request, _("Give the follow-up project a title and a first year."))
    else:
        try:
            project = actions.add_follow_up(alumni=alumni, actor=request.user, **form.cleaned_data)
        except actions.ExchangeError as error:
            show_refusal(request, error)
        else:
            return redirect(project.get_absolute_url())
    return _to_pair(pair.pk)


def follow_up_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = (
        FollowUpProject.objects.select_related(
            "alumni__pair__cohort__programme",
            "alumni__pair__organisation_a",
            "alumni__pair__organisation_b",
        )
        .filter(pk=pk, alumni__pair__in=visible_pairs(request.user))
        .first()
    )
    if project is None:
        raise Http404("No such follow-up project.")
    return render(
        request, "exchanges/follow_up.html", {"project": project, "pair": project.alumni.pair}
    )


def alumni_network(request: HttpRequest) -> HttpResponse:
    """Every alumni pair with what came of it and its follow-up projects."""
    records = (
        AlumniRecord.objects.filter(pair__in=visible_pairs(request.user))
        .select_related("pair__cohort__programme", "pair__organisation_a", "pair__organisation_b")
        .prefetch_related("follow_ups")
        .order_by("-pair__cohort__year", "pk")
    )
    return render(request, "exchanges/alumni.html", {"records": records})
