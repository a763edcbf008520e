"""The one country form field: a searchable ISO 3166 select that also accepts typed names."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.directory.countries import country_choices, resolve_country


def _choices_with_blank() -> list[tuple[str, str]]:
    return [("", str(_("Choose a country")))] + country_choices()


class CountrySelect(forms.Select):
    """A plain select (no JavaScript needed); `data-searchable` lets the picker add search."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs={"data-searchable": "", **(attrs or {})})


class CountryField(forms.ChoiceField):
    """Cleans to an ISO 3166-1 alpha-2 code ("" when empty and optional).

    A posted code, English or Chinese name or alias ("China", "中国", "UK") is resolved with
    `resolve_country`; anything else is refused with a message naming what was typed.
    """

    widget = CountrySelect
    default_error_messages = {
        "unknown_country": _(
            "“%(value)s” is not a country we know. Choose one from the list, or type its "
            "name in English or Chinese (for example China, 中国) or its ISO code (CN)."
        ),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Country"))
        # A callable is evaluated at each rendering, so names follow the active language.
        kwargs["choices"] = _choices_with_blank
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        text = super().to_python(value).strip()
        if not text:
            return ""
        code = resolve_country(text)
        if code is None:
            raise forms.ValidationError(
                self.error_messages["unknown_country"],
                code="unknown_country",
                params={"value": text[:80]},
            )
        return code
