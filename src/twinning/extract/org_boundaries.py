"""Boundaries of the rules' organisation names arbitrated by the organisation tagger (ADR 0036).

Where a tagged mention overlaps a rule's name in the text and the model scores the tagged span
as a whole name higher than the rule's span, the tagged span wins: a name the rules cut short
("Freundeskreis Kassel" of "Freundeskreis Kassel–Yangzhou e.V.") is lengthened, a name they
joined with its neighbour ("A y el B") is split. The rule's form stays an alias.
"""

from __future__ import annotations

import re

from twinning.extract.gazetteer import resolve_place
from twinning.extract.org_features import TITLES
from twinning.extract.org_tagger import Mention, TaggedLine, is_organisation_end, plausible
from twinning.extract.registry import Entry, Registry
from twinning.extract.text import has_cjk, name_key

SEAT = re.compile(r"\s+(?:uit|aus|from|in|im|at|à|bei|near|nahe|presso)\s", re.IGNORECASE)
# "Ville de Vannes avec Cork": a preposition of relation after a name opens its partner.
PARTNER_AFTER = re.compile(r"\s+(?:avec|with|mit|met|con|junto\s+a|insieme\s+a)\s", re.IGNORECASE)


BASED = re.compile(r"[A-Z][\w'’.-]*-based\s")
_COORDINATOR = r"(?:and|und|e|y|et|&)"
_ARTICLE = r"(?P<article>(?:the|la|le|el|il|der|die|das|dem|den|de|het|dell['’]|l['’]|della|del|dello)\s*)?"
JOINED_AFTER = re.compile(rf"^\s+{_COORDINATOR}\s+{_ARTICLE}(?P<other>\S.*)$")
JOINED_BEFORE = re.compile(rf"^(?P<other>.*\S)\s+{_COORDINATOR}\s+{_ARTICLE}$")


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
        verdict = _verdict(text, start, end, entry.organisation.name, names, overlapping)
        if verdict is None:
            continue
        names = verdict
        _rename(registry, entry, names, line_text(text, start))
        done.add(id(entry))
        changed += 1
    return changed


def _verdict(
    text: str, start: int, end: int, name: str, names: list[str], overlapping: list[Mention]
) -> list[str] | None:
    """The names that replace the rule's `name` (at `start`…`end`), or None to keep it. Two or
    more tagged names inside it split it; one longer name lengthens it; one shorter name
    replaces it only when what is left is the other half of a coordination ("A y el B") or
    lower-case words before it ("dell'Università …")."""
    beyond_end = max(m.end for m in overlapping) > end
    reach = min(m.start for m in overlapping) < start or beyond_end
    if len(names) >= 2:
        # "Asian Institute of Technology Belt and Road Research Center" is one name: every part
        # but the last must end as a name ends (an organisation word, a legal form, a place).
        ends = all(
            is_organisation_end(part) or has_cjk(part) or resolve_place(part.split()[-1])
            for part in names[:-1]
        )
        return names if not reach and ends and _keeps_its_end(name, names) else None
    new = names[0]
    if reach:
        # "Vereniging X uit Wuhan", "Verein Y aus Jena": the seat after the name is not in it.
        after_end = beyond_end and (SEAT.match(text, end) or PARTNER_AFTER.match(text, end))
        if name not in new or after_end or BASED.match(new):
            return None
        # A Chinese name written later without its place ("江汉区…联合会" after "武汉市江汉区…
        # 联合会") is the same organisation's short form: lengthening it is still right.
        return [new] if has_cjk(name) or _always_inside(text, name, names) else None
    position = name.find(new)
    if position < 0:
        return None
    before, after = name[:position], name[position + len(new) :]
    joined_after = JOINED_AFTER.match(after)
    if not before.strip() and joined_after and plausible(joined_after.group("other")):
        first, second = new, joined_after.group("other")
        return [first, second] if _two_names(first, joined_after) else None
    joined_before = JOINED_BEFORE.match(before)
    if not after.strip() and joined_before and plausible(joined_before.group("other")):
        first, second = joined_before.group("other"), new
        return [first, second] if _two_names(first, joined_before) else None
    # "dell'Università …", "La Asociación …": lower-case words, articles and titles go.
    lower_before = all(
        word[:1].islower() or word.lower().rstrip(".") in TITLES for word in before.split()
    )
    if not after.strip() and before.strip() and not has_cjk(before) and lower_before:
        return [new]
    return None


def _two_names(first: str, joined: re.Match[str]) -> bool:
    """ "A and B" is two names when an article opens B ("… e la Municipalità di Wuxi", "… y el
    Gobierno …") or A ends in an organisation word or a place ("Stadt Reutlingen und …");
    "College of Architecture and Urban Planning" is one."""
    if joined.group("article"):
        return True
    last = first.split()[-1] if first.split() else ""
    return is_organisation_end(first) or resolve_place(last) is not None


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
