"""The audit page's filter form: it only parses; `queries.filter_records` applies it."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.audit.queries import AuditFilter, kind_choices


class AuditFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of record"), required=False)
    actor = forms.CharField(label=_("Who (user name)"), required=False, max_length=150)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["kind"].choices = [("", _("Every kind")), *kind_choices()]  # type: ignore[attr-defined]

    def wanted(self) -> AuditFilter:
        data = self.cleaned_data if self.is_valid() else {}
        return AuditFilter(
            kind=data.get("kind") or "",
            actor=(data.get("actor") or "").strip(),
            since=data.get("since"),
            until=data.get("until"),
        )
