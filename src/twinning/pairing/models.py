"""The pairing tool's records: a cohort's pool of organisations, its constraints and runs.

They were programmes' models until ADR 0025 and keep programmes' tables.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from twinning.directory.models import Organisation
from twinning.pairing.enums import ConstraintKind, Side
from twinning.pairing.proposal import Proposal
from twinning.programmes.models import Cohort


class PoolMember(models.Model):
    """An organisation waiting to be paired in a cohort, on side A or B."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="pool")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="pool_memberships"
    )
    side = models.CharField(_("side"), max_length=1, choices=Side.choices)
    # provenance: who put it there, and when
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("added by"),
    )
    added_at = models.DateTimeField(_("added on"), null=True, blank=True)

    class Meta:
        ordering = ["cohort", "side", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "organisation"], name="pool_member_unique")
        ]
        db_table = "programmes_poolmember"  # the table it had in programmes (ADR 0025)
        verbose_name = _("organisation to pair")
        verbose_name_plural = _("organisations to pair")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.side})"


class PairingConstraint(models.Model):
    """A coordinator's instruction for the next pairing run: keep this pair, or never propose it."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="pairing_constraints")
    organisation_a = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    organisation_b = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=ConstraintKind.choices)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    # provenance: who put it there, and when
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("added by"),
    )
    added_at = models.DateTimeField(_("added on"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "organisation_a", "organisation_b"],
                name="pairing_constraint_unique",
            )
        ]
        db_table = "programmes_pairingconstraint"
        verbose_name = _("pairing constraint")
        verbose_name_plural = _("pairing constraints")

    def __str__(self) -> str:
        return f"{self.organisation_a} – {self.organisation_b}: {self.get_kind_display()}"


class PairingRun(models.Model):
    """One run of cohort pairing: its options, its job and the proposal it produced."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="pairing_runs")
    job = models.OneToOneField("common.Job", on_delete=models.PROTECT, related_name="pairing_run")
    maximise_weakest = models.BooleanField(
        _("make the weakest pair as strong as possible"), default=False
    )
    result = models.JSONField(_("proposal"), default=dict, blank=True)
    is_accepted = models.BooleanField(_("accepted"), default=False)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    # the decision, for the record: who confirmed which pairs, when and why
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    accepted_at = models.DateTimeField(_("accepted on"), null=True, blank=True)
    acceptance_reason = models.TextField(_("reasons for the decision"), blank=True)
    accepted_pairs = models.JSONField(_("pairs accepted"), default=list, blank=True)

    class Meta:
        db_table = "programmes_pairingrun"
        ordering = ["-created_at"]
        verbose_name = _("pairing run")
        verbose_name_plural = _("pairing runs")

    def __str__(self) -> str:
        return f"{self.cohort} @ {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def proposal(self) -> Proposal:
        """The stored proposal as a typed record (empty while the run is working)."""
        return Proposal.from_json(self.result)
