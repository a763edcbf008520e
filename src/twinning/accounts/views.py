"""Sign-up with e-mail confirmation, and the organisations an account speaks for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinning.accounts import actions
from twinning.accounts.forms import ClaimForm, OrganisationProfileForm, SignupForm
from twinning.accounts.tokens import email_confirmation_token
from twinning.common.http import AuthenticatedHttpRequest
from twinning.common.views import paginate
from twinning.directory.access import (
    access_organisation_to_edit,
    is_coordinator,
    may_manage_staff_roles,
)
from twinning.directory.actions import (
    DirectoryError,
    approve_staff_membership,
    claim_staff_membership,
    revoke_staff_membership,
)
from twinning.directory.models import Organisation, StaffMembership
from twinning.library.actions import edit_organisation_profile

if TYPE_CHECKING:
    from twinning.accounts.models import User


def send_confirmation(request: HttpRequest, user: User) -> None:
    """E-mail the link that activates the account, in the account's language."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = email_confirmation_token.make_token(user)
    link = request.build_absolute_uri(
        reverse("accounts:confirm", kwargs={"uidb64": uid, "token": token})
    )
    with translation.override(user.language or "en"):
        body = render_to_string("accounts/email/confirm.txt", {"user": user, "link": link})
        send_mail(_("Confirm your e-mail address"), body, None, [user.email])


def send_account_exists(request: HttpRequest, email: str) -> None:
    """Tell the owner of `email` that it has an account, instead of telling whoever signs up."""
    user = get_user_model().objects.filter(email__iexact=email).first()
    if user is None:
        return
    links = {
        "login": request.build_absolute_uri(reverse("accounts:login")),
        "reset": request.build_absolute_uri(reverse("accounts:password_reset")),
    }
    with translation.override(user.language or "en"):
        body = render_to_string("accounts/email/account_exists.txt", {"user": user, **links})
        send_mail(_("You already have a Twinning account"), body, None, [user.email])


def signup(request: HttpRequest) -> HttpResponse:
    """The same answer whether or not the address has an account, so sign-up reveals no accounts."""
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = actions.sign_up(**form.cleaned_data)
        except actions.AccountError:
            send_account_exists(request, form.cleaned_data["email"])
        else:
            send_confirmation(request, user)
        return render(request, "accounts/signup_done.html", {"email": form.cleaned_data["email"]})
    return render(request, "accounts/signup.html", {"form": form})


def confirm(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    try:
        user = get_user_model().objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (ValueError, TypeError, OverflowError, get_user_model().DoesNotExist):
        user = None
    if user is None or user.is_active or not email_confirmation_token.check_token(user, token):
        return render(request, "accounts/confirm_failed.html", status=400)
    actions.confirm_email(user=user)
    messages.success(request, _("Your e-mail address is confirmed. You can sign in now."))
    return redirect("accounts:login")


@login_required
def organisations(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The organisations I speak for, my pending claims, and (coordinators) claims to approve."""
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            claim_staff_membership(
                user=request.user,
                organisation=form.cleaned_data["organisation"],
                role=form.cleaned_data["role"],
            )
        except DirectoryError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your claim is recorded; a coordinator will approve it."))
        return redirect("accounts:organisations")
    memberships = request.user.staff_memberships.select_related("organisation").order_by(
        "organisation__name"
    )
    pending = (
        StaffMembership.objects.filter(is_approved=False)
        .select_related("user", "organisation")
        .order_by("created_at")
        if is_coordinator(request.user)
        else []
    )
    return render(
        request,
        "accounts/organisations.html",
        {
            "form": form,
            "memberships": memberships,
            "pending": pending,
            "manages_roles": may_manage_staff_roles(request.user),
        },
    )


@login_required
@require_POST
def approve_claim(request: HttpRequest, pk: int) -> HttpResponse:
    if not is_coordinator(request.user):
        raise PermissionDenied("Only coordinators approve claims.")
    approve_staff_membership(
        membership=get_object_or_404(StaffMembership, pk=pk), actor=request.user
    )
    messages.success(request, _("Claim approved."))
    return redirect("accounts:organisations")


ROLES_PER_PAGE = 50


def _require_managing_roles(request: HttpRequest) -> None:
    if not may_manage_staff_roles(request.user):
        raise PermissionDenied(_("Only coordinators revoke a role."))


@login_required
def staff_roles(request: HttpRequest) -> HttpResponse:
    """Every granted staff role, by organisation, each with a way to revoke it (coordinators)."""
    _require_managing_roles(request)
    roles = (
        StaffMembership.objects.filter(is_approved=True)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__username", "pk")
    )
    return render(
        request, "accounts/staff_roles.html", {"page": paginate(request, roles, ROLES_PER_PAGE)}
    )


@login_required
def revoke_role(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask to confirm, then (POST) revoke the user's right to speak for the organisation."""
    _require_managing_roles(request)
    membership = get_object_or_404(
        StaffMembership.objects.select_related("user", "organisation"), pk=pk
    )
    if request.method == "POST":
        names = {
            "user": membership.user.email or membership.user.username,
            "organisation": membership.organisation.display_name,
        }
        try:
            revoke_staff_membership(actor=request.user, membership=membership)
        except DirectoryError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("%(user)s no longer speaks for %(organisation)s.") % names)
        return redirect("accounts:staff_roles")
    return render(request, "accounts/revoke_role.html", {"membership": membership})


@login_required
def edit_organisation(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access_organisation_to_edit(request.user, slug)
    form = OrganisationProfileForm(
        request.POST or None, instance=organisation, initial={"topics": organisation.topics.all()}
    )
    if request.method == "POST" and form.is_valid():
        fields = {key: value for key, value in form.cleaned_data.items() if key != "topics"}
        fresh = Organisation.objects.get(pk=organisation.pk)
        try:
            edit_organisation_profile(
                actor=request.user,
                organisation=fresh,
                topics=[t.slug for t in form.cleaned_data["topics"]],
                **fields,
            )
        except DirectoryError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The profile is saved."))
            return redirect(fresh.get_absolute_url())
    return render(
        request, "accounts/edit_organisation.html", {"form": form, "organisation": organisation}
    )
