"""State changes of programmes: cohorts, pairs, activities, events and visits."""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from twinning.audit.enums import Verb
from twinning.audit.log import created, diff, record, snapshot
from twinning.common.text import unique_slug
from twinning.directory.access import is_coordinator
from twinning.directory.actions import topics_by_slug
from twinning.directory.models import Organisation, Person
from twinning.programmes.enums import DatePrecision, PairStatus
from twinning.programmes.models import (
    Activity,
    Cohort,
    Event,
    Pair,
    Programme,
    Visit,
    VisitParticipant,
)


class ProgrammeError(ValueError):
    """A change refused, with a message for the person who asked."""


@transaction.atomic
def create_programme(
    *,
    name: str,
    organisers: Iterable[Organisation] = (),
    topics: Iterable[str] = (),
    actor: Any = None,
    **fields: Any,
) -> Programme:
    programme = Programme(
        name=name, slug=unique_slug(Programme, fields.get("acronym") or name), **fields
    )
    programme.full_clean()
    programme.save()
    programme.organisers.set(list(organisers))
    programme.topics.set(topics_by_slug(topics))
    record(
        actor=actor,
        verb=Verb.CREATED,
        record=programme,
        changes=created(programme, many=["organisers", "topics"]),
    )
    return programme


@transaction.atomic
def open_cohort(*, programme: Programme, year: int, name: str = "", actor: Any = None) -> Cohort:
    """The programme's cohort of `year`, created if it does not exist yet."""
    cohort, is_new = Cohort.objects.get_or_create(
        programme=programme, year=year, defaults={"name": name}
    )
    if is_new:
        record(actor=actor, verb=Verb.CREATED, record=cohort, changes=created(cohort))
    return cohort


@transaction.atomic
def form_pair(
    *,
    cohort: Cohort,
    organisation_a: Organisation,
    organisation_b: Organisation,
    topics: Iterable[str] = (),
    focus: str = "",
    focus_zh: str = "",
    status: str = PairStatus.ACTIVE,
    actor: Any = None,
) -> Pair:
    """Pair two organisations in a cohort; an organisation is in at most one pair per cohort."""
    if organisation_a.pk == organisation_b.pk:
        raise ProgrammeError(_("An organisation cannot be paired with itself."))
    busy = Pair.objects.filter(cohort=cohort).exclude(status=PairStatus.WITHDRAWN)
    for organisation in (organisation_a, organisation_b):
        if (
            busy.filter(organisation_a=organisation).exists()
            or busy.filter(organisation_b=organisation).exists()
        ):
            raise ProgrammeError(
                _("%(organisation)s is already paired in %(cohort)s.")
                % {"organisation": organisation, "cohort": cohort}
            )
    pair = Pair.objects.create(
        cohort=cohort,
        organisation_a=organisation_a,
        organisation_b=organisation_b,
        focus=focus,
        focus_zh=focus_zh,
        status=status,
    )
    pair.topics.set(topics_by_slug(topics))
    record(actor=actor, verb=Verb.CREATED, record=pair, changes=created(pair, many=["topics"]))
    return pair


@transaction.atomic
def set_pair_status(*, pair: Pair, status: str, actor: Any = None) -> Pair:
    if status not in PairStatus.values:
        raise ProgrammeError(_("Unknown pair status %(status)r.") % {"status": status})
    # Re-read under a lock: `before` is the stored status, and the partners' names (the audit
    # label) come in the same query.
    current = (
        Pair.objects.select_for_update(of=("self",))
        .select_related("organisation_a", "organisation_b")
        .get(pk=pair.pk)
    )
    before = current.status
    current.status = pair.status = status
    current.save(update_fields=["status"])
    if before != status:
        record(actor=actor, verb=Verb.UPDATED, record=current, changes={"status": [before, status]})
    return pair


@transaction.atomic
def add_activity(
    *,
    programme: Programme,
    kind: str,
    name: str,
    topics: Iterable[str] = (),
    actor: Any = None,
    **fields: Any,
) -> Activity:
    activity = Activity(programme=programme, kind=kind, name=name, **fields)
    activity.full_clean()
    activity.save()
    activity.topics.set(topics_by_slug(topics))
    record(
        actor=actor, verb=Verb.CREATED, record=activity, changes=created(activity, many=["topics"])
    )
    return activity


@transaction.atomic
def record_event(
    *,
    name: str,
    start: datetime.date | None = None,
    start_precision: str = DatePrecision.DAY,
    organisers: Iterable[Organisation] = (),
    participants: Iterable[Organisation] = (),
    topics: Iterable[str] = (),
    actor: Any = None,
    **fields: Any,
) -> Event:
    event = Event(
        name=name,
        slug=unique_slug(Event, f"{name} {start.year if start else ''}"),
        start=start,
        start_precision=start_precision,
        **fields,
    )
    event.full_clean()
    event.save()
    event.organisers.set(list(organisers))
    event.participants.set(list(participants))
    event.topics.set(topics_by_slug(topics))
    record(
        actor=actor,
        verb=Verb.CREATED,
        record=event,
        changes=created(event, many=["organisers", "participants", "topics"]),
        organisations=event.organisers.values_list("pk", flat=True),
    )
    return event


@transaction.atomic
def record_visit(
    *,
    date: datetime.date,
    host: Organisation,
    date_precision: str = DatePrecision.DAY,
    visitors: Sequence[Organisation],
    participants: Iterable[tuple[Person, Organisation | None, str, bool]] = (),
    topics: Iterable[str] = (),
    summary: str = "",
    follow_ups: str = "",
    actor: Any = None,
) -> Visit:
    """Record a delegation visit; participants are (person, organisation, role, leads) tuples."""
    if not visitors:
        raise ProgrammeError(_("A visit needs at least one visiting organisation."))
    if any(v.pk == host.pk for v in visitors):
        raise ProgrammeError(_("The host cannot visit itself."))
    visit = Visit.objects.create(
        date=date,
        date_precision=date_precision,
        host=host,
        summary=summary,
        follow_ups=follow_ups,
    )
    visit.visitors.set(list(visitors))
    visit.topics.set(topics_by_slug(topics))
    for person, organisation, role, is_leader in participants:
        VisitParticipant.objects.create(
            visit=visit, person=person, organisation=organisation, role=role, is_leader=is_leader
        )
    record(
        actor=actor,
        verb=Verb.CREATED,
        record=visit,
        changes=created(visit, many=["visitors", "topics"]),
        organisations=[host, *visitors],
    )
    return visit


@transaction.atomic
def set_programme_grants(
    *,
    actor: Any,
    programme: Programme,
    currency: str,
    per_partner: decimal.Decimal | None = None,
    per_placement: decimal.Decimal | None = None,
) -> Programme:
    """What the programme awards each pair partner and each placement (coordinators only);
    published as 360Giving grants."""
    if not is_coordinator(actor):
        raise PermissionDenied(_("Only coordinators set a programme's grants."))
    code = currency.strip().upper()
    if (per_partner is not None or per_placement is not None) and not (
        len(code) == 3 and code.isalpha() and code.isascii()
    ):
        raise ProgrammeError(_("A grant needs its currency as three letters, e.g. EUR."))
    before = snapshot(programme, ["currency", "grant_per_partner", "grant_per_placement"])
    programme.currency = code
    programme.grant_per_partner = per_partner
    programme.grant_per_placement = per_placement
    try:
        programme.full_clean()
    except ValidationError as error:
        raise ProgrammeError(" ".join(error.messages)) from None
    programme.save(update_fields=["currency", "grant_per_partner", "grant_per_placement"])
    after = snapshot(programme, ["currency", "grant_per_partner", "grant_per_placement"])
    changes = diff(before, after)
    if changes:
        record(actor=actor, verb=Verb.UPDATED, record=programme, changes=changes)
    return programme
