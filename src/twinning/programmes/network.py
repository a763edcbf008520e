"""The cooperation network as a two-sided diagram: side A on the left, side B on the right,
one line per twinning pair. Laid out on the server, drawn as SVG without JavaScript; a long
name wraps onto more lines and the columns are placed so that every full name fits (the
printable view of the network)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from twinning.directory.models import Organisation
from twinning.directory.sides import side_of
from twinning.programmes.models import Pair

ROW_HEIGHT = 22
LINE_HEIGHT = 15  # between the lines of one wrapped label
TOP = 30
FONT_SIZE = 12
GAP = 260  # between the two columns, room for the lines
MARGIN = 20
LABEL_OFFSET = 10  # from the circle's centre to its label
MAX_LABEL_WIDTH = 360  # a longer label wraps

# Advance widths in ems, rounded up from the widest of the sans-serif fonts pages ask for
# (DejaVu Sans, Noto Sans, Noto Sans CJK's Latin): an estimate that never falls short.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"  # broken between any two characters
_NARROW = set("iIjlft.,:;'’|!()[] ")
_WIDE = set("mwMW@%")


def _character_width(character: str) -> float:
    if unicodedata.east_asian_width(character) in "WF":
        return 1.0
    if character in _NARROW:
        return 0.4
    if character in _WIDE:
        return 1.0
    if character.isupper() or character.isdigit():
        return 0.76
    return 0.64


@dataclass(frozen=True)
class Node:
    organisation: Organisation
    x: int
    y: int
    pairs: int
    label: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Link:
    pair: Pair
    x1: int
    y1: int
    x2: int
    y2: int


@dataclass(frozen=True)
class Network:
    left: list[Node]
    right: list[Node]
    links: list[Link]
    width: int
    height: int


def text_width(text: str, font_size: int = FONT_SIZE) -> int:
    """A generous estimate of the rendered width: wide (CJK) characters count one em."""
    return int(sum(_character_width(ch) for ch in text) * font_size) + 1


def wrap_label(text: str, width: int = MAX_LABEL_WIDTH) -> tuple[str, ...]:
    """Lines of at most `width` (estimated) each: Latin text breaks between words, Chinese
    between characters; a single word longer than the width keeps a line of its own."""
    pieces = re.findall(rf"[{_CJK}]|[^\s{_CJK}]+\s*|\s+", text)
    lines: list[str] = []
    current = ""
    for piece in pieces:
        if current and text_width((current + piece).rstrip()) > width:
            lines.append(current.rstrip())
            current = piece.lstrip()
        else:
            current += piece
    if current.strip():
        lines.append(current.rstrip())
    return tuple(lines) or (text,)


def _label(organisation: Organisation) -> str:
    name = organisation.display_name
    return f"{name} ({organisation.country})" if organisation.country else name


def _label_width(organisation: Organisation) -> int:
    return max(text_width(line) for line in wrap_label(_label(organisation)))


def _column(organisations: list[Organisation], x: int, counts: dict[int, int]) -> list[Node]:
    """Nodes top to bottom by country then name; a wrapped label makes its row taller."""
    nodes = []
    y = TOP
    for organisation in sorted(organisations, key=lambda o: (o.country, o.name.casefold())):
        label = _label(organisation)
        lines = wrap_label(label)
        nodes.append(Node(organisation, x, y, counts[organisation.pk], label, lines))
        y += ROW_HEIGHT + LINE_HEIGHT * (len(lines) - 1)
    return nodes


def _column_height(nodes: list[Node]) -> int:
    if not nodes:
        return ROW_HEIGHT
    last = nodes[-1]
    return last.y - TOP + ROW_HEIGHT + LINE_HEIGHT * (len(last.lines) - 1)


def pair_network(pairs: Iterable[Pair]) -> Network:
    """Place every paired organisation once, by country then name; Chinese organisations on the right."""
    pairs = list(pairs)
    counts: dict[int, int] = {}
    organisations: dict[int, Organisation] = {}
    for pair in pairs:
        for organisation in (pair.organisation_a, pair.organisation_b):
            organisations[organisation.pk] = organisation
            counts[organisation.pk] = counts.get(organisation.pk, 0) + 1
    side_a = [o for o in organisations.values() if side_of(o) == "A"]
    side_b = [o for o in organisations.values() if side_of(o) == "B"]
    left_x = MARGIN + 2 * LABEL_OFFSET + max((_label_width(o) for o in side_a), default=0)
    right_x = left_x + GAP
    width = right_x + 2 * LABEL_OFFSET + max((_label_width(o) for o in side_b), default=0)
    width += MARGIN
    left = _column(side_a, left_x, counts)
    right = _column(side_b, right_x, counts)
    place = {node.organisation.pk: node for node in [*left, *right]}
    links = []
    for pair in pairs:
        first, second = place[pair.organisation_a_id], place[pair.organisation_b_id]
        if first.x > second.x:
            first, second = second, first
        links.append(Link(pair, first.x, first.y, second.x, second.y))
    height = TOP * 2 + max(_column_height(left), _column_height(right))
    return Network(left=left, right=right, links=links, width=width, height=height)
