"""Public pages of the library: the list of documents and a document's page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from twinning.common.views import paginate, query_without_page
from twinning.directory.access import visible_organisations
from twinning.library.access import access_document, visible_documents
from twinning.library.enums import DocumentKind


def document_list(request: HttpRequest) -> HttpResponse:
    documents = visible_documents(request.user).prefetch_related("topics").order_by("-published", "title")
    kind = request.GET.get("type", "")
    if kind in DocumentKind.values:
        documents = documents.filter(kind=kind)
    page = paginate(request, documents, per_page=30)
    return render(request, "library/list.html", {"page": page, "query": query_without_page(request), "kinds": DocumentKind.choices, "kind": kind})


def document_detail(request: HttpRequest, slug: str) -> HttpResponse:
    document = access_document(request.user, slug)
    organisations = visible_organisations(request.user).filter(documents=document)
    context = {"document": document, "organisations": organisations, "topics": document.topics.all()}
    return render(request, "library/detail.html", context)
