"""Start, advance and finish background jobs; the only writers of `Job` rows."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone

from twinning.common.models import Job, JobStatus

logger = logging.getLogger(__name__)


def create_job(*, kind: str, title: str, total: int = 0, created_by: Any = None) -> Job:
    return Job.objects.create(kind=kind, title=title, total=total, created_by=created_by)


def report_progress(job: Job, *, done: int, total: int | None = None, message: str = "") -> None:
    """Record progress; also the heartbeat that tells a stalled job from a slow one."""
    job.done = done
    if total is not None:
        job.total = total
    if message:
        job.message = message[:300]
    job.status = JobStatus.RUNNING
    job.heartbeat_at = timezone.now()
    Job.objects.filter(pk=job.pk).update(
        done=job.done,
        total=job.total,
        message=job.message,
        status=job.status,
        heartbeat_at=job.heartbeat_at,
    )


def run_job(job_id: int, work: Callable[[Job], dict]) -> Job:
    """Run `work(job)`; success stores its result, failure its error.

    `work` commits in steps of its own (one document, one batch), never as one long transaction,
    so other saves and sign-ins go on meanwhile; a failure keeps the steps already done.
    """
    job = Job.objects.get(pk=job_id)
    report_progress(job, done=0, message=job.message or "started")
    try:
        result = work(job)
    except Exception as error:  # noqa: BLE001 - any failure must be visible on the job, not lost
        logger.exception("job %s failed", job_id)
        job.status = JobStatus.FAILED
        job.error = f"{type(error).__name__}: {error}"
        job.result = {"traceback": traceback.format_exc(limit=5)}
    else:
        job.status = JobStatus.SUCCEEDED
        job.result = result or {}
        job.done = job.total or job.done
    job.finished_at = job.heartbeat_at = timezone.now()
    job.save()
    return job


def enqueue_after_commit(task: Any, *args: Any, **kwargs: Any) -> None:
    """Queue `task` once the surrounding transaction commits, so the worker sees its rows."""
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs))
