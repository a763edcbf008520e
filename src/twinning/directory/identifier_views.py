"""The page where an organisation's staff or a coordinator keep its org-id identifiers."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from twinning.common.widgets import IdentifierSelect
from twinning.directory.access import access_organisation_to_edit
from twinning.directory.actions import DirectoryError, add_identifier, remove_identifier
from twinning.directory.identifiers import scheme_choices
from twinning.library.queries import sources_for


class IdentifierForm(forms.Form):
    scheme = forms.ChoiceField(
        label=gettext_lazy("Register (org-id.guide list)"),
        widget=IdentifierSelect(attrs={"data-searchable": "", "lang": "en"}),
        help_text=gettext_lazy("Lists covering the organisation's country come first."),
    )
    value = forms.CharField(
        label=gettext_lazy("Identifier in that register"),
        max_length=120,
        help_text=gettext_lazy("For example the charity or company number, without the prefix."),
    )

    def __init__(self, *args: object, country: str = "", **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["scheme"].choices = [("", "—"), *scheme_choices(country)]  # type: ignore[attr-defined]


@login_required
def organisation_identifiers(request: HttpRequest, slug: str) -> HttpResponse:
    """List, add (POST `scheme`, `value`) and remove (POST `remove`) identifiers."""
    organisation = access_organisation_to_edit(request.user, slug)
    form = IdentifierForm(
        request.POST if "value" in request.POST else None, country=organisation.country
    )
    if request.method == "POST":
        try:
            if "remove" in request.POST:
                identifier = get_object_or_404(
                    organisation.identifiers, pk=str(request.POST["remove"])
                )
                remove_identifier(actor=request.user, identifier=identifier)
                messages.success(request, _("The identifier is removed."))
                return redirect("directory:identifiers", slug=organisation.slug)
            if form.is_valid():
                add_identifier(
                    actor=request.user,
                    organisation=organisation,
                    scheme=form.cleaned_data["scheme"],
                    value=form.cleaned_data["value"],
                )
                messages.success(request, _("The identifier is recorded."))
                return redirect("directory:identifiers", slug=organisation.slug)
        except DirectoryError as error:
            form.add_error("value", str(error))
    history = [s for s in sources_for(organisation) if s.field == "identifiers"]
    context = {
        "organisation": organisation,
        "identifiers": organisation.identifiers.order_by("scheme", "value"),
        "form": form,
        "history": history,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "directory/identifiers.html", context, status=status)
