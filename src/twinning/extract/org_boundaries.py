"""Boundaries of the rules' organisation names arbitrated by the organisation tagger (ADR 0036).

Where a tagged mention overlaps a rule's name in the text and the model scores the tagged span
as a whole name higher than the rule's span, the tagged span wins: a name the rules cut short
("Freundeskreis Kassel" of "Freundeskreis Kassel–Yangzhou e.V.") is lengthened, a name they
joined with its neighbour ("A y el B") is split. The rule's form stays an alias.
"""

from __future__ import annotations

import re

from twinning.extract.org_tagger import Mention, TaggedLine, is_organisation_end, plausible
from twinning.extract.registry import Entry, Registry
from twinning.extract.text import has_cjk, name_key

SEAT = re.compile(r"\s+(?:uit|aus|from|in|im|at|à|bei|near|nahe|presso)\s", re.IGNORECASE)


def _token_span(line: TaggedLine, start: int, end: int) -> tuple[int, int] | None:
    """The first and last token of `line` inside the characters `start`…`end`."""
    inside = [i for i, t in enumerate(line.tokens) if t.start >= start and t.end <= end]
    return (inside[0], inside[-1]) if inside else None


def _line_at(lines: list[TaggedLine], offset: int) -> TaggedLine | None:
    for line in lines:
        if line.tokens[0].start <= offset < line.tokens[-1].end:
            return line
    return None


def correct_boundaries(
    text: str,
    registry: Registry,
    lines: list[TaggedLine],
    mentions: list[Mention],
) -> int:
    """Rename (or split) the rule names whose span the tagger's overlapping mentions beat;
    `mentions` are the tagger's at its cut. The number of names changed."""
    spans = registry.mentions(text)
    own = [
        (start, end, entry)
        for start, end, entry in spans
        if name_key(text[start:end]) == name_key(entry.organisation.name)
    ]
    done: set[int] = set()
    changed = 0
    for start, end, entry in own:
        if id(entry) in done:
            continue
        line = _line_at(lines, start)
        rule_tokens = _token_span(line, start, end) if line else None
        if line is None or rule_tokens is None:
            continue
        overlapping = [m for m in mentions if m.start < end and start < m.end]
        if not overlapping:
            continue
        # A tagged span reaching into another rule name is no verdict on this one.
        if any(
            m.start < e and s < m.end
            for m in overlapping
            for s, e, other in spans
            if (s, e) != (start, end)
        ):
            continue
        scores = []
        for mention in overlapping:
            tokens = _token_span(line, mention.start, mention.end)
            scores.append(line.span_score(*tokens) if tokens else 0.0)
        names: list[str] = []
        for mention in overlapping:
            if mention.name not in names and plausible(mention.name):
                names.append(mention.name)
        if not names or [name_key(n) for n in names] == [name_key(entry.organisation.name)]:
            continue
        if min(scores) <= line.span_score(*rule_tokens):
            continue
        if any(registry.find(n) not in (None, entry) for n in names):
            continue
        name = entry.organisation.name
        beyond_end = max(m.end for m in overlapping) > end
        if not beyond_end and not _keeps_its_end(name, names):
            continue
        # "Vereniging X uit Wuhan", "Verein Y aus Jena": the seat after the name is not in it.
        if beyond_end and SEAT.match(text, end):
            continue
        reach = min(m.start for m in overlapping) < start or beyond_end
        # A Chinese name written later without its place ("江汉区…联合会" after "武汉市江汉区…
        # 联合会") is the same organisation's short form: lengthening it is still right.
        if reach and not has_cjk(name) and not _always_inside(text, name, names):
            continue
        _rename(registry, entry, names, line_text(text, start))
        done.add(id(entry))
        changed += 1
    return changed


def _keeps_its_end(name: str, names: list[str]) -> bool:
    """A rule's name ending in an organisation word ("… Research Center") keeps that end: the
    last tagged name must end as it does."""
    if not is_organisation_end(name):
        return True
    key, last = name_key(name), name_key(names[-1])
    end = key[-2:] if has_cjk(key[-1:]) else key.split()[-1]
    return bool(last) and last.endswith(end)


def _always_inside(text: str, name: str, names: list[str]) -> bool:
    """A rule's name is lengthened only when the text never writes it alone: every occurrence
    is inside an occurrence of a longer tagged name ("International Department of X" does not
    rename X when X also stands alone)."""
    return text.count(name) <= sum(text.count(n) for n in names if name in n)


def _rename(registry: Registry, entry: Entry, names: list[str], evidence: str) -> None:
    old = entry.organisation.name
    entry.organisation.name = names[0]
    registry.alias(entry, old)
    for name in names[1:]:
        registry.add(name, evidence=evidence[:500])


def line_text(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)].strip()
