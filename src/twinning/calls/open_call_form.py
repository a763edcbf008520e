"""The open-a-call form: the call's fields, then its criteria and exchange windows as rows.

Criteria and windows are repeated fields (formsets) with plain inputs: no line syntax to learn.
The deadline is read in the call's own time zone, shown beside it.
"""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twinning.calls.areas import parse_areas, unknown_areas
from twinning.calls.enums import Direction
from twinning.common.date_fields import DateField, DateTimeField
from twinning.common.widgets import IdentifierSelect
from twinning.directory.enums import OrganisationType, Region
from twinning.programmes.models import Programme

# The zones programmes meet most, first; then every other IANA zone.
COMMON_TIME_ZONES = ["Europe/Brussels", "Europe/Berlin", "Europe/London", "Asia/Shanghai", "UTC"]


def time_zone_choices() -> list[tuple[str, str]]:
    others = sorted(available_timezones() - set(COMMON_TIME_ZONES))
    return [(zone, zone.replace("_", " ")) for zone in [*COMMON_TIME_ZONES, *others]]


class TimeZoneSelect(IdentifierSelect):
    """IANA zone names are identifiers: each option says so (`translate="no"`) in every language."""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def in_time_zone(moment: datetime.datetime, zone_name: str) -> datetime.datetime:
    """The wall-clock time the user typed (read in the active zone), placed in `zone_name`."""
    wall_clock = timezone.make_naive(moment) if timezone.is_aware(moment) else moment
    return timezone.make_aware(wall_clock, ZoneInfo(zone_name))


class AreasField(forms.CharField):
    """Comma-separated countries (codes or names) or directory region names, checked."""

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
    """Every field of `open_call` except its criteria and windows (see the formsets below)."""

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
    opens_on = DateField(label=_("Opens on"))
    deadline = DateTimeField(label=_("Deadline"))
    time_zone = forms.ChoiceField(
        label=_("Time zone of the deadline"),
        choices=time_zone_choices,
        initial="Europe/Brussels",
        widget=TimeZoneSelect(attrs={"data-searchable": ""}),
    )
    decision_on = DateField(label=_("Decision expected on"))
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

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("deadline") and data.get("time_zone"):
            data["deadline"] = in_time_zone(data["deadline"], data["time_zone"])
        return data

    def open_call_arguments(self) -> dict[str, Any]:
        """Keyword arguments for `actions.open_call`, criteria and windows aside."""
        return dict(self.cleaned_data)


class CriterionForm(forms.Form):
    """One review criterion; a row left empty is skipped."""

    name = forms.CharField(label=_("Criterion"), max_length=200)
    weight = forms.IntegerField(label=_("Weight"), min_value=1, max_value=100, initial=1)
    max_score = forms.IntegerField(label=_("Highest score"), min_value=1, max_value=100, initial=5)

    def has_changed(self) -> bool:
        # Weight and highest score come filled in: a row counts once it has a name.
        return bool(str(self.data.get(self.add_prefix("name"), "")).strip())


class WindowForm(forms.Form):
    """One exchange window: who visits whom, from which day to which day."""

    direction = forms.ChoiceField(label=_("Who visits"), choices=Direction.choices)
    starts_on = DateField(label=_("First day"))
    ends_on = DateField(label=_("Last day"))

    def has_changed(self) -> bool:
        # The direction always has a value: a row counts once a day is given.
        return any(
            str(self.data.get(self.add_prefix(name), "")).strip()
            for name in ("starts_on", "ends_on")
        )


CriterionFormSet = forms.formset_factory(CriterionForm, extra=4)
WindowFormSet = forms.formset_factory(WindowForm, extra=2)


def _rows(formset: forms.BaseFormSet) -> list[dict[str, Any]]:
    """The cleaned rows the user filled in (untouched rows are no row at all)."""
    return [form.cleaned_data for form in formset.forms if form.has_changed()]


def criteria_of(formset: forms.BaseFormSet) -> list[dict[str, Any]]:
    return [
        {"name": row["name"].strip(), "weight": row["weight"], "max_score": row["max_score"]}
        for row in _rows(formset)
    ]


def windows_of(formset: forms.BaseFormSet) -> list[tuple[str, datetime.date, datetime.date]]:
    return [(row["direction"], row["starts_on"], row["ends_on"]) for row in _rows(formset)]
