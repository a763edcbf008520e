"""Tasks for the worker tests: one that is killed on its first run, one that always kills its worker."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from django_tasks import task

from twinning.common.jobs import run_job


@task()
def interrupted_once_task(job_id: int, marker: str) -> None:
    """The first run waits to be killed; the run after recovery finishes at once."""

    def work(job: object) -> dict:
        if not Path(marker).exists():
            Path(marker).write_text("started", encoding="utf-8")
            time.sleep(120)
        return {"finished": True}

    run_job(job_id, work)


@task()
def kills_its_worker_task(job_id: int) -> None:
    os.kill(os.getpid(), signal.SIGKILL)
