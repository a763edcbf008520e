"""Conflicts of interest between a reviewer and an application, each with a visible reason."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from twinning.calls.enums import ApplicationStatus
from twinning.calls.models import Application, Call, CommitteeMember, ConflictDeclaration
from twinning.directory import geography
from twinning.directory.models import Affiliation, Organisation, StaffMembership
from twinning.programmes.models import Pair


def reviewer_organisations(reviewer: Any) -> list[Organisation]:
    """Organisations the reviewer works for (approved staff memberships)."""
    memberships = StaffMembership.objects.filter(user=reviewer, is_approved=True).select_related(
        "organisation"
    )
    return [membership.organisation for membership in memberships]


def conflicts_of(reviewer: Any, application: Application) -> list[str]:
    """Why `reviewer` must not review `application`; an empty list means no conflict is known."""
    involved = {organisation.pk: organisation for organisation in application.organisations}
    own = {organisation.pk: organisation for organisation in reviewer_organisations(reviewer)}
    reasons: list[str] = []
    for pk in own.keys() & involved.keys():
        reasons.append(_("The reviewer works for %(name)s.") % {"name": involved[pk].name})
    if own:
        pairs = Pair.objects.filter(
            Q(organisation_a__in=own, organisation_b__in=involved)
            | Q(organisation_b__in=own, organisation_a__in=involved)
        ).select_related("organisation_a", "organisation_b", "cohort")
        for pair in pairs:
            reasons.append(
                _("The reviewer's organisation was paired with %(name)s (%(cohort)s).")
                % {
                    "name": pair.partner_of(
                        own.get(pair.organisation_a_id) or pair.organisation_b
                    ).name,
                    "cohort": pair.cohort,
                }
            )
        affiliations = Affiliation.objects.filter(
            Q(organisation__in=own, other__in=involved)
            | Q(other__in=own, organisation__in=involved)
        ).select_related("organisation", "other")
        for affiliation in affiliations:
            other = (
                affiliation.other
                if affiliation.organisation_id in own
                else affiliation.organisation
            )
            reasons.append(
                _("The reviewer's organisation is affiliated with %(name)s (%(kind)s).")
                % {"name": other.name, "kind": affiliation.get_kind_display()}
            )
    if application.call.same_country_is_conflict:
        seat = CommitteeMember.objects.filter(call=application.call, user=reviewer).first()
        countries = {seat.country} if seat and seat.country else set()
        countries |= {organisation.country for organisation in own.values() if organisation.country}
        for organisation in involved.values():
            if organisation.country and organisation.country in countries:
                reasons.append(
                    _("The reviewer is from the same country as %(name)s (%(country)s).")
                    % {
                        "name": organisation.name,
                        "country": geography.country_name(organisation.country),
                    }
                )
    for declaration in ConflictDeclaration.objects.filter(
        reviewer=reviewer, organisation__in=involved
    ).select_related("organisation"):
        reasons.append(
            _("The reviewer declared a conflict with %(name)s: %(reason)s")
            % {"name": declaration.organisation.name, "reason": declaration.reason}
        )
    return reasons


def refused_assignments(call: Call) -> list[tuple[Application, Any, list[str]]]:
    """(application, committee member, reasons) for every submitted application a member may not review."""
    members = [
        seat.user
        for seat in CommitteeMember.objects.filter(call=call)
        .select_related("user")
        .order_by("user__username")
    ]
    applications = (
        call.applications.filter(status=ApplicationStatus.SUBMITTED)
        .select_related("organisation", "partner", "call")
        .order_by("organisation__name")
    )
    refused = []
    for application in applications:
        for member in members:
            reasons = conflicts_of(member, application)
            if reasons:
                refused.append((application, member, reasons))
    return refused
