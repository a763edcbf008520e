"""State changes of ingest: store a document, queue its candidates, review them.

`accepting.py` turns an accepted candidate into records; these functions are the entry points.

Every function is atomic: a bad file or a refused review leaves the database as it was.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.audit.log import created, record
from twinning.common.text import unique_slug
from twinning.directory.actions import (
    DirectoryError,
)
from twinning.directory.models import Organisation
from twinning.extract import ExtractError, extract_document, read_document
from twinning.extract.readers import SHEET_TYPES, check_sheet_size
from twinning.extract.records import ExtractionResult, Partnership
from twinning.ingest.accepting import ACCEPT_BY_KIND, accept_organisation, fill_gaps
from twinning.ingest.enums import CandidateKind, CandidateStatus
from twinning.ingest.errors import IngestError
from twinning.ingest.models import Candidate
from twinning.ingest.resolution import OrganisationIndex
from twinning.library.enums import DocumentKind
from twinning.library.models import Document
from twinning.programmes.actions import (
    ProgrammeError,
)
from twinning.programmes.models import Programme


@dataclass(frozen=True)
class StoredDocument:
    document: Document
    changed: bool  # False when the same content was ingested before: nothing to do


def _language_of(text: str) -> str:
    sample = text[:4000]
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    return "zh-hans" if sample and cjk / max(len(sample.replace(" ", "")), 1) > 0.2 else "en"


def _title_of(text: str, filename: str) -> str:
    """The first short line, else the start of the first line cut at a word, else the file name."""
    lines = [line.strip(" •*-#\t") for line in text.splitlines() if line.strip(" •*-#\t")]
    for line in lines[:5]:
        if 3 <= len(line) <= 200:
            return line
    if lines:
        return lines[0][:120].rsplit(" ", 1)[0] + "…"
    return filename


def _document_text(read: Any) -> str:
    table_lines = ["\t".join(cell for cell in row) for table in read.tables for row in table]
    return "\n".join(part for part in (read.text, "\n".join(table_lines)) if part.strip())


def store_document(
    *,
    data: bytes,
    filename: str,
    source: str = "",
    programme: Programme | None = None,
    max_bytes: int | None = None,
) -> StoredDocument:
    """Keep a document and its text; the same content again changes nothing, a new version updates it.

    The same content stored before but never extracted (its job was lost) counts as changed.
    Reading happens before the transaction, so a slow file never holds the database; a
    spreadsheet is only checked for size here (a bomb is refused) and parsed by the job.
    """
    limit = max_bytes or settings.TWINNING_MAX_UPLOAD_BYTES
    if len(data) > limit:
        raise IngestError(
            f"{filename}: the file is larger than the {limit // (1024 * 1024)} MB limit."
        )
    try:
        sheet = check_sheet_size(data, filename)
        if sheet is None:
            read = read_document(data, filename, max_bytes=limit)
            text, content_type = _document_text(read), read.content_type
        else:
            text, content_type = "", sheet
    except ExtractError as error:
        raise IngestError(str(error)) from None
    with transaction.atomic():
        return _keep_document(text, content_type, data, filename, source or filename, programme)


def _keep_document(
    text: str,
    content_type: str,
    data: bytes,
    filename: str,
    source: str,
    programme: Programme | None,
) -> StoredDocument:
    digest = hashlib.sha256(data).hexdigest()
    existing = (
        Document.objects.filter(source=source).first()
        or Document.objects.filter(content_hash=digest).first()
    )
    if existing is not None and existing.content_hash == digest:
        return StoredDocument(existing, changed=existing.extracted_at is None)
    kind = DocumentKind.SHEET if content_type in SHEET_TYPES else DocumentKind.PAGE
    if existing is None:
        document = Document(
            title=_title_of(text, filename)[:400],
            slug="",
            source=source,
            programme=programme,
            kind=kind,
        )
        document.slug = unique_slug(Document, document.title)
    else:
        document = existing
    document.text = text
    document.content_hash = digest
    document.language = _language_of(text)
    document.file.save(
        filename.replace("\\", "/").rsplit("/", 1)[-1][:100] or "document",
        ContentFile(data),
        save=False,
    )
    try:
        document.save()
    except Exception:
        # The row was not written, so the file must not stay behind either.
        if document.file.name:
            document.file.storage.delete(document.file.name)
        raise
    changes = (
        created(document) if existing is None else {"content_hash": [None, document.content_hash]}
    )
    changes.pop("text", None)  # the whole text is in the document; the log keeps the facts
    record(actor=None, verb="stored", record=document, changes=changes)
    return StoredDocument(document, changed=True)


def fingerprint(kind: str, data: dict[str, Any]) -> str:
    return hashlib.sha256(
        f"{kind}:{json.dumps(data, sort_keys=True, ensure_ascii=False)}".encode()
    ).hexdigest()


def extract(document: Document) -> ExtractionResult:
    """Run extraction on the stored file of `document` (its text when no file is kept).

    A spreadsheet stored unparsed gets its text here, in the worker."""
    if document.file:
        stored_name = document.file.name or ""
        with document.file.open("rb") as handle:
            data = handle.read()
        try:
            read = read_document(data, stored_name)
        except ExtractError as error:  # named as the coordinator gave it, not as it is stored
            raise ExtractError(str(error).replace(stored_name, document.source, 1)) from None
        read.source = document.source
        if not document.text:
            document.text = _document_text(read)
            document.language = _language_of(document.text)
            document.save(update_fields=["text", "language"])  # the search index follows
    else:
        read = read_document(document.text.encode("utf-8"), document.source or "document.txt")
    return extract_document(read)


def _partnership_data(partnership: Partnership) -> dict[str, Any]:
    """The §2 fields, and for a visit its date and people, which the review keeps."""
    data = partnership.to_json()
    if partnership.kind == "visit":
        data["date"] = partnership.date
        data["participants"] = [dict(person) for person in partnership.participants]
        data["topics"] = data["topics"] or list(partnership.discussed)
    return data


@transaction.atomic
def queue_candidates(
    *, document: Document, result: ExtractionResult, index: OrganisationIndex | None = None
) -> int:
    """Put what was extracted in the review queue; only records not seen before in this document are added."""
    index = index or OrganisationIndex.build()
    records: list[tuple[str, dict[str, Any], str]] = []
    records += [
        (
            CandidateKind.ORGANISATION,
            {**o.to_json(), "description": o.description},
            o.evidence or "",
        )
        for o in result.organisations
    ]
    records += [
        (CandidateKind.PARTNERSHIP, _partnership_data(p), p.evidence or "")
        for p in result.partnerships
    ]
    records += [
        (CandidateKind.EVENT, {**e.to_json(), "topics": list(e.topics)}, e.evidence or "")
        for e in [*result.events, *result.activities]
    ]
    records += [(CandidateKind.PERSON, p.to_json(), p.evidence or "") for p in result.people]
    current = {fingerprint(kind, data) for kind, data, _ in records}
    # A new version of the document withdraws the pending candidates it no longer states.
    document.candidates.filter(status=CandidateStatus.PENDING).exclude(
        fingerprint__in=current
    ).delete()
    known = set(document.candidates.values_list("fingerprint", flat=True))
    created = 0
    for kind, data, evidence in records:
        print_key = fingerprint(kind, data)
        if print_key in known:
            continue
        known.add(print_key)
        candidate = Candidate(
            document=document, kind=kind, data=data, evidence=evidence[:5000], fingerprint=print_key
        )
        if kind == CandidateKind.ORGANISATION:
            match = index.resolve(data["name"], data.get("acronym"), data.get("country"))
            if match is not None:
                candidate.match_id, candidate.match_score, candidate.match_reason = (
                    match.organisation_id,
                    match.score,
                    match.reason,
                )
        candidate.save()
        created += 1
    Document.objects.filter(pk=document.pk).update(extracted_at=timezone.now())
    return created


def extract_and_queue(document: Document, index: OrganisationIndex | None = None) -> int:
    """Extract a stored document and queue what it states: the one step after storing.

    The web upload's task, the `ingest` command and re-extraction all go through here.
    """
    return queue_candidates(document=document, result=extract(document), index=index)


@dataclass(frozen=True)
class IngestOutcome:
    document: Document
    changed: bool  # False when the same content was ingested before
    queued: int  # candidates added to the review queue
    accepted: int  # candidates accepted (only with `accept=True`)
    problems: list[str]  # candidates that could not be accepted, one line each


def ingest_file(
    *,
    data: bytes,
    filename: str,
    source: str,
    user: Any,
    programme: Programme | None = None,
    accept: bool = False,
    index: OrganisationIndex | None = None,
) -> IngestOutcome:
    """Store → extract → queue (→ accept) for one file; refused files raise `IngestError`."""
    stored = store_document(data=data, filename=filename, source=source, programme=programme)
    index = index or OrganisationIndex.build()
    queued = extract_and_queue(stored.document, index) if stored.changed else 0
    accepted, problems = 0, list[str]()
    if accept:
        pending = list(stored.document.candidates.filter(status=CandidateStatus.PENDING))
        accepted, problems = review_in_bulk(candidates=pending, decision="accept", user=user)
    return IngestOutcome(stored.document, stored.changed, queued, accepted, problems)


def _mark(
    candidate: Candidate, status: str, user: Any, result: models.Model | None = None, note: str = ""
) -> None:
    before = candidate.status
    candidate.status = status
    candidate.reviewed_by = user
    candidate.reviewed_at = timezone.now()
    candidate.note = note[:300]
    if result is not None:
        candidate.result_type = ContentType.objects.get_for_model(result)
        candidate.result_id = result.pk
    candidate.save()
    changes: dict[str, Any] = {"status": [before, status]}
    if result is not None:
        changes["result"] = [None, str(result)]
    if note:
        changes["note"] = [None, candidate.note]
    record(
        actor=user,
        verb=status,
        record=candidate,
        changes=changes,
        organisation=result if isinstance(result, Organisation) else None,
    )


@transaction.atomic
def accept_candidate(
    *,
    candidate: Candidate,
    user: Any,
    data: dict[str, Any] | None = None,
    index: OrganisationIndex | None = None,
) -> models.Model:
    """Turn a candidate (optionally edited) into directory records, each citing its sentence."""
    candidate = (
        Candidate.objects.select_for_update(of=("self",))
        .select_related("document", "match")
        .get(pk=candidate.pk)
    )
    if not candidate.is_open:
        raise IngestError(_("This candidate has already been reviewed."))
    data = {**candidate.data, **(data or {})}
    if data != candidate.data:
        candidate.data = data
    index = index or OrganisationIndex.build()
    try:
        if candidate.kind == CandidateKind.ORGANISATION:
            result: models.Model = accept_organisation(candidate, data, user, index)
            status = CandidateStatus.MERGED if candidate.match_id else CandidateStatus.ACCEPTED
        else:
            result = ACCEPT_BY_KIND[candidate.kind](candidate, data, user, index)
            status = CandidateStatus.ACCEPTED
    except (DirectoryError, ProgrammeError) as error:
        raise IngestError(str(error)) from error
    except Exception as error:
        from django.core.exceptions import ValidationError

        if isinstance(error, ValidationError):
            raise IngestError("; ".join(error.messages)) from error
        raise
    _mark(candidate, status, user, result)
    if isinstance(result, Organisation):
        index.add(
            result.pk,
            result.name,
            result.name_zh,
            result.acronym,
            result.other_names,
            result.country,
        )
    return result


@transaction.atomic
def merge_candidate(*, candidate: Candidate, into: Organisation, user: Any) -> Organisation:
    """Merge an organisation candidate into a record the coordinator chose."""
    candidate = (
        Candidate.objects.select_for_update(of=("self",))
        .select_related("document")
        .get(pk=candidate.pk)
    )
    if not candidate.is_open:
        raise IngestError(_("This candidate has already been reviewed."))
    if candidate.kind != CandidateKind.ORGANISATION:
        raise IngestError(_("Only organisations can be merged into an existing record."))
    organisation = fill_gaps(into, candidate.data, candidate, user)
    _mark(candidate, CandidateStatus.MERGED, user, organisation)
    return organisation


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _combined(target: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
    """Target's fields, its gaps filled from source, lists joined; a second name kept."""
    data = dict(target)
    for key, value in source.items():
        if isinstance(value, list) and isinstance(data.get(key), list):
            data[key] = [*data[key], *(item for item in value if item not in data[key])]
        elif _empty(data.get(key)) and not _empty(value):
            data[key] = value
    name, other = (target.get("name") or "").strip(), (source.get("name") or "").strip()
    if name and other and other != name:
        data["other_names"] = [*(data.get("other_names") or []), other]
        data["other_names"] = list(dict.fromkeys(data["other_names"]))
    return data


@transaction.atomic
def merge_into_candidate(*, candidate: Candidate, target: Candidate, user: Any) -> Candidate:
    """Fold a waiting candidate into another waiting one of the same kind (two finds of one thing).

    The target keeps its fields and gains what it lacked; the merged one points to it.
    """
    rows = {
        row.pk: row
        for row in Candidate.objects.select_for_update(of=("self",)).filter(
            pk__in=[candidate.pk, target.pk]
        )
    }
    candidate, target = rows[candidate.pk], rows[target.pk]
    if candidate.pk == target.pk:
        raise IngestError(_("A candidate cannot be merged into itself."))
    if not (candidate.is_open and target.is_open):
        raise IngestError(_("Both candidates must still be waiting for review."))
    if candidate.kind != target.kind:
        raise IngestError(_("Only candidates of the same kind can be merged."))
    target.data = _combined(target.data, candidate.data)
    if candidate.evidence and candidate.evidence not in target.evidence:
        target.evidence = f"{target.evidence}\n{candidate.evidence}".strip()[:5000]
    target.save(update_fields=["data", "evidence"])
    _mark(
        candidate,
        CandidateStatus.MERGED,
        user,
        target,
        note=_("Merged into candidate %(id)d.") % {"id": target.pk},
    )
    return target


@transaction.atomic
def reject_candidate(*, candidate: Candidate, user: Any, note: str = "") -> Candidate:
    candidate = Candidate.objects.select_for_update(of=("self",)).get(pk=candidate.pk)
    if not candidate.is_open:
        raise IngestError(_("This candidate has already been reviewed."))
    _mark(candidate, CandidateStatus.REJECTED, user, note=note)
    return candidate


# Partnerships and people refer to organisations, so organisations are reviewed first.
REVIEW_ORDER: list[str] = [
    CandidateKind.ORGANISATION,
    CandidateKind.EVENT,
    CandidateKind.PERSON,
    CandidateKind.PARTNERSHIP,
]


def review_in_bulk(
    *, candidates: list[Candidate], decision: str, user: Any
) -> tuple[int, list[str]]:
    """Accept or reject many; each candidate is its own transaction, failures are reported by name."""
    done, errors = 0, []
    index = OrganisationIndex.build() if decision == "accept" else None
    for candidate in sorted(candidates, key=lambda c: (REVIEW_ORDER.index(c.kind), c.pk)):
        try:
            if decision == "accept":
                accept_candidate(candidate=candidate, user=user, index=index)
            else:
                reject_candidate(candidate=candidate, user=user)
            done += 1
        except IngestError as error:
            errors.append(f"{candidate.title}: {error}")
    return done, errors
