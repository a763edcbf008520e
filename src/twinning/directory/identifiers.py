"""org-id.guide lists (the registers an organisation identifier comes from) and checking an
identifier against them. The lists ship in `org_id_lists.json`, written from PyPI's `org-id`
snapshot by `scripts/org_id_lists.py`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _

LISTS_FILE = Path(__file__).with_name("org_id_lists.json")
# Register numbers are printable and without spaces inside (org-id joins scheme and value with "-").
VALUE = re.compile(r"^[^\s]{1,100}$")


class IdentifierRefused(ValueError):
    """An identifier that cannot be recorded, with a message for the person who typed it."""


@dataclass(frozen=True)
class OrgIdList:
    code: str
    name: str
    coverage: tuple[str, ...]
    deprecated: bool


@cache
def org_id_lists() -> dict[str, OrgIdList]:
    """Every org-id.guide list by its code (GB-CHC, CN-USCI, XI-WIKIDATA…)."""
    data = json.loads(LISTS_FILE.read_text(encoding="utf-8"))
    return {
        entry["code"]: OrgIdList(
            entry["code"], entry["name"], tuple(entry["coverage"]), entry["deprecated"]
        )
        for entry in data["lists"]
    }


def scheme_choices(country: str = "") -> list[tuple[str, str]]:
    """Current lists as (code, "code — name"), the organisation's country and international
    (XI-, XM-) lists first."""
    current = [entry for entry in org_id_lists().values() if not entry.deprecated]

    def rank(entry: OrgIdList) -> tuple[int, str]:
        if country and country in entry.coverage:
            return 0, entry.code
        return (1 if entry.code.startswith(("XI-", "XM-")) else 2), entry.code

    return [(entry.code, f"{entry.code} — {entry.name}") for entry in sorted(current, key=rank)]


def clean_identifier(scheme: str, value: str) -> tuple[str, str]:
    """The scheme (upper case) and value as stored; refused when the scheme is no current
    org-id.guide list or the value is empty, too long or has spaces."""
    code = scheme.strip().upper()
    entry = org_id_lists().get(code)
    if entry is None:
        raise IdentifierRefused(
            _("%(scheme)s is not a list of org-id.guide.") % {"scheme": code or "—"}
        )
    if entry.deprecated:
        raise IdentifierRefused(
            _("org-id.guide no longer recommends %(scheme)s.") % {"scheme": code}
        )
    text = value.strip()
    if text.upper().startswith(f"{code}-"):  # "GB-CHC-1234567" typed whole
        text = text[len(code) + 1 :]
    if not VALUE.match(text):
        raise IdentifierRefused(_("The identifier must be 1 to 100 characters without spaces."))
    return code, text
