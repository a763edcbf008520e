"""Acronyms: `Full Name (ACR)` and `ACR (Full Name)` definitions, acronyms used as actors
(`from UNDP`, `ICLEI has`), and acronym-only entries folded into the names they abbreviate."""

from __future__ import annotations

import re

from twinning.extract.gazetteer import country_code, find_city, resolve_place
from twinning.extract.names import (
    CAPITALISED_RUN,
    STOP_ACRONYMS,
    acronym_fits,
    has_event_head,
    has_organisation_head,
    is_acronym,
)
from twinning.extract.organisations import (
    _sentence_around,
    clean_run,
)
from twinning.extract.registry import Registry
from twinning.extract.text import name_key

ACRONYM_DEFINITION = re.compile(r"\(\s*(?P<acronym>[A-Z][A-Za-z0-9&\-]{1,14})\s*\)")


FULL_NAME_AFTER_ACRONYM = re.compile(
    r"(?<![\w\-])(?P<acronym>[A-Z][A-Z0-9&\-]{1,12})\s*\((?P<full>(?:The\s+)?[A-Z][^()]{5,120})\)"
)


ACTOR_CONTEXT = re.compile(r"\b(?:from|with|by|at|of|joined|between|and|for)\s+(?:the\s+)?$")


ACTOR_FOLLOW = re.compile(
    r"^(?:'s\b|\s+(?:has|have|is|was|were|organi[sz]ed|aims|works|will|also|hosted|launched|"
    r"signed|supports|promotes|held|co-organi[sz]ed|invited|published|joined|brings)\b)"
)


def register_acronym_definitions(text: str, registry: Registry) -> None:
    """ "Full Name (ACR)" and "ACR (Full Name)" anywhere in the text."""
    for match in FULL_NAME_AFTER_ACRONYM.finditer(text):
        acronym, full = match.group("acronym"), match.group("full").strip()
        full = re.sub(r"^The\s+", "", full)
        usable = is_acronym(acronym) and acronym not in STOP_ACRONYMS
        if usable and has_organisation_head(full) and not resolve_place(full):
            registry.add(full, acronym, evidence=_sentence_around(text, match.start()), strength=2)
    for match in ACRONYM_DEFINITION.finditer(text):
        acronym = match.group("acronym")
        if not is_acronym(acronym) or acronym in STOP_ACRONYMS:
            continue
        before = text[max(0, match.start() - 200) : match.start()]
        before = before[before.rfind("\n") + 1 :].rstrip()
        before_words = re.findall(r"\S+", before)
        for count in range(min(14, len(before_words)), 0, -1):
            candidate = " ".join(before_words[-count:])
            entry = registry.find(candidate)
            if entry is not None:
                if entry.organisation.acronym is None and name_key(candidate) != name_key(acronym):
                    entry.organisation.acronym = acronym
                    registry.alias(entry, acronym)
                break
        else:
            runs = list(CAPITALISED_RUN.finditer(before))
            if not runs or runs[-1].end() != len(before):
                continue
            run_start = runs[-1].start()
            sentence_start = (
                not before[:run_start].strip() or before[:run_start].rstrip()[-1:] in ".!?:"
            )
            name = clean_run(runs[-1].group(0), sentence_start=sentence_start)
            if name is None:
                continue
            fits = has_organisation_head(name) and acronym_fits(acronym, name)
            if fits and (not has_event_head(name) or has_organisation_head(name.split()[-1])):
                registry.add(
                    name, acronym, evidence=_sentence_around(text, match.start()), strength=2
                )


def register_acronym_actors(text: str, registry: Registry) -> None:
    """Acronyms used as actors ("from UNDP", "ICLEI has ...") become organisations, or aliases
    of the named organisation they abbreviate (exact initials first, then one slip)."""
    counts: dict[str, int] = {}
    contexts: dict[str, str] = {}
    inside = [(start, end) for start, end, _entry in registry.mentions(text)]
    for match in re.finditer(r"(?<![\w\-])([A-Z][A-Za-z0-9&\-]{1,14})(?![\w\-])", text):
        token = match.group(1)
        if not is_acronym(token) or token in STOP_ACRONYMS or token.upper() in STOP_ACRONYMS:
            continue
        if country_code(token) or find_city(token) or len(token) < 3:
            continue
        if any(start <= match.start() and match.end() <= end for start, end in inside):
            continue
        before = text[max(0, match.start() - 30) : match.start()]
        after = text[match.end() : match.end() + 25]
        if ACTOR_CONTEXT.search(before) or ACTOR_FOLLOW.match(after):
            counts[token] = counts.get(token, 0) + 1
            contexts.setdefault(token, _sentence_around(text, match.start()))
    pending = [token for token in counts if not registry.find(token)]
    for tolerant in (False, True):
        for token in list(pending):
            near = [
                e
                for e in registry.entries
                if e.organisation.acronym and _near_acronym(token, e.organisation.acronym)
            ]
            fitting = [
                entry
                for entry in registry.entries
                if not entry.organisation.acronym
                and not is_acronym(entry.organisation.name)
                and _strict_fit(token, entry.organisation.name, tolerant=tolerant)
            ]
            if len(fitting) == 1:
                fitting[0].organisation.acronym = token
                registry.alias(fitting[0], token)
            elif tolerant and near:
                registry.alias(near[0], token)
            elif tolerant:
                registry.add(token, evidence=contexts[token])
            else:
                continue
            pending.remove(token)


def _strict_fit(acronym: str, name: str, *, tolerant: bool = True) -> bool:
    """Whether the acronym's letters are a run of the name's initials (one slip if tolerant)."""
    from twinning.extract.names import initials

    letters = re.sub(r"[^A-Z]", "", acronym.upper())
    full = initials(name)
    if letters in full:
        return True
    return (
        tolerant
        and len(letters) >= 4
        and any(
            sum(a != b for a, b in zip(full[i : i + len(letters)], letters, strict=True)) <= 1
            for i in range(len(full) - len(letters) + 1)
        )
    )


def _near_acronym(token: str, acronym: str) -> bool:
    """Same length, one letter apart: a typo of a known acronym ("BBRC" for "BRRC")."""
    if len(token) != len(acronym) or len(token) < 4:
        return False
    return sum(a != b for a, b in zip(token, acronym, strict=True)) == 1


def link_unattached_acronyms(registry: Registry) -> None:
    """An acronym-only organisation that abbreviates a named one is folded into it."""
    for entry in list(registry.entries):
        name = entry.organisation.name
        if not is_acronym(name) or entry not in registry.entries:
            continue
        for other in registry.entries:
            if other is entry or is_acronym(other.organisation.name):
                continue
            if other.organisation.acronym and _near_acronym(name, other.organisation.acronym):
                registry.absorb(other, entry)
                break
            if not other.organisation.acronym and _strict_fit(name, other.organisation.name):
                other.organisation.acronym = name
                registry.absorb(other, entry)
                break
