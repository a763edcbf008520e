"""Fill the new city records from the free-text cities and places the gazetteer resolves."""

from typing import Any

from django.db import migrations
from django.utils.text import slugify


def _city_for(City: Any, cache: dict[tuple[str, str], Any], name: str, country: str) -> Any:
    from twinning.directory.enums import population_band
    from twinning.directory.places import find_city

    key = (name.strip().casefold(), country)
    if key in cache:
        return cache[key]
    found = find_city(name, country)
    city = None
    if found is not None:
        city = City.objects.filter(geonameid=found.geonameid).first()
        if city is None:
            base = slugify(f"{found.name} {found.country}") or f"city-{found.geonameid}"
            slug, counter = base, 2
            while City.objects.filter(slug=slug).exists():
                slug, counter = f"{base}-{counter}", counter + 1
            city = City.objects.create(
                name=found.name,
                name_zh=found.name_zh,
                slug=slug,
                country=found.country,
                province=found.province,
                province_zh=found.province_zh,
                latitude=found.latitude,
                longitude=found.longitude,
                population=found.population or None,
                population_band=population_band(found.population),
                geonameid=found.geonameid,
            )
    cache[key] = city
    return city


def place_records(apps: Any, schema_editor: Any) -> None:
    City = apps.get_model("directory", "City")
    Organisation = apps.get_model("directory", "Organisation")
    Event = apps.get_model("programmes", "Event")
    Activity = apps.get_model("programmes", "Activity")
    cache: dict[tuple[str, str], Any] = {}
    for organisation in Organisation.objects.filter(locality__isnull=True).exclude(city=""):
        city = _city_for(City, cache, organisation.city, organisation.country)
        if city is not None:
            Organisation.objects.filter(pk=organisation.pk).update(locality=city)
    for event in Event.objects.filter(locality__isnull=True).exclude(place=""):
        city = _city_for(City, cache, event.place, event.country)
        if city is not None:
            Event.objects.filter(pk=event.pk).update(locality=city)
    for activity in Activity.objects.exclude(place=""):
        city = _city_for(City, cache, activity.place, "")
        if city is not None:
            activity.cities.add(city)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0002_city_record_and_organisation_locality"),
        ("programmes", "0003_cities_pilot_cities_city_pairs"),
    ]

    operations = [migrations.RunPython(place_records, migrations.RunPython.noop)]
