"""The cooperation network as a two-sided diagram: side A on the left, side B on the right,
one line per twinning pair. Laid out on the server, drawn as SVG without JavaScript; the
columns are placed so that every full name fits (the printable view of the network)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from twinning.directory.models import Organisation
from twinning.directory.profiles import side_of
from twinning.programmes.models import Pair

ROW_HEIGHT = 22
TOP = 30
FONT_SIZE = 12
GAP = 260  # between the two columns, room for the lines
MARGIN = 20


@dataclass(frozen=True)
class Node:
    organisation: Organisation
    x: int
    y: int
    pairs: int
    label: str


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
    ems = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.62 for ch in text)
    return int(ems * font_size) + 1


def _label(organisation: Organisation) -> str:
    name = organisation.display_name
    return f"{name} ({organisation.country})" if organisation.country else name


def _column(organisations: list[Organisation], x: int, counts: dict[int, int]) -> list[Node]:
    ordered = sorted(organisations, key=lambda o: (o.country, o.name.casefold()))
    return [
        Node(o, x, TOP + index * ROW_HEIGHT, counts[o.pk], _label(o))
        for index, o in enumerate(ordered)
    ]


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
    left_x = MARGIN + 20 + max((text_width(_label(o)) for o in side_a), default=0)
    right_x = left_x + GAP
    width = right_x + 20 + max((text_width(_label(o)) for o in side_b), default=0) + MARGIN
    left = _column(side_a, left_x, counts)
    right = _column(side_b, right_x, counts)
    place = {node.organisation.pk: node for node in [*left, *right]}
    links = []
    for pair in pairs:
        first, second = place[pair.organisation_a_id], place[pair.organisation_b_id]
        if first.x > second.x:
            first, second = second, first
        links.append(Link(pair, first.x, first.y, second.x, second.y))
    height = TOP * 2 + ROW_HEIGHT * max(len(left), len(right), 1)
    return Network(left=left, right=right, links=links, width=width, height=height)
