"""A demo installation on SQLite (with a stored file and a search index) and its backup, built
once per test run and shared by the backup and exchange tests (fixtures in tests/conftest.py).

Under pytest-xdist the first worker that asks builds them in the run's shared temporary folder,
under a file lock; the other workers wait for it and read the same files."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def built_once(tmp_path_factory, name: str, build: Callable[[Path], None]) -> Path:
    """A folder `build` filled once per test run: per session alone, once for all xdist workers
    together, once for both halves of `make test` (it names a folder in TWINNING_TEST_SHARED).
    The first builds under a lock, the others reuse it; a failed build is retried by the next,
    so each reports the failure."""
    if os.environ.get("TWINNING_TEST_SHARED"):
        shared = Path(os.environ["TWINNING_TEST_SHARED"])
    elif os.environ.get("PYTEST_XDIST_WORKER"):
        shared = tmp_path_factory.getbasetemp().parent  # the run's folder, above popen-gw0, gw1…
    else:
        folder = tmp_path_factory.mktemp(name)
        build(folder)
        return folder
    folder = shared / name
    with _locked(shared / f"{name}.lock"):
        if not (folder / ".built").exists():
            if folder.exists():
                import shutil

                shutil.rmtree(folder)
            folder.mkdir()
            build(folder)
            (folder / ".built").touch()
    return folder


def _installation(base: Path) -> Installation:
    return Installation(database=base / "source.sqlite3", data_dir=base / "data")


@pytest.fixture(scope="session")
def demo_installation(tmp_path_factory) -> Installation:
    """The demo data, one ingested text file under MEDIA_ROOT, a coordinator and the search index."""
    return _installation(built_once(tmp_path_factory, "source", _build_demo_installation))


def _build_demo_installation(base: Path) -> None:
    installation = _installation(base)
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


@pytest.fixture(scope="session")
def demo_backup(demo_installation, tmp_path_factory) -> Path:
    def build(folder: Path) -> None:
        done = twinning(demo_installation, "backup", str(folder / "demo.zip"))
        assert done.returncode == 0, done.stderr

    return built_once(tmp_path_factory, "backup", build) / "demo.zip"
