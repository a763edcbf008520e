"""Form widgets shared by the apps."""

from __future__ import annotations

from typing import Any

from django import forms


class IdentifierSelect(forms.Select):
    """A select whose options are identifiers or proper names in their own language (IANA
    zones, register names): each option says so (`translate="no"`), in every language."""

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(*args, **kwargs)
        option["attrs"]["translate"] = "no"
        return option
