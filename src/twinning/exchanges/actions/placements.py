"""Placements from plan to report: plan, reschedule, confirm, start, complete, cancel."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.calls.access import organisations_of
from twinning.exchanges.access import require
from twinning.exchanges.actions.base import ExchangeError, log
from twinning.exchanges.enums import ExchangeVerb, PlacementStatus
from twinning.exchanges.models import Placement
from twinning.exchanges.windows import direction_of, window_problems
from twinning.programmes.enums import PairStatus
from twinning.programmes.models import Pair

MAX_DAYS = 366


def _problems_of_plan(
    *,
    pair: Pair,
    fellow: Any,
    home: Any,
    start: datetime.date | None,
    end: datetime.date | None,
    host_contact_name: str,
    work_plan: str,
) -> list[str]:
    problems = []
    if pair.status == PairStatus.WITHDRAWN:
        problems.append(_("The pair has withdrawn; it plans no placements."))
    if home.pk not in (pair.organisation_a_id, pair.organisation_b_id):
        problems.append(_("The fellow's home organisation must be one of the pair."))
    elif not organisations_of(fellow).filter(pk=home.pk).exists():
        problems.append(
            _("%(name)s is not approved staff of %(organisation)s.")
            % {"name": str(fellow), "organisation": home.name}
        )
    if not host_contact_name.strip():
        problems.append(_("Name the host contact."))
    if not work_plan.strip():
        problems.append(_("Describe the work plan."))
    if start is None or end is None:
        problems.append(_("Give the planned start and end dates."))
    elif (end - start).days > MAX_DAYS:
        problems.append(_("A placement lasts at most a year."))
    return problems


@transaction.atomic
def plan_placement(
    *,
    pair: Pair,
    fellow: Any,
    home: Any,
    planned_start: datetime.date | None,
    planned_end: datetime.date | None,
    host_contact_name: str,
    work_plan: str,
    actor: Any,
    city: str = "",
    fellow_role: str = "",
    host_contact_role: str = "",
    host_contact_email: str = "",
) -> Placement:
    """Plan a fellow's stay with the partner; the dates must lie inside the cohort's window for that direction."""
    require(actor, "plan", pair)
    problems = _problems_of_plan(
        pair=pair,
        fellow=fellow,
        home=home,
        start=planned_start,
        end=planned_end,
        host_contact_name=host_contact_name,
        work_plan=work_plan,
    )
    if problems:
        raise ExchangeError(problems)
    assert planned_start is not None and planned_end is not None  # checked above
    host = pair.partner_of(home)
    direction = direction_of(pair, home)
    problems = window_problems(pair, direction, planned_start, planned_end)
    if problems:
        raise ExchangeError(problems)
    placement = Placement.objects.create(
        pair=pair,
        fellow=fellow,
        fellow_role=fellow_role.strip(),
        home=home,
        host=host,
        direction=direction,
        city=(city.strip() or host.city or host.province or host.country_name),
        planned_start=planned_start,
        planned_end=planned_end,
        host_contact_name=host_contact_name.strip(),
        host_contact_role=host_contact_role.strip(),
        host_contact_email=host_contact_email.strip(),
        work_plan=work_plan.strip(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    log(
        pair=pair,
        actor=actor,
        verb=ExchangeVerb.PLANNED,
        subject=placement,
        changes={
            "fellow": fellow.pk,
            "host": host.pk,
            "planned_start": planned_start.isoformat(),
            "planned_end": planned_end.isoformat(),
        },
    )
    return placement


def _locked(placement: Placement) -> Placement:
    return (
        Placement.objects.select_for_update()
        .select_related("pair", "host", "home")
        .get(pk=placement.pk)
    )


def _expect(placement: Placement, *statuses: str) -> None:
    if placement.status not in statuses:
        raise ExchangeError(
            _("This placement is %(status)s; that step is not possible now.")
            % {"status": placement.get_status_display().lower()}
        )


def _bump(placement: Placement, fields: list[str]) -> None:
    placement.sequence += 1
    placement.save(update_fields=[*fields, "sequence", "updated_at"])


@transaction.atomic
def reschedule_placement(
    *, placement: Placement, planned_start: datetime.date, planned_end: datetime.date, actor: Any
) -> Placement:
    """New planned dates, inside the window; a confirmed placement goes back to the host to confirm."""
    placement = _locked(placement)
    require(actor, "reschedule", placement)
    _expect(placement, PlacementStatus.PLANNED, PlacementStatus.CONFIRMED)
    problems = window_problems(placement.pair, placement.direction, planned_start, planned_end)
    if problems:
        raise ExchangeError(problems)
    before = (placement.planned_start.isoformat(), placement.planned_end.isoformat())
    placement.planned_start, placement.planned_end = planned_start, planned_end
    placement.status = PlacementStatus.PLANNED
    _bump(placement, ["planned_start", "planned_end", "status"])
    log(
        pair=placement.pair,
        actor=actor,
        verb=ExchangeVerb.RESCHEDULED,
        subject=placement,
        changes={"from": list(before), "to": [planned_start.isoformat(), planned_end.isoformat()]},
    )
    return placement


@transaction.atomic
def confirm_placement(*, placement: Placement, actor: Any) -> Placement:
    """The host agrees to the dates and the work plan."""
    placement = _locked(placement)
    require(actor, "confirm", placement)
    _expect(placement, PlacementStatus.PLANNED)
    placement.status = PlacementStatus.CONFIRMED
    _bump(placement, ["status"])
    log(pair=placement.pair, actor=actor, verb=ExchangeVerb.CONFIRMED, subject=placement)
    return placement


@transaction.atomic
def start_placement(
    *, placement: Placement, actor: Any, on: datetime.date | None = None
) -> Placement:
    """The fellow has arrived: the actual start (today unless given), inside the window."""
    placement = _locked(placement)
    require(actor, "start", placement)
    _expect(placement, PlacementStatus.CONFIRMED)
    on = on or timezone.localdate()
    problems = window_problems(
        placement.pair, placement.direction, on, max(on, placement.planned_end)
    )
    if problems:
        raise ExchangeError(problems)
    placement.actual_start = on
    placement.status = PlacementStatus.UNDER_WAY
    _bump(placement, ["actual_start", "status"])
    log(
        pair=placement.pair,
        actor=actor,
        verb=ExchangeVerb.STARTED,
        subject=placement,
        changes={"actual_start": on.isoformat()},
    )
    return placement


@transaction.atomic
def complete_placement(
    *, placement: Placement, actor: Any, on: datetime.date | None = None
) -> Placement:
    """The fellow has gone home: the actual end (today unless given), inside the window."""
    placement = _locked(placement)
    require(actor, "complete", placement)
    _expect(placement, PlacementStatus.UNDER_WAY)
    on = on or timezone.localdate()
    start = placement.actual_start or placement.planned_start
    problems = window_problems(placement.pair, placement.direction, start, on)
    if problems:
        raise ExchangeError(problems)
    placement.actual_end = on
    placement.status = PlacementStatus.COMPLETED
    _bump(placement, ["actual_end", "status"])
    log(
        pair=placement.pair,
        actor=actor,
        verb=ExchangeVerb.COMPLETED,
        subject=placement,
        changes={"actual_end": on.isoformat()},
    )
    return placement


@transaction.atomic
def cancel_placement(*, placement: Placement, reason: str, actor: Any) -> Placement:
    """Call off a placement that has not ended; the reason is kept."""
    placement = _locked(placement)
    require(actor, "cancel", placement)
    _expect(
        placement, PlacementStatus.PLANNED, PlacementStatus.CONFIRMED, PlacementStatus.UNDER_WAY
    )
    if not reason.strip():
        raise ExchangeError(_("Say why the placement is cancelled."))
    placement.status = PlacementStatus.CANCELLED
    placement.cancel_reason = reason.strip()[:500]
    _bump(placement, ["status", "cancel_reason"])
    log(
        pair=placement.pair,
        actor=actor,
        verb=ExchangeVerb.CANCELLED,
        subject=placement,
        changes={"reason": placement.cancel_reason},
    )
    return placement
