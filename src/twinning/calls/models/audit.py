"""The audit log: who changed what in applications, reviews and decisions; written by actions only."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from twinning.calls.enums import AuditVerb
from twinning.calls.models.calls import Call


class AuditEntry(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="audit_entries")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verb = models.CharField(_("what happened"), max_length=12, choices=AuditVerb.choices)
    subject_type = models.CharField(_("kind of record"), max_length=20)
    subject_id = models.PositiveBigIntegerField(_("record"))
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.actor or '—'} {self.verb} {self.subject_type} {self.subject_id}"
