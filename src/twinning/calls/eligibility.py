"""Eligibility of organisations and completeness of applications, as reasons a person can act on."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.calls.enums import PartnerStatus
from twinning.calls.models import Application, Call
from twinning.directory.enums import OrganisationType
from twinning.directory.models import Organisation


def organisation_problems(
    call: Call, organisation: Organisation, *, today: datetime.date | None = None
) -> list[str]:
    """Why `organisation` may not apply to `call`; an empty list means it may."""
    today = today or timezone.localdate()
    problems: list[str] = []
    name = organisation.name
    if call.organisation_types and organisation.type not in call.organisation_types:
        allowed = ", ".join(
            str(OrganisationType(t).label)
            for t in call.organisation_types
            if t in OrganisationType.values
        )
        problems.append(
            _("%(name)s is a %(type)s; this call is open to: %(allowed)s.")
            % {"name": name, "type": organisation.get_type_display(), "allowed": allowed}
        )
    if call.side_of(organisation) is None:
        problems.append(
            _("%(name)s is not in %(a)s or %(b)s as this call defines them (%(areas)s).")
            % {
                "name": name,
                "a": call.side_a_label,
                "b": call.side_b_label,
                "areas": ", ".join([*call.side_a_areas, *call.side_b_areas]),
            }
        )
    if call.min_years_registered:
        if organisation.founded is None:
            problems.append(
                _(
                    "%(name)s has no founding year in its profile; this call needs %(years)d years since founding."
                )
                % {"name": name, "years": call.min_years_registered}
            )
        elif today.year - organisation.founded < call.min_years_registered:
            problems.append(
                _(
                    "%(name)s was founded in %(founded)d; this call needs at least %(years)d years since founding."
                )
                % {
                    "name": name,
                    "founded": organisation.founded,
                    "years": call.min_years_registered,
                }
            )
    return problems


def application_problems(
    application: Application, *, today: datetime.date | None = None
) -> list[str]:
    """Why `application` cannot be submitted yet; an empty list means it can."""
    call = application.call
    problems: list[str] = []
    if not call.accepts_changes:
        problems.append(
            _("This call does not accept applications now (deadline %(deadline)s).")
            % {"deadline": call.deadline.strftime("%Y-%m-%d %H:%M %Z")}
        )
    problems += organisation_problems(call, application.organisation, today=today)
    if call.requires_permanent_staff and not application.staff_is_permanent:
        problems.append(
            _(
                "This call requires that the participating staff member is a permanent employee; please confirm it."
            )
        )
    if application.is_tandem:
        partner = application.partner
        if partner is None:
            problems.append(_("A tandem application needs a partner organisation."))
        else:
            problems += organisation_problems(call, partner, today=today)
            partner_side = call.side_of(partner)
            if partner_side is not None and partner_side == application.side:
                problems.append(
                    _(
                        "%(partner)s is on the same side as you (%(side)s); a tandem joins both sides."
                    )
                    % {"partner": partner.name, "side": call.side_label(partner_side)}
                )
            if application.partner_status != PartnerStatus.CONFIRMED:
                problems.append(
                    _("%(partner)s has not confirmed the tandem yet.") % {"partner": partner.name}
                )
    for question in call.questions.all():
        answer = str(application.answers.get(question.key, "")).strip()
        if question.is_required and not answer:
            problems.append(_("Please answer: %(question)s") % {"question": question.display_text})
        elif len(answer) > question.max_length:
            problems.append(
                _("The answer to “%(question)s” is longer than %(limit)d characters.")
                % {"question": question.display_text, "limit": question.max_length}
            )
    return problems
