from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from twinning import topics as vocabulary
from twinning.directory.enums import OrganisationType
from twinning.directory.fields import CountryField
from twinning.directory.models import Organisation, Topic
from twinning.programmes.models import Programme


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    # The form metaclass moves declared fields into `base_fields`, so this does not shadow
    # `BaseForm.files` at run time; the stubs cannot see that.
    files = MultipleFileField(  # type: ignore[assignment]
        allow_empty_file=True,
        label=_("Documents"),
        help_text=_("Text, HTML, PDF, CSV or XLSX; several at once."),
    )
    programme = forms.ModelChoiceField(
        Programme.objects.all(),
        required=False,
        label=_("Programme"),
        help_text=_("Twinning pairs found in the documents join this programme."),
    )


def _topic_choices() -> list[tuple[str, str]]:
    return [(topic.slug, topic.label) for topic in Topic.objects.all()]


class OrganisationCandidateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=300)
    acronym = forms.CharField(label=_("Acronym"), max_length=40, required=False)
    country = CountryField(required=False)
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    founded = forms.IntegerField(
        label=_("Founding year"), min_value=1800, max_value=2100, required=False
    )
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", "—"), *OrganisationType.choices]
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        required=False,
        choices=_topic_choices,
        widget=forms.SelectMultiple(attrs={"data-searchable": ""}),
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(
        self, data: Any = None, *, initial: dict[str, Any] | None = None, **kwargs: Any
    ) -> None:
        initial = dict(initial or {})
        # Extraction writes topics as found ("waste sorting"); the picker shows vocabulary slugs.
        topics = initial.get("topics") or []
        if isinstance(topics, str):
            topics = [t.strip() for t in topics.split(",")]
        initial["topics"] = [slug for slug in map(vocabulary.normalise_topic, topics) if slug]
        super().__init__(data, initial=initial, **kwargs)

    def cleaned_record(self) -> dict:
        data = dict(self.cleaned_data)
        data["topics"] = list(data.get("topics") or [])
        data["country"] = data.get("country") or None
        return data


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        Organisation.objects.order_by("name"),
        label=_("Merge into"),
        widget=forms.Select(attrs={"data-searchable": ""}),
    )
