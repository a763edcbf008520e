"""The organisations found in one document, with their aliases (name and acronym)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from twinning.extract.names import is_acronym
from twinning.extract.records import Organisation
from twinning.extract.text import has_cjk, name_key


@dataclass
class Entry:
    organisation: Organisation
    strength: int = 1
    aliases: set[str] = field(default_factory=set)
    # Other ways the text writes it ("the Hangzhou society", its Chinese name): mentions too.
    references: set[str] = field(default_factory=set)


class Registry:
    """Organisations of one document; adding a known name or acronym merges into it."""

    def __init__(self, source: str | None = None) -> None:
        self.entries: list[Entry] = []
        self.source = source
        self._patterns: list[tuple[re.Pattern[str], Entry]] | None = None

    def _keys(self, entry: Entry) -> set[str]:
        keys = {name_key(entry.organisation.name)} | entry.aliases
        if entry.organisation.acronym:
            keys.add(name_key(entry.organisation.acronym))
        return keys

    def find(self, text: str) -> Entry | None:
        """The entry whose name, acronym or alias equals `text` (normalised), else None."""
        key = name_key(text)
        if not key:
            return None
        for entry in self.entries:
            if key in self._keys(entry):
                return entry
        return None

    def add(
        self,
        name: str,
        acronym: str | None = None,
        *,
        evidence: str | None = None,
        strength: int = 1,
        **attributes: object,
    ) -> Entry:
        """Register an organisation, or merge it into the one already known by a shared key."""
        name = name.strip().strip(",;:").strip()
        name = re.sub(r"^(?:the|The)\s+(?=\S)", "", name)
        if acronym and name_key(acronym) == name_key(name):
            acronym = None
        entry = self.find(name) or (self.find(acronym) if acronym else None)
        if entry is None:
            entry = Entry(
                Organisation(name=name, acronym=acronym, evidence=evidence, source=self.source)
            )
            entry.strength = strength
            self.entries.append(entry)
        else:
            organisation = entry.organisation
            entry.strength = max(entry.strength, strength)
            if is_acronym(organisation.name) and not is_acronym(name) and not organisation.acronym:
                organisation.acronym = organisation.name
                organisation.name = name
            elif (
                acronym
                and name_key(organisation.name) == name_key(acronym)
                and not is_acronym(name)
            ):
                organisation.name = name
            if (
                acronym
                and not organisation.acronym
                and name_key(acronym) != name_key(organisation.name)
            ):
                organisation.acronym = acronym
            if organisation.evidence is None:
                organisation.evidence = evidence
        for attribute, value in attributes.items():
            if value is not None and getattr(entry.organisation, attribute) is None:
                setattr(entry.organisation, attribute, value)
        self._patterns = None
        return entry

    def alias(self, entry: Entry, text: str) -> None:
        entry.aliases.add(name_key(text))
        self._patterns = None

    def refer(self, entry: Entry, text: str) -> None:
        """`text` is another way of writing `entry`: an alias, and a mention wherever it occurs."""
        self.alias(entry, text)
        entry.references.add(text)

    def remove(self, entry: Entry) -> None:
        self.entries.remove(entry)
        self._patterns = None

    def absorb(self, keep: Entry, drop: Entry) -> None:
        """Fold `drop` into `keep` (same organisation written two ways)."""
        self.alias(keep, drop.organisation.name)
        keep.references |= drop.references
        if has_cjk(drop.organisation.name) and not has_cjk(keep.organisation.name):
            keep.references.add(drop.organisation.name)
        if drop.organisation.acronym:
            self.alias(keep, drop.organisation.acronym)
        for attribute in ("acronym", "country", "city", "founded", "type", "description"):
            if getattr(keep.organisation, attribute) is None:
                setattr(keep.organisation, attribute, getattr(drop.organisation, attribute))
        keep.strength = max(keep.strength, drop.strength)
        self.remove(drop)

    def _compiled(self) -> list[tuple[re.Pattern[str], Entry]]:
        if self._patterns is None:
            patterns = []
            for entry in self.entries:
                forms = {entry.organisation.name} | entry.references
                if entry.organisation.acronym:
                    forms.add(entry.organisation.acronym)
                for form in forms:
                    if has_cjk(form):
                        pattern = re.compile(re.escape(form))
                    elif is_acronym(form):
                        pattern = re.compile(r"(?<![\w\-])" + re.escape(form) + r"(?![\w\-])")
                    else:
                        body = r"\s+".join(re.escape(w) for w in form.split())
                        pattern = re.compile(r"(?<![\w\-])" + body + r"(?![\w\-])", re.IGNORECASE)
                    patterns.append((pattern, entry))
            self._patterns = patterns
        return self._patterns

    def mentions(self, text: str) -> list[tuple[int, int, Entry]]:
        """(start, end, entry) of every mention in `text`, longest first where they overlap."""
        found: list[tuple[int, int, Entry]] = []
        for pattern, entry in self._compiled():
            for match in pattern.finditer(text):
                found.append((match.start(), match.end(), entry))
        found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
        kept: list[tuple[int, int, Entry]] = []
        for start, end, entry in found:
            if kept and start < kept[-1][1]:
                continue
            kept.append((start, end, entry))
        return kept

    def count(self, text: str, entry: Entry) -> int:
        return sum(1 for _start, _end, found in self.mentions(text) if found is entry)

    def organisations(self) -> list[Organisation]:
        return [entry.organisation for entry in self.entries]
