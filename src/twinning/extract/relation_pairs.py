"""Pairs whose ends a relation frame does not list after it (ADR 0033, ADR 0042): the page's own
organisation as the unstated end ("A nous a rejoints"), two ends before a reciprocal verb ("A y B
se hermanaron"), pairs of pairs ("A与B、C与D结成对子", "A and B, as well as C and D, signed")."""

from __future__ import annotations

import re

from twinning.extract.registry import Entry
from twinning.extract.relation_frame_table import Frame
from twinning.extract.text import has_cjk


def to_us(
    sentence: str, match: re.Match[str], mentions: list[tuple[int, int, Entry]], main: Entry | None
) -> list[tuple[Entry, Entry, int]]:
    """ "A nous a rejoints", "A代表团来访": (A, the page's own organisation), A named last before
    the frame in its clause."""
    if main is None:
        return []
    breaks = r"[;；，,]" if has_cjk(sentence[: match.start()]) else r"[;；]"
    clause_start = max((m.end() for m in re.finditer(breaks, sentence[: match.start()])), default=0)
    named = [
        (start, entry)
        for start, end, entry in mentions
        if start >= clause_start and end <= match.start() and entry is not main
    ]
    if not named:
        return []
    start, entry = named[-1]
    return [(entry, main, start)]


# Between the two ends of "A and B were twinned": "and", an article, at most one other word
# ("nuestra asociación y el Club …", "notre comité et celui de …" is not one).
BOTH_GAP = re.compile(
    r"\s*(?:[\w'’]+\s+)?(?:and|y|et|und|e|ed|en)\s+(?:(?:the|el|la|los|las|le|la|les|l'|der|die|"
    r"das|il|lo|de|het)\s*)?|\s*[和与與及]\s*",
    re.IGNORECASE,
)


def both_ends(
    sentence: str, match: re.Match[str], mentions: list[tuple[int, int, Entry]]
) -> list[tuple[Entry, Entry, int]]:
    """ "A and B were twinned": (A, B), the two organisations named just before the frame."""
    before = [m for m in mentions if m[1] <= match.start()]
    if len(before) < 2:
        return []
    (_s, left_end, left), (right_start, right_end, right) = before[-2], before[-1]
    if left is right or len(sentence[right_end : match.start()].split()) > 3:
        return []
    if not BOTH_GAP.fullmatch(sentence[left_end:right_start]):
        return []
    return [(left, right, right_start)]


def zh_pairs_of_pairs(
    sentence: str, mentions: list[tuple[int, int, Entry]], cue_start: int
) -> list[tuple[Entry, Entry, int]]:
    """ "A与德国B、C与西班牙D分别结成对子": each 与 joins the names on either side of it, when
    the clause holds two or more such joins separated by 、 or 和."""
    clause_start = max(
        (m.end() for m in re.finditer(r"[，,；;：:]", sentence[:cue_start])), default=0
    )
    inside = [m for m in mentions if m[0] >= clause_start and m[1] <= cue_start]
    pairs: list[tuple[Entry, Entry, int]] = []
    for left, right in zip(inside, inside[1:], strict=False):
        between = sentence[left[1] : right[0]]
        if (
            re.fullmatch(r"\s*[与和同跟與]\s*[\u4e00-\u9fff]{0,6}?", between)
            and left[2] is not right[2]
        ):
            pairs.append((left[2], right[2], right[0]))
    return pairs if len(pairs) >= 2 else []


# "A and B, as well as C and D, signed memoranda": pairs of names, each pair joined by "and",
# the pairs by "as well as", before a verb of signing.
SIGNED = re.compile(
    r"\b(?:signed|sign|have signed|unterzeichne\w*|signé\w*|signent|firmat\w*|firmano|firmaron|"
    r"suscribieron|ondertekend\w*|ondertekenden|tekenden)\b|签署|签订|签约",
    re.IGNORECASE,
)
PAIR_AND = re.compile(
    r"\s+(?:and|et|und|e|ed|y|en)\s+(?:(?:the|die|der|das|le|la|les|el|il|lo|de|het)\s+|l['’])?"
    r"|\s*[与和同]\s*"
)
PAIR_SEPARATOR = re.compile(
    r",?\s*(?:as well as|along with|sowie|ainsi que|así como|nonché|evenals|以及|、|;)\s*"
    r"(?:(?:the|die|der|das|le|la|les|el|il|lo|de|het)\s+|l['’])?"
    r"|,\s*(?:(?:the|die|der|das|le|la|les|el|il|lo|de|het)\s+|l['’])?"
)


PAIRED = Frame("en", "partner", "", "pairs", "", ())


def coordinated_pairs(
    sentence: str, mentions: list[tuple[int, int, Entry]]
) -> list[tuple[Entry, Entry, int]]:
    """ "A and B, as well as C and D, signed …": (A, B) and (C, D), when two or more such pairs
    stand before the verb."""
    signed = SIGNED.search(sentence)
    if signed is None:
        return []
    before = [m for m in mentions if m[1] <= signed.start()]
    pairs: list[tuple[Entry, Entry, int]] = []
    index = 0
    while index + 1 < len(before):
        left, right = before[index], before[index + 1]
        if not PAIR_AND.fullmatch(sentence[left[1] : right[0]]) or left[2] is right[2]:
            return []
        pairs.append((left[2], right[2], right[0]))
        following = before[index + 2] if index + 2 < len(before) else None
        if following is not None and not PAIR_SEPARATOR.fullmatch(
            sentence[right[1] : following[0]]
        ):
            return []
        index += 2
    return pairs if len(pairs) >= 2 and index == len(before) else []
