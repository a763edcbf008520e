"""Forms of the calls pages; they validate input and hand clean values to the actions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from twinning.calls.enums import ApplicationKind, ApplicationStatus, Outcome, Side
from twinning.calls.models import Application, Call
from twinning.directory.models import Organisation


def organisations_on_side(call: Call, side: str) -> QuerySet[Organisation]:
    """Published organisations whose country or region belongs to `side` of the call."""
    areas = call.side_a_areas if side == Side.A else call.side_b_areas
    countries = [area for area in areas if len(area) == 2 and area.isupper()]
    regions = [area for area in areas if area not in countries]
    return Organisation.objects.filter(is_published=True).filter(Q(country__in=countries) | Q(region__in=regions)).order_by("name")


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        return f"{obj.display_name} ({obj.country})" if obj.country else obj.display_name


class ApplyForm(forms.Form):
    organisation = OrganisationChoiceField(label=_("Applying organisation"), queryset=Organisation.objects.none())
    kind = forms.ChoiceField(label=_("How do you apply?"), choices=ApplicationKind.choices, widget=forms.RadioSelect, initial=ApplicationKind.SINGLE)
    partner = OrganisationChoiceField(label=_("Tandem partner (for a tandem)"), queryset=Organisation.objects.none(), required=False)

    def __init__(self, *args: Any, call: Call, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["partner"].queryset = Organisation.objects.filter(is_published=True).order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("kind") == ApplicationKind.TANDEM and not data.get("partner"):
            self.add_error("partner", _("A tandem application needs a partner organisation."))
        return data


class ApplicationForm(forms.Form):
    """The call's questions, one field each, plus the permanent-staff declaration."""

    staff_is_permanent = forms.BooleanField(label=_("The staff member who takes part in the exchange is a permanent employee."), required=False)

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        initial = {f"answer_{key}": value for key, value in application.answers.items()}
        initial["staff_is_permanent"] = application.staff_is_permanent
        super().__init__(*args, initial=initial, **kwargs)
        self.questions = list(application.call.questions.all())
        for question in self.questions:
            self.fields[f"answer_{question.key}"] = forms.CharField(
                label=question.display_text, required=False, max_length=question.max_length, widget=forms.Textarea(attrs={"rows": 4})
            )

    def answers(self) -> dict[str, str]:
        return {question.key: self.cleaned_data.get(f"answer_{question.key}", "") for question in self.questions}


class PartnerForm(forms.Form):
    partner = OrganisationChoiceField(label=_("Partner organisation"), queryset=Organisation.objects.none(), required=False)

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        other = Side.B if application.side == Side.A else Side.A
        self.fields["partner"].queryset = organisations_on_side(application.call, other).exclude(pk=application.organisation_id)


class ScoreForm(forms.Form):
    comment = forms.CharField(label=_("Overall comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, criteria: list, initial_scores: dict[int, tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            value, note = initial_scores.get(criterion.pk, (None, ""))
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=f"{criterion.display_name} (×{criterion.weight}, 0–{criterion.max_score})", min_value=0, max_value=criterion.max_score, initial=value
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(label=_("Comment"), required=False, initial=note)

    def scores(self) -> dict[int, tuple[int, str]]:
        return {c.pk: (self.cleaned_data[f"score_{c.pk}"], self.cleaned_data.get(f"comment_{c.pk}", "")) for c in self.criteria}


class ConflictForm(forms.Form):
    organisation = OrganisationChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())
    reason = forms.CharField(label=_("Why"), max_length=300)

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class CommitteeMemberForm(forms.Form):
    username = forms.CharField(label=_("User name or e-mail"))
    country = forms.CharField(label=_("Country (ISO code)"), max_length=2, required=False)

    def clean_username(self) -> Any:
        value = self.cleaned_data["username"].strip()
        user = get_user_model().objects.filter(Q(username=value) | Q(email__iexact=value)).first()
        if user is None:
            raise forms.ValidationError(_("No account with that name or e-mail."))
        return user


class AssignForm(forms.Form):
    application = forms.ModelChoiceField(label=_("Application"), queryset=Application.objects.none())
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=get_user_model().objects.none())

    def __init__(self, *args: Any, call: Call, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = call.applications.filter(status=ApplicationStatus.SUBMITTED).select_related("organisation", "partner", "call")
        self.fields["reviewer"].queryset = get_user_model().objects.filter(committee_seats__call=call).order_by("username")


class DecisionForm(forms.Form):
    application = forms.ModelChoiceField(queryset=Application.objects.none(), widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label=_("Decision"), choices=Outcome.choices)
    paired_with = forms.ModelChoiceField(label=_("Pair with"), queryset=Application.objects.none(), required=False)
    note = forms.CharField(label=_("Note to the applicant"), required=False)

    def __init__(self, *args: Any, call: Call, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        submitted = call.applications.filter(status=ApplicationStatus.SUBMITTED).select_related("organisation", "partner", "call")
        self.fields["application"].queryset = submitted
        self.fields["paired_with"].queryset = submitted.filter(kind=ApplicationKind.SINGLE)
