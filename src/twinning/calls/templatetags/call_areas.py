"""`{{ call.side_a_areas|area_names }}` and `{{ call.side_a_label|side_name }}`: areas and
side names in the reader's language (Europe, 中国) instead of stored codes (europe, CN)."""

from __future__ import annotations

from django import template

from twinning.calls.areas import area_name
from twinning.calls.areas import side_name as translated_side_name

register = template.Library()


@register.filter
def area_names(areas: list[str]) -> str:
    return ", ".join(area_name(area) for area in areas or [])


@register.filter
def side_name(label: str) -> str:
    return translated_side_name(label)
