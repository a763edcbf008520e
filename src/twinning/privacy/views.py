"""Pages: your own data and erasure request; for coordinators, requests, people and consent."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinning.common.http import AuthenticatedHttpRequest
from twinning.directory.models import Person
from twinning.privacy import actions
from twinning.privacy.access import PrivacyRefused, may_manage_personal_data
from twinning.privacy.enums import RequestStatus
from twinning.privacy.models import ErasureRequest


@login_required
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    pending = ErasureRequest.objects.filter(user=request.user, status=RequestStatus.OPEN).first()
    return render(request, "privacy/mine.html", {"pending": pending})


@login_required
def download(request: HttpRequest) -> HttpResponse:
    data = actions.personal_data(actor=request.user, user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-twinning-data.json"'
    return response


@login_required
@require_POST
def request_erasure(request: HttpRequest) -> HttpResponse:
    try:
        actions.request_erasure(actor=request.user, reason=request.POST.get("reason", ""))
    except PrivacyRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Your request is recorded; a coordinator will anonymise your account.")
        )
    return redirect("privacy:mine")


def _coordinator(request: HttpRequest) -> None:
    if not may_manage_personal_data(request.user) or not request.user.is_authenticated:
        raise PermissionDenied("Only coordinators manage personal data.")


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    _coordinator(request)
    requests = ErasureRequest.objects.filter(status=RequestStatus.OPEN).select_related("user")
    people = Person.objects.order_by("name")
    return render(request, "privacy/manage.html", {"requests": requests, "people": people})


def _act(request: HttpRequest, done: str, action: object, **kwargs: object) -> HttpResponse:
    _coordinator(request)
    try:
        action(actor=request.user, **kwargs)  # type: ignore[operator]
    except PrivacyRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect("privacy:manage")


@login_required
@require_POST
def anonymise_user(request: HttpRequest, pk: int) -> HttpResponse:
    _coordinator(request)
    user = get_object_or_404(get_user_model(), pk=pk)
    return _act(request, _("The account is anonymised."), actions.anonymise_user, user=user)


@login_required
@require_POST
def person(request: HttpRequest, slug: str) -> HttpResponse:
    """One form per person: record or withdraw consent, anonymise, erase."""
    _coordinator(request)
    target = get_object_or_404(Person, slug=slug)
    operation = request.POST.get("do", "")
    if operation == "consent":
        return _act(
            request,
            _("Consent recorded."),
            actions.record_consent,
            person=target,
            source=request.POST.get("source", ""),
        )
    if operation == "withdraw":
        return _act(request, _("Consent withdrawn."), actions.withdraw_consent, person=target)
    if operation == "anonymise":
        return _act(
            request, _("The person is anonymised."), actions.anonymise_person, person=target
        )
    if operation == "erase":
        return _act(request, _("The person is erased."), actions.erase_person, person=target)
    messages.error(request, _("Unknown operation."))
    return redirect("privacy:manage")
