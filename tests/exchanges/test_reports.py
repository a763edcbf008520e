import datetime

import pytest
from django.conf import settings
from django.urls import reverse

from twinning.exchanges import actions
from twinning.exchanges.enums import PlacementStatus, ReportStatus
from twinning.library.enums import DocumentKind
from twinning.library.models import Document

pytestmark = pytest.mark.django_db

TEXT = b"Final report\n\nWe piloted composting in two neighbourhoods of Chengdu."


@pytest.fixture
def report(pair, coordinator):
    return actions.request_report(
        pair=pair, title="Final report", due_on=datetime.date(2030, 12, 20), actor=coordinator
    )


def test_a_filed_report_enters_the_library_unpublished_until_accepted(
    client, report, host_staff, coordinator, pair
):
    filed = actions.file_report(
        report=report, data=TEXT, filename="final.txt", actor=host_staff, language="zh"
    )
    document = filed.document
    assert (
        filed.status,
        filed.filed_by,
        document.kind,
        document.language,
        document.is_published,
    ) == (
        ReportStatus.SUBMITTED,
        host_staff,
        DocumentKind.REPORT,
        "zh",
        False,
    )
    assert set(document.organisations.all()) == {pair.organisation_a, pair.organisation_b}
    assert (document.programme, document.cohort) == (pair.cohort.programme, pair.cohort)
    assert "Final report" not in client.get(pair.get_absolute_url()).content.decode()
    actions.accept_report(report=filed, actor=coordinator, site_url=settings.TWINNING_SITE_URL)
    document.refresh_from_db()
    pair.refresh_from_db()
    assert document.is_published is True
    assert pair.report_url == settings.TWINNING_SITE_URL + document.get_absolute_url()
    assert document.title in client.get(pair.get_absolute_url()).content.decode()


def test_accepting_marks_the_pairs_completed_placements_reported(
    placement, report, fellow, host_staff, coordinator
):
    actions.confirm_placement(placement=placement, actor=host_staff)
    actions.start_placement(placement=placement, actor=fellow, on=datetime.date(2030, 8, 6))
    actions.complete_placement(placement=placement, actor=fellow, on=datetime.date(2030, 9, 6))
    actions.file_report(report=report, data=TEXT, filename="final.txt", actor=fellow)
    actions.accept_report(report=report, actor=coordinator)
    placement.refresh_from_db()
    assert (placement.status, placement.sequence) == (PlacementStatus.REPORTED, 4)


def test_a_refused_file_changes_nothing(report, host_staff):
    with pytest.raises(
        actions.ExchangeError,
        match="final.zip: only text, HTML and PDF files can be added to the library.",
    ):
        actions.file_report(
            report=report, data=b"PK\x03\x04zip", filename="final.zip", actor=host_staff
        )
    report.refresh_from_db()
    assert (report.status, report.document, Document.objects.count()) == (ReportStatus.DUE, None, 0)


def test_a_returned_report_needs_a_note_and_can_be_filed_again(report, host_staff, coordinator):
    actions.file_report(report=report, data=TEXT, filename="final.txt", actor=host_staff)
    with pytest.raises(actions.ExchangeError, match="Say what"):
        actions.return_report(report=report, note="", actor=coordinator)
    actions.return_report(report=report, note="Add the budget.", actor=coordinator)
    again = actions.file_report(
        report=report, data=TEXT + b" Budget.", filename="final2.txt", actor=host_staff
    )
    assert again.status == ReportStatus.SUBMITTED


def test_the_pair_files_and_the_coordinator_accepts_on_the_pages(
    client, coordinator_client, report, host_staff
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(host_staff)
    page = client.get(report.get_absolute_url()).content.decode()
    assert "File the report" in page
    response = client.post(
        reverse("exchanges:report_file", args=[report.pk]),
        {"file": SimpleUploadedFile("final.txt", TEXT, "text/plain"), "language": "en"},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    assert (
        coordinator_client.post(
            reverse("exchanges:report_review", args=[report.pk, "accept"]), {"note": "Thanks."}
        ).status_code
        == 302
    )
    report.refresh_from_db()
    assert (report.status, report.review_note) == (ReportStatus.ACCEPTED, "Thanks.")
