"""Background workers with a heartbeat, and the recovery of tasks whose worker died.

A worker records itself in `WorkerProcess` and refreshes its heartbeat every few seconds from a
thread of its own. A task left RUNNING by a worker that is gone (its heartbeat is stale, or it
is a dead process on this host) is queued again once; a task that lost its worker twice is
failed with a message, and so is the `Job` it reports to, so nothing stays "running" for good.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import close_old_connections, connection, transaction
from django.db.utils import DatabaseError
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_noop
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from twinning.common.jobs import job_text, job_update_fields
from twinning.common.models import Job, JobStatus, WorkerProcess

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 5.0
STALE_AFTER = timedelta(seconds=30)
MAX_ATTEMPTS = 2  # a task that took its worker down twice is not tried a third time
RUNNING, READY = "RUNNING", "READY"


class WorkerLost(RuntimeError):
    """The worker running a task stopped (killed, crashed or its machine went away)."""


@dataclass(frozen=True)
class Recovery:
    requeued: list[str]
    failed: list[str]


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    return True


def _live_workers(now: datetime) -> set[str]:
    host = socket.gethostname()
    live = set()
    for worker in WorkerProcess.objects.all():
        if now - worker.heartbeat_at > STALE_AFTER:
            continue
        if worker.hostname == host and not _process_alive(worker.pid):
            continue
        live.add(worker.worker_id)
    return live


def _job_of(task: DBTaskResult) -> Job | None:
    """Tasks that report to a Job take its id as their first argument (ingest, pairing)."""
    args = (task.args_kwargs or {}).get("args") or []
    if args and isinstance(args[0], int):
        return (
            Job.objects.filter(pk=args[0])
            .exclude(status__in=[JobStatus.SUCCEEDED, JobStatus.FAILED])
            .first()
        )
    return None


def recover_abandoned_tasks(now: datetime | None = None) -> Recovery:
    """Queue again (once) or fail every RUNNING task whose worker is gone; returns their ids."""
    now = now or timezone.now()
    requeued, failed = [], []
    with transaction.atomic():
        live = _live_workers(now)
        for task in DBTaskResult.objects.select_for_update().filter(status=RUNNING):
            worker_id = task.worker_ids[-1] if task.worker_ids else None
            if worker_id in live:
                continue
            job = _job_of(task)
            if len(task.worker_ids) < MAX_ATTEMPTS:
                task.status, task.started_at = READY, None
                task.save(update_fields=["status", "started_at"])
                requeued.append(str(task.id))
                if job is not None:
                    requeued_text = job_text(
                        gettext_noop("queued again: the worker running it stopped")
                    )
                    Job.objects.filter(pk=job.pk).update(
                        status=JobStatus.QUEUED,
                        heartbeat_at=now,
                        **job_update_fields("message", requeued_text, job),
                    )
                continue
            lost_text = job_text(
                gettext_noop(
                    "The worker running this task stopped %(count)d times; it was not tried again."
                ),
                count=len(task.worker_ids),
            )
            message = lost_text.english
            task.set_failed(WorkerLost(message))
            failed.append(str(task.id))
            if job is not None:
                Job.objects.filter(pk=job.pk).update(
                    status=JobStatus.FAILED,
                    **job_update_fields("error", lost_text, job),
                    finished_at=now,
                    heartbeat_at=now,
                )
        # Rows of workers that are gone are only clutter once their tasks are handled.
        WorkerProcess.objects.exclude(worker_id__in=live).filter(
            heartbeat_at__lt=now - STALE_AFTER * 10
        ).delete()
    for task_id in requeued:
        logger.warning("task %s lost its worker and is queued again", task_id)
    for task_id in failed:
        logger.error("task %s lost its worker too often and is failed", task_id)
    return Recovery(requeued=requeued, failed=failed)


class HeartbeatWorker(Worker):
    """The django-tasks database worker, recorded with a heartbeat and recovering others' tasks."""

    def __init__(self, **options: Any) -> None:
        options.setdefault("worker_id", get_random_string(32))
        super().__init__(**options)
        self._stopped = threading.Event()

    def _beat(self) -> None:
        while not self._stopped.wait(HEARTBEAT_SECONDS):
            try:
                WorkerProcess.objects.filter(worker_id=self.worker_id).update(
                    heartbeat_at=timezone.now()
                )
                recover_abandoned_tasks()
            except DatabaseError:  # a busy database delays one beat, never stops the next
                logger.warning("heartbeat of worker %s delayed", self.worker_id, exc_info=True)
            finally:
                close_old_connections()
        connection.close()

    def run(self) -> None:
        WorkerProcess.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={"hostname": socket.gethostname(), "pid": os.getpid()},
        )
        recover_abandoned_tasks()
        beat = threading.Thread(target=self._beat, daemon=True, name="heartbeat")
        beat.start()
        try:
            super().run()
        finally:
            self._stopped.set()
            beat.join(timeout=HEARTBEAT_SECONDS * 2)
            WorkerProcess.objects.filter(worker_id=self.worker_id).delete()


def run_worker(*, interval: float = 1.0, batch: bool = False) -> None:
    """Run a heartbeat worker on the default queue until stopped (SIGTERM/SIGINT finish the task)."""
    worker = HeartbeatWorker(
        queue_names=["default"],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=not batch,
        max_tasks=None,
        excluded_queue_names=[],
    )
    worker.configure_signals()
    worker.run()
