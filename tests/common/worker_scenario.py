"""Real worker processes killed mid-task (`python -m tests.common.worker_scenario`), on the
database named by TWINNING_DATABASE_URL; prints what happened to the tasks as JSON."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def _worker() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "twinning", "worker"])


def _wait(condition: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def main() -> int:
    from twinning.cli import setup_django

    setup_django()
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    from tests.common.worker_tasks import interrupted_once_task, kills_its_worker_task
    from twinning.common.jobs import create_job
    from twinning.common.models import Job

    def status(result_id: str) -> str:
        value = DBTaskResult.objects.get(pk=result_id).status
        connection.close()
        return value

    report: dict[str, object] = {}
    marker = Path(tempfile.mkdtemp()) / "started"
    job = create_job(kind="test", title="interrupted once")
    result = interrupted_once_task.enqueue(job.pk, str(marker))
    first = _worker()
    _wait(lambda: marker.exists() and status(result.id) == "RUNNING")
    first.send_signal(signal.SIGKILL)
    first.wait()
    report["after_kill"] = status(result.id)
    second = _worker()
    _wait(lambda: status(result.id) == "SUCCESSFUL")
    second.terminate()
    report["second_worker_exit"] = second.wait(timeout=30)
    report["interrupted_task"] = status(result.id)
    report["interrupted_attempts"] = len(DBTaskResult.objects.get(pk=result.id).worker_ids)
    report["interrupted_job"] = Job.objects.get(pk=job.pk).status

    deadly = create_job(kind="test", title="kills its worker")
    result = kills_its_worker_task.enqueue(deadly.pk)
    exits = []
    for _ in range(3):
        worker = _worker()
        _wait(lambda w=worker: w.poll() is not None or status(result.id) == "FAILED")
        if worker.poll() is None:
            worker.terminate()
        exits.append(worker.wait(timeout=60))
        if status(result.id) == "FAILED":
            break
    failed = DBTaskResult.objects.get(pk=result.id)
    report["deadly_task"] = failed.status
    report["deadly_attempts"] = len(failed.worker_ids)
    report["deadly_exception"] = failed.exception_class_path
    job_row = Job.objects.get(pk=deadly.pk)
    report["deadly_job"] = [job_row.status, job_row.error]
    report["workers_killed_by_it"] = exits.count(-signal.SIGKILL)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")
    sys.exit(main())
