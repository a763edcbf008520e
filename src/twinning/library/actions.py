"""State changes of the library: documents and the sources of facts."""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from twinning.common.text import unique_slug
from twinning.library.enums import SourceMethod
from twinning.library.models import Document, Source


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@transaction.atomic
def add_document(
    *, title: str, text: str = "", source: str = "", actor: Any = None, **fields: Any
) -> Document:
    title = title.strip() or source or "Untitled"
    document = Document(
        title=title[:400],
        slug=unique_slug(Document, title),
        text=text,
        source=source,
        content_hash=content_hash(text),
        **fields,
    )
    document.full_clean(exclude=["file"])
    document.save()
    from twinning.audit.log import created, record

    changes = created(document)
    changes.pop("text", None)  # the text is the document's; the log keeps the facts
    record(actor=actor, verb="created", record=document, changes=changes)
    return document


def cite(
    subject: models.Model,
    *,
    method: str,
    field: str = "",
    document: Document | None = None,
    quote: str = "",
    note: str = "",
    entered_by: Any = None,
) -> Source:
    """Record where a fact about `subject` came from; called inside the action that made the fact."""
    if method == SourceMethod.DOCUMENT and document is None:
        raise ValueError("A fact extracted from a document needs that document.")
    return Source.objects.create(
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        field=field,
        method=method,
        document=document,
        quote=quote,
        note=note,
        entered_by=entered_by,
    )


class UploadRefused(Exception):
    """An upload that cannot become a document; `str(error)` is a message for the coordinator."""


def upload_document(
    *,
    data: bytes,
    filename: str,
    title: str = "",
    organisations: Any = (),
    people: Any = (),
    topics: Any = (),
    **fields: Any,
) -> Document:
    """Store an uploaded report, page or PDF with its text; all or nothing.

    The file is read before the transaction (a slow PDF never holds the database); a
    spreadsheet is refused before it is parsed."""
    from django.conf import settings

    from twinning.extract.readers import ExtractError, read_document, sniff_content_type

    limit = settings.TWINNING_MAX_UPLOAD_BYTES
    if len(data) > limit:
        raise UploadRefused(
            f"{filename}: the file is larger than the {limit // (1024 * 1024)} MB limit."
        )
    if sniff_content_type(data, filename) not in ("text", "html", "pdf"):
        raise UploadRefused(
            f"{filename}: only text, HTML and PDF files can be added to the library."
        )
    try:
        read = read_document(data, filename, max_bytes=limit)
    except ExtractError as error:
        raise UploadRefused(str(error)) from None
    with transaction.atomic():
        return _keep_upload(read, data, filename, title, organisations, people, topics, fields)


def _keep_upload(
    read: Any,
    data: bytes,
    filename: str,
    title: str,
    organisations: Any,
    people: Any,
    topics: Any,
    fields: dict[str, Any],
) -> Document:
    """The writes of `upload_document`, in its transaction."""
    from django.core.files.base import ContentFile

    first_line = next((line.strip() for line in read.text.splitlines() if line.strip()), "")
    document = add_document(
        title=title or first_line[:200] or filename, text=read.text, source=filename, **fields
    )
    document.organisations.set(organisations)
    document.people.set(people)
    document.topics.set(topics)
    document.file.save(
        filename, ContentFile(data), save=True
    )  # last step: nothing after it can fail and orphan the file
    return document


def _shown(value: Any) -> str:
    if value in (None, "", [], ()):
        return "—"
    if isinstance(value, list | tuple | set):
        return ", ".join(str(item) for item in sorted(value, key=str))
    return str(value)


@transaction.atomic
def edit_organisation_profile(
    *, actor: Any, organisation: Any, topics: list[str] | None = None, **fields: Any
) -> list[Source]:
    """A person edits an organisation's profile; each changed field records its source (who,
    and `old → new`). Only the organisation's approved staff and coordinators may."""
    from django.core.exceptions import PermissionDenied

    from twinning.directory.access import speaks_for
    from twinning.directory.actions import update_organisation
    from twinning.directory.models import Organisation

    if not speaks_for(actor, organisation):
        raise PermissionDenied("Only the organisation's approved staff edit its profile.")
    current = Organisation.objects.select_for_update().get(pk=organisation.pk)
    before = {name: getattr(current, name) for name in fields}
    before_topics = sorted(current.topics.values_list("slug", flat=True))
    update_organisation(organisation=current, topics=topics, actor=actor, **fields)
    changes = [(name, before[name], getattr(current, name)) for name in fields]
    if topics is not None:
        changes.append(("topics", before_topics, sorted(topics)))
    return [
        cite(
            current,
            method=SourceMethod.PERSON,
            field=name,
            note=f"{_shown(old)} → {_shown(new)}"[:300],
            entered_by=actor,
        )
        for name, old, new in changes
        if old != new
    ]
