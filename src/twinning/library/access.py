"""Permission-checked reads of the library."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from twinning.directory.access import is_coordinator, visible_organisations
from twinning.directory.models import Person, Position
from twinning.library.enums import SearchKind
from twinning.library.models import Document
from twinning.library.search.engine import SearchHit, SearchResults, find, more_like_this
from twinning.library.search.retrieval import SearchFilters
from twinning.programmes.access import visible_pairs
from twinning.programmes.models import Activity, Event, Visit


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


def _visible_records(user: Any) -> dict[str, QuerySet[Any]]:
    """Per searchable kind, the records `user` may see (the same rules as their pages)."""
    public_roles = Position.objects.filter(is_public=True, organisation__is_published=True)
    return {
        SearchKind.ORGANISATION: visible_organisations(user),
        SearchKind.DOCUMENT: visible_documents(user),
        SearchKind.PAIR: visible_pairs(user),
        SearchKind.VISIT: Visit.objects.filter(host__is_published=True),
        SearchKind.PERSON: Person.objects.filter(positions__in=public_roles),
        SearchKind.EVENT: Event.objects.all(),
        SearchKind.ACTIVITY: Activity.objects.all(),
    }


def visible_keys(user: Any, keys: list[tuple[str, int]]) -> set[tuple[str, int]]:
    """Of these (kind, id) search keys, those `user` may still see (unpublished since indexing drop out)."""
    if is_coordinator(user):
        return set(keys)
    visible = _visible_records(user)
    allowed: set[tuple[str, int]] = set()
    for kind, records in visible.items():
        ids = [object_id for key_kind, object_id in keys if key_kind == kind]
        if ids:
            found = records.filter(pk__in=ids).values_list("pk", flat=True).distinct()
            allowed.update((kind, object_id) for object_id in found)
    return allowed


def still_visible(user: Any, hits: list[SearchHit]) -> list[SearchHit]:
    """Drop hits whose record `user` may no longer see (unpublished since it was indexed)."""
    allowed = visible_keys(user, [(hit.type, hit.object_id) for hit in hits])
    return [hit for hit in hits if (hit.type, hit.object_id) in allowed]


def find_in_library(
    user: Any, query: str, filters: SearchFilters | None = None, *, limit: int = 20
) -> SearchResults:
    """Hybrid search as `user` may see it, with counts by kind for the facets."""
    filters = replace(filters or SearchFilters(), public_only=not is_coordinator(user))
    return find(query, filters, limit=limit, allowed=lambda keys: visible_keys(user, keys))


def search_library(
    user: Any, query: str, filters: SearchFilters | None = None, *, limit: int = 20
) -> list[SearchHit]:
    """Hybrid search as `user` may see it: visitors find published records only."""
    return find_in_library(user, query, filters, limit=limit).hits


def similar_records(user: Any, kind: str, object_id: int, *, limit: int = 5) -> list[SearchHit]:
    """ "More like this" for a record the caller has already been allowed to see."""
    found = more_like_this(kind, object_id, public_only=not is_coordinator(user), limit=limit)
    return still_visible(user, found)
