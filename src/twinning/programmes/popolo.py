"""The public network as Popolo JSON (popoloproject.com): organizations, persons, memberships
and events, as one user may see them.

Twinning pairs become organizations of classification "twinning pair" with the two partners
as members; memberships and partnerships between organisations are memberships whose
`member` is an organization; people appear only through their public positions, and to
visitors only when they consented to be shown (`public_positions`).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch

from twinning.directory.access import public_positions, visible_organisations
from twinning.directory.enums import AffiliationKind
from twinning.directory.models import Affiliation, Organisation
from twinning.programmes.access import visible_pairs
from twinning.programmes.models import Event


def _year(value: int | None) -> str | None:
    return str(value) if value else None


def _without_empty(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value not in (None, "", [], {})}


def _organisation(organisation: Organisation, base_url: str) -> dict[str, Any]:
    other_names = (
        [{"name": organisation.name_zh, "note": "zh-Hans"}] if organisation.name_zh else []
    )
    other_names += (
        [{"name": organisation.acronym, "note": "acronym"}] if organisation.acronym else []
    )
    other_names += [{"name": name} for name in organisation.other_names]
    return _without_empty(
        {
            "id": organisation.slug,
            "name": organisation.name,
            "other_names": other_names,
            "classification": organisation.type,
            "identifiers": [
                {"scheme": identifier.scheme, "identifier": identifier.value}
                for identifier in organisation.identifiers.all()
            ],
            "founding_date": _year(organisation.founded),
            "area": _without_empty(
                {
                    "name": organisation.city,
                    "country": organisation.country,
                    "id": organisation.locality.slug if organisation.locality else None,
                }
            ),
            "links": [{"url": organisation.website, "note": "website"}]
            if organisation.website
            else [],
            "sources": [{"url": base_url + organisation.get_absolute_url()}],
        }
    )


def popolo_network(user: Any, *, base_url: str = "") -> dict[str, list[dict[str, Any]]]:
    """Everything `user` may see of the network, in Popolo's four collections."""
    visible = visible_organisations(user)
    organisations = list(
        visible.select_related("locality").prefetch_related("identifiers").order_by("slug")
    )
    result: dict[str, list[dict[str, Any]]] = {
        "organizations": [_organisation(o, base_url) for o in organisations],
        "persons": [],
        "memberships": [],
        "events": [],
    }
    positions = (
        public_positions(user)
        .filter(is_public=True)
        .select_related("person", "organisation")
        .order_by("person__slug", "pk")
    )
    people: dict[str, dict[str, Any]] = {}
    for position in positions:
        person = position.person
        people.setdefault(
            person.slug,
            _without_empty(
                {
                    "id": person.slug,
                    "name": person.name,
                    "other_names": [{"name": person.name_zh, "note": "zh-Hans"}]
                    if person.name_zh
                    else [],
                }
            ),
        )
        result["memberships"].append(
            _without_empty(
                {
                    "id": f"position-{position.pk}",
                    "person_id": person.slug,
                    "organization_id": position.organisation.slug,
                    "role": position.title,
                    "start_date": _year(position.start_year),
                    "end_date": _year(position.end_year),
                }
            )
        )
    result["persons"] = list(people.values())
    affiliations = (
        Affiliation.objects.filter(organisation__in=visible, other__in=visible)
        .select_related("organisation", "other")
        .order_by("pk")
    )
    for affiliation in affiliations:
        result["memberships"].append(
            _without_empty(
                {
                    "id": f"affiliation-{affiliation.pk}",
                    "member": {"@type": "Organization", "id": affiliation.organisation.slug},
                    "organization_id": affiliation.other.slug,
                    "role": "member"
                    if affiliation.kind == AffiliationKind.MEMBERSHIP
                    else "partner",
                    "start_date": _year(affiliation.start_year),
                    "end_date": _year(affiliation.end_year),
                }
            )
        )
    pairs = (
        visible_pairs(user)
        .select_related("cohort__programme", "organisation_a", "organisation_b")
        .order_by("pk")
    )
    for pair in pairs:
        pair_id = f"pair-{pair.pk}"
        result["organizations"].append(
            {
                "id": pair_id,
                "name": f"{pair.organisation_a.name} – {pair.organisation_b.name}",
                "classification": "twinning pair",
                "founding_date": str(pair.cohort.year),
                "parent_id": pair.cohort.programme.slug,
                "sources": [{"url": base_url + pair.get_absolute_url()}],
            }
        )
        for side, organisation in (("a", pair.organisation_a), ("b", pair.organisation_b)):
            result["memberships"].append(
                {
                    "id": f"{pair_id}-{side}",
                    "member": {"@type": "Organization", "id": organisation.slug},
                    "organization_id": pair_id,
                    "role": "twinning partner",
                    "start_date": str(pair.cohort.year),
                }
            )
    events = (
        Event.objects.prefetch_related(Prefetch("organisers", queryset=visible.order_by("slug")))
        .select_related("locality")
        .order_by("start", "slug")
    )
    for event in events:
        organisers = list(event.organisers.all())
        result["events"].append(
            _without_empty(
                {
                    "id": event.slug,
                    "name": event.name,
                    "classification": "event",
                    "start_date": event.start_iso,
                    "end_date": event.end.isoformat() if event.end else None,
                    "organization_id": organisers[0].slug if organisers else None,
                    "location": event.locality.name if event.locality else event.place,
                    "sources": [{"url": base_url + event.get_absolute_url()}],
                }
            )
        )
    return result
