"""API endpoints of the library: documents, hybrid search and "more like this"."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from twinning.api.bounds import BoundedPagination, SearchLimit, Year
from twinning.api.schemas import CountryInput
from twinning.directory.access import visible_organisations
from twinning.library.access import (
    access_document,
    find_in_library,
    similar_records,
    visible_documents,
)
from twinning.library.enums import SearchKind
from twinning.library.models import Document
from twinning.library.search.engine import SearchHit
from twinning.library.search.retrieval import SearchFilters

router = Router(tags=["library"])


class SearchQuery(Schema):
    q: str
    type: str = ""
    topic: str = ""
    country: CountryInput = ""
    programme: str = ""
    year: Year | None = None
    language: str = ""
    limit: SearchLimit = 10


class SearchResultOut(Schema):
    type: str
    id: str
    title: str
    source: str | None
    score: float
    snippet: str
    snippet_html: str
    url: str


class SearchOut(Schema):
    results: list[SearchResultOut]
    kinds: dict[str, int] = Field(
        default_factory=dict, description="How many records of each type were found (facets)."
    )


class DocumentSummaryOut(Schema):
    slug: str
    title: str
    kind: str
    language: str
    published: datetime.date | None
    source: str
    url: str
    topics: list[str]

    @staticmethod
    def resolve_url(document: Document) -> str:
        return document.get_absolute_url()

    @staticmethod
    def resolve_topics(document: Document) -> list[str]:
        return [topic.slug for topic in document.topics.all()]


class DocumentOut(DocumentSummaryOut):
    summary: str
    text: str
    programme: str | None
    organisations: list[str]

    @staticmethod
    def resolve_programme(document: Document) -> str | None:
        return document.programme.slug if document.programme is not None else None

    @staticmethod
    def resolve_organisations(document: Document) -> list[str]:
        return [organisation.slug for organisation in document.organisations.all()]


def _results(hits: list[SearchHit], kinds: dict[str, int] | None = None) -> dict[str, Any]:
    return {
        "results": [
            {**hit.as_json(), "snippet_html": str(hit.snippet_html), "url": hit.url} for hit in hits
        ],
        "kinds": kinds or {},
    }


@router.get("/search", response=SearchOut)
def search(request: HttpRequest, query: Query[SearchQuery]) -> dict[str, Any]:
    """Documents, organisations, pairs, events, visits, activities and people for a query in
    English, Chinese or both, best first (the same ranking as the search page), with counts by type."""
    filters = SearchFilters.from_query(query.dict())
    found = find_in_library(
        request.user, query.q[:300], filters, limit=max(1, min(query.limit, 100))
    )
    return _results(found.hits, found.kinds)


@router.get("/documents", response=list[DocumentSummaryOut])
@paginate(BoundedPagination)
def list_documents(
    request: HttpRequest,
    type: str = "",
    language: str = "",
    year: int | None = Query(None, ge=1, le=9999),  # noqa: B008 - ninja reads the bounds
    topic: str = "",
) -> QuerySet[Document]:
    documents = (
        visible_documents(request.user).prefetch_related("topics").order_by("-published", "title")
    )
    if type:
        documents = documents.filter(kind=type)
    if language:
        documents = documents.filter(language=language)
    if year:
        documents = documents.filter(published__year=year)
    if topic:
        documents = documents.filter(topics__slug=topic).distinct()
    return documents


@router.get("/documents/{slug}", response=DocumentOut)
def get_document(request: HttpRequest, slug: str) -> Document:
    document = access_document(request.user, slug)
    # The organisations a reader may see, so an unpublished one's slug does not leak.
    prefetch_related_objects(
        [document], Prefetch("organisations", queryset=visible_organisations(request.user))
    )
    return document


@router.get("/documents/{slug}/similar", response=SearchOut)
def similar_documents(
    request: HttpRequest,
    slug: str,
    limit: int = Query(5, ge=1, le=100),  # noqa: B008
) -> dict[str, list[dict[str, Any]]]:
    """Records closest in meaning to this document."""
    document = access_document(request.user, slug)
    return _results(
        similar_records(
            request.user, SearchKind.DOCUMENT, document.pk, limit=max(1, min(limit, 50))
        )
    )
