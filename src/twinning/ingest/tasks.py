"""Background work of ingest: extract stored documents into the review queue."""

from __future__ import annotations

from django.utils.translation import gettext_noop
from django_tasks import task

from twinning.common.jobs import job_text, report_progress, run_job
from twinning.common.models import Job
from twinning.ingest.actions import extract_and_queue
from twinning.ingest.resolution import OrganisationIndex
from twinning.library.models import Document


def extract_documents(job: Job, document_ids: list[int]) -> dict:
    index = OrganisationIndex.build()
    created = 0
    for position, document in enumerate(
        Document.objects.filter(pk__in=document_ids).order_by("pk"), start=1
    ):
        report_progress(
            job,
            done=position - 1,
            total=len(document_ids),
            message=job_text(gettext_noop("extracting %(title)s"), title=document.title[:120]),
        )
        created += extract_and_queue(document, index)
    report_progress(
        job,
        done=len(document_ids),
        total=len(document_ids),
        message=job_text(gettext_noop("%(count)d candidates queued"), count=created),
    )
    return {"documents": document_ids, "candidates": created}


@task()
def extract_documents_task(job_id: int, document_ids: list[int]) -> None:
    run_job(job_id, lambda job: extract_documents(job, document_ids))
