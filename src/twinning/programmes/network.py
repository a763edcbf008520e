"""The cooperation network as a two-sided diagram: side A on the left, side B on the right,
one line per twinning pair. Laid out on the server, drawn as SVG without JavaScript."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from twinning.directory.models import Organisation
from twinning.directory.profiles import side_of
from twinning.programmes.models import Pair

ROW_HEIGHT = 22
TOP = 30
WIDTH = 900
LEFT_X = 300
RIGHT_X = 600


@dataclass(frozen=True)
class Node:
    organisation: Organisation
    x: int
    y: int
    pairs: int


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


def _column(organisations: list[Organisation], x: int, counts: dict[int, int]) -> list[Node]:
    ordered = sorted(organisations, key=lambda o: (o.country, o.name.casefold()))
    return [Node(o, x, TOP + index * ROW_HEIGHT, counts[o.pk]) for index, o in enumerate(ordered)]


def pair_network(pairs: Iterable[Pair]) -> Network:
    """Place every paired organisation once, by country then name; Chinese organisations on the right."""
    pairs = list(pairs)
    counts: dict[int, int] = {}
    organisations: dict[int, Organisation] = {}
    for pair in pairs:
        for organisation in (pair.organisation_a, pair.organisation_b):
            organisations[organisation.pk] = organisation
            counts[organisation.pk] = counts.get(organisation.pk, 0) + 1
    left = _column([o for o in organisations.values() if side_of(o) == "A"], LEFT_X, counts)
    right = _column([o for o in organisations.values() if side_of(o) == "B"], RIGHT_X, counts)
    place = {node.organisation.pk: node for node in [*left, *right]}
    links = []
    for pair in pairs:
        first, second = place[pair.organisation_a_id], place[pair.organisation_b_id]
        if first.x > second.x:
            first, second = second, first
        links.append(Link(pair, first.x, first.y, second.x, second.y))
    height = TOP * 2 + ROW_HEIGHT * max(len(left), len(right), 1)
    return Network(left=left, right=right, links=links, width=WIDTH, height=height)
