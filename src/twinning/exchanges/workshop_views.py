"""Pages of a cohort's workshops: the list, one workshop with registration and attendance, scheduling."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinning.directory.access import is_coordinator
from twinning.exchanges import actions
from twinning.exchanges.forms import WorkshopForm
from twinning.exchanges.models import Workshop
from twinning.exchanges.views import show_refusal
from twinning.programmes.access import access_cohort


def cohort_workshops(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    cohort = access_cohort(slug, year)
    workshops = cohort.workshops.annotate(
        registered=Count("registrations", distinct=True),
        present=Count("registrations", filter=Q(registrations__attended=True), distinct=True),
    ).order_by("starts_on", "pk")
    context = {
        "cohort": cohort,
        "workshops": workshops,
        "is_coordinator": is_coordinator(request.user),
    }
    return render(request, "exchanges/workshops.html", context)


@login_required
def schedule(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    cohort = access_cohort(slug, year)
    if not is_coordinator(request.user):
        raise PermissionDenied(_("Only coordinators schedule workshops and record attendance."))
    form = WorkshopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workshop = actions.schedule_workshop(
                cohort=cohort, actor=request.user, **form.cleaned_data
            )
        except actions.ExchangeError as error:
            show_refusal(request, error)
        else:
            return redirect(workshop.get_absolute_url())
    return render(request, "exchanges/schedule_workshop.html", {"cohort": cohort, "form": form})


def _workshop(pk: int) -> Workshop:
    workshop = Workshop.objects.select_related("cohort__programme").filter(pk=pk).first()
    if workshop is None:
        raise Http404("No such workshop.")
    return workshop


def workshop_detail(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = _workshop(pk)
    coordinating = is_coordinator(request.user)
    registrations = (
        list(workshop.registrations.select_related("user", "organisation")) if coordinating else []
    )
    mine = (
        workshop.registrations.filter(user_id=request.user.pk).first()
        if request.user.is_authenticated
        else None
    )
    context = {
        "workshop": workshop,
        "registrations": registrations,
        "mine": mine,
        "is_coordinator": coordinating,
    }
    return render(request, "exchanges/workshop.html", context)


@login_required
@require_POST
def register(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = _workshop(pk)
    try:
        actions.register_for_workshop(workshop=workshop, user=request.user, actor=request.user)
    except actions.ExchangeError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("You are registered."))
    return redirect(workshop.get_absolute_url())


@login_required
@require_POST
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = _workshop(pk)
    present = [int(value) for value in request.POST.getlist("present") if value.isdigit()]
    try:
        actions.record_attendance(workshop=workshop, attended=present, actor=request.user)
    except actions.ExchangeError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("Saved."))
    return redirect(workshop.get_absolute_url())
