"""Permission-checked reads of the library."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from twinning.directory.access import is_coordinator
from twinning.library.models import Document


def visible_documents(user: Any) -> QuerySet[Document]:
    documents = Document.objects.all()
    if not is_coordinator(user):
        documents = documents.filter(is_published=True)
    return documents


def access_document(user: Any, slug: str) -> Document:
    try:
        return visible_documents(user).get(slug=slug)
    except Document.DoesNotExist:
        raise Http404("No such document.") from None
