"""Entity resolution: is an extracted organisation one the directory already knows, and why.

The same organisation may be written in full, as its acronym, with or without a legal form
("e.V.", "Ltd"), in Chinese, or with a typo; each of those resolves to one record.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from twinning.common.text import fold
from twinning.directory.models import Organisation

# Legal forms and filler words that do not distinguish one organisation from another.
LEGAL_FORMS = {
    "e v",
    "ev",
    "ltd",
    "limited",
    "inc",
    "co",
    "corp",
    "gmbh",
    "ggmbh",
    "ag",
    "sa",
    "sarl",
    "asbl",
    "aisbl",
    "vzw",
    "onlus",
    "aps",
    "ets",
    "ry",
    "rf",
    "gemeinnutzige",
    "the",
    "of",
    "and",
    "for",
    "de",
    "du",
    "la",
    "le",
}
CHINESE_SUFFIXES = ("有限公司", "有限责任公司")
TYPO_THRESHOLD = 0.9


def resolution_key(name: str) -> str:
    """A name reduced to the words that identify it: folded, legal forms and fillers dropped."""
    folded = fold(name.replace("&", " and "))
    folded = re.sub(r"\be\s+v\b", " ", folded)
    words = [word for word in folded.split() if word not in LEGAL_FORMS]
    key = " ".join(words)
    for suffix in CHINESE_SUFFIXES:
        key = key.removesuffix(suffix)
    return key.strip()


@dataclass(frozen=True)
class Resolution:
    organisation_id: int
    score: float
    reason: str


@dataclass
class OrganisationIndex:
    """Lookup tables over the directory, built once per ingest run."""

    by_key: dict[str, int] = field(default_factory=dict)
    by_acronym: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)

    @classmethod
    def build(cls) -> OrganisationIndex:
        index = cls()
        rows = Organisation.objects.values_list(
            "pk", "name", "name_zh", "acronym", "other_names", "country"
        )
        for pk, name, name_zh, acronym, other_names, country in rows.iterator(chunk_size=2000):
            index.add(pk, name, name_zh, acronym, other_names or [], country)
        return index

    def add(
        self,
        pk: int,
        name: str,
        name_zh: str = "",
        acronym: str = "",
        other_names: list[str] | None = None,
        country: str = "",
    ) -> None:
        self.names[pk] = name
        for variant in (name, name_zh, *(other_names or [])):
            key = resolution_key(variant) if variant else ""
            if key:
                self.by_key.setdefault(key, pk)
        if acronym:
            self.by_acronym.setdefault(acronym.casefold(), []).append((pk, country or ""))

    def resolve(
        self, name: str, acronym: str | None = None, country: str | None = None
    ) -> Resolution | None:
        key = resolution_key(name)
        if not key:
            return None
        if key in self.by_key:
            pk = self.by_key[key]
            same_words = fold(name) == fold(self.names[pk])
            reason = (
                _("same name")
                if same_words
                else _("same name once legal forms and punctuation are set aside")
            )
            return Resolution(pk, 1.0, reason)
        for written in filter(
            None, (acronym, name if len(name) <= 12 and name.isupper() else None)
        ):
            owners = self.by_acronym.get(written.casefold(), [])
            owners = [
                owner for owner in owners if not country or not owner[1] or owner[1] == country
            ]
            if len(owners) == 1:
                return Resolution(
                    owners[0][0], 0.9, _("same acronym %(acronym)s") % {"acronym": written}
                )
        if len(key) >= 8:
            close = difflib.get_close_matches(key, self.by_key.keys(), n=1, cutoff=TYPO_THRESHOLD)
            if close:
                ratio = difflib.SequenceMatcher(None, key, close[0]).ratio()
                return Resolution(
                    self.by_key[close[0]],
                    round(ratio, 2),
                    _("nearly the same name (similarity %(ratio).2f), likely a typo")
                    % {"ratio": ratio},
                )
        return None
