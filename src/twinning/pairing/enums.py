"""Choices of the pairing tool: the two sides of a cohort and the kinds of constraint."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Side(models.TextChoices):
    A = "A", _("Side A (Europe and elsewhere)")
    B = "B", _("Side B (China)")


class ConstraintKind(models.TextChoices):
    PINNED = "pinned", _("Pinned: always paired")
    FORBIDDEN = "forbidden", _("Forbidden: never paired")
