"""What a page tells about a delegation visit beyond its two ends: the day, the people, the topics.

The visit's date is the most precise date of its sentence; its people are those named in the
same paragraph (the one named after "led by" leads); the topics are those of the paragraphs
that follow it up to the next heading. Language-independent apart from the leader words.
"""

from __future__ import annotations

import re

from twinning.extract.records import Partnership, Person
from twinning.extract.text import Block, find_dates
from twinning.topics import topics_in_text

LEADER_CUE = re.compile(
    r"\b(?:led|headed)\s+by\b|\b(?:leading|heading)\s+the\s+(?:group|delegation)\b|\bangeführt\s+von\b|\bunter\s+(?:der\s+)?Leitung\s+von\b"
    r"|\bconduite\s+par\b|\bdirigée?\s+par\b|\bguidat[ao]\s+da\b|\bencabezad[ao]\s+por\b"
    r"|\bgeleid\s+door\b|带队|率领|率团",
    re.IGNORECASE,
)
TOPIC_WINDOW = 3000  # characters after the visit read for its topics


def precise_date(sentence: str) -> str | None:
    """The most precise date in the sentence (a day before a month before a year), first on a tie."""
    dates = find_dates(sentence)
    if not dates:
        return None
    return max(dates, key=lambda found: (found[1].count("-"), -found[0]))[1]


def _block_of(blocks: list[Block], sentence: str | None) -> int | None:
    if not sentence:
        return None
    for position, block in enumerate(blocks):
        if sentence in block.sentences or sentence in block.text:
            return position
    return None


def _leader(block: Block, people: list[Person]) -> str | None:
    """The first person named after a "led by" cue in the paragraph."""
    for sentence in block.sentences:
        cue = LEADER_CUE.search(sentence)
        if cue is None:
            continue
        after = sentence[cue.end() :]
        named = [(after.find(p.name), p.name) for p in people if p.name in after]
        if named:
            return min(named)[1]
        before = sentence[: cue.start()]
        named = [(before.rfind(p.name), p.name) for p in people if p.name in before]
        if named:  # Chinese puts the leader before 带队
            return max(named)[1]
    return None


def _following_text(blocks: list[Block], position: int) -> str:
    parts: list[str] = []
    size = 0
    for block in blocks[position:]:
        if block.is_heading and parts:
            break
        parts.append(block.text)
        size += len(block.text)
        if size > TOPIC_WINDOW:
            break
    return " ".join(parts)[:TOPIC_WINDOW]


def add_visit_details(
    partnerships: list[Partnership], people: list[Person], blocks: list[Block]
) -> None:
    """Give each visit its date, its participants and the topics discussed (in place)."""
    for visit in partnerships:
        if visit.kind != "visit":
            continue
        visit.date = visit.date or precise_date(visit.evidence or "")
        position = _block_of(blocks, visit.evidence)
        if position is None:
            continue
        block = blocks[position]
        present = [p for p in people if _block_of([block], p.evidence) is not None]
        present = [p for p in present if p.organisation != visit.b]
        leader = _leader(block, present)
        if not visit.participants:
            visit.participants = [
                {
                    "name": person.name,
                    "role": person.role,
                    "organisation": person.organisation,
                    "leader": person.name == leader,
                }
                for person in present
            ]
        if not visit.discussed:
            visit.discussed = topics_in_text(_following_text(blocks, position))[:6]
