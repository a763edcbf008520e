from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    NGO = "ngo", _("NGO")
    SOCIETY = "society", _("Professional society")
    ASSOCIATION = "association", _("Association")
    FOUNDATION = "foundation", _("Foundation")
    NETWORK = "network", _("Network")
    YOUTH = "youth", _("Youth organisation")
    RESEARCH = "research", _("Research centre")
    UNIVERSITY = "university", _("University")
    MUNICIPALITY = "municipality", _("Municipality or city")
    GOVERNMENT = "government", _("Government body")
    COMPANY = "company", _("Company")
    PROJECT = "project", _("Project")
    OTHER = "other", _("Other")


class AffiliationKind(models.TextChoices):
    MEMBERSHIP = "membership", _("Member of")
    PARTNER = "partner", _("Partner of")


class Region(models.TextChoices):
    EUROPE = "europe", _("Europe")
    CHINA = "china", _("China")
    ASIA = "asia", _("Asia and Pacific")
    AMERICAS = "americas", _("Americas")
    AFRICA = "africa", _("Africa")
    OTHER = "other", _("Other")


class PopulationBand(models.TextChoices):
    SMALL = "small", _("under 100,000 inhabitants")
    MEDIUM = "medium", _("100,000 to 1 million inhabitants")
    LARGE = "large", _("1 to 5 million inhabitants")
    VERY_LARGE = "very-large", _("5 to 10 million inhabitants")
    MEGACITY = "megacity", _("over 10 million inhabitants")
    UNKNOWN = "", _("population not known")


def population_band(population: int | None) -> str:
    """The band a population falls in; an unknown population has the empty band."""
    if not population:
        return PopulationBand.UNKNOWN
    for limit, band in (
        (100_000, PopulationBand.SMALL),
        (1_000_000, PopulationBand.MEDIUM),
        (5_000_000, PopulationBand.LARGE),
        (10_000_000, PopulationBand.VERY_LARGE),
    ):
        if population < limit:
            return band
    return PopulationBand.MEGACITY
