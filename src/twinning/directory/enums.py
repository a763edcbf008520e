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
