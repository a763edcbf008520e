"""State changes of city-to-city cooperation: pilot cities, city pairs, the cities of activities.

Each takes the actor and refuses anyone but a coordinator; `place_programme_records` is the
system step (demo, migration, CLI) that ties free-text places to city records.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from twinning.directory.access import is_coordinator
from twinning.directory.actions import locate_city, topics_by_slug
from twinning.directory.geography import region_of
from twinning.directory.models import City
from twinning.programmes.models import Activity, CityPair, Event, Programme


class CityCooperationError(ValueError):
    """A city-to-city change refused, with a message for the person who asked."""


def _require_coordinator(actor: Any) -> None:
    if not is_coordinator(actor):
        raise PermissionDenied(_("Only coordinators change city-to-city cooperation."))


@transaction.atomic
def add_pilot_city(*, actor: Any, programme: Programme, city: City) -> Programme:
    """Name `city` a pilot city of `programme` (idempotent)."""
    _require_coordinator(actor)
    programme.pilot_cities.add(city)
    return programme


@transaction.atomic
def remove_pilot_city(*, actor: Any, programme: Programme, city: City) -> Programme:
    _require_coordinator(actor)
    programme.pilot_cities.remove(city)
    return programme


@transaction.atomic
def pair_cities(
    *,
    actor: Any,
    city_a: City,
    city_b: City,
    start_year: int,
    end_year: int | None = None,
    programme: Programme | None = None,
    topics: Iterable[str] = (),
    description: str = "",
    description_zh: str = "",
    is_sample: bool = False,
) -> CityPair:
    """Record two cities cooperating on themes from `start_year`; a city never pairs itself."""
    _require_coordinator(actor)
    if city_a.pk == city_b.pk:
        raise CityCooperationError(_("A city cannot be paired with itself."))
    if region_of(city_a.country) == "china" and region_of(city_b.country) != "china":
        city_a, city_b = city_b, city_a
    if CityPair.objects.filter(programme=programme, city_a=city_a, city_b=city_b).exists():
        raise CityCooperationError(
            _("%(a)s and %(b)s are already paired.") % {"a": city_a.name, "b": city_b.name}
        )
    topic_rows = topics_by_slug(topics)
    pair = CityPair(
        programme=programme,
        city_a=city_a,
        city_b=city_b,
        start_year=start_year,
        end_year=end_year,
        description=description,
        description_zh=description_zh,
        is_sample=is_sample,
    )
    try:
        pair.full_clean(validate_constraints=False)
    except ValidationError as error:
        raise CityCooperationError(" ".join(error.messages)) from None
    pair.save()
    pair.topics.set(topic_rows)
    return pair


@transaction.atomic
def set_activity_cities(*, actor: Any, activity: Activity, cities: Iterable[City]) -> Activity:
    """The cities that took part in an inter-city lab, a training or a workshop."""
    _require_coordinator(actor)
    activity.cities.set(list(cities))
    return activity


@transaction.atomic
def place_programme_records() -> dict[str, int]:
    """Tie events and activities whose place text names a known city to that city."""
    placed = {"events": 0, "activities": 0}
    for event in Event.objects.filter(locality__isnull=True).exclude(place=""):
        city = locate_city(name=event.place, country=event.country)
        if city is not None:
            event.locality = city
            event.save(update_fields=["locality"])
            placed["events"] += 1
    for activity in Activity.objects.filter(cities__isnull=True).exclude(place=""):
        city = locate_city(name=activity.place)
        if city is not None:
            activity.cities.add(city)
            placed["activities"] += 1
    return placed
