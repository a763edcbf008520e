"""Job titles, progress lines and errors are stored as msgids and read in the reader's language."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_noop

from tests.ingest.test_actions import PROFILE
from twinning.common.jobs import create_job, job_text, report_progress
from twinning.common.models import Job, JobStatus
from twinning.ingest.models import Candidate

pytestmark = pytest.mark.django_db


def test_an_ingest_job_page_shows_its_progress_line_in_chinese(
    coordinator_client, django_capture_on_commit_callbacks
):
    with translation.override("zh-hans"):
        upload_url = reverse("ingest:upload")
    assert upload_url == "/zh-hans/ingest/"
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            upload_url, {"files": [SimpleUploadedFile("profile.txt", PROFILE.encode())]}
        )
    job = Job.objects.get(kind="ingest")
    count = Candidate.objects.count()
    assert count > 0
    assert (job.title, job.message) == (
        "Extracting 1 document(s)",
        f"{count} candidates queued",
    )
    assert job.texts == {
        "title": ["Extracting %(count)d document(s)", {"count": 1}],
        "message": ["%(count)d candidates queued", {"count": count}],
    }
    chinese = coordinator_client.get(response.url).content.decode()
    assert response.url == f"/zh-hans/ingest/jobs/{job.pk}/"
    assert f"1 / 1 · 已有 {count} 条候选记录进入审核队列" in chinese
    assert "<title>正在提取 1 份文档" in chinese
    assert "candidates queued" not in chinese and "Extracting" not in chinese
    with translation.override("en"):
        english_url = reverse("ingest:job", args=[job.pk])
    english = coordinator_client.get(english_url).content.decode()
    assert f"1 / 1 · {count} candidates queued" in english
    upload_page = coordinator_client.get(upload_url).content.decode()
    assert "正在提取 1 份文档</a>" in upload_page


def test_an_old_job_without_msgids_shows_its_stored_english(coordinator_client):
    job = Job.objects.create(
        kind="ingest",
        title="Extracting 2 document(s)",
        message="extracting Annual report",
        status=JobStatus.RUNNING,
        total=2,
    )
    with translation.override("zh-hans"):
        url = reverse("ingest:job", args=[job.pk])
    page = coordinator_client.get(url).content.decode()
    assert "0 / 2 · extracting Annual report" in page
    assert "Extracting 2 document(s)" in page


def test_plain_text_replaces_a_stored_msgid_and_bad_params_fall_back_to_english():
    job = create_job(kind="test", title=job_text(gettext_noop("Update the search index")))
    report_progress(job, done=1, message=job_text(gettext_noop("building profiles")))
    report_progress(job, done=2, message="plain words")
    job.refresh_from_db()
    assert job.texts == {"title": ["Update the search index", {}]}
    with translation.override("zh-hans"):
        assert (job.shown_title, job.shown_message) == ("更新搜索索引", "plain words")
    Job.objects.filter(pk=job.pk).update(
        message="3 candidates queued",
        texts={"message": ["%(count)d candidates queued", {"other": 3}]},
    )
    job.refresh_from_db()
    with translation.override("zh-hans"):
        assert job.shown_message == "3 candidates queued"


def test_a_requeued_job_says_so_in_chinese():
    from tests.common.test_workers import _running_task
    from twinning.common.workers import recover_abandoned_tasks

    job = create_job(kind="ingest", title="Extracting")
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)
    _running_task(["gone"], job)
    recover_abandoned_tasks()
    job.refresh_from_db()
    assert job.message == "queued again: the worker running it stopped"
    with translation.override("zh-hans"):
        assert job.shown_message == "已重新排队：运行它的后台进程已停止"
    _running_task(["gone-1", "gone-2"], job)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)
    recover_abandoned_tasks()
    job.refresh_from_db()
    assert job.error == "The worker running this task stopped 2 times; it was not tried again."
    with translation.override("zh-hans"):
        assert job.shown_error == "运行此任务的后台进程已停止 2 次，不再重试。"
