"""States of placements and reports, and the verbs of the exchanges log."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlacementStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    CONFIRMED = "confirmed", _("Confirmed by the host")
    UNDER_WAY = "under_way", _("Under way")
    COMPLETED = "completed", _("Completed")
    REPORTED = "reported", _("Reported")
    CANCELLED = "cancelled", _("Cancelled")


class ReportStatus(models.TextChoices):
    DUE = "due", _("Due")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned for changes")


class ExchangeVerb(models.TextChoices):
    PLANNED = "planned", _("planned a placement")
    RESCHEDULED = "rescheduled", _("changed the dates")
    CONFIRMED = "confirmed", _("confirmed")
    STARTED = "started", _("started")
    COMPLETED = "completed", _("completed")
    CANCELLED = "cancelled", _("cancelled")
    REQUESTED = "requested", _("asked for a report")
    FILED = "filed", _("filed a report")
    ACCEPTED = "accepted", _("accepted the report")
    RETURNED = "returned", _("returned the report")
    TOKEN = "token", _("renewed a calendar address")


class ReminderKind(models.TextChoices):
    WEEK = "week", _("A week before")
    DAY = "day", _("On the day")
