"""`readable_changes`: an audit entry's changes as (field, text) lines instead of a raw dict."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

register = template.Library()

# Fields the actions record as [old, new]; other lists are lists (e.g. the answers changed).
BEFORE_AFTER = {"deadline", "decision_on", "opens_on"}


def _text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        if len(value) == 2 and not all(
            isinstance(item, str) and item.isidentifier() for item in value
        ):
            return f"{_text(value[0])} → {_text(value[1])}"
        return ", ".join(_text(item) for item in value) or "—"
    if isinstance(value, dict):
        return ", ".join(f"{key} = {_text(item)}" for key, item in value.items()) or "—"
    return str(value)


@register.filter
def readable_changes(changes: Any) -> list[tuple[str, str]]:
    """Each changed field with its value; `[old, new]` pairs read "old → new"."""
    if not isinstance(changes, dict):
        return [("", _text(changes))] if changes else []
    lines = []
    for key, value in changes.items():
        if key in BEFORE_AFTER and isinstance(value, list) and len(value) == 2:
            text = f"{_text(value[0])} → {_text(value[1])}"
        else:
            text = _text(value)
        lines.append((str(key).replace("_", " "), text))
    return lines
