"""Forms of the exchange pages; they only collect input, the actions validate and decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from twinning.common.date_fields import DateField
from twinning.directory.models import Organisation, StaffMembership
from twinning.exchanges.actions.reports import REPORT_LANGUAGES
from twinning.exchanges.enums import Audience, MilestoneKind, WorkshopKind
from twinning.programmes.models import Cohort, Pair


class PlacementForm(forms.Form):
    fellow = forms.ModelChoiceField(queryset=get_user_model().objects.none(), label=_("Fellow"))
    fellow_role = forms.CharField(label=_("Fellow's role at home"), required=False, max_length=200)
    planned_start = DateField(label=_("Planned start"))
    planned_end = DateField(label=_("Planned end"))
    city = forms.CharField(
        label=_("City"), required=False, max_length=120, help_text=_("Empty: the host's city.")
    )
    host_contact_name = forms.CharField(label=_("Host contact"), max_length=200)
    host_contact_role = forms.CharField(
        label=_("Host contact's role"), required=False, max_length=200
    )
    host_contact_email = forms.EmailField(label=_("Host contact's e-mail"), required=False)
    work_plan = forms.CharField(label=_("Work plan"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args: Any, pair: Pair, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        staff = StaffMembership.objects.filter(
            organisation__in=[pair.organisation_a_id, pair.organisation_b_id], is_approved=True
        )
        fellow = self.fields["fellow"]
        assert isinstance(fellow, forms.ModelChoiceField)
        fellow.queryset = (
            get_user_model().objects.filter(pk__in=staff.values("user")).order_by("username")
        )
        fellow.label_from_instance = _fellow_label(pair)  # type: ignore[method-assign]

    def home_of(self, pair: Pair) -> Organisation:
        """The fellow's organisation in the pair (side A if they work for both)."""
        fellow = self.cleaned_data["fellow"]
        ids = set(
            StaffMembership.objects.filter(user=fellow, is_approved=True).values_list(
                "organisation_id", flat=True
            )
        )
        return pair.organisation_a if pair.organisation_a_id in ids else pair.organisation_b


def _fellow_label(pair: Pair) -> Any:
    names = {
        pair.organisation_a_id: pair.organisation_a.name,
        pair.organisation_b_id: pair.organisation_b.name,
    }
    homes: dict[int, int] = dict(
        StaffMembership.objects.filter(organisation__in=list(names), is_approved=True).values_list(
            "user_id", "organisation_id"
        )
    )

    def label(user: Any) -> str:
        home = homes.get(user.pk)
        return f"{user} ({names.get(home, '') if home is not None else ''})"

    return label


class DatesForm(forms.Form):
    planned_start = DateField(label=_("Planned start"))
    planned_end = DateField(label=_("Planned end"))


class DayForm(forms.Form):
    on = DateField(label=_("Date"), required=False, help_text=_("Empty: today."))


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Why"), max_length=500)


class ReportRequestForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    due_on = DateField(label=_("Due on"))


class ReportFileForm(forms.Form):
    file = forms.FileField(label=_("Report (PDF, HTML or text)"))
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[
            (code, label)
            for code, label in zip(REPORT_LANGUAGES, (_("English"), _("Chinese")), strict=True)
        ],
    )


class ProjectForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    title_zh = forms.CharField(label=_("Title (Chinese)"), max_length=300, required=False)
    goals = forms.CharField(label=_("Goals"), widget=forms.Textarea(attrs={"rows": 4}))
    budget = forms.CharField(
        label=_("Budget lines"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone or deliverable"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=MilestoneKind.choices)
    due_on = DateField(label=_("Due on"))


class FollowUpForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    start_year = forms.IntegerField(label=_("First year"), min_value=1990, max_value=2100)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    url = forms.URLField(label=_("Web page"), required=False)


class WorkshopForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=WorkshopKind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    starts_on = DateField(label=_("From"))
    ends_on = DateField(label=_("Until"))
    place = forms.CharField(label=_("Place"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    materials = forms.CharField(
        label=_("Materials"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Links or notes, one per line."),
    )


class TemplateForm(forms.Form):
    subject_en = forms.CharField(label=_("Subject (English)"), max_length=300)
    body_en = forms.CharField(label=_("Text (English)"), widget=forms.Textarea(attrs={"rows": 6}))
    subject_zh = forms.CharField(label=_("Subject (Chinese)"), max_length=300)
    body_zh = forms.CharField(label=_("Text (Chinese)"), widget=forms.Textarea(attrs={"rows": 6}))


class BulkMessageForm(TemplateForm):
    cohort = forms.ModelChoiceField(
        label=_("Cohort"),
        queryset=Cohort.objects.select_related("programme").order_by("programme__name", "-year"),
    )
    audience = forms.ChoiceField(label=_("To"), choices=Audience.choices)
    field_order = ["cohort", "audience", "subject_en", "body_en", "subject_zh", "body_zh"]
