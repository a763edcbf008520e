"""Coordinator pages of ingest: upload, job progress and the review queue."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from twinning.common.http import AuthenticatedHttpRequest
from twinning.common.jobs import create_job, enqueue_after_commit, job_text
from twinning.common.models import Job
from twinning.common.views import paginate, query_without_page
from twinning.ingest.access import (
    access_candidate,
    access_job,
    require_coordinator,
    visible_candidates,
)
from twinning.ingest.actions import (
    IngestError,
    accept_candidate,
    merge_candidate,
    merge_into_candidate,
    reject_candidate,
    review_in_bulk,
    store_document,
)
from twinning.ingest.enums import CandidateKind, CandidateStatus
from twinning.ingest.forms import FORM_BY_KIND, CandidateMergeForm, MergeForm, UploadForm
from twinning.ingest.models import Candidate
from twinning.ingest.tasks import extract_documents_task


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    require_coordinator(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        stored, problems = [], []
        limit = settings.TWINNING_MAX_UPLOAD_BYTES
        for uploaded in form.cleaned_data["files"]:
            if uploaded.size > limit:
                # Refused before reading: a huge upload never enters memory.
                problems.append(
                    _("%(name)s: the file is larger than the %(limit)d MB limit.")
                    % {"name": uploaded.name, "limit": limit // (1024 * 1024)}
                )
                continue
            try:
                result = store_document(
                    data=uploaded.read(),
                    filename=uploaded.name,
                    source=uploaded.name,
                    programme=form.cleaned_data["programme"],
                )
            except IngestError as error:
                problems.append(str(error))
                continue
            if result.changed:
                stored.append(result.document.pk)
            else:
                messages.info(
                    request,
                    _("%(name)s was ingested before and has not changed.")
                    % {"name": uploaded.name},
                )
        for problem in problems:
            messages.error(request, problem)
        if stored:
            with transaction.atomic():
                job = create_job(
                    kind="ingest",
                    title=job_text(
                        gettext_noop("Extracting %(count)d document(s)"), count=len(stored)
                    ),
                    total=len(stored),
                    created_by=request.user,
                )
                enqueue_after_commit(extract_documents_task, job.pk, stored)
            return redirect("ingest:job", pk=job.pk)
        return redirect("ingest:upload")
    jobs = Job.objects.filter(kind="ingest")[:10]
    pending = visible_candidates(request.user).filter(status=CandidateStatus.PENDING).count()
    return render(request, "ingest/upload.html", {"form": form, "jobs": jobs, "pending": pending})


@login_required
def job_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    job = access_job(request.user, pk)
    template = "ingest/_job.html" if request.htmx else "ingest/job.html"
    return render(request, template, {"job": job})


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    candidates = visible_candidates(request.user)
    status = request.GET.get("status", CandidateStatus.PENDING)
    if status in CandidateStatus.values:
        candidates = candidates.filter(status=status)
    kind = request.GET.get("kind", "")
    if kind in CandidateKind.values:
        candidates = candidates.filter(kind=kind)
    document = request.GET.get("document", "")
    if document.isdigit():
        candidates = candidates.filter(document_id=int(document))
    page = paginate(request, candidates.order_by("document_id", "kind", "pk"), per_page=50)
    context = {
        "page": page,
        "query": query_without_page(request),
        "status": status,
        "kind": kind,
        "statuses": CandidateStatus.choices,
        "kinds": CandidateKind.choices,
    }
    return render(request, "ingest/queue.html", context)


@login_required
@require_POST
def review_bulk(request: HttpRequest) -> HttpResponse:
    candidates = list(
        visible_candidates(request.user).filter(
            pk__in=request.POST.getlist("candidate"), status=CandidateStatus.PENDING
        )
    )
    decision = request.POST.get("decision")
    if decision not in ("accept", "reject") or not candidates:
        messages.error(request, _("Choose at least one waiting candidate and accept or reject."))
        return redirect("ingest:queue")
    done, errors = review_in_bulk(candidates=candidates, decision=decision, user=request.user)
    messages.success(request, _("%(count)d candidate(s) reviewed.") % {"count": done})
    for error in errors:
        messages.error(request, error)
    return redirect(_safe_next(request) or "ingest:queue")


def _safe_next(request: HttpRequest) -> str:
    """The `next` page to return to, if it is on this site; never another host."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _candidate_page(
    request: HttpRequest, candidate: Candidate, edit_form: Any, merge_form: Any, into_form: Any
) -> HttpResponse:
    return render(
        request,
        "ingest/candidate.html",
        {
            "candidate": candidate,
            "edit_form": edit_form,
            "merge_form": merge_form,
            "into_form": into_form,
        },
    )


@login_required
def candidate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One candidate: edit every field then accept, reject, or merge it into a record or candidate."""
    candidate = access_candidate(request.user, pk)
    action = request.POST.get("action") if request.method == "POST" else None
    edit_form = FORM_BY_KIND[candidate.kind](
        request.POST if action == "accept" else None, initial=dict(candidate.data)
    )
    merge_form = MergeForm(
        request.POST if action == "merge" else None, initial={"into": candidate.match_id}
    )
    into_form = CandidateMergeForm(
        request.POST if action == "merge-candidate" else None, candidate=candidate
    )
    if action is None or not candidate.is_open:
        return _candidate_page(request, candidate, edit_form, merge_form, into_form)
    try:
        if action == "accept":
            if not edit_form.is_valid():
                return _candidate_page(request, candidate, edit_form, merge_form, into_form)
            accept_candidate(
                candidate=candidate, user=request.user, data=edit_form.cleaned_record()
            )
            messages.success(request, _("Accepted."))
        elif action == "merge" and candidate.kind == CandidateKind.ORGANISATION:
            if not merge_form.is_valid():
                return _candidate_page(request, candidate, edit_form, merge_form, into_form)
            merge_candidate(
                candidate=candidate, into=merge_form.cleaned_data["into"], user=request.user
            )
            messages.success(request, _("Merged."))
        elif action == "merge-candidate":
            if not into_form.is_valid():
                return _candidate_page(request, candidate, edit_form, merge_form, into_form)
            target = merge_into_candidate(
                candidate=candidate, target=into_form.cleaned_data["target"], user=request.user
            )
            messages.success(request, _("Merged into another candidate."))
            return redirect("ingest:candidate", pk=target.pk)
        elif action == "reject":
            reject_candidate(
                candidate=candidate, user=request.user, note=request.POST.get("note", "")
            )
            messages.success(request, _("Rejected."))
        else:
            messages.error(request, _("Unknown action."))
    except IngestError as error:
        messages.error(request, str(error))
    return redirect("ingest:candidate", pk=candidate.pk)
