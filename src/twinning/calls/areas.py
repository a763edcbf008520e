"""The areas of a call's sides: ISO country codes ("FR") or directory region names ("europe")."""

from __future__ import annotations

from collections.abc import Iterable

from twinning.directory import geography
from twinning.directory.countries import resolve_country
from twinning.directory.enums import Region


def normalise_area(text: str) -> str:
    """A region's lower-case name, else the code of a country code or name ("Germany" → DE).

    Text that is neither stays as typed, for `unknown_areas` to report.
    """
    text = text.strip()
    if text.lower() in Region.values:
        return text.lower()
    return resolve_country(text) or text


def parse_areas(text: str) -> list[str]:
    """Comma-separated entries, normalised, duplicates dropped, order kept."""
    areas = [normalise_area(part) for part in text.split(",") if part.strip()]
    return list(dict.fromkeys(areas))


def unknown_areas(areas: Iterable[str]) -> list[str]:
    """Entries that are neither an ISO 3166 country code nor a directory region."""
    return [
        area
        for area in areas
        if area not in Region.values
        and not (len(area) == 2 and area.isupper() and geography.is_country_code(area))
    ]


def area_name(area: str) -> str:
    """A region's or a country's name in the active language ("europe" → Europe, "CN" → 中国)."""
    if area in Region.values:
        return str(Region(area).label)
    return geography.country_name(area) if geography.is_country_code(area) else area


def side_name(label: str) -> str:
    """A side's name in the active language when it is a region's English name (the defaults
    "Europe" and "China"); a name the coordinator wrote otherwise stays as written."""
    for region in Region:
        if label.strip().casefold() == region.value:
            return str(region.label)
    return label
