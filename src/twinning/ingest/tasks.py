"""Background work of ingest: extract stored documents into the review queue."""

from __future__ import annotations

from django.utils.translation import gettext_noop
from django_tasks import task

from twinning.common.jobs import job_text, report_progress, run_job
from twinning.common.models import Job
from twinning.extract import ExtractError
from twinning.ingest.actions import extract_and_queue
from twinning.ingest.resolution import OrganisationIndex
from twinning.library.models import Document


def extract_documents(job: Job, document_ids: list[int]) -> dict:
    """Queue the candidates of each document; a file that cannot be read (a spreadsheet is
    first parsed here) is named in the job's message and the others go on."""
    index = OrganisationIndex.build()
    created = 0
    unreadable: list[str] = []
    for position, document in enumerate(
        Document.objects.filter(pk__in=document_ids).order_by("pk"), start=1
    ):
        report_progress(
            job,
            done=position - 1,
            total=len(document_ids),
            message=job_text(gettext_noop("extracting %(title)s"), title=document.title[:120]),
        )
        try:
            created += extract_and_queue(document, index)
        except ExtractError as error:  # one unreadable file is named; the others go on
            unreadable.append(str(error))
    if unreadable:
        message = job_text(
            gettext_noop("%(count)d candidates queued; not read: %(files)s"),
            count=created,
            files="; ".join(unreadable)[:400],
        )
    else:
        message = job_text(gettext_noop("%(count)d candidates queued"), count=created)
    report_progress(job, done=len(document_ids), total=len(document_ids), message=message)
    return {"documents": document_ids, "candidates": created, "unreadable": unreadable}


@task()
def extract_documents_task(job_id: int, document_ids: list[int]) -> None:
    run_job(job_id, lambda job: extract_documents(job, document_ids))
