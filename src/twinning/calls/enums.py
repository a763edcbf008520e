"""States and kinds of calls, applications, reviews and decisions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    DECIDED = "decided", _("Decided")


class Side(models.TextChoices):
    A = "a", _("Side A")
    B = "b", _("Side B")


class Direction(models.TextChoices):
    A_TO_B = "a_to_b", _("Side A visits side B")
    B_TO_A = "b_to_a", _("Side B visits side A")


class ApplicationKind(models.TextChoices):
    SINGLE = "single", _("Single applicant")
    TANDEM = "tandem", _("Tandem")


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Not selected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class PartnerStatus(models.TextChoices):
    NONE = "", _("No partner")
    INVITED = "invited", _("Invited")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")


class Outcome(models.TextChoices):
    ACCEPT = "accept", _("Accept")
    REJECT = "reject", _("Reject")


class ReminderKind(models.TextChoices):
    WEEK = "week", _("A week before the deadline")
    DAY = "day", _("A day before the deadline")


class AuditVerb(models.TextChoices):
    CREATED = "created", _("created")
    UPDATED = "updated", _("updated")
    SUBMITTED = "submitted", _("submitted")
    WITHDRAWN = "withdrawn", _("withdrawn")
    INVITED = "invited", _("invited a partner")
    CONFIRMED = "confirmed", _("confirmed the partnership")
    DECLINED = "declined", _("declined the partnership")
    ASSIGNED = "assigned", _("assigned a reviewer")
    UNASSIGNED = "unassigned", _("removed a reviewer")
    SCORED = "scored", _("scored")
    DECIDED = "decided", _("recorded a decision")
    APPLIED = "applied", _("applied the decision")
