"""Coordinator-worded e-mails: placeholders are filled with plain values only, never templates.

A coordinator's text is rendered with `str.format_map` over a fixed set of names, so an edited
e-mail can neither break nor reach into records; unknown names are refused when it is saved.
"""

from __future__ import annotations

import string
from typing import Any

from django.utils.translation import gettext as _

PLACEHOLDERS = {
    "reminder": ("name", "title", "date", "when", "url"),
    "bulk": ("name", "organisation", "partner", "cohort", "url"),
}


def unknown_placeholders(text: str, allowed: tuple[str, ...]) -> list[str]:
    """The {names} in `text` that are not allowed (and a clear message for a broken brace)."""
    try:
        names = {
            field
            for _literal, field, _spec, _conversion in string.Formatter().parse(text)
            if field is not None
        }
    except ValueError:
        return [_("A brace { or } is not closed; write {{ or }} for a brace itself.")]
    return [
        _("Unknown placeholder {%(name)s}; use %(allowed)s.")
        % {"name": name, "allowed": ", ".join("{" + a + "}" for a in allowed)}
        for name in sorted(names - set(allowed))
    ]


def fill(text: str, values: dict[str, Any]) -> str:
    return text.format_map({key: str(value) for key, value in values.items()})
