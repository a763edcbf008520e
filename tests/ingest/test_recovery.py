"""A lost job never strands a document, and a job that fails keeps the documents it finished."""

import pytest

from tests.ingest.test_actions import PROFILE
from twinning.common.jobs import create_job
from twinning.common.models import Job, JobStatus
from twinning.ingest import actions, tasks
from twinning.ingest.actions import store_document
from twinning.ingest.models import Candidate
from twinning.library.models import Document

pytestmark = pytest.mark.django_db


def test_a_document_stored_without_its_job_can_be_ingested_again():
    first = store_document(data=PROFILE.encode(), filename="profile.txt")  # the server died here
    again = store_document(data=PROFILE.encode(), filename="profile.txt")
    assert (first.changed, again.changed, again.document.pk) == (True, True, first.document.pk)
    job = create_job(kind="ingest", title="Extracting", total=1)
    tasks.extract_documents_task.call(job.pk, [again.document.pk])
    assert Document.objects.get().extracted_at is not None
    assert store_document(data=PROFILE.encode(), filename="profile.txt").changed is False


def test_a_failing_document_keeps_the_candidates_of_those_before_it(monkeypatch):
    good = store_document(data=PROFILE.encode(), filename="good.txt").document
    bad = store_document(data=(PROFILE + "\nMore.").encode(), filename="bad.txt").document
    real_extract = actions.extract

    def extract(document):
        if document.pk == bad.pk:
            raise RuntimeError("the extractor crashed")
        return real_extract(document)

    monkeypatch.setattr(actions, "extract", extract)
    job = create_job(kind="ingest", title="Extracting", total=2)
    tasks.extract_documents_task.call(job.pk, [good.pk, bad.pk])
    job = Job.objects.get(pk=job.pk)
    assert (job.status, job.error) == (JobStatus.FAILED, "RuntimeError: the extractor crashed")
    assert set(Candidate.objects.values_list("document_id", flat=True)) == {good.pk}
    assert list(Document.objects.filter(extracted_at__isnull=True)) == [bad]
