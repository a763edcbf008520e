"""Who may ingest and review: coordinators only; checked by web views and the CLI alike."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from twinning.common.models import Job
from twinning.directory.access import is_coordinator
from twinning.ingest.models import Candidate


def require_coordinator(user: Any) -> None:
    if not is_coordinator(user):
        raise PermissionDenied("Only coordinators can ingest documents and review candidates.")


def visible_candidates(user: Any) -> QuerySet[Candidate]:
    require_coordinator(user)
    return Candidate.objects.select_related("document", "match")


def access_candidate(user: Any, pk: int) -> Candidate:
    try:
        return visible_candidates(user).get(pk=pk)
    except Candidate.DoesNotExist:
        raise Http404("No such candidate.") from None


def access_job(user: Any, pk: int) -> Job:
    require_coordinator(user)
    try:
        return Job.objects.get(pk=pk)
    except Job.DoesNotExist:
        raise Http404("No such job.") from None
