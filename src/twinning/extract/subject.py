"""The page's own organisation: the one an "about us" page is about."""

from __future__ import annotations

from twinning.extract.cues import BARE_REFERENCE, SELF
from twinning.extract.registry import Entry, Registry
from twinning.extract.text import name_key


def page_subject(registry: Registry, text: str, title: str = "", footer: str = "") -> Entry | None:
    """The organisation named in the page's title or footer; else, on a page that speaks of
    itself ("we", "wir", "nous", "l'associazione", 我们), the first organisation it names in
    its opening lines. None when the page says nothing of itself."""
    for frame in (title, footer):
        if not frame:
            continue
        key = f" {name_key(frame)} "
        named = [
            entry
            for entry in registry.entries
            if any(
                f" {form} " in key
                for form in {name_key(entry.organisation.name)} | entry.aliases
                if len(form) >= 4
            )
        ]
        if named:
            return max(named, key=lambda entry: len(entry.organisation.name))
    if not (SELF.search(text) or BARE_REFERENCE.search(text)):
        return None
    opening = text[:600]
    mentions = registry.mentions(opening)
    return mentions[0][2] if mentions else None
