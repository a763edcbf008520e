"""The grants a programme awards as 360Giving JSON (standard.threesixtygiving.org): one grant
to each partner of each pair, and one to the host of each placement, at the programme's rates.

Reads only what `user` may see: pairs through `visible_pairs`, placements through
`visible_placements` (visitors see none: placements name people's stays). Organisations are
identified by their org-id identifier when they have one, else by a 360G- prefixed slug.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.utils.text import slugify

from twinning.directory import geography
from twinning.directory.models import Identifier, Organisation
from twinning.exchanges.access import visible_placements
from twinning.exchanges.enums import PlacementStatus
from twinning.programmes.access import visible_pairs
from twinning.programmes.models import Programme

PREFIX = "360G-twinning"
REQUIRED = (
    "identifier",
    "title",
    "description",
    "currency",
    "amountAwarded",
    "awardDate",
    "recipientOrganization",
    "fundingOrganization",
)


def organisation_id(organisation: Organisation) -> str:
    """An org-id ("GB-CHC-1234567") when the organisation has one, else a 360G- identifier."""
    identifiers: list[Identifier] = list(organisation.identifiers.all())
    if identifiers:
        first = min(identifiers, key=lambda item: (item.scheme, item.value))
        return f"{first.scheme}-{first.value}"
    return f"{PREFIX}-org-{organisation.slug}"


def _organisation(organisation: Organisation, base_url: str) -> dict[str, Any]:
    record: dict[str, Any] = {"id": organisation_id(organisation), "name": organisation.name}
    if organisation.city:
        record["addressLocality"] = organisation.city
    if organisation.country:
        record["addressCountry"] = geography.country_name(organisation.country, "en")
    record["url"] = base_url + organisation.get_absolute_url()
    return record


def _funders(programme: Programme, base_url: str) -> list[dict[str, Any]]:
    """The funder the programme names ("European Union"), else its first organiser, else itself."""
    if programme.funder:
        return [{"id": f"{PREFIX}-funder-{slugify(programme.funder)}", "name": programme.funder}]
    organisers = list(programme.organisers.all())
    if organisers:
        return [_organisation(organisers[0], base_url)]
    return [{"id": f"{PREFIX}-programme-{programme.slug}", "name": programme.name}]


def _amount(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def programme_grants(user: Any, programme: Programme, *, base_url: str = "") -> dict[str, Any]:
    """`{"grants": [...]}` for the pairs and placements of `programme` that `user` may see."""
    organisations = Organisation.objects.prefetch_related("identifiers")
    funders = _funders(
        Programme.objects.prefetch_related(
            Prefetch("organisers", queryset=organisations.order_by("name"))
        ).get(pk=programme.pk),
        base_url,
    )
    common = {"currency": programme.currency, "fundingOrganization": funders}
    programme_record = {
        "code": programme.slug,
        "title": programme.name,
        "url": base_url + programme.get_absolute_url(),
    }
    grants: list[dict[str, Any]] = []
    if programme.grant_per_partner is not None and programme.currency:
        pairs = (
            visible_pairs(user)
            .filter(cohort__programme=programme)
            .select_related("cohort")
            .prefetch_related(
                Prefetch("organisation_a", queryset=organisations),
                Prefetch("organisation_b", queryset=organisations),
            )
            .order_by("cohort__year", "pk")
        )
        for pair in pairs:
            for side, recipient, partner in (
                ("a", pair.organisation_a, pair.organisation_b),
                ("b", pair.organisation_b, pair.organisation_a),
            ):
                grants.append(
                    {
                        "identifier": f"{PREFIX}-pair-{pair.pk}-{side}",
                        "title": f"{programme.name} {pair.cohort.year}: {recipient.name} "
                        f"with {partner.name}",
                        "description": pair.focus or programme.description or programme.name,
                        "amountAwarded": _amount(programme.grant_per_partner),
                        "awardDate": pair.created_at.date().isoformat(),
                        "recipientOrganization": [_organisation(recipient, base_url)],
                        "grantProgramme": [programme_record],
                        "url": base_url + pair.get_absolute_url(),
                        **common,
                    }
                )
    if programme.grant_per_placement is not None and programme.currency:
        placements = (
            visible_placements(user)
            .filter(pair__cohort__programme=programme)
            .exclude(status=PlacementStatus.CANCELLED)
            .prefetch_related(Prefetch("host", queryset=organisations))
            .order_by("planned_start", "pk")
        )
        for placement in placements:
            grants.append(
                {
                    "identifier": f"{PREFIX}-placement-{placement.pk}",
                    "title": f"{programme.name}: placement at {placement.host.name}",
                    "description": f"A staff placement at {placement.host.name} "
                    f"({placement.get_direction_display()}).",
                    "amountAwarded": _amount(programme.grant_per_placement),
                    "awardDate": placement.created_at.date().isoformat(),
                    "plannedDates": [
                        {
                            "startDate": placement.planned_start.isoformat(),
                            "endDate": placement.planned_end.isoformat(),
                        }
                    ],
                    "recipientOrganization": [_organisation(placement.host, base_url)],
                    "grantProgramme": [programme_record],
                    **common,
                }
            )
    return {"grants": grants}
