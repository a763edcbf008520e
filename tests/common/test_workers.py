"""Workers that recover: heartbeats, tasks of dead workers queued again or failed, supervision."""

from __future__ import annotations

import datetime
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from twinning.cli.server import Supervisor
from twinning.common.jobs import create_job
from twinning.common.models import Job, JobStatus, WorkerProcess
from twinning.common.workers import STALE_AFTER, recover_abandoned_tasks

ROOT = Path(__file__).resolve().parents[2]


def _running_task(worker_ids: list[str], job: Job | None = None) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status="RUNNING",
        task_path="tests.common.worker_tasks.kills_its_worker_task",
        args_kwargs={"args": [job.pk] if job else [], "kwargs": {}},
        backend_name="default",
        run_after=get_date_max(),
        worker_ids=worker_ids,
        started_at=timezone.now(),
    )


@pytest.mark.django_db
def test_a_task_of_a_silent_worker_is_queued_again_and_its_job_says_so():
    job = create_job(kind="ingest", title="Extracting")
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)
    WorkerProcess.objects.create(worker_id="silent", hostname="elsewhere", pid=1)
    WorkerProcess.objects.filter(worker_id="silent").update(
        heartbeat_at=timezone.now() - STALE_AFTER - datetime.timedelta(seconds=1)
    )
    task = _running_task(["silent"], job)
    recovery = recover_abandoned_tasks()
    task.refresh_from_db()
    job.refresh_from_db()
    assert (recovery.requeued, recovery.failed) == ([str(task.id)], [])
    assert (task.status, task.started_at) == ("READY", None)
    assert (job.status, job.message) == (
        JobStatus.QUEUED,
        "queued again: the worker running it stopped",
    )


@pytest.mark.django_db
def test_a_task_that_lost_two_workers_is_failed_with_a_message():
    job = create_job(kind="ingest", title="Extracting")
    task = _running_task(["gone-1", "gone-2"], job)
    recovery = recover_abandoned_tasks()
    task.refresh_from_db()
    job.refresh_from_db()
    message = "The worker running this task stopped 2 times; it was not tried again."
    assert recovery.failed == [str(task.id)]
    assert (task.status, task.exception_class_path) == (
        "FAILED",
        "twinning.common.workers.WorkerLost",
    )
    assert (job.status, job.error) == (JobStatus.FAILED, message)


@pytest.mark.django_db
def test_a_task_of_a_live_worker_is_left_alone():
    WorkerProcess.objects.create(worker_id="alive", hostname=socket.gethostname(), pid=os.getpid())
    task = _running_task(["alive"])
    assert recover_abandoned_tasks().requeued == []
    task.refresh_from_db()
    assert task.status == "RUNNING"


@pytest.mark.django_db
def test_a_dead_process_on_this_host_is_recovered_without_waiting_for_its_heartbeat():
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    WorkerProcess.objects.create(
        worker_id="crashed", hostname=socket.gethostname(), pid=int(finished.stdout)
    )
    task = _running_task(["crashed"])
    assert recover_abandoned_tasks().requeued == [str(task.id)]


def test_the_supervisor_restarts_a_worker_that_dies_and_stops_one_that_runs():
    dying = Supervisor([sys.executable, "-c", "raise SystemExit(3)"], first_delay=0.05).start()
    deadline = time.monotonic() + 30
    while dying.starts < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    dying.stop()
    assert dying.starts >= 3
    running = Supervisor([sys.executable, "-c", "import time; time.sleep(60)"]).start()
    while running.process is None:
        time.sleep(0.05)
    running.stop()
    assert (running.starts, running.process.returncode) == (1, -signal.SIGTERM)


def _environment(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "TWINNING_DATA_DIR": str(tmp_path),
        "TWINNING_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "TWINNING_MATCHING_EMBEDDER": "hashing",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
    }


def _sqlite_only() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("real processes on a SQLite file; recovery itself is tested above on both")


@pytest.mark.django_db
def test_killing_workers_mid_task_leaves_no_task_running(tmp_path):
    _sqlite_only()
    finished = subprocess.run(
        [sys.executable, "-m", "tests.common.worker_scenario"],
        cwd=ROOT,
        env=_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=400,
        check=True,
    )
    report = json.loads(finished.stdout.strip().splitlines()[-1])
    assert report == {
        "after_kill": "RUNNING",
        "second_worker_exit": 0,
        "interrupted_task": "SUCCESSFUL",
        "interrupted_attempts": 2,
        "interrupted_job": "succeeded",
        "deadly_task": "FAILED",
        "deadly_attempts": 2,
        "deadly_exception": "twinning.common.workers.WorkerLost",
        "deadly_job": [
            "failed",
            "The worker running this task stopped 2 times; it was not tried again.",
        ],
        "workers_killed_by_it": 2,
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _workers(database: Path) -> list[int]:
    try:
        with sqlite3.connect(database) as db:
            return [pid for (pid,) in db.execute("SELECT pid FROM common_workerprocess")]
    except sqlite3.OperationalError:  # the schema is not there yet
        return []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return (
        Path(f"/proc/{pid}/status").exists()
        and "zombie" not in Path(f"/proc/{pid}/status").read_text()
    )


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _until(condition, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.django_db
def test_serve_restarts_a_killed_worker_and_sigterm_stops_both(tmp_path):
    _sqlite_only()
    port = _free_port()
    database = tmp_path / "db.sqlite3"
    server = subprocess.Popen(
        [sys.executable, "-m", "twinning", "serve", "--port", str(port)],
        cwd=ROOT,
        env=_environment(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert _until(lambda: len(_workers(database)) == 1)
        first = _workers(database)[0]
        os.kill(first, signal.SIGKILL)
        assert _until(lambda: [p for p in _workers(database) if p != first and _alive(p)])
        second = next(p for p in _workers(database) if p != first)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as response:
            assert response.status == 200
        children = _children(server.pid)
        assert second in children and len(children) >= 3  # the worker and two web processes
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=60) == 0
        assert _until(lambda: not any(_alive(pid) for pid in children), seconds=20)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
