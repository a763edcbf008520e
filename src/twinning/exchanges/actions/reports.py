"""Reports a pair owes: asked for by a coordinator, filed by the pair into the library, reviewed."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.exchanges.access import require
from twinning.exchanges.actions.base import ExchangeError, log
from twinning.exchanges.enums import ExchangeVerb, PlacementStatus, ReportStatus
from twinning.exchanges.models import PairReport, Placement
from twinning.library.actions import UploadRefused, cite, upload_document
from twinning.library.enums import DocumentKind, SourceMethod
from twinning.library.models import Document
from twinning.programmes.models import Pair

REPORT_LANGUAGES = ("en", "zh")
FILED_NOTE = "filed by the pair as its report"


@transaction.atomic
def request_report(*, pair: Pair, title: str, due_on: datetime.date, actor: Any) -> PairReport:
    """Ask the pair for a report due on a date."""
    require(actor, "request_report", pair)
    if not title.strip():
        raise ExchangeError(_("Give the report a title."))
    report = PairReport.objects.create(pair=pair, title=title.strip()[:300], due_on=due_on)
    log(
        pair=pair,
        actor=actor,
        verb=ExchangeVerb.REQUESTED,
        subject=report,
        changes={"title": report.title, "due_on": due_on.isoformat()},
    )
    return report


def _locked(report: PairReport) -> PairReport:
    return (
        PairReport.objects.select_for_update(of=("self",))
        .select_related("pair__cohort", "pair__organisation_a", "pair__organisation_b", "document")
        .get(pk=report.pk)
    )


@transaction.atomic
def file_report(
    *, report: PairReport, data: bytes, filename: str, actor: Any, language: str = "en"
) -> PairReport:
    """Store the pair's file (PDF, HTML or text) in the library, unpublished until a coordinator accepts it."""
    report = _locked(report)
    require(actor, "file_report", report)
    if report.status not in (ReportStatus.DUE, ReportStatus.RETURNED):
        raise ExchangeError(_("This report is already filed."))
    if language not in REPORT_LANGUAGES:
        raise ExchangeError(_("A report is written in English or Chinese."))
    pair = report.pair
    try:
        document = upload_document(
            data=data,
            filename=filename,
            title=f"{report.title}: {pair.organisation_a.name} – {pair.organisation_b.name}",
            organisations=[pair.organisation_a, pair.organisation_b],
            topics=list(pair.topics.all()),
            kind=DocumentKind.REPORT,
            language=language,
            published=timezone.localdate(),
            programme=pair.cohort.programme,
            cohort=pair.cohort,
            is_published=False,
        )
    except UploadRefused as error:
        raise ExchangeError(str(error)) from None
    cite(document, method=SourceMethod.PERSON, note=FILED_NOTE, entered_by=actor)
    report.document = document
    report.status = ReportStatus.SUBMITTED
    report.filed_by = actor
    report.filed_at = timezone.now()
    report.sequence += 1
    report.save()
    log(
        pair=pair,
        actor=actor,
        verb=ExchangeVerb.FILED,
        subject=report,
        changes={
            "document": document.pk,
            "filename": filename,
            "late": report.due_on < timezone.localdate(),
        },
    )
    return report


@transaction.atomic
def link_report_document(*, report: PairReport, document: Document, actor: Any) -> PairReport:
    """A coordinator files a document already in the library (e.g. an ingested page) as the pair's report."""
    report = _locked(report)
    require(actor, "review_report", report)
    if report.status not in (ReportStatus.DUE, ReportStatus.RETURNED):
        raise ExchangeError(_("This report is already filed."))
    report.document = document
    report.status = ReportStatus.SUBMITTED
    report.filed_by = actor
    report.filed_at = timezone.now()
    report.sequence += 1
    report.save()
    log(
        pair=report.pair,
        actor=actor,
        verb=ExchangeVerb.FILED,
        subject=report,
        changes={"document": document.pk, "linked": True},
    )
    return report


@transaction.atomic
def accept_report(
    *, report: PairReport, actor: Any, note: str = "", site_url: str = ""
) -> PairReport:
    """Accept a filed report: it is published in the library, linked from the pair, and its completed placements count as reported."""
    report = _locked(report)
    require(actor, "review_report", report)
    if report.status != ReportStatus.SUBMITTED or report.document is None:
        raise ExchangeError(_("Only a filed report can be accepted."))
    report.status = ReportStatus.ACCEPTED
    report.reviewed_by, report.reviewed_at, report.review_note = actor, timezone.now(), note.strip()
    report.sequence += 1
    report.save()
    document = report.document
    document.is_published = True
    document.save(update_fields=["is_published", "updated_at"])
    pair = report.pair
    if site_url:
        pair.report_url = site_url.rstrip("/") + document.get_absolute_url()
        pair.save(update_fields=["report_url"])
    reported = []
    for placement in Placement.objects.select_for_update().filter(
        pair=pair, status=PlacementStatus.COMPLETED
    ):
        placement.status = PlacementStatus.REPORTED
        placement.sequence += 1
        placement.save(update_fields=["status", "sequence", "updated_at"])
        reported.append(placement.pk)
    log(
        pair=pair,
        actor=actor,
        verb=ExchangeVerb.ACCEPTED,
        subject=report,
        changes={"document": document.pk, "placements_reported": reported},
    )
    return report


@transaction.atomic
def return_report(*, report: PairReport, note: str, actor: Any) -> PairReport:
    """Send a filed report back to the pair with what to change; it stays out of the public library."""
    report = _locked(report)
    require(actor, "review_report", report)
    if report.status != ReportStatus.SUBMITTED:
        raise ExchangeError(_("Only a filed report can be returned."))
    if not note.strip():
        raise ExchangeError(_("Say what the pair should change."))
    report.status = ReportStatus.RETURNED
    report.reviewed_by, report.reviewed_at, report.review_note = actor, timezone.now(), note.strip()
    report.sequence += 1
    report.save()
    log(
        pair=report.pair,
        actor=actor,
        verb=ExchangeVerb.RETURNED,
        subject=report,
        changes={"note": report.review_note},
    )
    return report
