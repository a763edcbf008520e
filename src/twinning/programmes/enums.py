from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeKind(models.TextChoices):
    TWINNING = "twinning", _("Twinning programme")
    CITY_TO_CITY = "city", _("City-to-city project")
    NETWORK = "network", _("Network programme")


class PairStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ActivityKind(models.TextChoices):
    LAB = "lab", _("Inter-city lab")
    TRAINING = "training", _("Training")
    WORKSHOP = "workshop", _("Workshop")
    SEMINAR = "seminar", _("Seminar")
    EXCHANGE = "exchange", _("Staff exchange")
    CONFERENCE = "conference", _("Conference")


class DatePrecision(models.TextChoices):
    YEAR = "year", _("year")
    MONTH = "month", _("month")
    DAY = "day", _("day")
