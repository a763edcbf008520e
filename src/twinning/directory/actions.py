"""State changes of the directory; each is atomic and takes keyword-only arguments."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning import topics as vocabulary
from twinning.audit.enums import Verb
from twinning.audit.log import created, diff, record, removed, snapshot
from twinning.common.text import unique_slug
from twinning.directory import places
from twinning.directory.access import is_coordinator, may_manage_staff_roles, speaks_for
from twinning.directory.models import (
    Affiliation,
    City,
    Identifier,
    Organisation,
    Person,
    Position,
    StaffMembership,
    Topic,
)

ORGANISATION_FIELDS = {
    "name",
    "name_zh",
    "acronym",
    "other_names",
    "country",
    "province",
    "city",
    "founded",
    "type",
    "description",
    "description_zh",
    "exchange_interests",
    "website",
    "sdgs",
    "is_published",
    "is_sample",
}


class DirectoryError(ValueError):
    """A change the directory refuses, with a message for the person who asked."""


def sync_topics() -> int:
    """Create or update the Topic rows from the shipped vocabulary; returns how many exist.

    Rows already equal to the vocabulary are left alone, so a `migrate` that changes nothing
    writes nothing (and bumps no cache counter)."""
    terms = vocabulary.vocabulary()
    existing = {topic.slug: topic for topic in Topic.objects.all()}
    by_slug: dict[str, Topic] = {}
    for position, term in enumerate(terms.values()):
        parent = by_slug.get(term.parent or "")
        wanted = {
            "name": term.en,
            "name_zh": term.zh,
            "sdgs": list(term.sdgs),
            "position": position,
            "parent_id": parent.pk if parent else None,
        }
        topic = existing.get(term.slug)
        if topic is None:
            topic = Topic.objects.create(slug=term.slug, **wanted)
        elif any(getattr(topic, field) != value for field, value in wanted.items()):
            for field, value in wanted.items():
                setattr(topic, field, value)
            topic.save()
        by_slug[term.slug] = topic
    return len(by_slug)


def topics_by_slug(slugs: Iterable[str]) -> list[Topic]:
    wanted = [s for s in dict.fromkeys(slugs) if s]
    found = {t.slug: t for t in Topic.objects.filter(slug__in=wanted)}
    missing = [s for s in wanted if s not in found]
    if missing:
        raise DirectoryError(_("Unknown topic(s): %(topics)s") % {"topics": ", ".join(missing)})
    return [found[s] for s in wanted]


def _sdgs_for(topics: list[Topic]) -> list[int]:
    return sorted({goal for topic in topics for goal in topic.sdgs})


@transaction.atomic
def create_organisation(
    *,
    name: str,
    actor: Any = None,
    topics: Iterable[str] = (),
    identifiers: Iterable[tuple[str, str]] = (),
    **fields: Any,
) -> Organisation:
    """Create an organisation; topics are vocabulary slugs and imply its SDG goals."""
    name = name.strip()
    if not name:
        raise DirectoryError(_("An organisation needs a name."))
    unknown = set(fields) - ORGANISATION_FIELDS
    if unknown:
        raise DirectoryError(f"Unknown organisation field(s): {', '.join(sorted(unknown))}")
    topic_rows = topics_by_slug(topics)
    organisation = Organisation(
        name=name,
        slug=unique_slug(
            Organisation, fields.get("acronym") and f"{name} {fields['acronym']}" or name
        ),
        **fields,
    )
    if not organisation.sdgs:
        organisation.sdgs = _sdgs_for(topic_rows)
    organisation.full_clean()
    organisation.save()
    organisation.topics.set(topic_rows)
    for scheme, value in identifiers:
        Identifier.objects.create(organisation=organisation, scheme=scheme, value=value)
    record(
        actor=actor,
        verb=Verb.CREATED,
        record=organisation,
        changes=created(organisation, many=["topics"]),
    )
    return organisation


@transaction.atomic
def update_organisation(
    *,
    organisation: Organisation,
    topics: Iterable[str] | None = None,
    actor: Any = None,
    **fields: Any,
) -> Organisation:
    """Change an organisation's fields and topics; publishing is `is_published=True`."""
    unknown = set(fields) - ORGANISATION_FIELDS
    if unknown:
        raise DirectoryError(f"Unknown organisation field(s): {', '.join(sorted(unknown))}")
    many = ["topics"] if topics is not None else []
    before = snapshot(organisation, many=many)
    for key, value in fields.items():
        setattr(organisation, key, value)
    organisation.full_clean()
    organisation.save()
    if topics is not None:
        topic_rows = topics_by_slug(topics)
        organisation.topics.set(topic_rows)
        if "sdgs" not in fields:
            organisation.sdgs = _sdgs_for(topic_rows)
            organisation.save(update_fields=["sdgs"])
    changes = diff(before, snapshot(organisation, many=many))
    if changes:
        verb = Verb.UPDATED
        if set(changes) == {"is_published"}:
            verb = Verb.PUBLISHED if organisation.is_published else Verb.UNPUBLISHED
        record(actor=actor, verb=verb, record=organisation, changes=changes)
    return organisation


@transaction.atomic
def create_person(
    *,
    name: str,
    name_zh: str = "",
    is_sample: bool = False,
    consent_source: str = "",
    actor: Any = None,
) -> Person:
    """A person; shown publicly only when `consent_source` says how they agreed to it."""
    name = name.strip()
    if not name:
        raise DirectoryError(_("A person needs a name."))
    consent_source = consent_source.strip()
    person = Person.objects.create(
        name=name,
        name_zh=name_zh,
        slug=unique_slug(Person, name or name_zh),
        is_sample=is_sample,
        consent_at=timezone.now() if consent_source else None,
        consent_source=consent_source[:200],
    )
    record(actor=actor, verb=Verb.CREATED, record=person, changes=created(person))
    return person


@transaction.atomic
def appoint(
    *,
    person: Person,
    organisation: Organisation,
    title: str = "",
    title_zh: str = "",
    is_public: bool = True,
    actor: Any = None,
) -> Position:
    """Record that `person` holds `title` in `organisation` (idempotent)."""
    position, is_new = Position.objects.get_or_create(
        person=person,
        organisation=organisation,
        title=title,
        defaults={"title_zh": title_zh, "is_public": is_public},
    )
    if is_new:
        record(actor=actor, verb=Verb.CREATED, record=position, changes=created(position))
    return position


@transaction.atomic
def affiliate(
    *,
    kind: str,
    organisation: Organisation,
    other: Organisation,
    start_year: int | None = None,
    note: str = "",
    actor: Any = None,
) -> Affiliation:
    """Record a membership or partnership (idempotent); an organisation cannot join itself."""
    if organisation.pk == other.pk:
        raise DirectoryError(_("An organisation cannot be affiliated with itself."))
    affiliation, is_new = Affiliation.objects.get_or_create(
        kind=kind,
        organisation=organisation,
        other=other,
        defaults={"start_year": start_year, "note": note},
    )
    if is_new:
        record(actor=actor, verb=Verb.CREATED, record=affiliation, changes=created(affiliation))
    return affiliation


@transaction.atomic
def claim_staff_membership(
    *, user: Any, organisation: Organisation, role: str = ""
) -> StaffMembership:
    membership, is_new = StaffMembership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    if not is_new:
        raise DirectoryError(_("You have already claimed this organisation."))
    record(actor=user, verb=Verb.CREATED, record=membership, changes=created(membership))
    return membership


@transaction.atomic
def approve_staff_membership(*, membership: StaffMembership, actor: Any = None) -> StaffMembership:
    """Grant the claimed role: the user now speaks for the organisation (a coordinator, or
    the system when `actor` is None: the demo loader)."""
    if actor is not None and not may_manage_staff_roles(actor):
        raise PermissionDenied(_("Only coordinators approve claims."))
    # Re-read under a lock, so two approvals grant once; user and organisation (the audit
    # label) come in the same query.
    current = (
        StaffMembership.objects.select_for_update(of=("self",))
        .select_related("user", "organisation")
        .get(pk=membership.pk)
    )
    if current.is_approved:
        membership.is_approved = True
        return membership
    current.is_approved = membership.is_approved = True
    current.save(update_fields=["is_approved"])
    record(
        actor=actor,
        verb=Verb.GRANTED,
        record=current,
        changes={"is_approved": [False, True]},
    )
    return membership


@transaction.atomic
def revoke_staff_membership(*, actor: Any, membership: StaffMembership) -> None:
    """A coordinator withdraws a user's right to speak for an organisation (the role is
    deleted, the audit log keeps what it was); a role revoked meanwhile is refused."""
    if not may_manage_staff_roles(actor):
        raise PermissionDenied(_("Only coordinators revoke a role."))
    current = (
        StaffMembership.objects.select_for_update(of=("self",))
        .select_related("user", "organisation")
        .filter(pk=membership.pk)
        .first()
    )
    if current is None:
        raise DirectoryError(_("This role was already revoked."))
    record(
        actor=actor,
        verb=Verb.REVOKED,
        record=current,
        changes=removed(current),
    )
    current.delete()


CITY_FIELDS = {
    "name",
    "name_zh",
    "country",
    "province",
    "province_zh",
    "latitude",
    "longitude",
    "population",
    "geonameid",
}


def _check_city_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - CITY_FIELDS
    if unknown:
        raise DirectoryError(f"Unknown city field(s): {', '.join(sorted(unknown))}")


def _save_city(city: City) -> City:
    try:
        city.full_clean()
    except ValidationError as error:
        raise DirectoryError(" ".join(error.messages)) from None
    city.save()
    return city


def _require_coordinator(actor: Any) -> None:
    if not is_coordinator(actor):
        raise PermissionDenied(_("Only coordinators change the cities."))


@transaction.atomic
def create_city(*, actor: Any, name: str, country: str, **fields: Any) -> City:
    """A coordinator adds a city by hand (coordinates and population optional)."""
    _require_coordinator(actor)
    _check_city_fields(fields)
    name = name.strip()
    if not name:
        raise DirectoryError(_("A city needs a name."))
    country = country.strip().upper()
    if City.objects.filter(name__iexact=name, country=country).exists():
        raise DirectoryError(_("%(name)s is already a city of the directory.") % {"name": name})
    city = City(name=name, country=country, slug=unique_slug(City, f"{name} {country}"), **fields)
    _save_city(city)
    record(actor=actor, verb=Verb.CREATED, record=city, changes=created(city))
    return city


@transaction.atomic
def update_city(*, actor: Any, city: City, **fields: Any) -> City:
    """A coordinator corrects a city's names, province, coordinates or population."""
    _require_coordinator(actor)
    _check_city_fields(fields)
    before = snapshot(city)
    for key, value in fields.items():
        setattr(city, key, value)
    _save_city(city)
    changes = diff(before, snapshot(city))
    if changes:
        record(actor=actor, verb=Verb.UPDATED, record=city, changes=changes)
    return city


def find_known_city(name: str, country: str = "") -> City | None:
    """A city already in the directory under this English or Chinese name (and country)."""
    text = name.strip()
    if not text:
        return None
    cities = City.objects.filter(
        Q(name__iexact=text) | Q(name_zh=text) | Q(name_zh=text.removesuffix("市"))
    )
    if country:
        cities = cities.filter(country=country.upper())
    return cities.order_by("-population").first()


@transaction.atomic
def locate_city(*, name: str, country: str = "") -> City | None:
    """The directory's city for a free-text place, adding it from the gazetteer; None if unknown."""
    known = find_known_city(name, country)
    if known is not None:
        return known
    found = places.find_city(name, country)
    if found is None:
        return None
    city = City.objects.filter(geonameid=found.geonameid).first()
    if city is not None:
        return city
    city = City(
        name=found.name,
        name_zh=found.name_zh,
        slug=unique_slug(City, f"{found.name} {found.country}"),
        country=found.country,
        province=found.province,
        province_zh=found.province_zh,
        latitude=found.latitude,
        longitude=found.longitude,
        population=found.population or None,
        geonameid=found.geonameid,
    )
    return _save_city(city)


@transaction.atomic
def set_organisation_city(
    *, actor: Any, organisation: Organisation, city: City | None
) -> Organisation:
    """Tie an organisation to its city (its staff or a coordinator); the city text follows."""
    if not speaks_for(actor, organisation):
        raise PermissionDenied(_("Only the organisation's approved staff edit its profile."))
    if city is not None and organisation.country and city.country != organisation.country:
        raise DirectoryError(
            _("%(city)s is not in the organisation's country.") % {"city": city.name}
        )
    before = snapshot(organisation, ["locality", "city"])
    organisation.locality = city
    if city is not None:
        organisation.city = city.name
    organisation.save(update_fields=["locality", "city", "updated_at"])
    changes = diff(before, snapshot(organisation, ["locality", "city"]))
    if changes:
        record(actor=actor, verb=Verb.UPDATED, record=organisation, changes=changes)
    return organisation


@transaction.atomic
def place_organisations() -> int:
    """Tie every organisation without a city record to the city its text names; returns how many."""
    placed = 0
    for organisation in Organisation.objects.filter(locality__isnull=True).exclude(city=""):
        city = locate_city(name=organisation.city, country=organisation.country)
        if city is not None:
            organisation.locality = city
            organisation.save(update_fields=["locality"])
            record(
                actor=None,
                verb=Verb.UPDATED,
                record=organisation,
                changes={"locality": [None, city.pk]},
            )
            placed += 1
    return placed


def _record_identifier_change(*, actor: Any, organisation: Organisation, note: str) -> None:
    # Provenance lives in the library app (to the right of the directory): imported here so
    # the directory's models never depend on it.
    from twinning.library.actions import cite
    from twinning.library.enums import SourceMethod

    cite(
        organisation,
        method=SourceMethod.PERSON,
        field="identifiers",
        note=note[:300],
        entered_by=actor if getattr(actor, "is_authenticated", False) else None,
    )


@transaction.atomic
def add_identifier(
    *, actor: Any, organisation: Organisation, scheme: str, value: str
) -> Identifier:
    """Record an org-id identifier (its staff or a coordinator), checked against org-id.guide;
    one that another organisation holds is refused."""
    from twinning.directory.identifiers import IdentifierRefused, clean_identifier

    if not speaks_for(actor, organisation):
        raise PermissionDenied(_("Only the organisation's approved staff edit its profile."))
    try:
        code, text = clean_identifier(scheme, value)
    except IdentifierRefused as error:
        raise DirectoryError(str(error)) from None
    holder = Identifier.objects.filter(scheme=code, value=text).select_related("organisation")
    existing = holder.first()
    if existing is not None:
        if existing.organisation_id == organisation.pk:
            raise DirectoryError(_("%(id)s is already recorded.") % {"id": f"{code}-{text}"})
        raise DirectoryError(
            _("%(id)s belongs to %(organisation)s.")
            % {"id": f"{code}-{text}", "organisation": existing.organisation.name}
        )
    identifier = Identifier.objects.create(organisation=organisation, scheme=code, value=text)
    record(actor=actor, verb=Verb.CREATED, record=identifier, changes=created(identifier))
    _record_identifier_change(
        actor=actor, organisation=organisation, note=f"identifier {code}-{text} added"
    )
    return identifier


@transaction.atomic
def remove_identifier(*, actor: Any, identifier: Identifier) -> None:
    """Remove an identifier of an organisation (its staff or a coordinator)."""
    organisation = identifier.organisation
    if not speaks_for(actor, organisation):
        raise PermissionDenied(_("Only the organisation's approved staff edit its profile."))
    label = f"{identifier.scheme}-{identifier.value}"
    record(actor=actor, verb=Verb.DELETED, record=identifier, changes=removed(identifier))
    identifier.delete()
    _record_identifier_change(
        actor=actor, organisation=organisation, note=f"identifier {label} removed"
    )
