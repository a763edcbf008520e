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
def add_document(*, title: str, text: str = "", source: str = "", **fields: Any) -> Document:
    title = title.strip() or source or "Untitled"
    document = Document(title=title[:400], slug=unique_slug(Document, title), text=text, source=source, content_hash=content_hash(text), **fields)
    document.full_clean(exclude=["file"])
    document.save()
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
