"""Diagnostics for ADR 0023 (not a `make bench` entry): what one request of each benchmark path
costs in one process, its queries, and what the first request of a fresh process costs.

    TWINNING_DATA_DIR=/tmp/serve-demo TWINNING_DATABASE_URL=sqlite:////tmp/serve-demo/twinning.sqlite3 \
      TWINNING_MATCHING_EMBEDDER=hashing PYTHONPATH=src .venv/bin/python bench/profile_pages.py

The demo database is the one `bench_server.py` builds. Django's test client keeps the database
connection across requests (a server with `CONN_MAX_AGE=0` opens one per request: the line
"connect + counter query" shows what that adds).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")


def main(rounds: int = 30) -> None:
    started = time.perf_counter()
    from twinning.wsgi import application  # noqa: F401 - loads Django as a web process does

    print(
        f"application loaded (and warmed, unless TWINNING_WARM_UP=0): {time.perf_counter() - started:.2f} s"
    )
    from bench_server import public_paths
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from twinning.common.cache import current_generation

    settings.ALLOWED_HOSTS = ["*"]
    database = Path(settings.DATABASES["default"]["NAME"])
    paths, _organisation = public_paths(database.parent)
    client = Client()
    for path in [*paths, "/no-such-page/"]:
        began = time.perf_counter()
        client.get(path, HTTP_ACCEPT="text/html")
        first = time.perf_counter() - began
        began = time.perf_counter()
        for _ in range(rounds):
            client.cookies.clear()
            answer = client.get(path, HTTP_ACCEPT="text/html")
        each = (time.perf_counter() - began) / rounds
        with CaptureQueriesContext(connection) as queries:
            client.cookies.clear()
            client.get(path, HTTP_ACCEPT="text/html")
        print(
            f"{path[:48]:48} {answer.status_code}  first {first * 1000:7.1f} ms"
            f"  then {each * 1000:6.1f} ms  queries {len(queries)}"
        )
    began = time.perf_counter()
    for _ in range(rounds):
        connection.close()
        current_generation()
    print(f"connect + counter query: {(time.perf_counter() - began) / rounds * 1000:.1f} ms")
    with sqlite3.connect(database) as db:
        print(
            "schema objects SQLite parses per new connection:",
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0],
        )


if __name__ == "__main__":
    main()
