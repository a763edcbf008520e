import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.ingest.test_actions import PROFILE, ingest
from twinning.common.models import Job, JobStatus
from twinning.directory.models import Organisation
from twinning.ingest.enums import CandidateKind, CandidateStatus
from twinning.ingest.models import Candidate
from twinning.library.models import Document

pytestmark = pytest.mark.django_db


def upload(client, *files):
    return client.post(reverse("ingest:upload"), {"files": list(files)})


def test_visitors_and_members_cannot_ingest_or_review(client, member_client):
    ingest(PROFILE)
    candidate = Candidate.objects.first()
    assert client.get(reverse("ingest:upload")).status_code == 302  # to sign in
    for url in (
        reverse("ingest:upload"),
        reverse("ingest:queue"),
        reverse("ingest:candidate", args=[candidate.pk]),
    ):
        assert member_client.get(url).status_code == 403
    response = member_client.post(
        reverse("ingest:review_bulk"), {"candidate": [candidate.pk], "decision": "accept"}
    )
    assert response.status_code == 403
    assert upload(member_client, SimpleUploadedFile("x.txt", PROFILE.encode())).status_code == 403
    assert Organisation.objects.count() == 0 and Document.objects.count() == 1
    assert Candidate.objects.get(pk=candidate.pk).status == CandidateStatus.PENDING


def test_upload_runs_extraction_as_a_job_and_fills_the_queue(
    coordinator_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(coordinator_client, SimpleUploadedFile("profile.txt", PROFILE.encode()))
    job = Job.objects.get(kind="ingest")
    assert response.url == reverse("ingest:job", args=[job.pk])
    assert (job.status, job.done, job.total, job.result["candidates"]) == (
        JobStatus.SUCCEEDED,
        1,
        1,
        Candidate.objects.count(),
    )
    page = coordinator_client.get(response.url).content.decode()
    assert "Succeeded" in page and "Review" in page


def test_upload_reports_bad_files_by_name_and_keeps_the_good_ones(
    coordinator_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            coordinator_client,
            SimpleUploadedFile("empty.txt", b""),
            SimpleUploadedFile("good.txt", PROFILE.encode()),
        )
    assert Document.objects.get().source == "good.txt"
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["empty.txt: file is empty"]


def test_stalled_job_says_so(coordinator_client):
    import datetime

    from django.utils import timezone

    job = Job.objects.create(
        kind="ingest", title="Extracting 1 document(s)", status=JobStatus.RUNNING, total=1
    )
    Job.objects.filter(pk=job.pk).update(
        heartbeat_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    page = coordinator_client.get(reverse("ingest:job", args=[job.pk])).content.decode()
    assert "No sign of life" in page


@pytest.mark.parametrize("documents", [1, 3])
def test_queue_page_query_count_is_flat(coordinator_client, django_assert_num_queries, documents):
    for index in range(documents):
        ingest(PROFILE + f"\nVersion {index}\n", f"profile-{index}.txt")
    with django_assert_num_queries(4):
        response = coordinator_client.get(reverse("ingest:queue"))
    assert len(response.context["page"]) == Candidate.objects.count()


def test_edit_then_accept_and_bulk_reject_from_the_pages(coordinator_client):
    ingest(PROFILE)
    candidate = Candidate.objects.get(
        kind=CandidateKind.ORGANISATION, data__name="Hunan Wetland Guardians"
    )
    form = {
        "action": "accept",
        "name": "Hunan Wetland Guardians",
        "country": "cn",
        "city": "Changsha",
        "founded": 2009,
        "type": "ngo",
        "topics": ["water", "biodiversity"],
    }
    coordinator_client.post(reverse("ingest:candidate", args=[candidate.pk]), form)
    organisation = Organisation.objects.get(name="Hunan Wetland Guardians")
    assert (organisation.country, organisation.city) == ("CN", "Changsha")
    assert set(organisation.topics.values_list("slug", flat=True)) == {"water", "biodiversity"}
    rest = list(
        Candidate.objects.filter(status=CandidateStatus.PENDING).values_list("pk", flat=True)
    )
    coordinator_client.post(
        reverse("ingest:review_bulk"), {"candidate": rest, "decision": "reject"}
    )
    assert Candidate.objects.filter(status=CandidateStatus.PENDING).count() == 0


def test_invalid_edit_changes_nothing(coordinator_client):
    ingest(PROFILE)
    candidate = Candidate.objects.filter(kind=CandidateKind.ORGANISATION).first()
    response = coordinator_client.post(
        reverse("ingest:candidate", args=[candidate.pk]),
        {"action": "accept", "name": "", "founded": "soon"},
    )
    assert response.status_code == 200 and response.context["edit_form"].errors
    assert Organisation.objects.count() == 0
    assert Candidate.objects.get(pk=candidate.pk).status == CandidateStatus.PENDING


def test_a_too_large_upload_is_refused_before_it_is_read(coordinator_client, settings):
    settings.TWINNING_MAX_UPLOAD_BYTES = 1024 * 1024
    response = upload(coordinator_client, SimpleUploadedFile("huge.txt", b"x" * (1024 * 1024 + 1)))
    assert [str(m) for m in response.wsgi_request._messages] == [
        "huge.txt: the file is larger than the 1 MB limit."
    ]
    assert Document.objects.count() == 0 and Job.objects.count() == 0


def test_candidate_form_offers_types_and_topics_by_name_not_code(coordinator_client):
    ingest(PROFILE)
    candidate = Candidate.objects.get(
        kind=CandidateKind.ORGANISATION, data__name="Hunan Wetland Guardians"
    )
    body = coordinator_client.get(
        "/zh-hans" + reverse("ingest:candidate", args=[candidate.pk])
    ).content.decode()
    assert '<select name="type"' in body and ">非政府组织</option>" in body
    assert '<select name="topics"' in body and "data-searchable" in body
    assert '<option value="water"' in body
