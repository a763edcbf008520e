"""Public pages of the library: documents, the search page and "more like this"; the coordinator's upload."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from twinning.common.cache import public_page
from twinning.common.http import HtmxHttpRequest
from twinning.common.views import paginate, query_without_page
from twinning.directory.access import access_organisation, is_coordinator, visible_organisations
from twinning.directory.models import Organisation, Topic
from twinning.library.access import (
    access_document,
    find_in_library,
    similar_records,
    visible_documents,
)
from twinning.library.actions import UploadRefused, upload_document
from twinning.library.enums import DocumentKind, SearchKind
from twinning.library.forms import DocumentUploadForm
from twinning.library.models import Document
from twinning.library.search.retrieval import SearchFilters
from twinning.programmes.models import Programme


@public_page
def document_list(request: HttpRequest) -> HttpResponse:
    documents = (
        visible_documents(request.user).prefetch_related("topics").order_by("-published", "title")
    )
    kind = request.GET.get("type", "")
    if kind in DocumentKind.values:
        documents = documents.filter(kind=kind)
    page = paginate(request, documents, per_page=30)
    context = {
        "page": page,
        "query": query_without_page(request),
        "kinds": DocumentKind.choices,
        "kind": kind,
        "can_upload": is_coordinator(request.user),
    }
    return render(request, "library/list.html", context)


@public_page
def document_detail(request: HttpRequest, slug: str) -> HttpResponse:
    document = access_document(request.user, slug)
    organisations = visible_organisations(request.user).filter(documents=document)
    context = {
        "document": document,
        "organisations": organisations,
        "topics": document.topics.all(),
    }
    return render(request, "library/detail.html", context)


def _kind_facets(kinds: dict[str, int], query: Any) -> list[dict[str, Any]]:
    """One link per kind found, with its count, keeping the other filters."""
    facets = []
    for code, label in SearchKind.choices:
        if kinds.get(code):
            parameters = query.copy()
            parameters["type"] = code
            facets.append(
                {
                    "code": code,
                    "label": label,
                    "count": kinds[code],
                    "query": parameters.urlencode(),
                }
            )
    return facets


def search(request: HtmxHttpRequest) -> HttpResponse:
    text = request.GET.get("q", "").strip()[:300]
    filters = SearchFilters.from_query(request.GET)
    found = find_in_library(request.user, text, filters, limit=30) if text else None
    context = {
        "q": text,
        "filters": filters,
        "results": found.hits if found else [],
        "facets": _kind_facets(found.kinds if found else {}, request.GET),
        "searched": bool(text),
    }
    if request.htmx:
        return render(request, "library/_search_results.html", context)
    context.update(
        kinds=SearchKind.choices,
        topics=Topic.objects.filter(parent__isnull=True),
        programmes=Programme.objects.all(),
        countries=sorted(
            set(
                visible_organisations(request.user)
                .exclude(country="")
                .values_list("country", flat=True)
            )
        ),
        languages=[("en", _("English")), ("zh", _("Chinese"))],
    )
    return render(request, "library/search.html", context)


def similar(request: HtmxHttpRequest, kind: str, reference: str) -> HttpResponse:
    record: Document | Organisation
    if kind == SearchKind.DOCUMENT:
        record = access_document(request.user, reference)
    elif kind == SearchKind.ORGANISATION:
        record = access_organisation(request.user, reference)
    else:
        raise Http404("No such kind of record.")
    context = {"record": record, "results": similar_records(request.user, kind, record.pk)}
    template = "library/_similar.html" if request.htmx else "library/similar.html"
    return render(request, template, context)


def document_upload(request: HttpRequest) -> HttpResponse:
    if not is_coordinator(request.user):
        raise PermissionDenied
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.pop("upload")
        fields = {
            key: form.cleaned_data[key]
            for key in (
                "kind",
                "language",
                "published",
                "programme",
                "cohort",
                "summary",
                "is_published",
            )
        }
        try:
            document = upload_document(
                data=upload.read(),
                filename=upload.name,
                title=form.cleaned_data["title"],
                organisations=form.cleaned_data["organisations"],
                people=form.cleaned_data["people"],
                topics=form.cleaned_data["topics"],
                **fields,
            )
        except UploadRefused as error:
            form.add_error("upload", str(error))
        else:
            messages.success(
                request, _("The document was added; it will be searchable in a moment.")
            )
            return redirect(document)
    return render(
        request, "library/upload.html", {"form": form}, status=400 if form.errors else 200
    )
