"""The background task that brings the search index up to date, with visible Job progress."""

from __future__ import annotations

import logging

from django.db import connection, transaction
from django.utils.translation import gettext_noop
from django_tasks import task

from twinning.common.jobs import create_job, job_text, report_progress, run_job
from twinning.library.search.index_store import refresh
from twinning.library.search.indexing import drain_pending, pending_work

logger = logging.getLogger(__name__)
JOB_KIND = "search-index"


@task()
def update_search_index() -> dict:
    """Index every pending record; a Job shows the progress when there is work."""
    total = sum(len(ids) for ids in pending_work().values())
    if not total:
        refresh()  # a deletion alone leaves nothing pending; the embedded index still follows it
        return {"indexed": 0}
    job = create_job(
        kind=JOB_KIND, title=job_text(gettext_noop("Update the search index")), total=total
    )
    try:
        # Embedding is slow: it runs outside one long transaction, committing record batches as it goes.
        indexed = drain_pending(
            progress=lambda done, total: report_progress(job, done=done, total=total)
        )
    except Exception as error:
        failure = error

        def fail(job: object) -> dict:
            raise failure

        run_job(job.pk, fail)
        return {"indexed": 0, "error": str(error)}
    run_job(job.pk, lambda job: {"indexed": indexed})
    return {"indexed": indexed, "job": job.pk}


def _enqueue() -> None:
    try:
        update_search_index.enqueue()
    except (
        Exception
    ):  # the pending rows stay; the next change, search command or reindex picks them up
        logger.exception("could not enqueue the search index update")


def schedule_index_update() -> None:
    """Enqueue one index update when the current transaction commits (once per transaction)."""
    pending = getattr(connection, "run_on_commit", None) or []
    if any(entry[1] is _enqueue for entry in pending):
        return
    transaction.on_commit(_enqueue)
