"""Network benchmarks (CONTRACTS §6): the server-drawn map's borders against shipping the
TopoJSON to the browser, which is what a client-side renderer (d3-geo) would download first.

`run()` returns the result entries; run standalone it prints them as JSON. Needs the vendored
world-atlas file (`make vendor`).
"""

from __future__ import annotations

import json
import os
import statistics
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")
REPEATS = 30


def _entry(name, metric, value, unit, peer, peer_value, params):  # type: ignore[no-untyped-def]
    return {
        "name": name,
        "metric": metric,
        "value": round(float(value), 4),
        "unit": unit,
        "peer": peer,
        "peer_value": None if peer_value is None else round(float(peer_value), 4),
        "params": params,
    }


def run() -> list[dict[str, object]]:
    django.setup()
    from django.contrib.staticfiles import finders

    from twinning.programmes import cartography

    world = finders.find(cartography.WORLD_FILE)
    if not world:
        raise SystemExit("world-atlas is not vendored: run `make vendor` first")
    topology_text = Path(str(world)).read_text(encoding="utf-8")
    eurasia = cartography.frame_around([])  # the default frame: Europe to China
    svg = "".join(f'<path d="{d}"/>' for d in cartography.border_paths(eurasia))

    svg_times, decode_times = [], []
    for _ in range(REPEATS):
        cartography._world.cache_clear()
        cartography.border_paths.cache_clear()
        started = time.perf_counter()
        cartography.border_paths(eurasia)
        svg_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        cartography.country_rings(json.loads(topology_text))
        decode_times.append(time.perf_counter() - started)
    params = {"frame": "Europe–China (−12°…135° E, 15°…62° N)", "atlas": "countries-110m"}
    return [
        _entry(
            "map-borders-bytes",
            "bytes sent for the borders",
            len(svg.encode("utf-8")),
            "bytes",
            "world-atlas countries-110m.json shipped to the browser",
            len(topology_text.encode("utf-8")),
            params,
        ),
        _entry(
            "map-borders-render",
            "median time to draw the borders, uncached (load, decode, project)",
            statistics.median(svg_times) * 1000,
            "ms",
            "decoding the TopoJSON alone (what a browser would also do)",
            statistics.median(decode_times) * 1000,
            {**params, "repeats": REPEATS},
        ),
    ]


if __name__ == "__main__":
    print(json.dumps(run(), indent=2, ensure_ascii=False))
