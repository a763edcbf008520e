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
    PROJECT = "project", _("described the joint project")
    MILESTONE = "milestone", _("added a milestone")
    DONE = "done", _("reached a milestone")
    DROPPED = "dropped", _("dropped a milestone")
    ALUMNI = "alumni", _("recorded the pair as alumni")
    FOLLOW_UP = "follow_up", _("recorded a follow-up project")
    WORKSHOP = "workshop", _("scheduled a workshop")
    REGISTERED = "registered", _("registered for a workshop")
    ATTENDANCE = "attendance", _("recorded attendance")
    TEMPLATE = "template", _("reworded an e-mail")
    MESSAGE = "message", _("sent a message")


class ReminderKind(models.TextChoices):
    WEEK = "week", _("A week before")
    DAY = "day", _("On the day")


class MilestoneKind(models.TextChoices):
    MILESTONE = "milestone", _("Milestone")
    DELIVERABLE = "deliverable", _("Deliverable")


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class WorkshopKind(models.TextChoices):
    KICK_OFF = "kick_off", _("Kick-off workshop")
    MID_TERM = "mid_term", _("Mid-term workshop")
    CLOSING = "closing", _("Closing workshop")


class MessageKey(models.TextChoices):
    """The e-mails a coordinator may reword; each falls back to its built-in text."""

    REPORT = "pairreport", _("Reminder: a report is due")
    PLACEMENT = "placement", _("Reminder: a placement starts")
    MILESTONE = "milestone", _("Reminder: a milestone is due")


class Audience(models.TextChoices):
    PAIRS = "pairs", _("The staff of every pair of the cohort")
    FELLOWS = "fellows", _("The cohort's fellows")
    REVIEWERS = "reviewers", _("The committees of the cohort's calls")
