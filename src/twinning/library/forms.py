"""The coordinator's upload form for library documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from twinning.common.date_fields import DateField
from twinning.library.models import Document

ACCEPTED_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".pdf")
LANGUAGES = [
    ("en", _("English")),
    ("zh", _("Chinese")),
    ("fr", _("French")),
    ("de", _("German")),
    ("other", _("Other")),
]


class DocumentUploadForm(forms.ModelForm):
    upload = forms.FileField(label=_("File"), help_text=_("Text, HTML or PDF."))
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGES)

    class Meta:
        model = Document
        fields = [
            "title",
            "kind",
            "language",
            "published",
            "programme",
            "cohort",
            "organisations",
            "people",
            "topics",
            "summary",
            "is_published",
        ]
        field_classes = {"published": DateField}
        labels = {"cohort": _("Cohort")}  # the model field has no translated name

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave empty to use the first line of the text.")

    def clean_upload(self) -> object:
        upload = self.cleaned_data["upload"]
        limit = settings.TWINNING_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than the %(limit)d MB limit."),
                params={"limit": limit // (1024 * 1024)},
            )
        if Path(upload.name).suffix.lower() not in ACCEPTED_SUFFIXES:
            raise forms.ValidationError(
                _("Only text, HTML and PDF files can be added to the library.")
            )
        return upload
