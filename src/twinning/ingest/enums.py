from django.db import models
from django.utils.translation import gettext_lazy as _


class CandidateKind(models.TextChoices):
    ORGANISATION = "organisation", _("Organisation")
    PARTNERSHIP = "partnership", _("Partnership")
    EVENT = "event", _("Event")
    PERSON = "person", _("Person")


class CandidateStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    ACCEPTED = "accepted", _("Accepted")
    MERGED = "merged", _("Merged into an existing record")
    REJECTED = "rejected", _("Rejected")
