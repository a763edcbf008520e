"""Sign-up, sign-in by e-mail or user name, organisation claims and profile editing."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from twinning.directory.fields import CountryField
from twinning.directory.models import Organisation, Topic


class SignupForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    display_name = forms.CharField(label=_("Your name"), max_length=150)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    language = forms.ChoiceField(
        label=_("Language of e-mails"),
        choices=[("en", "English"), ("zh-hans", "简体中文")],
        initial="en",
    )

    def clean_email(self) -> str:
        # A taken address is not an error here: telling it would reveal who has an account.
        return str(self.cleaned_data["email"]).strip().lower()

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("password") and data.get("email"):
            probe = get_user_model()(
                username=data["email"],
                email=data["email"],
                display_name=data.get("display_name", ""),
            )
            try:
                validate_password(data["password"], probe)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class EmailOrUsernameAuthenticationForm(AuthenticationForm):
    """Signs in with the e-mail address or the user name."""

    def clean(self) -> dict[str, Any]:
        value = (self.cleaned_data.get("username") or "").strip()
        if "@" in value:
            user = get_user_model().objects.filter(email__iexact=value).first()
            if user is not None:
                self.cleaned_data["username"] = user.get_username()
        return super().clean()


class ClaimForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.filter(is_published=True).order_by("name"),
        widget=forms.Select(attrs={"data-searchable": ""}),
    )
    role = forms.CharField(label=_("Your role there"), max_length=120, required=False)


class OrganisationProfileForm(forms.ModelForm):
    country = CountryField(required=False)
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "name_zh",
            "acronym",
            "country",
            "province",
            "city",
            "founded",
            "type",
            "description",
            "description_zh",
            "exchange_interests",
            "website",
        ]
