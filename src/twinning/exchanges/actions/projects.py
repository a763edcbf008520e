"""The joint project of a pair with its milestones, and what a pair becomes after: alumni, follow-ups."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.exchanges.access import require
from twinning.exchanges.actions.base import ExchangeError, log
from twinning.exchanges.enums import (
    ExchangeVerb,
    MilestoneKind,
    MilestoneStatus,
    PlacementStatus,
    ReportStatus,
)
from twinning.exchanges.models import (
    OPEN_PLACEMENT_STATUSES,
    AlumniRecord,
    FollowUpProject,
    JointProject,
    Milestone,
    Placement,
)
from twinning.programmes.enums import PairStatus
from twinning.programmes.models import Pair


@transaction.atomic
def describe_joint_project(
    *, pair: Pair, title: str, goals: str, actor: Any, title_zh: str = "", budget: str = ""
) -> JointProject:
    """Create or rewrite the pair's joint project (title, goals, budget lines)."""
    require(actor, "project", pair)
    problems = []
    if not title.strip():
        problems.append(_("Give the joint project a title."))
    if not goals.strip():
        problems.append(_("Describe the goals of the joint project."))
    if problems:
        raise ExchangeError(problems)
    project, created = JointProject.objects.update_or_create(
        pair=pair,
        defaults={
            "title": title.strip()[:300],
            "title_zh": title_zh.strip()[:300],
            "goals": goals.strip(),
            "budget": budget.strip(),
        },
    )
    log(
        pair=pair,
        actor=actor,
        verb=ExchangeVerb.PROJECT,
        subject=project,
        changes={"created": created, "title": project.title},
    )
    return project


@transaction.atomic
def add_milestone(
    *,
    pair: Pair,
    title: str,
    due_on: datetime.date,
    actor: Any,
    kind: str = MilestoneKind.MILESTONE,
) -> Milestone:
    """A milestone or deliverable with its due date; the pair describes its joint project first."""
    require(actor, "project", pair)
    project = JointProject.objects.filter(pair=pair).first()
    if project is None:
        raise ExchangeError(_("Describe the joint project before adding milestones."))
    if not title.strip():
        raise ExchangeError(_("Give the milestone a title."))
    if kind not in MilestoneKind.values:
        raise ExchangeError(_("A milestone is a milestone or a deliverable."))
    milestone = Milestone.objects.create(
        project=project, title=title.strip()[:300], due_on=due_on, kind=kind
    )
    log(
        pair=pair,
        actor=actor,
        verb=ExchangeVerb.MILESTONE,
        subject=milestone,
        changes={"title": milestone.title, "due_on": due_on.isoformat()},
    )
    return milestone


def _locked(milestone: Milestone) -> Milestone:
    return (
        Milestone.objects.select_for_update().select_related("project__pair").get(pk=milestone.pk)
    )


@transaction.atomic
def complete_milestone(
    *, milestone: Milestone, actor: Any, on: datetime.date | None = None
) -> Milestone:
    """The milestone is reached (today unless given)."""
    milestone = _locked(milestone)
    require(actor, "project", milestone.project.pair)
    if milestone.status != MilestoneStatus.PLANNED:
        raise ExchangeError(_("Only a planned milestone can be reached."))
    milestone.status = MilestoneStatus.DONE
    milestone.done_on = on or timezone.localdate()
    milestone.sequence += 1
    milestone.save()
    log(
        pair=milestone.project.pair,
        actor=actor,
        verb=ExchangeVerb.DONE,
        subject=milestone,
        changes={"done_on": milestone.done_on.isoformat()},
    )
    return milestone


@transaction.atomic
def drop_milestone(*, milestone: Milestone, actor: Any) -> Milestone:
    milestone = _locked(milestone)
    require(actor, "project", milestone.project.pair)
    if milestone.status != MilestoneStatus.PLANNED:
        raise ExchangeError(_("Only a planned milestone can be dropped."))
    milestone.status = MilestoneStatus.DROPPED
    milestone.sequence += 1
    milestone.save()
    log(pair=milestone.project.pair, actor=actor, verb=ExchangeVerb.DROPPED, subject=milestone)
    return milestone


def alumni_problems(pair: Pair) -> list[str]:
    """Why the pair cannot be alumni yet: its exchange must be over and reported."""
    problems = []
    if hasattr(pair, "alumni_record"):
        problems.append(_("The pair is already alumni."))
    if Placement.objects.filter(pair=pair, status__in=OPEN_PLACEMENT_STATUSES).exists():
        problems.append(_("A placement of the pair has not ended."))
    if Placement.objects.filter(pair=pair, status=PlacementStatus.COMPLETED).exists():
        problems.append(_("A completed placement waits for its report."))
    reports = pair.reports.all()
    if any(r.status != ReportStatus.ACCEPTED for r in reports):
        problems.append(_("Every report of the pair must be accepted."))
    if not any(r.status == ReportStatus.ACCEPTED for r in reports):
        problems.append(_("The pair has no accepted report yet."))
    return problems


@transaction.atomic
def record_alumni(
    *, pair: Pair, actor: Any, note: str = "", on: datetime.date | None = None
) -> AlumniRecord:
    """The exchange is over and reported: the pair is completed and joins the alumni."""
    require(actor, "alumni", pair)
    pair = Pair.objects.select_for_update().get(pk=pair.pk)
    problems = alumni_problems(pair)
    if problems:
        raise ExchangeError(problems)
    pair.status = PairStatus.COMPLETED
    pair.save(update_fields=["status"])
    record = AlumniRecord.objects.create(
        pair=pair,
        completed_on=on or timezone.localdate(),
        note=note.strip(),
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    log(pair=pair, actor=actor, verb=ExchangeVerb.ALUMNI, subject=record)
    return record


@transaction.atomic
def add_follow_up(
    *,
    alumni: AlumniRecord,
    title: str,
    start_year: int,
    actor: Any,
    description: str = "",
    url: str = "",
) -> FollowUpProject:
    """Former partners keep working together: a follow-up project with its own page."""
    require(actor, "follow_up", alumni.pair)
    problems = []
    if not title.strip():
        problems.append(_("Give the follow-up project a title."))
    if start_year < alumni.pair.cohort.year:
        problems.append(_("A follow-up project cannot start before the pair's cohort."))
    if problems:
        raise ExchangeError(problems)
    project = FollowUpProject.objects.create(
        alumni=alumni,
        title=title.strip()[:300],
        start_year=start_year,
        description=description.strip(),
        url=url.strip(),
    )
    log(
        pair=alumni.pair,
        actor=actor,
        verb=ExchangeVerb.FOLLOW_UP,
        subject=project,
        changes={"title": project.title},
    )
    return project
