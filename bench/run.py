"""`make bench`: run every benchmark and write bench/results.json (CONTRACTS §6).

Each benchmark module exposes `run() -> list[dict]`; each entry measures Twinning and, where
a peer is named, the peer on the same data in the same run.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")

BENCHMARKS = [
    "bench_extract",
    "bench_matching",
    "bench_search",
    "bench_backup",
    "bench_network",
    "bench_exchanges",
    "bench_server",
]
KEYS = ("name", "metric", "value", "unit", "peer", "peer_value", "params")


def main(selected: list[str]) -> int:
    results: list[dict] = []
    failures = 0
    for module_name in selected or BENCHMARKS:
        started = time.perf_counter()
        print(f"== {module_name}", flush=True)
        # Each benchmark runs in its own process, so its peak memory is its own.
        with tempfile.NamedTemporaryFile(suffix=".json") as output:
            finished = subprocess.run(
                [sys.executable, __file__, "--one", module_name, output.name], check=False
            )
            if finished.returncode != 0:
                failures += 1
                print(f"   failed with exit status {finished.returncode}", file=sys.stderr)
                continue
            entries = json.loads(Path(output.name).read_text(encoding="utf-8"))
        for entry in entries:
            missing = [key for key in KEYS if key not in entry]
            if missing:
                raise ValueError(f"{module_name}: entry {entry.get('name')} lacks {missing}")
            results.append({key: entry[key] for key in KEYS})
            peer = f"  (peer {entry['peer']}: {entry['peer_value']})" if entry["peer"] else ""
            print(f"   {entry['name']}: {entry['value']} {entry['unit']}{peer}", flush=True)
        print(f"   {time.perf_counter() - started:.1f} s", flush=True)
    (HERE / "results.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {HERE / 'results.json'} ({len(results)} results)")
    return 1 if failures else 0


def run_one(module_name: str, output: str) -> int:
    entries = importlib.import_module(module_name).run()
    Path(output).write_text(json.dumps(entries), encoding="utf-8")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        sys.exit(run_one(sys.argv[2], sys.argv[3]))
    sys.exit(main(sys.argv[1:]))
