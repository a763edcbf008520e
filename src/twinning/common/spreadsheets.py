"""Cells for CSV and XLSX exports that a spreadsheet cannot run as formulas (CSV injection).

A text cell starting with = + - @, a tab or a carriage return gets a leading apostrophe, which
spreadsheets show as text; `unguard` undoes it on import, so export → import keeps the value.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"


def _needs_guard(text: str) -> bool:
    return text.lstrip(GUARD).startswith(TRIGGERS)


def guard(value: Any) -> Any:
    """The value to write in a cell: text that a spreadsheet would evaluate gets an apostrophe."""
    if isinstance(value, str) and _needs_guard(value):
        return GUARD + value
    return value


def unguard(value: Any) -> Any:
    """The inverse of `guard`, for cells read back from a file this project wrote."""
    if isinstance(value, str) and value.startswith(GUARD) and _needs_guard(value[1:]):
        return value[1:]
    return value


def guard_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: guard(value) for key, value in row.items()}


def unguard_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: unguard(value) for key, value in row.items()}


def guard_values(values: Iterable[Any]) -> list[Any]:
    return [guard(value) for value in values]
