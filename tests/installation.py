"""A demo installation on SQLite (with a stored file and a search index) and its backup, built
once per test session and shared by the backup and exchange tests (fixtures in tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Installation:
    database: Path
    data_dir: Path

    @property
    def url(self) -> str:
        return f"sqlite:///{self.database}"


def _environment(installation: Installation) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "TWINNING_DATABASE_URL": installation.url,
        "TWINNING_DATA_DIR": str(installation.data_dir),
        "TWINNING_SEARCH_EMBEDDER": "hashing",
    }


def python_in(installation: Installation, code: str) -> subprocess.CompletedProcess[str]:
    """Run Python code with Django configured for one installation."""
    setup = (
        "import os, django; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'twinning.settings'); "
        "django.setup()\n"
    )
    return subprocess.run(
        [sys.executable, "-c", setup + code],
        capture_output=True,
        text=True,
        env=_environment(installation),
        check=False,
    )


def twinning(installation: Installation, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI against one installation (never the test database)."""
    return subprocess.run(
        [sys.executable, "-m", "twinning", *arguments],
        capture_output=True,
        text=True,
        env=_environment(installation),
        check=False,
    )


@pytest.fixture(scope="session")
def demo_installation(tmp_path_factory) -> Installation:
    """The demo data, one ingested text file under MEDIA_ROOT, a coordinator and the search index."""
    base = tmp_path_factory.mktemp("source")
    installation = Installation(database=base / "source.sqlite3", data_dir=base / "data")
    note = base / "lyon-wuhan.txt"
    note.write_text(
        "Lyon Green Lab signed a twinning agreement with Wuhan Water Forum in 2019.\n",
        encoding="utf-8",
    )
    steps = [
        ["load-demo"],
        ["ingest", str(note), "--accept"],
        [
            "create-coordinator",
            "keeper",
            "--email",
            "keeper@example.org",
            "--password",
            "kept-Pw-491",
        ],
        ["reindex", "--embedder", "hashing"],
    ]
    # One process for every step: each CLI start costs seconds on a busy machine.
    done = python_in(
        installation,
        f"from twinning.cli import main\nfor step in {steps!r}:\n    assert main(step) == 0, step",
    )
    assert done.returncode == 0, done.stderr
    return installation


@pytest.fixture(scope="session")
def demo_backup(demo_installation, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("backup") / "demo.zip"
    done = twinning(demo_installation, "backup", str(target))
    assert done.returncode == 0, done.stderr
    return target
