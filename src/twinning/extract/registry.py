"""The organisations found in one document, with their aliases (name and acronym)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from twinning.extract.names import is_acronym
from twinning.extract.records import Organisation
from twinning.extract.text import has_cjk, name_key

_WORD = re.compile(r"(?<![\w\-])[^\s()\[\]{}\"“”„«»,;:!?]+")


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
        self._cjk_starts: re.Pattern[str] | None = None
        self.tried = 0  # name look-ups made by `mentions` (its work, for tests and benchmarks)
        # Every key (name, acronym, alias) -> its entry; rebuilt after any change.
        self._index: dict[str, Entry] | None = None

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
        if self._index is None:
            index: dict[str, Entry] = {}
            for entry in self.entries:
                for known in self._keys(entry):
                    index.setdefault(known, entry)
            self._index = index
        return self._index.get(key)

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
        # A run cut after a role word ("Delegates of X") keeps no leading preposition.
        name = re.sub(r"^(?:of|from|by|with|for)\s+(?:the\s+)?(?=[A-Z])", "", name)
        # "the Chester-based Mersey Dee Civic Trust": the seat is not part of the name.
        name = re.sub(r"^[A-Z][\w'’.-]*-based\s+(?=[A-Z])", "", name)
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
        self._index = None
        return entry

    def alias(self, entry: Entry, text: str) -> None:
        entry.aliases.add(name_key(text))
        self._patterns = None
        self._index = None

    def refer(self, entry: Entry, text: str) -> None:
        """`text` is another way of writing `entry`: an alias, and a mention wherever it occurs."""
        self.alias(entry, text)
        entry.references.add(text)

    def remove(self, entry: Entry) -> None:
        self.entries.remove(entry)
        self._patterns = None
        self._index = None

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
            # One-word forms by their word; longer ones by all their words, probed by shape
            # (word count, length of the last word), so a page naming forty "China
            # Association for …" organisations still tries one or two at each word.
            self._by_first_word: dict[str, list[tuple[re.Pattern[str], Entry]]] = {}
            self._by_words: dict[tuple[str, ...], list[tuple[re.Pattern[str], Entry]]] = {}
            self._shapes: dict[str, set[tuple[int, int]]] = {}
            # Chinese forms by themselves, probed by length at each possible first character.
            self._cjk_forms: dict[str, list[Entry]] = {}
            self._cjk_lengths: dict[str, set[int]] = {}
            for entry in self.entries:
                forms = {entry.organisation.name} | entry.references
                if entry.organisation.acronym:
                    forms.add(entry.organisation.acronym)
                for form in forms:
                    if not form.split():
                        continue
                    if has_cjk(form):
                        pattern = re.compile(re.escape(form))
                        self._cjk_forms.setdefault(form, []).append(entry)
                        self._cjk_lengths.setdefault(form[0], set()).add(len(form))
                    elif is_acronym(form):
                        pattern = re.compile(r"(?<![\w\-])" + re.escape(form) + r"(?![\w\-])")
                    else:
                        body = r"\s+".join(re.escape(w) for w in form.split())
                        pattern = re.compile(r"(?<![\w\-])" + body + r"(?![\w\-])", re.IGNORECASE)
                    if not has_cjk(form):
                        words = [word.lower() for word in form.split()]
                        if len(words) == 1:
                            self._by_first_word.setdefault(words[0], []).append((pattern, entry))
                        else:
                            self._by_words.setdefault(tuple(words), []).append((pattern, entry))
                            shape = (len(words), len(words[-1]))
                            self._shapes.setdefault(words[0], set()).add(shape)
                    patterns.append((pattern, entry))
            self._patterns = patterns
            self._cjk_starts = (
                re.compile("[" + "".join(re.escape(c) for c in self._cjk_lengths) + "]")
                if self._cjk_lengths
                else None
            )
        return self._patterns

    def _word_candidates(
        self, text: str, start: int, key: str
    ) -> list[tuple[re.Pattern[str], Entry]]:
        """Forms whose words are those at `start` (the first being `key`)."""
        candidates = list(self._by_first_word.get(key, ()))
        shapes = self._shapes.get(key)
        if shapes:
            parts = text[start : start + 400].split(maxsplit=13)
            if parts and parts[0].lower() == key:
                lowered = [part.lower() for part in parts]
                for count, last in shapes:
                    if count <= len(lowered):
                        words = (*lowered[: count - 1], lowered[count - 1][:last])
                        candidates += self._by_words.get(words, ())
            self.tried += len(shapes)
        self.tried += len(candidates)
        return candidates

    def mentions(self, text: str) -> list[tuple[int, int, Entry]]:
        """(start, end, entry) of every mention in `text`, longest first where they overlap.
        Forms are looked up by their words (Chinese ones by their characters), so
        the cost grows with the text, not with the text times the number of names known;
        `tried` counts the look-ups."""
        self._compiled()
        found: list[tuple[int, int, Entry]] = []
        if self._cjk_starts is not None and has_cjk(text):
            for first in self._cjk_starts.finditer(text):
                position = first.start()
                lengths = self._cjk_lengths[first.group(0)]
                self.tried += len(lengths)
                for length in lengths:
                    if position + length > len(text):
                        continue
                    for entry in self._cjk_forms.get(text[position : position + length], ()):
                        found.append((position, position + length, entry))
        if self._by_first_word or self._by_words:
            for word in _WORD.finditer(text):
                token = word.group(0).lower()
                candidates = self._word_candidates(text, word.start(), token)
                stripped = token.rstrip(".,'’-")
                if stripped != token:
                    candidates += self._word_candidates(text, word.start(), stripped)
                for pattern, entry in candidates:
                    hit = pattern.match(text, word.start())
                    if hit:
                        found.append((hit.start(), hit.end(), entry))
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
