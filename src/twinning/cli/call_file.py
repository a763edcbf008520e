"""Reading a call file for `twinning open-call`: each field checked, one line per refusal."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from typing import Any

from twinning.cli.errors import CommandFailed


def read_call_file(path: str) -> dict[str, Any]:
    """The JSON file as `open_call` keyword arguments (with `programme` still a slug); one-line errors."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as error:
        raise CommandFailed(f"cannot read {path}: {error.strerror}") from None
    except json.JSONDecodeError as error:
        raise CommandFailed(
            f"{path} is not valid JSON: {error.msg} (line {error.lineno})"
        ) from None
    if not isinstance(data, dict):
        raise CommandFailed(f"{path} must hold one JSON object")
    unknown = sorted(set(data) - set(CALL_FILE_FIELDS))
    if unknown:
        raise CommandFailed(f"unknown field(s): {', '.join(unknown)}")
    missing = [name for name in REQUIRED_FIELDS if name not in data]
    if missing:
        raise CommandFailed(f"missing field(s): {', '.join(missing)}")
    return {name: CALL_FILE_FIELDS[name](name, value) for name, value in data.items()}


def _text(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise CommandFailed(f"{name} must be a string")
    return value


def _texts(name: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise CommandFailed(f"{name} must be a list of strings")
    return value


def _whole(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise CommandFailed(f"{name} must be a whole number, 0 or more")
    return value


def _flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise CommandFailed(f"{name} must be true or false")
    return value


def _date(name: str, value: Any) -> datetime.date:
    try:
        return datetime.date.fromisoformat(_text(name, value))
    except ValueError:
        raise CommandFailed(f"{name} must be a date, YYYY-MM-DD") from None


def _moment(name: str, value: Any) -> datetime.datetime:
    from django.utils import timezone

    try:
        moment = datetime.datetime.fromisoformat(_text(name, value))
    except ValueError:
        raise CommandFailed(
            f"{name} must be a date and time, YYYY-MM-DDTHH:MM (server time zone unless given)"
        ) from None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _criteria(name: str, value: Any) -> list[dict[str, Any]]:
    criteria = []
    for item in value if isinstance(value, list) else [None]:
        if not (
            isinstance(item, list)
            and len(item) in (2, 3)
            and isinstance(item[0], str)
            and item[0].strip()
            and all(isinstance(n, int) and not isinstance(n, bool) for n in item[1:])
        ):
            raise CommandFailed(
                f"{name} must be a list of [name, weight] or [name, weight, max score]"
            )
        weight, max_score = item[1], item[2] if len(item) == 3 else 5
        if weight < 1 or not 1 <= max_score <= 100:
            raise CommandFailed(
                f"{name}: the weight of {item[0]!r} must be at least 1 and its max score between 1 and 100"
            )
        criteria.append({"name": item[0], "weight": weight, "max_score": max_score})
    return criteria


def _windows(name: str, value: Any) -> list[tuple[str, datetime.date, datetime.date]]:
    windows = []
    for item in value if isinstance(value, list) else [None]:
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str)):
            raise CommandFailed(f"{name} must be a list of [direction, start date, end date]")
        windows.append((item[0], _date(name, item[1]), _date(name, item[2])))
    return windows


def _reviews(name: str, value: Any) -> int:
    number = _whole(name, value)
    if not 1 <= number <= 10:
        raise CommandFailed(f"{name} must be between 1 and 10")
    return number


CALL_FILE_FIELDS: dict[str, Callable[[str, Any], Any]] = {
    "programme": _text,
    "title": _text,
    "opens_on": _date,
    "deadline": _moment,
    "decision_on": _date,
    "side_a_areas": _texts,
    "side_b_areas": _texts,
    "side_a_label": _text,
    "side_b_label": _text,
    "organisation_types": _texts,
    "min_years_registered": _whole,
    "requires_permanent_staff": _flag,
    "same_country_is_conflict": _flag,
    "questions": _texts,
    "criteria": _criteria,
    "windows": _windows,
    "title_zh": _text,
    "description": _text,
    "description_zh": _text,
    "reviews_per_application": _reviews,
    "cohort_year": _whole,
    "publish": _flag,
    "time_zone": _text,
}
REQUIRED_FIELDS = [
    "programme",
    "title",
    "opens_on",
    "deadline",
    "decision_on",
    "side_a_areas",
    "side_b_areas",
]
