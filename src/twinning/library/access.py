"""Permission-checked reads of the library."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from twinning.directory.access import is_coordinator, visible_organisations
from twinning.library.models import Document
from twinning.library.search.engine import SearchHit, more_like_this, search
from twinning.library.search.retrieval import SearchFilters
from twinning.programmes.access import visible_pairs


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


def still_visible(user: Any, hits: list[SearchHit]) -> list[SearchHit]:
    """Drop hits whose record `user` may no longer see (unpublished since it was indexed)."""
    if is_coordinator(user):
        return hits
    visible: dict[str, QuerySet[Any]] = {
        "organisation": visible_organisations(user),
        "document": visible_documents(user),
        "pair": visible_pairs(user),
    }
    allowed: dict[str, set[int]] = {}
    for kind, records in visible.items():
        ids = [hit.object_id for hit in hits if hit.type == kind]
        if ids:
            allowed[kind] = set(records.filter(pk__in=ids).values_list("pk", flat=True))
    return [hit for hit in hits if hit.type not in allowed or hit.object_id in allowed[hit.type]]


def search_library(
    user: Any, query: str, filters: SearchFilters | None = None, *, limit: int = 20
) -> list[SearchHit]:
    """Hybrid search as `user` may see it: visitors find published records only."""
    filters = replace(filters or SearchFilters(), public_only=not is_coordinator(user))
    return still_visible(user, search(query, filters, limit=limit))


def similar_records(user: Any, kind: str, object_id: int, *, limit: int = 5) -> list[SearchHit]:
    """ "More like this" for a record the caller has already been allowed to see."""
    found = more_like_this(kind, object_id, public_only=not is_coordinator(user), limit=limit)
    return still_visible(user, found)
