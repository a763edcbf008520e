"""A spreadsheet upload is stored and queued, never parsed inside the web request; a
spreadsheet bomb is refused by size and cell count before anything parses it."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from twinning.common.models import Job, JobStatus
from twinning.extract import readers
from twinning.ingest.models import Candidate
from twinning.library.actions import UploadRefused, upload_document
from twinning.library.enums import DocumentKind
from twinning.library.models import Document

pytestmark = pytest.mark.django_db

SHEET = b"name,country,city\nBlue Delta Water Network,FR,Lyon\nChengdu Green Home,CN,Chengdu\n"


def workbook(*cells: tuple[str, str]) -> bytes:
    book = Workbook()
    sheet = book.active
    for address, value in cells:
        sheet[address] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def parses(monkeypatch):
    """The spreadsheet parsers, recording each call."""
    calls = []
    real_csv, real_xlsx = readers._csv_rows, readers._xlsx_tables

    def csv_rows(*args, **kwargs):
        calls.append("csv")
        return real_csv(*args, **kwargs)

    def xlsx_tables(*args, **kwargs):
        calls.append("xlsx")
        return real_xlsx(*args, **kwargs)

    monkeypatch.setattr(readers, "_csv_rows", csv_rows)
    monkeypatch.setattr(readers, "_xlsx_tables", xlsx_tables)
    return calls


def upload(client, *files):
    return client.post(reverse("ingest:upload"), {"files": list(files)})


def test_a_spreadsheet_upload_is_stored_and_queued_then_parsed_by_the_job(
    coordinator_client, parses, django_capture_on_commit_callbacks
):
    book = workbook(("A1", "name"), ("B1", "country"), ("A2", "Eco Canton"), ("B2", "CN"))
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = upload(
            coordinator_client,
            SimpleUploadedFile("members.csv", SHEET),
            SimpleUploadedFile("members.xlsx", book),
        )

    job = Job.objects.get(kind="ingest")
    assert response.url == reverse("ingest:job", args=[job.pk])
    assert parses == []  # nothing parsed in the request
    assert list(Document.objects.order_by("pk").values_list("source", "kind", "text")) == [
        ("members.csv", DocumentKind.SHEET, ""),
        ("members.xlsx", DocumentKind.SHEET, ""),
    ]
    assert job.status == JobStatus.QUEUED

    for callback in queued:  # after the commit, the worker
        callback()

    assert sorted(parses) == ["csv", "xlsx"]
    assert Job.objects.get(pk=job.pk).status == JobStatus.SUCCEEDED
    texts = dict(Document.objects.values_list("source", "text"))
    assert "Blue Delta Water Network\tFR\tLyon" in texts["members.csv"]
    assert "Eco Canton\tCN" in texts["members.xlsx"]
    assert Candidate.objects.filter(document__source="members.csv").exists()


def test_a_csv_bomb_is_refused_before_parsing(coordinator_client, parses, monkeypatch):
    monkeypatch.setattr(readers, "MAX_SHEET_CELLS", 100)
    response = upload(
        coordinator_client, SimpleUploadedFile("bomb.csv", b"name,country\n" + b"a,FR\n" * 60)
    )

    assert [str(m) for m in response.wsgi_request._messages] == [
        "bomb.csv: the sheet may hold more than 100 cells; not read"
    ]
    assert (parses, Document.objects.count(), Job.objects.count()) == ([], 0, 0)


def test_a_workbook_bomb_is_refused_before_parsing(coordinator_client, parses):
    bomb = workbook(("A1", "name"), ("A2", "Blue Delta"), ("Z30000", "x"))
    response = upload(coordinator_client, SimpleUploadedFile("bomb.xlsx", bomb))

    assert [str(m) for m in response.wsgi_request._messages] == [
        "bomb.xlsx: the sheets declare 780,000 cells; at most 500,000 are read"
    ]
    assert (parses, Document.objects.count(), Job.objects.count()) == ([], 0, 0)


def test_a_sheet_the_job_cannot_read_is_named_and_the_others_go_on(
    coordinator_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(
            coordinator_client,
            SimpleUploadedFile("header-only.csv", b"name,country\n"),
            SimpleUploadedFile("members.csv", SHEET),
        )

    job = Job.objects.get(kind="ingest")
    assert job.status == JobStatus.SUCCEEDED
    assert job.message == (
        f"{Candidate.objects.count()} candidates queued; not read: "
        "header-only.csv: sheet needs a header row and at least one data row"
    )
    assert job.result["unreadable"] == [
        "header-only.csv: sheet needs a header row and at least one data row"
    ]
    assert Candidate.objects.filter(document__source="members.csv").exists()


def test_the_library_refuses_a_spreadsheet_before_parsing_it(parses):
    with pytest.raises(UploadRefused) as refused:
        upload_document(data=workbook(("A1", "name")), filename="report.xlsx")

    assert str(refused.value) == (
        "report.xlsx: only text, HTML and PDF files can be added to the library."
    )
    assert (parses, Document.objects.count()) == ([], 0)
