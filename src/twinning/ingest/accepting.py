"""Turning an accepted candidate into directory and programme records, each citing its sentence."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import models
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
from twinning.ingest.accept_programmes import (
    accept_activity,
    accept_programme,
    event_start,
    find_programme,
    organising_programme,
    visit_date,
)
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
from twinning.programmes.models import Programme

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
        "name_zh": (data.get("name_zh") or "").strip()[:300],
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
    from twinning.audit.log import diff, record, snapshot

    before = snapshot(organisation, many=["topics"])
    fields = _organisation_fields(data)
    changed = []
    for key, value in fields.items():
        if key == "type" and value == OrganisationType.OTHER:
            continue
        if value and not getattr(organisation, key):
            setattr(organisation, key, value)
            changed.append(key)
    for name in [data.get("name") or "", *(data.get("other_names") or [])]:
        name = name.strip()
        if name and name not in organisation.all_names:
            organisation.other_names = [*organisation.other_names, name]
            if "other_names" not in changed:
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
    changes = diff(before, snapshot(organisation, many=["topics"]))
    if changes:
        record(actor=user, verb="merged", record=organisation, changes=changes)
    return organisation


def accept_organisation(
    candidate: Candidate, data: dict[str, Any], user: Any, index: OrganisationIndex
) -> models.Model:
    """A new organisation, a known one with its gaps filled, or a programme for a project."""
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
    if (data.get("type") or "").lower() == "project":
        # A project (EC-LINK) runs activities and has partners: it is a programme, not a member.
        programme = accept_programme(data)
        _cite(programme, candidate, user)
        return programme
    organisation = create_organisation(
        actor=user,
        name=data["name"],
        topics=_topic_slugs(data.get("topics") or []),
        other_names=[n for n in data.get("other_names") or [] if n and n != data["name"]],
        **_organisation_fields(data),
    )
    _cite(organisation, candidate, user)
    return organisation


def _accept_event(
    candidate: Candidate, data: dict[str, Any], user: Any, index: OrganisationIndex
) -> models.Model:
    """An event at the precision the page gives; organised by a programme, it is its activity."""
    programme = organising_programme(list(data.get("organisers") or []))
    if programme is not None:
        activity = accept_activity(programme, data)
        _cite(activity, candidate, user)
        return activity
    start, precision = event_start(data)
    organisers = [
        org for org in (_resolve_name(name, index) for name in data.get("organisers") or []) if org
    ]
    event = record_event(
        actor=user,
        name=data["name"][:300],
        name_zh=(data.get("name_zh") or "")[:300],
        start=start,
        start_precision=precision,
        place=(data.get("place") or "")[:200],
        organisers=organisers,
        topics=_topic_slugs(data.get("topics") or []),
    )
    _cite(event, candidate, user)
    return event


def _accept_person(
    candidate: Candidate, data: dict[str, Any], user: Any, index: OrganisationIndex
) -> models.Model:
    person = Person.objects.filter(name=data["name"]).first() or create_person(
        actor=user, name=data["name"], name_zh=(data.get("name_zh") or "")[:200]
    )
    _cite(person, candidate, user)
    organisation = _resolve_name(data["organisation"], index) if data.get("organisation") else None
    if organisation is not None:
        position = appoint(
            actor=user,
            person=person,
            organisation=organisation,
            title=(data.get("role") or "")[:200],
        )
        _cite(position, candidate, user)
    return person


def _imported_programme(document: Document) -> Programme:
    if document.programme is not None:
        return document.programme
    existing = Programme.objects.filter(slug=IMPORTED_PROGRAMME_SLUG).first()
    return existing or create_programme(name="Imported twinning pairs", acronym="", kind="twinning")


def _ends(data: dict[str, Any], index: OrganisationIndex) -> tuple[Organisation, Organisation]:
    first, second = _resolve_name(data["a"], index), _resolve_name(data["b"], index)
    if first is None or second is None:
        missing = [name for name, org in ((data["a"], first), (data["b"], second)) if org is None]
        programmes = [name for name in missing if find_programme(name) is not None]
        if programmes:
            raise IngestError(
                _("%(names)s is a programme, not an organisation: record it on the programme.")
                % {"names": ", ".join(programmes)}
            )
        raise IngestError(
            _("Accept or merge these organisations first: %(names)s.")
            % {"names": ", ".join(missing)}
        )
    return first, second


def _participants(
    data: dict[str, Any], index: OrganisationIndex
) -> list[tuple[Person, Organisation | None, str, bool]]:
    """The visit's people as (person, organisation, role, leads) with their written names."""
    rows = []
    seen: set[str] = set()
    for entry in data.get("participants") or []:
        name = (entry.get("name") or "").strip()[:200]
        if not name or name in seen:
            continue
        seen.add(name)
        person = Person.objects.filter(name=name).first() or create_person(name=name)
        organisation = (
            _resolve_name(entry["organisation"], index) if entry.get("organisation") else None
        )
        rows.append(
            (person, organisation, (entry.get("role") or "")[:200], bool(entry.get("leader")))
        )
    return rows


def _accept_visit(
    candidate: Candidate, data: dict[str, Any], user: Any, index: OrganisationIndex
) -> models.Model:
    """A delegation visit on its date, with its people, their roles and organisations."""
    visitor, host = _ends(data, index)
    date, precision = visit_date(data)
    participants = _participants(data, index)
    visitors = [visitor]
    for _person, organisation, _role, _leads in participants:
        if organisation is not None and organisation.pk != host.pk and organisation not in visitors:
            visitors.append(organisation)
    visit = record_visit(
        actor=user,
        date=date,
        date_precision=precision,
        host=host,
        visitors=visitors,
        participants=participants,
        topics=_topic_slugs(data.get("topics") or []),
        summary=(data.get("summary") or "")[:2000],
    )
    _cite(visit, candidate, user)
    return visit


def _accept_partnership(
    candidate: Candidate, data: dict[str, Any], user: Any, index: OrganisationIndex
) -> models.Model:
    kind = data.get("kind")
    if kind == "visit":
        return _accept_visit(candidate, data, user, index)
    first, second = _ends(data, index)
    if kind == "twinning":
        if not data.get("year"):
            # A cohort year is a fact of the page, never today's year by default.
            raise IngestError(
                _("The page states no cohort year for this pair: enter the year, then accept.")
            )
        cohort = open_cohort(programme=_imported_programme(candidate.document), year=data["year"])
        result: models.Model = form_pair(
            actor=user,
            cohort=cohort,
            organisation_a=first,
            organisation_b=second,
            topics=_topic_slugs(data.get("topics") or []),
        )
    else:
        affiliation_kind = (
            AffiliationKind.MEMBERSHIP if kind == "membership" else AffiliationKind.PARTNER
        )
        result = affiliate(
            actor=user,
            kind=affiliation_kind,
            organisation=first,
            other=second,
            start_year=data.get("year"),
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
