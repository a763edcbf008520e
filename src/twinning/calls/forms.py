"""Forms of the calls pages; they validate input and hand clean values to the actions."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from twinning.calls.areas import parse_areas, unknown_areas
from twinning.calls.enums import ApplicationKind, ApplicationStatus, Direction, Outcome, Side
from twinning.calls.models import Application, Call, answer_version
from twinning.directory.enums import OrganisationType, Region
from twinning.directory.models import Organisation
from twinning.programmes.models import Programme


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
    def label_from_instance(self, obj: Organisation) -> str:
        return f"{obj.display_name} ({obj.country})" if obj.country else obj.display_name


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
        _model_choice_field(self, "organisation").queryset = organisations
        _model_choice_field(self, "partner").queryset = Organisation.objects.filter(
            is_published=True
        ).order_by("name")

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("kind") == ApplicationKind.TANDEM and not data.get("partner"):
            self.add_error("partner", _("A tandem application needs a partner organisation."))
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
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment"), required=False, initial=note
            )

    def scores(self) -> dict[int, tuple[int, str]]:
        return {
            c.pk: (self.cleaned_data[f"score_{c.pk}"], self.cleaned_data.get(f"comment_{c.pk}", ""))
            for c in self.criteria
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
    country = forms.CharField(label=_("Country (ISO code)"), max_length=2, required=False)

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


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class AreasField(forms.CharField):
    """Comma-separated ISO country codes or directory region names, checked against both."""

    # The cleaned value is the parsed list, not the text CharField.to_python promises.
    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        return parse_areas(super().to_python(value) or "")

    def validate(self, value: Any) -> None:
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        unknown = unknown_areas(value)
        if unknown:
            raise forms.ValidationError(
                _(
                    "Not a country code or region: %(areas)s. Use ISO codes such as FR, or %(regions)s."
                )
                % {"areas": ", ".join(unknown), "regions": ", ".join(Region.values)}
            )

    def prepare_value(self, value: Any) -> Any:
        return ", ".join(value) if isinstance(value, list) else value


class OpenCallForm(forms.Form):
    """Everything `open_call` needs, typed as text where a list is one entry per line."""

    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=Programme.objects.order_by("name")
    )
    title = forms.CharField(label=_("Title (English)"), max_length=250)
    title_zh = forms.CharField(label=_("Title (Chinese)"), max_length=250, required=False)
    description = forms.CharField(
        label=_("Description (English)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    description_zh = forms.CharField(
        label=_("Description (Chinese)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    opens_on = forms.DateField(label=_("Opens on"), widget=forms.DateInput(attrs={"type": "date"}))
    deadline = forms.DateTimeField(
        label=_("Deadline"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    decision_on = forms.DateField(
        label=_("Decision expected on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    side_a_label = forms.CharField(label=_("Name of side A"), max_length=60, initial="Europe")
    side_a_areas = AreasField(
        label=_("Countries or regions of side A"),
        initial="europe",
        help_text=_("Comma-separated ISO country codes (FR, DE) or region names (europe, china)."),
    )
    side_b_label = forms.CharField(label=_("Name of side B"), max_length=60, initial="China")
    side_b_areas = AreasField(
        label=_("Countries or regions of side B"),
        initial="china",
        help_text=_("Comma-separated ISO country codes (FR, DE) or region names (europe, china)."),
    )
    organisation_types = forms.MultipleChoiceField(
        label=_("Eligible organisation types"),
        choices=OrganisationType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every type."),
    )
    min_years_registered = forms.IntegerField(
        label=_("Minimum years since founding"), min_value=0, max_value=200, initial=0
    )
    requires_permanent_staff = forms.BooleanField(
        label=_("The participating staff member must be permanent"), required=False, initial=True
    )
    same_country_is_conflict = forms.BooleanField(
        label=_("A reviewer from an applicant's country has a conflict"), required=False
    )
    reviews_per_application = forms.IntegerField(
        label=_("Reviews per application"), min_value=1, max_value=10, initial=2
    )
    questions = forms.CharField(
        label=_("Questions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One question per line."),
    )
    criteria = forms.CharField(
        label=_("Review criteria"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One per line: name | weight | highest score, e.g. “Relevance | 2 | 5”. Weight and highest score may be left out (1 and 5)."
        ),
    )
    windows = forms.CharField(
        label=_("Exchange windows"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One per line: direction, first day, last day, e.g. “a_to_b 2026-08-01 2026-09-30”. The direction is a_to_b (side A visits side B) or b_to_a, or the side names joined by a hyphen, e.g. europe-china."
        ),
    )
    publish = forms.BooleanField(
        label=_("Publish now"),
        required=False,
        initial=True,
        help_text=_("Otherwise the call is kept as a draft that only coordinators see."),
    )

    def clean_questions(self) -> list[str]:
        questions = _lines(self.cleaned_data["questions"])
        too_long = [number for number, text in enumerate(questions, start=1) if len(text) > 500]
        if too_long:
            raise forms.ValidationError(
                _("Question %(numbers)s is longer than 500 characters.")
                % {"numbers": ", ".join(map(str, too_long))}
            )
        return questions

    def clean_criteria(self) -> list[dict[str, Any]]:
        criteria, problems = [], []
        for number, line in enumerate(_lines(self.cleaned_data["criteria"]), start=1):
            parts = [part.strip() for part in line.split("|")]
            numbers = parts[1:3]
            if (
                not 0 < len(parts[0]) <= 200
                or len(parts) > 3
                or not all(part.isdigit() for part in numbers)
            ):
                problems.append(
                    _(
                        "Line %(number)d: write “name | weight | highest score”, a name of up to 200 characters and whole numbers."
                    )
                    % {"number": number}
                )
                continue
            weight, max_score = (
                (int(numbers[0]) if numbers else 1),
                (int(numbers[1]) if len(numbers) > 1 else 5),
            )
            if weight < 1 or not 1 <= max_score <= 100:
                problems.append(
                    _(
                        "Line %(number)d: the weight must be at least 1 and the highest score between 1 and 100."
                    )
                    % {"number": number}
                )
                continue
            criteria.append({"name": parts[0], "weight": weight, "max_score": max_score})
        if problems:
            raise forms.ValidationError(problems)
        return criteria

    def clean_windows(self) -> list[tuple[str, datetime.date, datetime.date]]:
        windows, problems = [], []
        for number, line in enumerate(_lines(self.cleaned_data["windows"]), start=1):
            parts = line.split()
            try:
                if len(parts) != 3:
                    raise ValueError(line)
                windows.append(
                    (
                        parts[0],
                        datetime.date.fromisoformat(parts[1]),
                        datetime.date.fromisoformat(parts[2]),
                    )
                )
            except ValueError:
                problems.append(
                    _("Line %(number)d: write the direction and two dates (YYYY-MM-DD).")
                    % {"number": number}
                )
        if problems:
            raise forms.ValidationError(problems)
        return windows

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if "windows" in data and data.get("side_a_label") and data.get("side_b_label"):
            aliases = {
                slugify(f"{data['side_a_label']}-{data['side_b_label']}"): Direction.A_TO_B,
                slugify(f"{data['side_b_label']}-{data['side_a_label']}"): Direction.B_TO_A,
            }
            windows = []
            for direction, starts_on, ends_on in data["windows"]:
                resolved = (
                    direction.lower()
                    if direction.lower() in Direction.values
                    else aliases.get(slugify(direction))
                )
                if resolved is None:
                    self.add_error(
                        "windows",
                        _("Unknown direction “%(direction)s”: use %(choices)s.")
                        % {
                            "direction": direction,
                            "choices": ", ".join([*Direction.values, *aliases]),
                        },
                    )
                    return data
                windows.append((resolved, starts_on, ends_on))
            data["windows"] = windows
        return data

    def open_call_arguments(self) -> dict[str, Any]:
        """Keyword arguments for `actions.open_call`."""
        return dict(self.cleaned_data)


class RescheduleForm(forms.Form):
    deadline = forms.DateTimeField(
        label=_("Deadline"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    decision_on = forms.DateField(
        label=_("Decision expected on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
