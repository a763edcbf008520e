"""Country borders from the world-atlas TopoJSON, projected to SVG paths on the server.

No JavaScript and no tile server: the TopoJSON file is copied from npm at build time
(`scripts/vendor_static.py`); without it the map is drawn without borders.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders

WORLD_FILE = "twinning/vendor/world-atlas/countries-110m.json"
# Shrinks longitudes so that the mid-latitudes of Europe and China are not stretched.
STANDARD_PARALLEL = 40.0
WIDTH = 1000


@dataclass(frozen=True)
class Frame:
    """The part of the world the map shows, in degrees, and its size in SVG units."""

    west: float
    south: float
    east: float
    north: float

    @property
    def scale(self) -> float:
        return WIDTH / ((self.east - self.west) * math.cos(math.radians(STANDARD_PARALLEL)))

    @property
    def height(self) -> int:
        return round((self.north - self.south) * self.scale)

    @property
    def width(self) -> int:
        return WIDTH

    def project(self, longitude: float, latitude: float) -> tuple[float, float]:
        x = (longitude - self.west) * math.cos(math.radians(STANDARD_PARALLEL)) * self.scale
        y = (self.north - latitude) * self.scale
        return round(x, 1), round(y, 1)


def frame_around(points: Iterable[tuple[float, float]], margin: float = 6.0) -> Frame:
    """The smallest frame holding every (longitude, latitude) point, with a margin; Eurasia if none."""
    points = list(points)
    if not points:
        return Frame(-12.0, 15.0, 135.0, 62.0)
    longitudes = [p[0] for p in points]
    latitudes = [p[1] for p in points]
    # Labels sit right of their circle: more room in the east.
    west, east = min(longitudes) - margin, max(longitudes) + margin + 8
    south, north = min(latitudes) - margin, max(latitudes) + margin
    # Never zoom closer than about 20 degrees, so one city still shows its surroundings.
    if east - west < 20:
        middle = (east + west) / 2
        west, east = middle - 10, middle + 10
    if north - south < 12:
        middle = (north + south) / 2
        south, north = middle - 6, middle + 6
    return Frame(max(west, -180), max(south, -85), min(east, 180), min(north, 85))


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The topology's arcs as (longitude, latitude) lists, undoing quantisation and deltas."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (scale_x, scale_y), (shift_x, shift_y) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def _ring(
    indexes: Sequence[int], arcs: list[list[tuple[float, float]]]
) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return points


def country_rings(topology: dict[str, Any]) -> list[tuple[str, list[list[tuple[float, float]]]]]:
    """(country name, rings) for every country geometry of a world-atlas topology."""
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}
        rings = [
            _ring(ring, arcs)
            for polygon in polygons.get(geometry.get("type"), [])
            for ring in polygon
        ]
        countries.append((str(geometry.get("properties", {}).get("name", "")), rings))
    return countries


@cache
def _world() -> tuple[tuple[str, tuple[tuple[tuple[float, float], ...], ...]], ...]:
    path = finders.find(WORLD_FILE)
    if not path:
        return ()
    topology = json.loads(Path(str(path)).read_text(encoding="utf-8"))
    return tuple(
        (name, tuple(tuple(ring) for ring in rings)) for name, rings in country_rings(topology)
    )


@cache
def _country_shapes() -> dict[str, tuple[tuple[float, float], ...]]:
    """ISO numeric code → the country's largest ring (its mainland), from the same file."""
    path = finders.find(WORLD_FILE)
    if not path:
        return {}
    topology = json.loads(Path(str(path)).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    shapes = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}
        rings: list[list[tuple[float, float]]] = [
            _ring(p[0], arcs) for p in polygons.get(geometry.get("type"), []) if p
        ]
        if rings and geometry.get("id"):
            largest = max(rings, key=lambda ring: abs(_area(ring)))
            shapes[str(geometry["id"])] = tuple(largest)
    return shapes


def _area(ring: Sequence[tuple[float, float]]) -> float:
    return (
        sum(
            x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True)
        )
        / 2
    )


def country_point(numeric_code: str) -> tuple[float, float] | None:
    """(longitude, latitude) of the centroid of a country's mainland, or None without borders."""
    ring = _country_shapes().get(numeric_code)
    if not ring:
        return None
    area = _area(ring)
    if not area:
        return None
    pairs = list(zip(ring, [*ring[1:], ring[0]], strict=True))
    x = sum((x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in pairs) / (6 * area)
    y = sum((y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in pairs) / (6 * area)
    return round(x, 2), round(y, 2)


def has_borders() -> bool:
    return bool(_world())


def _crosses(ring: Sequence[tuple[float, float]], frame: Frame) -> bool:
    return any(
        frame.west - 5 <= lon <= frame.east + 5 and frame.south - 5 <= lat <= frame.north + 5
        for lon, lat in ring
    )


def _folded(longitude: float, latitude: float, frame: Frame) -> tuple[float, float]:
    """A border point moved next to the frame: across the antimeridian, then onto a margin box,
    so that shapes reaching far outside (Russia's east, Antarctica) close off-screen."""
    if longitude < frame.west - 90:
        longitude += 360
    elif longitude > frame.east + 90:
        longitude -= 360
    longitude = min(max(longitude, frame.west - 10), frame.east + 10)
    latitude = min(max(latitude, frame.south - 10), frame.north + 10)
    return longitude, latitude


@lru_cache(maxsize=64)
def border_paths(frame: Frame) -> tuple[str, ...]:
    """SVG path data of every country with a point in (or near) the frame (kept per frame:
    the same filters give the same frame)."""
    paths = []
    for _name, rings in _world():
        parts = []
        for ring in rings:
            if len(ring) < 3 or not _crosses(ring, frame):
                continue
            projected = [frame.project(*_folded(lon, lat, frame)) for lon, lat in ring]
            parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in projected) + "Z")
        if parts:
            paths.append("".join(parts))
    return tuple(paths)
