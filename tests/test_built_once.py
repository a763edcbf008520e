"""`built_once` (tests/installation.py): what the test run builds once for every worker and half."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from tests.installation import built_once


def _count_build(folder: Path) -> None:
    counter = folder.parent / "builds.txt"
    counter.write_text(counter.read_text() + "x" if counter.exists() else "x")
    (folder / "made.txt").write_text("made")


def _in_another_process(shared: str, queue) -> None:
    import os

    os.environ["TWINNING_TEST_SHARED"] = shared
    queue.put(str(built_once(None, "thing", _count_build)))


def test_a_shared_folder_is_built_by_the_first_process_and_reused_by_the_next(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("TWINNING_TEST_SHARED", str(tmp_path))
    first = built_once(None, "thing", _count_build)
    queue = multiprocessing.get_context("spawn").Queue()
    other = multiprocessing.get_context("spawn").Process(
        target=_in_another_process, args=(str(tmp_path), queue)
    )
    other.start()
    other.join(timeout=120)
    assert other.exitcode == 0
    assert Path(queue.get(timeout=5)) == first == tmp_path / "thing"
    assert (first / "made.txt").read_text() == "made"
    assert (tmp_path / "builds.txt").read_text() == "x"


def test_a_failed_build_is_tried_again_from_an_empty_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TWINNING_TEST_SHARED", str(tmp_path))

    def failing(folder: Path) -> None:
        (folder / "half.txt").write_text("half")
        raise RuntimeError("build failed")

    with pytest.raises(RuntimeError, match="build failed"):
        built_once(None, "thing", failing)
    folder = built_once(None, "thing", _count_build)
    assert sorted(path.name for path in folder.iterdir()) == [".built", "made.txt"]


def test_without_a_shared_folder_each_session_builds_its_own(tmp_path_factory, monkeypatch):
    monkeypatch.delenv("TWINNING_TEST_SHARED", raising=False)
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    first = built_once(tmp_path_factory, "thing", _count_build)
    second = built_once(tmp_path_factory, "thing", _count_build)
    assert first != second
    assert (first / "made.txt").exists() and (second / "made.txt").exists()
