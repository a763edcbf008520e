"""Workshops of a cohort: scheduled by a coordinator, registered for by the pairs' people, attendance recorded."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from twinning.calls.access import organisations_of
from twinning.directory.access import is_coordinator
from twinning.exchanges.actions.base import ExchangeError, log
from twinning.exchanges.enums import ExchangeVerb, WorkshopKind
from twinning.exchanges.models import Workshop, WorkshopRegistration
from twinning.programmes.models import Cohort, Pair


def _require_coordinator(actor: Any) -> None:
    if not is_coordinator(actor):
        raise PermissionDenied(_("Only coordinators schedule workshops and record attendance."))


@transaction.atomic
def schedule_workshop(
    *,
    cohort: Cohort,
    kind: str,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    place: str,
    actor: Any,
    description: str = "",
    materials: str = "",
) -> Workshop:
    """A workshop of the cohort; every problem is listed at once."""
    _require_coordinator(actor)
    problems = []
    if kind not in WorkshopKind.values:
        problems.append(_("A workshop is a kick-off, mid-term or closing workshop."))
    if not title.strip():
        problems.append(_("Give the workshop a title."))
    if not place.strip():
        problems.append(_("Say where the workshop takes place."))
    if ends_on < starts_on:
        problems.append(_("The workshop cannot end before it starts."))
    if problems:
        raise ExchangeError(problems)
    workshop = Workshop.objects.create(
        cohort=cohort,
        kind=kind,
        title=title.strip()[:300],
        starts_on=starts_on,
        ends_on=ends_on,
        place=place.strip()[:200],
        description=description.strip(),
        materials=materials.strip(),
    )
    log(
        pair=None,
        actor=actor,
        verb=ExchangeVerb.WORKSHOP,
        subject=workshop,
        changes={"cohort": cohort.pk, "title": workshop.title},
    )
    return workshop


@transaction.atomic
def register_for_workshop(*, workshop: Workshop, user: Any, actor: Any) -> WorkshopRegistration:
    """Register a person of one of the cohort's pairs (themselves, or anyone by a coordinator)."""
    if not (actor and actor.is_authenticated) or (
        actor.pk != user.pk and not is_coordinator(actor)
    ):
        raise PermissionDenied(_("You may register only yourself."))
    pairs = Pair.objects.filter(cohort=workshop.cohort)
    organisation = (
        organisations_of(user)
        .filter(Q(pk__in=pairs.values("organisation_a")) | Q(pk__in=pairs.values("organisation_b")))
        .order_by("name")
        .first()
    )
    if organisation is None:
        raise ExchangeError(_("Only people of the cohort's pairs register for its workshops."))
    if WorkshopRegistration.objects.filter(workshop=workshop, user=user).exists():
        raise ExchangeError(_("Already registered."))
    registration = WorkshopRegistration.objects.create(
        workshop=workshop, user=user, organisation=organisation
    )
    log(
        pair=None,
        actor=actor,
        verb=ExchangeVerb.REGISTERED,
        subject=registration,
        changes={"workshop": workshop.pk},
    )
    return registration


@transaction.atomic
def record_attendance(*, workshop: Workshop, attended: Iterable[int], actor: Any) -> int:
    """Mark who came (registration ids); everyone else registered is marked absent. Returns how many came."""
    _require_coordinator(actor)
    present = set(attended)
    registrations = list(WorkshopRegistration.objects.select_for_update().filter(workshop=workshop))
    unknown = present - {r.pk for r in registrations}
    if unknown:
        raise ExchangeError(_("Some of those marked present are not registered for this workshop."))
    for registration in registrations:
        registration.attended = registration.pk in present
        registration.save(update_fields=["attended"])
    log(
        pair=None,
        actor=actor,
        verb=ExchangeVerb.ATTENDANCE,
        subject=workshop,
        changes={"present": sorted(present)},
    )
    return len(present)
