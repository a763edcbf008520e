"""Permission-checked reads of the directory, called by web views and the API alike."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from twinning.directory.models import City, Organisation, Person, Position


def is_coordinator(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


def may_manage_staff_roles(user: Any) -> bool:
    """Who grants and revokes the right to speak for an organisation: coordinators."""
    return is_coordinator(user)


def speaks_for(user: Any, organisation: Organisation) -> bool:
    """True for coordinators and for approved staff of `organisation`."""
    if is_coordinator(user):
        return True
    if not (user and user.is_authenticated):
        return False
    return organisation.staff.filter(user=user, is_approved=True).exists()


def visible_organisations(user: Any) -> QuerySet[Organisation]:
    """Published organisations; coordinators also see unpublished ones."""
    organisations = Organisation.objects.all()
    if not is_coordinator(user):
        organisations = organisations.filter(is_published=True)
    return organisations


def people_shown_to(user: Any) -> QuerySet[Person]:
    """People whose consent to be shown is on record; coordinators see everyone."""
    people = Person.objects.all()
    if not is_coordinator(user):
        people = people.filter(consent_at__isnull=False)
    return people


def public_positions(user: Any) -> QuerySet[Position]:
    """Positions anyone may see: public, of a person who consented, in a visible organisation
    (coordinators see all)."""
    positions = Position.objects.all()
    if not is_coordinator(user):
        positions = positions.filter(
            is_public=True,
            person__consent_at__isnull=False,
            organisation__in=visible_organisations(user),
        )
    return positions


def positions_shown_to(user: Any, organisation: Organisation) -> QuerySet[Position]:
    """The organisation's staff and coordinators see every position; others only public
    positions of people who consented to be shown."""
    positions = organisation.positions.select_related("person")
    if not speaks_for(user, organisation):
        positions = positions.filter(is_public=True, person__consent_at__isnull=False)
    return positions


def access_organisation(user: Any, slug: str) -> Organisation:
    try:
        return visible_organisations(user).select_related("locality").get(slug=slug)
    except Organisation.DoesNotExist:
        raise Http404("No such organisation.") from None


def access_organisation_to_edit(user: Any, slug: str) -> Organisation:
    """An organisation whose profile `user` may change: its approved staff, or a coordinator."""
    try:
        organisation = Organisation.objects.get(slug=slug)
    except Organisation.DoesNotExist:
        raise Http404("No such organisation.") from None
    if not speaks_for(user, organisation):
        raise PermissionDenied("Only the organisation's approved staff edit its profile.")
    return organisation


def access_city(slug: str) -> City:
    """A city of the directory (every city is public), or 404."""
    try:
        return City.objects.get(slug=slug)
    except City.DoesNotExist:
        raise Http404("No such city.") from None
