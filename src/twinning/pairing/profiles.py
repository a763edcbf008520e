"""Organisations as the matching engine sees them (`twinning.matching` profiles)."""

from __future__ import annotations

from collections.abc import Iterable

from twinning.directory.enums import Region
from twinning.directory.models import Organisation
from twinning.directory.sides import side_of
from twinning.matching.profiles import Profile

LANGUAGES_BY_REGION: dict[str, tuple[str, ...]] = {Region.CHINA: ("zh",), Region.EUROPE: ("en",)}


def organisation_profile(organisation: Organisation, side: str | None = None) -> Profile:
    """A profile from the organisation's descriptions (EN and ZH), topics, interests and place.

    Topics must be prefetched (`prefetch_related("topics")`) when profiling many.
    """
    description = " ".join(
        part for part in (organisation.description, organisation.description_zh) if part
    )
    interests = tuple(
        line.strip() for line in organisation.exchange_interests.splitlines() if line.strip()
    )
    return Profile(
        id=str(organisation.pk),
        name=organisation.name,
        side=side or side_of(organisation),
        description=description,
        topics=tuple(topic.slug for topic in organisation.topics.all()),
        interests=interests,
        country=organisation.country or None,
        region=organisation.region or None,
        org_type=organisation.type,
        languages=LANGUAGES_BY_REGION.get(organisation.region, ()),
    )


def organisation_profiles(organisations: Iterable[Organisation]) -> list[Profile]:
    return [organisation_profile(organisation) for organisation in organisations]
