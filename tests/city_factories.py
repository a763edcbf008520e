"""factory_boy factories for cities and city pairs (kept apart from tests/factories.py)."""

from __future__ import annotations

import factory

from tests.factories import ProgrammeFactory
from twinning.directory.models import City
from twinning.programmes.models import CityPair


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City

    name = factory.Sequence(lambda n: f"Rivertown {n}")
    slug = factory.Sequence(lambda n: f"rivertown-{n}")
    country = "DE"
    latitude = 50.0
    longitude = 8.0
    population = 250_000


class CityPairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CityPair
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammeFactory)
    city_a = factory.SubFactory(CityFactory, country="FR", latitude=45.75, longitude=4.85)
    city_b = factory.SubFactory(CityFactory, country="CN", latitude=30.66, longitude=104.07)
    start_year = 2019
    end_year = 2022
