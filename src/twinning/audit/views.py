"""The site-wide audit page (coordinators) and an organisation's history (its staff too)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from twinning.audit.access import access_history, access_whole_log
from twinning.audit.display import readable
from twinning.audit.forms import AuditFilterForm
from twinning.audit.queries import AuditFilter, filter_records
from twinning.common.views import paginate, query_without_page
from twinning.directory.models import Organisation

PER_PAGE = 50
IN_PAGE = 10  # entries shown on the organisation's own page


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    """Every change, newest first, filtered by kind of record, who and when."""
    records = access_whole_log(request.user)
    form = AuditFilterForm(request.GET or None)
    page = paginate(request, filter_records(records, form.wanted()), PER_PAGE)
    return render(
        request,
        "audit/log.html",
        {
            "form": form,
            "page": page,
            "lines": readable(page.object_list),
            "query": query_without_page(request),
        },
    )


@login_required
def organisation_history(request: HttpRequest, slug: str) -> HttpResponse:
    """The changes of one organisation and its records; a fragment for htmx."""
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise Http404("No such organisation.")
    records = filter_records(access_history(request.user, organisation), AuditFilter())
    if request.htmx:  # type: ignore[attr-defined]
        latest = list(records[: IN_PAGE + 1])
        context = {
            "organisation": organisation,
            "lines": readable(latest[:IN_PAGE]),
            "more": len(latest) > IN_PAGE,
        }
        return render(request, "audit/_history.html", context)
    page = paginate(request, records, PER_PAGE)
    context = {
        "organisation": organisation,
        "page": page,
        "lines": readable(page.object_list),
        "query": query_without_page(request),
    }
    return render(request, "audit/history.html", context)
