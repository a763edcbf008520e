"""Start, advance and finish background jobs; the only writers of `Job` rows."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any, NamedTuple

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from twinning.common.models import Job, JobStatus

logger = logging.getLogger(__name__)


class JobText(NamedTuple):
    """A job's title, progress line or error as an English msgid (marked with gettext_noop) and
    its parameters: stored as such and translated when shown."""

    msgid: str
    params: dict[str, Any]

    @property
    def english(self) -> str:
        return self.msgid % self.params if self.params else self.msgid


def job_text(msgid: str, **params: Any) -> JobText:
    """`job_text(gettext_noop("extracting %(title)s"), title=...)`; params must be JSON-ready."""
    return JobText(msgid, params)


def _store(job: Job, field: str, text: str | JobText, limit: int | None) -> None:
    """Set `field` to the English text and remember the msgid (or forget it for plain text)."""
    texts = dict(job.texts or {})
    if isinstance(text, JobText):
        english = text.english
        texts[field] = [text.msgid, text.params]
    else:
        english = text
        texts.pop(field, None)
    setattr(job, field, english[:limit] if limit else english)
    job.texts = texts


def create_job(*, kind: str, title: str | JobText, total: int = 0, created_by: Any = None) -> Job:
    job = Job(kind=kind, total=total, created_by=created_by)
    _store(job, "title", title, 200)
    job.save()
    return job


def report_progress(
    job: Job, *, done: int, total: int | None = None, message: str | JobText = ""
) -> None:
    """Record progress; also the heartbeat that tells a stalled job from a slow one."""
    job.done = done
    if total is not None:
        job.total = total
    if message:
        _store(job, "message", message, 300)
    job.status = JobStatus.RUNNING
    job.heartbeat_at = timezone.now()
    Job.objects.filter(pk=job.pk).update(
        done=job.done,
        total=job.total,
        message=job.message,
        texts=job.texts,
        status=job.status,
        heartbeat_at=job.heartbeat_at,
    )


def job_update_fields(field: str, text: JobText, job: Job) -> dict[str, Any]:
    """The column values that set `field` of `job` to `text`, for a queryset `update()`."""
    _store(job, field, text, 300 if field == "message" else None)
    return {field: getattr(job, field), "texts": job.texts}


def run_job(job_id: int, work: Callable[[Job], dict]) -> Job:
    """Run `work(job)`; success stores its result, failure its error.

    `work` commits in steps of its own (one document, one batch), never as one long transaction,
    so other saves and sign-ins go on meanwhile; a failure keeps the steps already done.
    """
    job = Job.objects.get(pk=job_id)
    report_progress(job, done=0, message="" if job.message else job_text(gettext_noop("starting")))
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
