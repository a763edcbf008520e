"""Pairs announced in prose on a cohort page: `Paired this year: A and B`, `A will host staff
of B`, `the exchange between A and B`, `A joins forces with B`."""

from __future__ import annotations

import re

from twinning.extract.attributes import subject_of
from twinning.extract.records import Partnership
from twinning.extract.registry import Entry, Registry
from twinning.extract.relations import (
    HOSTS_PEOPLE,
    ORGANISATION_NOUNS,
    ORGANISED_AND_HOSTED,
    PAIRED_LABEL,
    VISIT_CONTEXT,
    VISITED_BY,
    WITH_WHICH,
    _described,
    _entry_after,
    _pair_kind,
    _partnership,
    _reference,
    _year,
)


def announced_pairs(
    sentence: str,
    registry: Registry,
    kind: str,
    previous: Entry | None,
    source: str | None,
    visitor: Entry | None = None,
) -> list[Partnership]:
    """ "Paired this year: A and B", "A will host two staff members of B", "it was received
    by Y" (a visit of the organisation named before)."""
    found: list[Partnership] = []
    cues = (PAIRED_LABEL, HOSTS_PEOPLE, ORGANISED_AND_HOSTED, WITH_WHICH, VISITED_BY)
    if not any(cue.search(sentence) for cue in cues):
        return found
    year = _year(sentence)
    label = PAIRED_LABEL.match(sentence)
    if label:
        after = [m for m in registry.mentions(sentence) if m[0] >= label.end()]
        if len(after) >= 2 and re.search(
            r"\b(?:and|with)\b|&|/|–", sentence[after[0][1] : after[1][0]]
        ):
            pair = _partnership(after[0][2], after[1][2], "twinning", sentence, source, year=year)
            if pair:
                found.append(pair)
    hosts = HOSTS_PEOPLE.search(sentence)
    if hosts:
        host = subject_of(sentence[: hosts.start()], registry, None)
        guest = _entry_after(sentence[hosts.end() :], registry)
        if host and guest:
            pair_kind = (
                _pair_kind(host, guest, sentence, kind) if hosts.group("future") else "visit"
            )
            pair = (
                _partnership(guest, host, "visit", sentence, source, year=year)
                if pair_kind == "visit"
                else _partnership(host, guest, pair_kind, sentence, source, year=year)
            )
            if pair and pair_kind == "partner":
                pair = None
            if pair:
                found.append(pair)
    organised = ORGANISED_AND_HOSTED.search(sentence)
    if organised and VISIT_CONTEXT.search(sentence):
        guests = registry.mentions(organised.group("guest"))
        hosting = registry.mentions(organised.group("host"))
        if guests and hosting and guests[0][0] <= 4 and hosting[0][0] <= 4:
            pair = _partnership(guests[0][2], hosting[0][2], "visit", sentence, source, year=year)
            if pair:
                found.append(pair)
    which = WITH_WHICH.search(sentence)
    if which:
        before = registry.mentions(sentence[: which.start()])
        owner = _reference(which.group("ref"), registry)
        if owner is None and which.group("ref").lower() in ORGANISATION_NOUNS:
            owner = _described(which.group("ref").lower(), registry)
        if before and before[-1][1] >= which.start() - 1 and owner is not None:
            pair = _partnership(owner, before[-1][2], "partner", sentence, source, year=year)
            if pair:
                found.append(pair)
    visited = VISITED_BY.search(sentence)
    if visited:
        host = _entry_after(sentence[visited.end() :], registry)
        before = registry.mentions(sentence[: visited.start()])
        guest = before[-1][2] if before else visitor or previous
        if host and guest:
            pair = _partnership(guest, host, "visit", sentence, source, year=year)
            if pair:
                found.append(pair)
    return found
