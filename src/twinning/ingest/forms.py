from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from twinning import topics as vocabulary
from twinning.directory.enums import OrganisationType
from twinning.directory.fields import CountryField
from twinning.directory.models import Organisation, Topic
from twinning.ingest.accept_programmes import parse_date
from twinning.ingest.accepting import EXTRACTED_TYPES
from twinning.ingest.enums import CandidateKind, CandidateStatus
from twinning.ingest.errors import IngestError
from twinning.ingest.models import Candidate
from twinning.programmes.models import Programme

PARTNERSHIP_KINDS = [
    ("twinning", _("Twinning pair")),
    ("membership", _("Membership")),
    ("partner", _("Partnership")),
    ("visit", _("Delegation visit")),
]
TYPE_WORDS: dict[str, str] = {str(code): word for word, code in EXTRACTED_TYPES.items()}


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


def _topics_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("Topics"),
        required=False,
        choices=_topic_choices,
        widget=forms.SelectMultiple(attrs={"data-searchable": ""}),
    )


def _lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


class CandidateForm(forms.Form):
    """Edits every field of one extracted record; `cleaned_record()` is the data to accept."""

    list_fields: tuple[str, ...] = ()  # fields shown one item a line

    def __init__(
        self, data: Any = None, *, initial: dict[str, Any] | None = None, **kwargs: Any
    ) -> None:
        initial = dict(initial or {})
        # Extraction writes topics as found ("waste sorting"); the picker shows vocabulary slugs.
        topics = initial.get("topics") or []
        if isinstance(topics, str):
            topics = [t.strip() for t in topics.split(",")]
        initial["topics"] = [slug for slug in map(vocabulary.normalise_topic, topics) if slug]
        for name in self.list_fields:
            if isinstance(initial.get(name), list):
                initial[name] = "\n".join(str(item) for item in initial[name])
        super().__init__(data, initial=initial, **kwargs)

    def cleaned_record(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        if "topics" in data:
            data["topics"] = list(data.get("topics") or [])
        for name in self.list_fields:
            data[name] = _lines(data.get(name) or "")
        return {key: (None if value == "" else value) for key, value in data.items()}


class OrganisationCandidateForm(CandidateForm):
    name = forms.CharField(label=_("Name"), max_length=300)
    name_zh = forms.CharField(label=_("Chinese name"), max_length=300, required=False)
    acronym = forms.CharField(label=_("Acronym"), max_length=40, required=False)
    country = CountryField(required=False)
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    founded = forms.IntegerField(
        label=_("Founding year"), min_value=1800, max_value=2100, required=False
    )
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", "—"), *OrganisationType.choices],
        help_text=_("A project becomes a programme when accepted."),
    )
    topics = _topics_field()
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(
        self, data: Any = None, *, initial: dict[str, Any] | None = None, **kwargs: Any
    ) -> None:
        initial = dict(initial or {})
        # Extraction writes "youth organisation", "research centre"; the directory's codes differ.
        initial["type"] = EXTRACTED_TYPES.get(str(initial.get("type") or ""), initial.get("type"))
        super().__init__(data, initial=initial, **kwargs)

    def cleaned_record(self) -> dict[str, Any]:
        data = super().cleaned_record()
        data["type"] = TYPE_WORDS.get(data.get("type") or "", data.get("type"))
        return data


def _date_text(value: str) -> str:
    if value:
        try:
            parse_date(value)
        except IngestError as error:
            raise forms.ValidationError(str(error)) from None
    return value


class PartnershipCandidateForm(CandidateForm):
    list_fields = ("participants",)

    a = forms.CharField(label=_("First organisation (visitors for a visit)"), max_length=300)
    b = forms.CharField(label=_("Second organisation (host for a visit)"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=PARTNERSHIP_KINDS)
    year = forms.IntegerField(
        label=_("Year (the cohort of a twinning pair)"),
        min_value=1900,
        max_value=2100,
        required=False,
    )
    date = forms.CharField(
        label=_("Date of a visit"),
        max_length=10,
        required=False,
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD, as precise as the page says."),
    )
    topics = _topics_field()
    participants = forms.CharField(
        label=_("People in the delegation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One a line: name; role; organisation. Start the leader's line with *."),
    )

    def __init__(
        self, data: Any = None, *, initial: dict[str, Any] | None = None, **kwargs: Any
    ) -> None:
        initial = dict(initial or {})
        initial["participants"] = [
            participant_line(entry) for entry in initial.get("participants") or []
        ]
        super().__init__(data, initial=initial, **kwargs)

    def clean_date(self) -> str:
        return _date_text(self.cleaned_data.get("date") or "")

    def cleaned_record(self) -> dict[str, Any]:
        data = super().cleaned_record()
        data["participants"] = [parse_participant(line) for line in data["participants"]]
        if data.get("date") and not data.get("year"):
            data["year"] = int(str(data["date"])[:4])
        return data


class EventCandidateForm(CandidateForm):
    list_fields = ("organisers",)

    name = forms.CharField(label=_("Name"), max_length=300)
    name_zh = forms.CharField(label=_("Chinese name"), max_length=300, required=False)
    start = forms.CharField(
        label=_("Start"),
        max_length=10,
        required=False,
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD, as precise as the page says."),
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    organisers = forms.CharField(
        label=_("Organisers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line. An organiser that is a programme makes this its activity."),
    )
    topics = _topics_field()

    def clean_start(self) -> str:
        return _date_text(self.cleaned_data.get("start") or "")


class PersonCandidateForm(CandidateForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    name_zh = forms.CharField(label=_("Chinese name"), max_length=200, required=False)
    role = forms.CharField(label=_("Role"), max_length=200, required=False)
    organisation = forms.CharField(label=_("Organisation"), max_length=300, required=False)


def participant_line(entry: dict[str, Any]) -> str:
    """`* Name; role; organisation` (the star marks the leader) for the text box."""
    parts = [entry.get("name") or "", entry.get("role") or "", entry.get("organisation") or ""]
    line = "; ".join(parts).rstrip("; ")
    return f"* {line}" if entry.get("leader") else line


def parse_participant(line: str) -> dict[str, Any]:
    leader = line.startswith("*")
    parts = [part.strip() for part in line.lstrip("* ").split(";")] + ["", ""]
    return {
        "name": parts[0],
        "role": parts[1] or None,
        "organisation": parts[2] or None,
        "leader": leader,
    }


FORM_BY_KIND: dict[str, type[CandidateForm]] = {
    CandidateKind.ORGANISATION: OrganisationCandidateForm,
    CandidateKind.PARTNERSHIP: PartnershipCandidateForm,
    CandidateKind.EVENT: EventCandidateForm,
    CandidateKind.PERSON: PersonCandidateForm,
}


class CandidateMergeForm(forms.Form):
    """Another waiting candidate of the same kind, which takes this one's facts."""

    target = forms.ModelChoiceField(
        Candidate.objects.none(),
        label=_("Merge into another waiting candidate"),
        widget=forms.Select(attrs={"data-searchable": ""}),
    )

    def __init__(self, data: Any = None, *, candidate: Candidate, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        field = self.fields["target"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            Candidate.objects.filter(status=CandidateStatus.PENDING, kind=candidate.kind)
            .exclude(pk=candidate.pk)
            .order_by("document_id", "pk")
        )


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        Organisation.objects.order_by("name"),
        label=_("Merge into"),
        widget=forms.Select(attrs={"data-searchable": ""}),
    )
