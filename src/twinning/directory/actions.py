"""State changes of the directory; each is atomic and takes keyword-only arguments."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning import topics as vocabulary
from twinning.common.text import unique_slug
from twinning.directory.models import (
    Affiliation,
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
    """Create or update the Topic rows from the shipped vocabulary; returns how many exist."""
    terms = vocabulary.vocabulary()
    by_slug: dict[str, Topic] = {}
    for position, term in enumerate(terms.values()):
        topic, _created = Topic.objects.update_or_create(
            slug=term.slug,
            defaults={
                "name": term.en,
                "name_zh": term.zh,
                "sdgs": list(term.sdgs),
                "position": position,
                "parent": by_slug.get(term.parent or ""),
            },
        )
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
    return organisation


@transaction.atomic
def update_organisation(
    *, organisation: Organisation, topics: Iterable[str] | None = None, **fields: Any
) -> Organisation:
    unknown = set(fields) - ORGANISATION_FIELDS
    if unknown:
        raise DirectoryError(f"Unknown organisation field(s): {', '.join(sorted(unknown))}")
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
    return organisation


@transaction.atomic
def create_person(
    *, name: str, name_zh: str = "", is_sample: bool = False, consent_source: str = ""
) -> Person:
    """A person; shown publicly only when `consent_source` says how they agreed to it."""
    name = name.strip()
    if not name:
        raise DirectoryError(_("A person needs a name."))
    consent_source = consent_source.strip()
    return Person.objects.create(
        name=name,
        name_zh=name_zh,
        slug=unique_slug(Person, name or name_zh),
        is_sample=is_sample,
        consent_at=timezone.now() if consent_source else None,
        consent_source=consent_source[:200],
    )


@transaction.atomic
def appoint(
    *,
    person: Person,
    organisation: Organisation,
    title: str = "",
    title_zh: str = "",
    is_public: bool = True,
) -> Position:
    """Record that `person` holds `title` in `organisation` (idempotent)."""
    position, _created = Position.objects.get_or_create(
        person=person,
        organisation=organisation,
        title=title,
        defaults={"title_zh": title_zh, "is_public": is_public},
    )
    return position


@transaction.atomic
def affiliate(
    *,
    kind: str,
    organisation: Organisation,
    other: Organisation,
    start_year: int | None = None,
    note: str = "",
) -> Affiliation:
    """Record a membership or partnership (idempotent); an organisation cannot join itself."""
    if organisation.pk == other.pk:
        raise DirectoryError(_("An organisation cannot be affiliated with itself."))
    affiliation, _created = Affiliation.objects.get_or_create(
        kind=kind,
        organisation=organisation,
        other=other,
        defaults={"start_year": start_year, "note": note},
    )
    return affiliation


@transaction.atomic
def claim_staff_membership(
    *, user: Any, organisation: Organisation, role: str = ""
) -> StaffMembership:
    membership, created = StaffMembership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    if not created:
        raise DirectoryError(_("You have already claimed this organisation."))
    return membership


@transaction.atomic
def approve_staff_membership(*, membership: StaffMembership) -> StaffMembership:
    membership.is_approved = True
    membership.save(update_fields=["is_approved"])
    return membership
