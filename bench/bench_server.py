"""Web server benchmark (CONTRACTS §6): keep-alive visitors on loopback against the demo data.

Starts each server in turn on the same demo database and drives it with `load.py`:
`BENCH_SERVER_CONNECTIONS` visitors (default 200) for `BENCH_SERVER_SECONDS` (default 60), each
cycling through public pages and API answers. Reports Twinning's server (`twinning serve`)
beside waitress as it was configured before (threads=8, 100 connections), and the
organisation page beside a bare 404 on the same server. `python bench/bench_server.py NAME...`
measures only the named servers (see SERVERS) and prints the figures; `twinning-serve-before`
runs `twinning serve` from the source tree in `BENCH_SERVER_PEER_SRC` (the code before a
change). The machine's load average is recorded at the start and the end of each load run.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from load import run_load  # noqa: E402 - bench/ is not a package

PORT = int(os.environ.get("BENCH_SERVER_PORT", 8200))
CONNECTIONS = int(os.environ.get("BENCH_SERVER_CONNECTIONS", 200))
SECONDS = float(os.environ.get("BENCH_SERVER_SECONDS", 60))
RATIO_SECONDS = float(os.environ.get("BENCH_SERVER_RATIO_SECONDS", 15))
PYTHON = sys.executable
WSGI = "twinning.wsgi:application"

# name -> command line; every one serves the same Django application on PORT.
SERVERS: dict[str, list[str]] = {
    "twinning-serve": [PYTHON, "-m", "twinning", "serve", "--no-worker", "--port", str(PORT)],
    # the same command on the source tree in BENCH_SERVER_PEER_SRC (the code before a change)
    "twinning-serve-before": [
        PYTHON, "-m", "twinning", "serve", "--no-worker", "--port", str(PORT),
    ],
    "waitress-default": [
        PYTHON, "-m", "waitress", "--threads=8", f"--port={PORT}", "--host=127.0.0.1", WSGI,
    ],
    "waitress-tuned": [
        PYTHON, "-m", "waitress", "--threads=16", "--connection-limit=1000", "--backlog=2048",
        "--channel-timeout=120", f"--port={PORT}", "--host=127.0.0.1", WSGI,
    ],
    "gunicorn-gthread": [
        PYTHON, "-m", "gunicorn", "--workers=2", "--threads=8", "--worker-class=gthread",
        "--worker-connections=1000", "--keep-alive=75", "--backlog=2048",
        f"--bind=127.0.0.1:{PORT}", WSGI,
    ],
    "granian-wsgi": [
        PYTHON, "-m", "granian", "--interface", "wsgi", "--workers", "2",
        "--blocking-threads", "8", "--backlog", "2048", "--host", "127.0.0.1",
        "--port", str(PORT), WSGI,
    ],
    "uvicorn-asgi": [
        PYTHON, "-m", "uvicorn", "--workers", "2", "--backlog", "2048", "--host", "127.0.0.1",
        "--port", str(PORT), "--app-dir", str(HERE), "asgi_app:application",
    ],
}  # fmt: skip


def demo_database(directory: Path) -> dict[str, str]:
    """A data directory holding the demo data; the environment every server gets."""
    environment = {
        **os.environ,
        "TWINNING_DATA_DIR": str(directory),
        "TWINNING_DATABASE_URL": f"sqlite:///{directory / 'twinning.sqlite3'}",
        "TWINNING_MATCHING_EMBEDDER": "hashing",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    if not (directory / "twinning.sqlite3").exists():
        subprocess.run(
            [PYTHON, "-m", "twinning", "demo", "--no-serve"],
            env=environment,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return environment


def public_paths(directory: Path) -> tuple[list[str], str]:
    with sqlite3.connect(directory / "twinning.sqlite3") as db:
        slug = db.execute(
            "SELECT slug FROM directory_organisation WHERE is_published ORDER BY id LIMIT 1"
        ).fetchone()[0]
    organisation = f"/organisations/{slug}/"
    paths = [
        "/",
        "/organisations/",
        organisation,
        "/programmes/",
        "/library/",
        "/zh-hans/",
        "/api/openapi.json",
        "/api/organisations?limit=20",
    ]
    return paths, organisation


def _wait_until_up(process: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/no-such-page/", timeout=5):
                pass
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
            continue
        return
    raise RuntimeError("server did not answer in time")


def _port_free() -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", PORT)) != 0


def measure(name: str, environment: dict[str, str], paths: list[str], organisation: str) -> dict:
    """Start the server, warm it up, drive the load, and the organisation-vs-404 pair."""
    if not _port_free():
        raise RuntimeError(f"port {PORT} is taken")
    if name.endswith("-before"):
        peer = os.environ.get("BENCH_SERVER_PEER_SRC")
        if not peer:
            raise RuntimeError(f"{name} needs BENCH_SERVER_PEER_SRC (a source tree to compare)")
        environment = {**environment, "PYTHONPATH": peer}
    process = subprocess.Popen(
        SERVERS[name],
        env=environment,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_up(process)
        base = f"http://127.0.0.1:{PORT}"
        asyncio.run(run_load(base, paths, connections=8, seconds=3))  # warm caches and workers
        load_average = [round(os.getloadavg()[0], 1)]
        load = asyncio.run(run_load(base, paths, connections=CONNECTIONS, seconds=SECONDS))
        load_average.append(round(os.getloadavg()[0], 1))
        page = asyncio.run(run_load(base, [organisation], connections=8, seconds=RATIO_SECONDS))
        bare = asyncio.run(run_load(base, ["/no-such-page/"], connections=8, seconds=RATIO_SECONDS))
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return {
        "server": name,
        "load_average": load_average,
        "load": load,
        "organisation_rps": page["requests_per_second"],
        "bare_404_rps": bare["requests_per_second"],
    }


def _entries(figures: dict[str, dict], baseline: str, chosen: str) -> list[dict]:
    ours, peer = figures[chosen], figures[baseline]
    params = {
        "connections": CONNECTIONS,
        "seconds": SECONDS,
        "paths": "home, directory, an organisation, programmes, library, zh home, openapi, API list",
        "servers": {name: value for name, value in figures.items()},
    }
    return [
        {
            "name": "serve_200_keepalive_p99",
            "metric": "p99 latency",
            "value": ours["load"]["p99_seconds"],
            "unit": "s",
            "peer": baseline,
            "peer_value": peer["load"]["p99_seconds"],
            "params": params,
        },
        {
            "name": "serve_200_keepalive_failed",
            "metric": "failed requests",
            "value": float(ours["load"]["failures"]),
            "unit": "requests",
            "peer": baseline,
            "peer_value": float(peer["load"]["failures"]),
            "params": {"connections": CONNECTIONS, "seconds": SECONDS},
        },
        {
            "name": "serve_200_keepalive_throughput",
            "metric": "requests per second",
            "value": ours["load"]["requests_per_second"],
            "unit": "requests/s",
            "peer": baseline,
            "peer_value": peer["load"]["requests_per_second"],
            "params": {"connections": CONNECTIONS, "seconds": SECONDS},
        },
        {
            "name": "organisation_page_vs_bare_404",
            "metric": "throughput ratio",
            "value": round(ours["organisation_rps"] / max(ours["bare_404_rps"], 0.1), 2),
            "unit": "ratio",
            "peer": f"{baseline} (same ratio)",
            "peer_value": round(peer["organisation_rps"] / max(peer["bare_404_rps"], 0.1), 2),
            "params": {"connections": 8, "seconds": RATIO_SECONDS},
        },
    ]


def run(names: list[str] | None = None) -> list[dict]:
    """The `make bench` entry: twinning serve beside the waitress set-up it replaced."""
    directory = Path(
        os.environ.get("BENCH_SERVER_DATA") or tempfile.mkdtemp(prefix="bench-server-")
    )
    environment = demo_database(directory)
    paths, organisation = public_paths(directory)
    chosen = names or ["waitress-default", "twinning-serve"]
    figures = {name: measure(name, environment, paths, organisation) for name in chosen}
    if {"waitress-default", "twinning-serve"} <= set(figures):
        return _entries(figures, "waitress-default", "twinning-serve")
    return [{"name": name, **value} for name, value in figures.items()]


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1:] or None), indent=1))
