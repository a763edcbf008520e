"""factory_boy factories for the foundation models; they go through no action on purpose
only where a test needs a raw row, otherwise tests call the actions."""

from __future__ import annotations

import datetime

import factory
from django.contrib.auth import get_user_model

from twinning.directory.models import Organisation, Person, Position, Topic
from twinning.library.models import Document
from twinning.programmes.models import Cohort, Event, Pair, Programme


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("a-long-password-1")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Green Society {n}")
    slug = factory.Sequence(lambda n: f"green-society-{n}")
    country = "DE"
    city = "Berlin"
    founded = 2001
    description = "Trains volunteers and monitors river water quality."

    @factory.post_generation
    def topics(self, create: bool, extracted, **kwargs) -> None:
        if create and extracted:
            self.topics.set(Topic.objects.filter(slug__in=extracted))


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    consent_at = factory.LazyFunction(lambda: datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC))
    consent_source = "e-mail of 5 January 2026"


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    title = "Secretary General"


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Twinning Programme {n}")
    slug = factory.Sequence(lambda n: f"twinning-programme-{n}")


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    programme = factory.SubFactory(ProgrammeFactory)
    year = factory.Sequence(lambda n: 2010 + n)


class PairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pair
        skip_postgeneration_save = True

    cohort = factory.SubFactory(CohortFactory)
    organisation_a = factory.SubFactory(OrganisationFactory, country="FR")
    organisation_b = factory.SubFactory(OrganisationFactory, country="CN", city="Chongqing")
    focus = "Waste sorting in neighbourhoods"

    @factory.post_generation
    def topics(self, create: bool, extracted, **kwargs) -> None:
        if create and extracted:
            self.topics.set(Topic.objects.filter(slug__in=extracted))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    name = factory.Sequence(lambda n: f"Eco Forum {n}")
    slug = factory.Sequence(lambda n: f"eco-forum-{n}")
    start = datetime.date(2014, 10, 1)
    place = "Beijing"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Exchange report {n}")
    slug = factory.Sequence(lambda n: f"exchange-report-{n}")
    text = "What the partners learned about composting."
