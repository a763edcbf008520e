"""`{{ call|deadline }}`: the deadline in the call's own time zone, in the reader's language."""

from __future__ import annotations

from django import template
from django.utils import formats

from twinning.common.dates import in_zone

register = template.Library()


@register.filter
def deadline(call: object) -> str:
    """E.g. "1 December 2026, 14:00 CET" or "2026年12月1日 14:00 CET"."""
    moment = getattr(call, "deadline", None)
    if moment is None:
        return ""
    local = in_zone(moment, getattr(call, "time_zone", "UTC"))
    return f"{formats.date_format(local, 'DATETIME_FORMAT')} {local.strftime('%Z')}"
