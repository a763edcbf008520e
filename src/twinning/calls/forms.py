"""Forms of the calls pages; they validate input and hand clean values to the actions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from twinning.calls.enums import ApplicationKind, ApplicationStatus, Outcome, Side
from twinning.calls.models import Application, Call, answer_version
from twinning.calls.open_call_form import in_time_zone
from twinning.common.date_fields import DATETIME_HINT, DateField, DateTimeField
from twinning.directory.fields import CountryField
from twinning.directory.models import Organisation


def organisations_on_side(call: Call, side: str) -> QuerySet[Organisation]:
    """Published organisations whose country or region belongs to `side` of the call."""
    areas = call.side_a_areas if side == Side.A else call.side_b_areas
    countries = [area for area in areas if len(area) == 2 and area.isupper()]
    regions = [area for area in areas if area not in countries]
    return (
        Organisation.objects.filter(is_published=True)
        .filter(Q(country__in=countries) | Q(region__in=regions))
        .order_by("name")
    )


def _model_choice_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField[Any]:
    """The form's own copy of a declared model choice field, typed as one."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{type(form).__name__}.{name} is not a model choice field")
    return field


class OrganisationChoiceField(forms.ModelChoiceField):
    """An organisation picker: searchable with JavaScript, a plain select without."""

    widget = forms.Select(attrs={"data-searchable": ""})

    def label_from_instance(self, obj: Organisation) -> str:
        country = obj.country_name
        return f"{obj.display_name} ({country})" if country else obj.display_name


class ApplyForm(forms.Form):
    organisation = OrganisationChoiceField(
        label=_("Applying organisation"), queryset=Organisation.objects.none()
    )
    kind = forms.ChoiceField(
        label=_("How do you apply?"),
        choices=ApplicationKind.choices,
        widget=forms.RadioSelect,
        initial=ApplicationKind.SINGLE,
    )
    partner = OrganisationChoiceField(
        label=_("Tandem partner (for a tandem)"),
        queryset=Organisation.objects.none(),
        required=False,
    )

    def __init__(
        self, *args: Any, call: Call, organisations: QuerySet[Organisation], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.call = call
        _model_choice_field(self, "organisation").queryset = organisations
        # A partner is on the other side from the applicant: never one's own organisation,
        # never one of the same side (when all of one's organisations are on one side).
        sides = {call.side_of(organisation) for organisation in organisations} - {None}
        partner_sides = [Side.B if Side.A in sides else Side.A] if len(sides) == 1 else []
        partners = (
            organisations_on_side(call, partner_sides[0])
            if partner_sides
            else organisations_on_side(call, Side.A) | organisations_on_side(call, Side.B)
        )
        _model_choice_field(self, "partner").queryset = partners.exclude(
            pk__in=[organisation.pk for organisation in organisations]
        ).order_by("name")

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        partner, organisation = data.get("partner"), data.get("organisation")
        if data.get("kind") == ApplicationKind.TANDEM and not partner:
            self.add_error("partner", _("A tandem application needs a partner organisation."))
        if (
            partner is not None
            and organisation is not None
            and self.call.side_of(partner) == self.call.side_of(organisation)
        ):
            self.add_error("partner", _("The partner must be on the other side of the call."))
        return data


class ApplicationForm(forms.Form):
    """The call's questions, one field each, plus the permanent-staff declaration.

    Hidden `version_<key>` fields carry the version of each answer as shown, so a save writes only
    what this editor changed and a change made meanwhile by someone else is reported, not lost.
    """

    staff_is_permanent = forms.BooleanField(
        label=_("The staff member who takes part in the exchange is a permanent employee."),
        required=False,
    )
    version_staff_is_permanent = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self, data: Mapping[str, Any] | None = None, *, application: Application, **kwargs: Any
    ) -> None:
        stored = application.answers
        self.questions = list(application.call.questions.all())
        initial: dict[str, Any] = {
            "staff_is_permanent": application.staff_is_permanent,
            "version_staff_is_permanent": "1" if application.staff_is_permanent else "0",
        }
        for question in self.questions:
            initial[f"answer_{question.key}"] = stored.get(question.key, "")
            initial[f"version_{question.key}"] = answer_version(stored.get(question.key, ""))
        super().__init__(data, initial=initial, **kwargs)
        for question in self.questions:
            self.fields[f"answer_{question.key}"] = forms.CharField(
                label=question.display_text,
                required=False,
                max_length=question.max_length,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
            self.fields[f"version_{question.key}"] = forms.CharField(
                required=False, widget=forms.HiddenInput
            )

    def answers(self) -> dict[str, str]:
        """Every answer as posted."""
        return {
            question.key: self.cleaned_data.get(f"answer_{question.key}", "")
            for question in self.questions
        }

    def edited_answers(self) -> tuple[dict[str, str], dict[str, str]]:
        """The answers this editor changed, and the version each change started from.

        Without a version (an older page, a script) every posted answer counts as edited.
        """
        edited, based_on = {}, {}
        for key, text in self.answers().items():
            version = self.cleaned_data.get(f"version_{key}") or ""
            if version and version == answer_version(text):
                continue
            edited[key] = text
            if version:
                based_on[key] = version
        return edited, based_on

    def edited_staff_is_permanent(self) -> bool | None:
        """The declaration when this editor changed it, else None (leave it as stored)."""
        posted = bool(self.cleaned_data.get("staff_is_permanent"))
        shown = self.cleaned_data.get("version_staff_is_permanent") or ""
        if shown and shown == ("1" if posted else "0"):
            return None
        return posted

    def rebase(self, application: Application, questions: list[str]) -> None:
        """After a conflict: keep the posted text, but base the listed answers on what is stored now."""
        stored = application.answers
        data = self.data.copy()  # type: ignore[attr-defined]
        for key in questions:
            data[f"version_{key}"] = answer_version(stored.get(key, ""))
        self.data = data


class PartnerForm(forms.Form):
    partner = OrganisationChoiceField(
        label=_("Partner organisation"), queryset=Organisation.objects.none(), required=False
    )

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        other = Side.B if application.side == Side.A else Side.A
        _model_choice_field(self, "partner").queryset = organisations_on_side(
            application.call, other
        ).exclude(pk=application.organisation_id)


class ScoreForm(forms.Form):
    comment = forms.CharField(
        label=_("Overall comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(
        self, *args: Any, criteria: list, initial_scores: dict[int, tuple[int, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            value, note = initial_scores.get(criterion.pk, (None, ""))
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=f"{criterion.display_name} (×{criterion.weight}, 0–{criterion.max_score})",
                min_value=0,
                max_value=criterion.max_score,
                initial=value,
                # A draft may leave scores empty; submitting checks that all are given.
                required=False,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment"), required=False, initial=note
            )

    def scores(self) -> dict[int, tuple[int, str]]:
        """The scores given, by criterion id; criteria left empty are absent."""
        return {
            c.pk: (self.cleaned_data[f"score_{c.pk}"], self.cleaned_data.get(f"comment_{c.pk}", ""))
            for c in self.criteria
            if self.cleaned_data.get(f"score_{c.pk}") is not None
        }


class ConflictForm(forms.Form):
    organisation = OrganisationChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    reason = forms.CharField(label=_("Why"), max_length=300)

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _model_choice_field(self, "organisation").queryset = organisations


class CommitteeMemberForm(forms.Form):
    username = forms.CharField(label=_("User name or e-mail"))
    country = CountryField(required=False)

    def clean_username(self) -> Any:
        value = self.cleaned_data["username"].strip()
        user = get_user_model().objects.filter(Q(username=value) | Q(email__iexact=value)).first()
        if user is None:
            raise forms.ValidationError(_("No account with that name or e-mail."))
        return user


class AssignForm(forms.Form):
    application = forms.ModelChoiceField(
        label=_("Application"), queryset=Application.objects.none()
    )
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=get_user_model().objects.none())

    def __init__(self, *args: Any, call: Call, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _model_choice_field(self, "application").queryset = call.applications.filter(
            status=ApplicationStatus.SUBMITTED
        ).select_related("organisation", "partner", "call")
        _model_choice_field(self, "reviewer").queryset = (
            get_user_model().objects.filter(committee_seats__call=call).order_by("username")
        )


class DecisionForm(forms.Form):
    application = forms.ModelChoiceField(
        queryset=Application.objects.none(), widget=forms.HiddenInput
    )
    outcome = forms.ChoiceField(label=_("Decision"), choices=Outcome.choices)
    paired_with = forms.ModelChoiceField(
        label=_("Pair with"), queryset=Application.objects.none(), required=False
    )
    note = forms.CharField(label=_("Note to the applicant"), required=False)

    def __init__(self, *args: Any, call: Call, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        submitted = call.applications.filter(status=ApplicationStatus.SUBMITTED).select_related(
            "organisation", "partner", "call"
        )
        _model_choice_field(self, "application").queryset = submitted
        _model_choice_field(self, "paired_with").queryset = submitted.filter(
            kind=ApplicationKind.SINGLE
        )


class RescheduleForm(forms.Form):
    """New dates of a call; the deadline is typed and shown in the call's time zone."""

    deadline = DateTimeField(label=_("Deadline"))
    decision_on = DateField(label=_("Decision expected on"))

    def __init__(self, *args: Any, time_zone: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.time_zone = time_zone
        self.fields["deadline"].help_text = "{} {}".format(
            DATETIME_HINT, _("Time zone: %(zone)s") % {"zone": time_zone}
        )

    def clean(self) -> dict[str, Any]:
        super().clean()
        if self.cleaned_data.get("deadline"):
            self.cleaned_data["deadline"] = in_time_zone(
                self.cleaned_data["deadline"], self.time_zone
            )
        return self.cleaned_data
