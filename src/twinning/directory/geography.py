"""Country names and regions from ISO 3166 (pycountry), localised for display."""

from __future__ import annotations

import pycountry

from twinning.directory import countries
from twinning.directory.enums import Region

# Regions group countries the way programmes split their sides.
_EUROPE = {
    "AL",
    "AD",
    "AT",
    "BY",
    "BE",
    "BA",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IS",
    "IE",
    "IT",
    "XK",
    "LV",
    "LI",
    "LT",
    "LU",
    "MT",
    "MD",
    "MC",
    "ME",
    "NL",
    "MK",
    "NO",
    "PL",
    "PT",
    "RO",
    "SM",
    "RS",
    "SK",
    "SI",
    "ES",
    "SE",
    "CH",
    "UA",
    "GB",
    "VA",
}
_CHINA = {"CN", "HK", "MO", "TW"}
_ASIA = {
    "JP",
    "KR",
    "KP",
    "MN",
    "IN",
    "ID",
    "MY",
    "SG",
    "TH",
    "VN",
    "PH",
    "KH",
    "LA",
    "MM",
    "BD",
    "PK",
    "LK",
    "NP",
    "BT",
    "AU",
    "NZ",
    "KZ",
    "KG",
    "UZ",
    "TJ",
    "TM",
    "AF",
    "IR",
    "IQ",
    "SA",
    "AE",
    "IL",
    "TR",
    "JO",
    "LB",
    "QA",
    "KW",
    "OM",
    "BH",
    "YE",
    "SY",
    "GE",
    "AM",
    "AZ",
    "FJ",
    "PG",
    "BN",
    "TL",
    "MV",
}
_AMERICAS = {
    "US",
    "CA",
    "MX",
    "BR",
    "AR",
    "CL",
    "CO",
    "PE",
    "VE",
    "EC",
    "BO",
    "PY",
    "UY",
    "CU",
    "GT",
    "CR",
    "PA",
    "HN",
    "NI",
    "SV",
    "DO",
    "JM",
    "HT",
}


def region_of(country: str | None) -> str:
    code = (country or "").upper()
    if code in _CHINA:
        return Region.CHINA
    if code in _EUROPE:
        return Region.EUROPE
    if code in _ASIA:
        return Region.ASIA
    if code in _AMERICAS:
        return Region.AMERICAS
    if code:
        country_record = pycountry.countries.get(alpha_2=code)
        return Region.AFRICA if country_record else Region.OTHER
    return Region.OTHER


def countries_in_region(region: str) -> set[str]:
    return {c.alpha_2 for c in pycountry.countries if region_of(c.alpha_2) == region}


def is_country_code(code: str) -> bool:
    return pycountry.countries.get(alpha_2=code.upper()) is not None


def country_name(code: str | None, language: str | None = None) -> str:
    """The country's name in the active language (see `countries.country_name`)."""
    return countries.country_name(code, language)


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    """Every country by name in the active language (see `countries.country_choices`)."""
    return countries.country_choices(language)


def numeric_code(code: str) -> str | None:
    """The ISO 3166-1 numeric code ("156" for CN, "008" for AL), as world-atlas names countries."""
    record = pycountry.countries.get(alpha_2=code.upper()) if code else None
    return str(record.numeric) if record is not None else None
