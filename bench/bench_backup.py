"""Backup benchmark (CONTRACTS §6): `twinning backup`/`restore` of the demo beside Django's
`dumpdata`/`loaddata` on the same SQLite database, in the same run.

Each command runs as its own process (start-up and the schema check included on both sides);
the demo is `twinning load-demo` plus `twinning reindex --embedder hashing`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(environment: dict[str, str], *arguments: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, *arguments], env=environment, check=True, capture_output=True)
    return time.perf_counter() - started


def _environment(base: Path, name: str) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "DJANGO_SETTINGS_MODULE": "twinning.settings",
        "TWINNING_DATABASE_URL": f"sqlite:///{base / name}.sqlite3",
        "TWINNING_DATA_DIR": str(base / f"{name}-data"),
        "TWINNING_SEARCH_EMBEDDER": "hashing",
    }


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as directory:
        base = Path(directory)
        source = _environment(base, "source")
        _run(source, "-m", "twinning", "load-demo")
        _run(source, "-m", "twinning", "reindex", "--embedder", "hashing")
        archive, dump = base / "demo.zip", base / "demo.json"
        backup_s = _run(source, "-m", "twinning", "backup", str(archive))
        dump_s = _run(source, "-m", "django", "dumpdata", "--indent", "0", "--output", str(dump))
        restore_s = _run(_environment(base, "restored"), "-m", "twinning", "restore", str(archive))
        peer = _environment(base, "loaded")
        load_s = _run(peer, "-m", "twinning", "migrate") + _run(
            peer, "-m", "django", "loaddata", str(dump)
        )
        params = {"data": "demo + search index (hashing embedder)", "engine": "sqlite"}
        return [
            {
                "name": "backup_demo",
                "metric": "wall time",
                "value": round(backup_s, 2),
                "unit": "s",
                "peer": "django dumpdata",
                "peer_value": round(dump_s, 2),
                "params": params,
            },
            {
                "name": "restore_demo",
                "metric": "wall time",
                "value": round(restore_s, 2),
                "unit": "s",
                "peer": "django migrate + loaddata",
                "peer_value": round(load_s, 2),
                "params": params,
            },
            {
                "name": "backup_demo_size",
                "metric": "file size",
                "value": archive.stat().st_size,
                "unit": "bytes",
                "peer": "django dumpdata (JSON)",
                "peer_value": dump.stat().st_size,
                "params": params,
            },
        ]
