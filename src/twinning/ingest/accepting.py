"""Turning an accepted candidate into directory and programme records, each citing its sentence."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning import topics as vocabulary
from twinning.directory.actions import (
    affiliate,
    appoint,
    create_organisation,
    create_person,
)
from twinning.directory.enums import AffiliationKind, OrganisationType
from twinning.directory.models import Organisation, Person, Topic
from twinning.ingest.enums import CandidateKind
from twinning.ingest.errors import IngestError
from twinning.ingest.models import Candidate
from twinning.ingest.resolution import OrganisationIndex
from twinning.library.actions import cite
from twinning.library.enums import SourceMethod
from twinning.library.models import Document
from twinning.programmes.actions import (
    create_programme,
    form_pair,
    open_cohort,
    record_event,
    record_visit,
)
from twinning.programmes.models import Programme, date_from_parts

IMPORTED_PROGRAMME_SLUG = "imported-twinning-pairs"
EXTRACTED_TYPES = {
    "ngo": OrganisationType.NGO,
    "society": OrganisationType.SOCIETY,
    "association": OrganisationType.ASSOCIATION,
    "foundation": OrganisationType.FOUNDATION,
    "network": OrganisationType.NETWORK,
    "youth organisation": OrganisationType.YOUTH,
    "research centre": OrganisationType.RESEARCH,
    "municipality": OrganisationType.MUNICIPALITY,
    "project": OrganisationType.PROJECT,
    "company": OrganisationType.COMPANY,
    "government": OrganisationType.GOVERNMENT,
    "university": OrganisationType.UNIVERSITY,
}


def _cite(subject: models.Model, candidate: Candidate, user: Any, field: str = "") -> None:
    cite(
        subject,
        method=SourceMethod.DOCUMENT,
        field=field,
        document=candidate.document,
        quote=candidate.evidence,
        entered_by=user,
    )


def _resolve_name(name: str, index: OrganisationIndex) -> Organisation | None:
    match = index.resolve(name)
    return Organisation.objects.filter(pk=match.organisation_id).first() if match else None


def _organisation_fields(data: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "acronym": (data.get("acronym") or "")[:40],
        "country": (data.get("country") or "").upper(),
        "city": (data.get("city") or "")[:120],
        "founded": data.get("founded"),
        "type": EXTRACTED_TYPES.get((data.get("type") or "").lower(), OrganisationType.OTHER),
        "description": data.get("description") or "",
    }
    return fields


def _topic_slugs(labels: list[str]) -> list[str]:
    slugs = [vocabulary.normalise_topic(label) or "" for label in labels]
    return [slug for slug in dict.fromkeys(slugs) if slug]


def fill_gaps(
    organisation: Organisation, data: dict[str, Any], candidate: Candidate, user: Any
) -> Organisation:
    """Merge extracted facts into an existing record: empty fields get filled, nothing is overwritten."""
    fields = _organisation_fields(data)
    changed = []
    for key, value in fields.items():
        if key == "type" and value == OrganisationType.OTHER:
            continue
        if value and not getattr(organisation, key):
            setattr(organisation, key, value)
            changed.append(key)
    name = (data.get("name") or "").strip()
    if name and name not in organisation.all_names:
        organisation.other_names = [*organisation.other_names, name]
        changed.append("other_names")
    organisation.full_clean()
    organisation.save()
    known_topics = set(organisation.topics.values_list("slug", flat=True))
    new_topics = [t for t in _topic_slugs(data.get("topics") or []) if t not in known_topics]
    if new_topics:
        organisation.topics.add(*Topic.objects.filter(slug__in=new_topics))
        changed.append("topics")
    for field_name in changed:
        _cite(organisation, candidate, user, field_name)
    return organisation


def accept_organisation(
    candidate: Candidate, data: dict[str, Any], user: Any, index: OrganisationIndex
) -> Organisation:
    if candidate.match is None:
        # The directory may have grown since the candidate was queued (another document accepted).
        found = index.resolve(data["name"], data.get("acronym"), data.get("country"))
        if found is not None:
            candidate.match_id, candidate.match_score, candidate.match_reason = (
                found.organisation_id,
                found.score,
                found.reason,
            )
    if candidate.match_id is not None:
        return fill_gaps(Organisation.objects.get(pk=candidate.match_id), data, candidate, user)
    organisation = create_organisation(
        name=data["name"],
        topics=_topic_slugs(data.get("topics") or []),
        **_organisation_fields(data),
    )
    _cite(organisation, candidate, user)
    return organisation


def _parse_start(start: str | None) -> tuple[datetime.date | None, str]:
    if not start:
        return None, "day"
    parts = [int(p) for p in start.split("-")]
    return date_from_parts(*parts)


def _accept_event(
    candidate: Candidate, data: dict[str, Any], user: Any, index: OrganisationIndex
) -> models.Model:
    start, precision = _parse_start(data.get("start"))
    organisers = [
        org for org in (_resolve_name(name, index) for name in data.get("organisers") or []) if org
    ]
    event = record_event(
        name=data["name"][:300],
        start=start,
        start_precision=precision,
        place=(data.get("place") or "")[:200],
        organisers=organisers,
    )
    _cite(event, candidate, user)
    return event


def _accept_person(
    candidate: Candidate, data: dict[str, Any], user: Any, index: OrganisationIndex
) -> models.Model:
    person = Person.objects.filter(name=data["name"]).first() or create_person(name=data["name"])
    _cite(person, candidate, user)
    organisation = _resolve_name(data["organisation"], index) if data.get("organisation") else None
    if organisation is not None:
        position = appoint(
            person=person, organisation=organisation, title=(data.get("role") or "")[:200]
        )
        _cite(position, candidate, user)
    return person


def _imported_programme(document: Document) -> Programme:
    if document.programme is not None:
        return document.programme
    existing = Programme.objects.filter(slug=IMPORTED_PROGRAMME_SLUG).first()
    return existing or create_programme(name="Imported twinning pairs", acronym="", kind="twinning")


def _accept_partnership(
    candidate: Candidate, data: dict[str, Any], user: Any, index: OrganisationIndex
) -> models.Model:
    first, second = _resolve_name(data["a"], index), _resolve_name(data["b"], index)
    if first is None or second is None:
        missing = [name for name, org in ((data["a"], first), (data["b"], second)) if org is None]
        raise IngestError(
            _("Accept or merge these organisations first: %(names)s.")
            % {"names": ", ".join(missing)}
        )
    kind = data.get("kind")
    year = data.get("year") or (
        candidate.document.published.year if candidate.document.published else timezone.now().year
    )
    if kind == "twinning":
        cohort = open_cohort(programme=_imported_programme(candidate.document), year=year)
        result: models.Model = form_pair(
            cohort=cohort,
            organisation_a=first,
            organisation_b=second,
            topics=_topic_slugs(data.get("topics") or []),
        )
    elif kind == "visit":
        result = record_visit(
            date=datetime.date(year, 1, 1),
            host=second,
            visitors=[first],
            topics=_topic_slugs(data.get("topics") or []),
        )
    else:
        affiliation_kind = (
            AffiliationKind.MEMBERSHIP if kind == "membership" else AffiliationKind.PARTNER
        )
        result = affiliate(
            kind=affiliation_kind, organisation=first, other=second, start_year=data.get("year")
        )
    _cite(result, candidate, user)
    return result


ACCEPT_BY_KIND: dict[
    str, Callable[[Candidate, dict[str, Any], Any, OrganisationIndex], models.Model]
] = {
    CandidateKind.EVENT: _accept_event,
    CandidateKind.PERSON: _accept_person,
    CandidateKind.PARTNERSHIP: _accept_partnership,
}
