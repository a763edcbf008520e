"""Opening calls, seating the committee and recording declared conflicts."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any
from zoneinfo import available_timezones

from django.db import transaction
from django.utils.translation import gettext as _

from twinning.calls.actions.base import CallError, audit
from twinning.calls.areas import unknown_areas
from twinning.calls.enums import AuditVerb, CallStatus, Direction
from twinning.calls.models import (
    Call,
    CommitteeMember,
    ConflictDeclaration,
    Criterion,
    ExchangeWindow,
    Question,
)
from twinning.common.text import unique_slug
from twinning.directory.countries import UnknownCountry, require_country
from twinning.directory.enums import OrganisationType
from twinning.directory.models import Organisation
from twinning.programmes.actions import open_cohort
from twinning.programmes.models import Programme

CALL_FIELDS = {
    "title_zh",
    "description",
    "description_zh",
    "side_a_label",
    "side_b_label",
    "organisation_types",
    "min_years_registered",
    "requires_permanent_staff",
    "same_country_is_conflict",
    "reviews_per_application",
    "time_zone",
}


def _whole_number_between(value: Any, lowest: int, highest: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and lowest <= value <= highest


@transaction.atomic
def open_call(
    *,
    programme: Programme,
    title: str,
    opens_on: datetime.date,
    deadline: datetime.datetime,
    decision_on: datetime.date,
    side_a_areas: Sequence[str],
    side_b_areas: Sequence[str],
    questions: Iterable[str | dict[str, Any]] = (),
    criteria: Iterable[tuple[str, int] | dict[str, Any]] = (),
    windows: Iterable[tuple[str, datetime.date, datetime.date]] = (),
    cohort_year: int | None = None,
    actor: Any = None,
    publish: bool = True,
    **fields: Any,
) -> Call:
    """Create a call with its form, weighted criteria and exchange windows, in the cohort of `cohort_year`."""
    unknown = set(fields) - CALL_FIELDS
    if unknown:
        raise CallError(f"Unknown call field(s): {', '.join(sorted(unknown))}")
    question_specs = [{"text": q} if isinstance(q, str) else dict(q) for q in questions]
    criterion_specs: list[dict[str, Any]] = [
        {"name": c[0], "weight": c[1]} if isinstance(c, tuple | list) else dict(c) for c in criteria
    ]
    problems = []
    if not title.strip():
        problems.append(_("A call needs a title."))
    too_long = (
        len(title.strip()) > 250
        or any(len(spec.get("text", "")) > 500 for spec in question_specs)
        or any(len(spec.get("name", "")) > 200 for spec in criterion_specs)
    )
    if too_long:
        problems.append(
            _("Titles are at most 250 characters, questions 500 and criterion names 200.")
        )
    if "time_zone" in fields and fields["time_zone"] not in available_timezones():
        problems.append(_("%(zone)s is not a time zone.") % {"zone": fields["time_zone"]})
    if any(
        not _whole_number_between(spec.get("weight", 1), 1, 1000)
        or not _whole_number_between(spec.get("max_score", 5), 1, 100)
        for spec in criterion_specs
    ):
        problems.append(
            _("Each criterion needs a weight of at least 1 and a highest score between 1 and 100.")
        )
    if not _whole_number_between(fields.get("reviews_per_application", 2), 1, 10):
        problems.append(_("Reviews per application must be between 1 and 10."))
    if not _whole_number_between(fields.get("min_years_registered", 0), 0, 200):
        problems.append(_("The minimum years since founding must be between 0 and 200."))
    if not (opens_on <= deadline.date() <= decision_on):
        problems.append(_("The dates must follow each other: opening, deadline, decision."))
    if not side_a_areas or not side_b_areas:
        problems.append(_("Each side needs at least one country or region."))
    unknown_places = unknown_areas([*side_a_areas, *side_b_areas])
    if unknown_places:
        problems.append(
            _("Unknown country code(s) or region(s): %(areas)s.")
            % {"areas": ", ".join(unknown_places)}
        )
    bad_types = [
        t for t in fields.get("organisation_types", []) if t not in OrganisationType.values
    ]
    if bad_types:
        problems.append(
            _("Unknown organisation type(s): %(types)s.") % {"types": ", ".join(bad_types)}
        )
    windows = list(windows)
    bad_directions = sorted(
        {str(direction) for direction, _start, _end in windows} - set(Direction.values)
    )
    if bad_directions:
        problems.append(
            _("Unknown exchange direction(s): %(directions)s.")
            % {"directions": ", ".join(bad_directions)}
        )
    window_rows = [
        (Direction(direction), start, end)
        for direction, start, end in windows
        if direction in Direction.values
    ]
    if any(end < start for _direction, start, end in window_rows):
        problems.append(_("An exchange window cannot end before it starts."))
    if problems:
        raise CallError(problems)
    cohort = open_cohort(programme=programme, year=cohort_year or decision_on.year)
    call = Call.objects.create(
        programme=programme,
        cohort=cohort,
        title=title.strip(),
        slug=unique_slug(Call, f"{title} {cohort.year}"),
        opens_on=opens_on,
        deadline=deadline,
        decision_on=decision_on,
        side_a_areas=list(side_a_areas),
        side_b_areas=list(side_b_areas),
        status=CallStatus.OPEN if publish else CallStatus.DRAFT,
        **fields,
    )
    for position, spec in enumerate(question_specs):
        Question.objects.create(call=call, position=position, **spec)
    for position, spec in enumerate(criterion_specs):
        Criterion.objects.create(call=call, position=position, **spec)
    for direction, start, end in window_rows:
        ExchangeWindow.objects.create(call=call, direction=direction, starts_on=start, ends_on=end)
    audit(
        call=call,
        actor=actor,
        verb=AuditVerb.CREATED,
        subject=call,
        changes={"status": call.status},
    )
    return call


@transaction.atomic
def reschedule_call(
    *, call: Call, deadline: datetime.datetime, actor: Any, decision_on: datetime.date | None = None
) -> Call:
    """Move the deadline (extend it, or close the call early); a decided call keeps its dates."""
    if call.status == CallStatus.DECIDED:
        raise CallError(_("A decided call keeps its dates."))
    decision_on = decision_on or max(call.decision_on, deadline.date())
    if not (call.opens_on <= deadline.date() <= decision_on):
        raise CallError(_("The dates must follow each other: opening, deadline, decision."))
    changes = {"deadline": [call.deadline.isoformat(), deadline.isoformat()]}
    call.deadline, call.decision_on = deadline, decision_on
    call.save(update_fields=["deadline", "decision_on"])
    audit(call=call, actor=actor, verb=AuditVerb.UPDATED, subject=call, changes=changes)
    return call


@transaction.atomic
def add_committee_member(*, call: Call, user: Any, country: str = "") -> CommitteeMember:
    """Seat `user` on the call's committee (idempotent; updates the country)."""
    try:
        code = require_country(country)
    except UnknownCountry:
        raise CallError(_("%(value)s is not a country.") % {"value": country}) from None
    member, _created = CommitteeMember.objects.update_or_create(
        call=call, user=user, defaults={"country": code}
    )
    return member


@transaction.atomic
def declare_conflict(
    *, reviewer: Any, organisation: Organisation, reason: str
) -> ConflictDeclaration:
    """Record the reviewer's own conflict with an organisation; it blocks assignments from now on."""
    if not reason.strip():
        raise CallError(_("Please say why you have a conflict of interest."))
    declaration, _created = ConflictDeclaration.objects.update_or_create(
        reviewer=reviewer, organisation=organisation, defaults={"reason": reason.strip()[:300]}
    )
    return declaration
