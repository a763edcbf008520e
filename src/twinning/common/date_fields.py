"""Date and date-time form fields used by every form: the browser's own picker (`type=date`,
an ISO value, the page's language on the input), and typed text read as people write it in
either language: 2026-12-01, 1 December 2026, December 1, 2026, 2026年12月1日."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

ISO_DATE = "%Y-%m-%d"
ISO_DATETIME = "%Y-%m-%dT%H:%M"  # what <input type="datetime-local"> sends and shows

# English day-month-year first; month-day-year only with the month written out (never 12/01).
_DATE_FORMATS = (
    ISO_DATE,
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%d/%m/%Y",
)
_CHINESE_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")
_TIME = re.compile(r"(?:T|\s|,|日|^)\s*(\d{1,2})[:：](\d{2})\s*$")


def parse_date_text(text: str) -> datetime.date | None:
    """The date `text` names, or None: ISO, '1 December 2026', 'Dec 1, 2026', '2026年12月1日'."""
    text = " ".join(text.replace(",", " ").split())
    chinese = _CHINESE_DATE.fullmatch(text)
    if chinese:
        try:
            return datetime.date(*(int(part) for part in chinese.groups()))
        except ValueError:
            return None
    for pattern in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def parse_datetime_text(text: str) -> datetime.datetime | None:
    """A naive date and time from typed text: a date as above, then HH:MM ('T', space or comma
    between); a date alone is midnight."""
    text = text.strip().replace("：", ":")
    time = _TIME.search(text)
    hour, minute = (int(time.group(1)), int(time.group(2))) if time else (0, 0)
    day = parse_date_text(text[: time.start()] if time else text)
    if day is None or hour > 23 or minute > 59:
        return None
    return datetime.datetime.combine(day, datetime.time(hour, minute))


class _LanguageMixin:
    """The input carries the page's language, so a browser may lay out its picker to match."""

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)  # type: ignore[misc]
        context["widget"]["attrs"].setdefault("lang", get_language() or "en")
        return context


class DateInput(_LanguageMixin, forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format=ISO_DATE)


class DateTimeInput(_LanguageMixin, forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format=ISO_DATETIME)


DATE_HINT = _("Day, month and year, for example 1 December 2026 or 2026-12-01.")
DATETIME_HINT = _("For example 1 December 2026, 14:00 or 2026-12-01 14:00.")


class DateField(forms.DateField):
    """A date from the picker or typed in any of the forms `parse_date_text` reads."""

    widget = DateInput
    default_error_messages = {"invalid": DATE_HINT}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", DATE_HINT)
        super().__init__(*args, **kwargs)

    def to_python(self, value: Any) -> datetime.date | None:
        if isinstance(value, str) and value.strip():
            parsed = parse_date_text(value)
            if parsed is not None:
                return parsed
        return super().to_python(value)


class DateTimeField(forms.DateTimeField):
    """A wall-clock date and time from the picker or typed (the form places it in a zone)."""

    widget = DateTimeInput
    default_error_messages = {"invalid": DATETIME_HINT}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", DATETIME_HINT)
        super().__init__(*args, **kwargs)

    def to_python(self, value: Any) -> datetime.datetime | None:
        if isinstance(value, str) and value.strip():
            parsed = parse_datetime_text(value)
            if parsed is not None:
                return super().to_python(parsed)  # made aware in the current zone, as Django does
        return super().to_python(value)
