"""State changes of ingest: store a document, queue its candidates, review them.

Every function is atomic: a bad file or a refused review leaves the database as it was.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning import topics as vocabulary
from twinning.common.text import unique_slug
from twinning.directory.actions import (
    DirectoryError,
    affiliate,
    appoint,
    create_organisation,
    create_person,
)
from twinning.directory.enums import AffiliationKind, OrganisationType
from twinning.directory.models import Organisation, Person, Topic
from twinning.extract import ExtractError, extract_document, read_document
from twinning.extract.records import ExtractionResult
from twinning.ingest.enums import CandidateKind, CandidateStatus
from twinning.ingest.models import Candidate
from twinning.ingest.resolution import OrganisationIndex
from twinning.library.actions import cite
from twinning.library.enums import DocumentKind, SourceMethod
from twinning.library.models import Document
from twinning.programmes.actions import (
    ProgrammeError,
    create_programme,
    form_pair,
    open_cohort,
    record_event,
    record_visit,
)
from twinning.programmes.models import Programme, date_from_parts

IMPORTED_PROGRAMME_SLUG = "imported-twinning-pairs"
EXTRACTED_TYPES = {
    "ngo": OrganisationType.NGO,
    "society": OrganisationType.SOCIETY,
    "association": OrganisationType.ASSOCIATION,
    "foundation": OrganisationType.FOUNDATION,
    "network": OrganisationType.NETWORK,
    "youth organisation": OrganisationType.YOUTH,
    "research centre": OrganisationType.RESEARCH,
    "municipality": OrganisationType.MUNICIPALITY,
    "project": OrganisationType.PROJECT,
    "company": OrganisationType.COMPANY,
    "government": OrganisationType.GOVERNMENT,
    "university": OrganisationType.UNIVERSITY,
}


class IngestError(ValueError):
    """A document or a review that cannot be carried out; the message is for the user."""


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
    Reading happens before the transaction, so a slow file never holds the database.
    """
    limit = max_bytes or settings.TWINNING_MAX_UPLOAD_BYTES
    if len(data) > limit:
        raise IngestError(
            f"{filename}: the file is larger than the {limit // (1024 * 1024)} MB limit."
        )
    try:
        read = read_document(data, filename, max_bytes=limit)
    except ExtractError as error:
        raise IngestError(str(error)) from None
    with transaction.atomic():
        return _keep_document(read, data, filename, source or filename, programme)


def _keep_document(
    read: Any, data: bytes, filename: str, source: str, programme: Programme | None
) -> StoredDocument:
    text = _document_text(read)
    digest = hashlib.sha256(data).hexdigest()
    existing = (
        Document.objects.filter(source=source).first()
        or Document.objects.filter(content_hash=digest).first()
    )
    if existing is not None and existing.content_hash == digest:
        return StoredDocument(existing, changed=existing.extracted_at is None)
    kind = DocumentKind.SHEET if read.content_type in ("csv", "tsv", "xlsx") else DocumentKind.PAGE
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
    return StoredDocument(document, changed=True)


def fingerprint(kind: str, data: dict[str, Any]) -> str:
    return hashlib.sha256(
        f"{kind}:{json.dumps(data, sort_keys=True, ensure_ascii=False)}".encode()
    ).hexdigest()


def extract(document: Document) -> ExtractionResult:
    """Run extraction on the stored file of `document` (its text when no file is kept)."""
    if document.file:
        with document.file.open("rb") as handle:
            read = read_document(handle.read(), document.file.name)
        read.source = document.source
    else:
        read = read_document(document.text.encode("utf-8"), document.source or "document.txt")
    return extract_document(read)


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
        (CandidateKind.PARTNERSHIP, p.to_json(), p.evidence or "") for p in result.partnerships
    ]
    records += [(CandidateKind.EVENT, e.to_json(), e.evidence or "") for e in result.events]
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


def _mark(
    candidate: Candidate, status: str, user: Any, result: models.Model | None = None, note: str = ""
) -> None:
    candidate.status = status
    candidate.reviewed_by = user
    candidate.reviewed_at = timezone.now()
    candidate.note = note[:300]
    if result is not None:
        candidate.result_type = ContentType.objects.get_for_model(result)
        candidate.result_id = result.pk
    candidate.save()


def _cite(subject: models.Model, candidate: Candidate, user: Any, field: str = "") -> None:
    cite(
        subject,
        method=SourceMethod.DOCUMENT,
        field=field,
        document=candidate.document,
        quote=candidate.evidence,
        entered_by=user,
    )


def _resolve_name(name: str, index: OrganisationIndex) -> Organisation | None:
    match = index.resolve(name)
    return Organisation.objects.filter(pk=match.organisation_id).first() if match else None


def _organisation_fields(data: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "acronym": (data.get("acronym") or "")[:40],
        "country": (data.get("country") or "").upper(),
        "city": (data.get("city") or "")[:120],
        "founded": data.get("founded"),
        "type": EXTRACTED_TYPES.get((data.get("type") or "").lower(), OrganisationType.OTHER),
        "description": data.get("description") or "",
    }
    return fields


def _topic_slugs(labels: list[str]) -> list[str]:
    slugs = [vocabulary.normalise_topic(label) or "" for label in labels]
    return [slug for slug in dict.fromkeys(slugs) if slug]


def _fill_gaps(
    organisation: Organisation, data: dict[str, Any], candidate: Candidate, user: Any
) -> Organisation:
    """Merge extracted facts into an existing record: empty fields get filled, nothing is overwritten."""
    fields = _organisation_fields(data)
    changed = []
    for key, value in fields.items():
        if key == "type" and value == OrganisationType.OTHER:
            continue
        if value and not getattr(organisation, key):
            setattr(organisation, key, value)
            changed.append(key)
    name = (data.get("name") or "").strip()
    if name and name not in organisation.all_names:
        organisation.other_names = [*organisation.other_names, name]
        changed.append("other_names")
    organisation.full_clean()
    organisation.save()
    known_topics = set(organisation.topics.values_list("slug", flat=True))
    new_topics = [t for t in _topic_slugs(data.get("topics") or []) if t not in known_topics]
    if new_topics:
        organisation.topics.add(*Topic.objects.filter(slug__in=new_topics))
        changed.append("topics")
    for field_name in changed:
        _cite(organisation, candidate, user, field_name)
    return organisation


def _accept_organisation(
    candidate: Candidate, data: dict[str, Any], user: Any, index: OrganisationIndex
) -> Organisation:
    if candidate.match is None:
        # The directory may have grown since the candidate was queued (another document accepted).
        found = index.resolve(data["name"], data.get("acronym"), data.get("country"))
        if found is not None:
            candidate.match_id, candidate.match_score, candidate.match_reason = (
                found.organisation_id,
                found.score,
                found.reason,
            )
    if candidate.match_id is not None:
        return _fill_gaps(Organisation.objects.get(pk=candidate.match_id), data, candidate, user)
    organisation = create_organisation(
        name=data["name"],
        topics=_topic_slugs(data.get("topics") or []),
        **_organisation_fields(data),
    )
    _cite(organisation, candidate, user)
    return organisation


def _parse_start(start: str | None) -> tuple[datetime.date | None, str]:
    if not start:
        return None, "day"
    parts = [int(p) for p in start.split("-")]
    return date_from_parts(*parts)


def _accept_event(
    candidate: Candidate, data: dict[str, Any], user: Any, index: OrganisationIndex
) -> models.Model:
    start, precision = _parse_start(data.get("start"))
    organisers = [
        org for org in (_resolve_name(name, index) for name in data.get("organisers") or []) if org
    ]
    event = record_event(
        name=data["name"][:300],
        start=start,
        start_precision=precision,
        place=(data.get("place") or "")[:200],
        organisers=organisers,
    )
    _cite(event, candidate, user)
    return event


def _accept_person(
    candidate: Candidate, data: dict[str, Any], user: Any, index: OrganisationIndex
) -> models.Model:
    person = Person.objects.filter(name=data["name"]).first() or create_person(name=data["name"])
    _cite(person, candidate, user)
    organisation = _resolve_name(data["organisation"], index) if data.get("organisation") else None
    if organisation is not None:
        position = appoint(
            person=person, organisation=organisation, title=(data.get("role") or "")[:200]
        )
        _cite(position, candidate, user)
    return person


def _imported_programme(document: Document) -> Programme:
    if document.programme is not None:
        return document.programme
    existing = Programme.objects.filter(slug=IMPORTED_PROGRAMME_SLUG).first()
    return existing or create_programme(name="Imported twinning pairs", acronym="", kind="twinning")


def _accept_partnership(
    candidate: Candidate, data: dict[str, Any], user: Any, index: OrganisationIndex
) -> models.Model:
    first, second = _resolve_name(data["a"], index), _resolve_name(data["b"], index)
    if first is None or second is None:
        missing = [name for name, org in ((data["a"], first), (data["b"], second)) if org is None]
        raise IngestError(
            _("Accept or merge these organisations first: %(names)s.")
            % {"names": ", ".join(missing)}
        )
    kind = data.get("kind")
    year = data.get("year") or (
        candidate.document.published.year if candidate.document.published else timezone.now().year
    )
    if kind == "twinning":
        cohort = open_cohort(programme=_imported_programme(candidate.document), year=year)
        result: models.Model = form_pair(
            cohort=cohort,
            organisation_a=first,
            organisation_b=second,
            topics=_topic_slugs(data.get("topics") or []),
        )
    elif kind == "visit":
        result = record_visit(
            date=datetime.date(year, 1, 1),
            host=second,
            visitors=[first],
            topics=_topic_slugs(data.get("topics") or []),
        )
    else:
        affiliation_kind = (
            AffiliationKind.MEMBERSHIP if kind == "membership" else AffiliationKind.PARTNER
        )
        result = affiliate(
            kind=affiliation_kind, organisation=first, other=second, start_year=data.get("year")
        )
    _cite(result, candidate, user)
    return result


_ACCEPT_BY_KIND: dict[
    str, Callable[[Candidate, dict[str, Any], Any, OrganisationIndex], models.Model]
] = {
    CandidateKind.EVENT: _accept_event,
    CandidateKind.PERSON: _accept_person,
    CandidateKind.PARTNERSHIP: _accept_partnership,
}


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
            result: models.Model = _accept_organisation(candidate, data, user, index)
            status = CandidateStatus.MERGED if candidate.match_id else CandidateStatus.ACCEPTED
        else:
            result = _ACCEPT_BY_KIND[candidate.kind](candidate, data, user, index)
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
    organisation = _fill_gaps(into, candidate.data, candidate, user)
    _mark(candidate, CandidateStatus.MERGED, user, organisation)
    return organisation


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
