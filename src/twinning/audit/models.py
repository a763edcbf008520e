"""One audit record per change of any model; written only by `twinning.audit.log.record`."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from twinning.audit.enums import Channel


class AuditRecord(models.Model):
    """Who (null for the system or a worker) did what to which record, with the changed fields.

    The record is named by content type and id, and by a label kept as text, so the history
    of a deleted or erased record still reads. `changes` is `{field: [old, new]}` in plain
    JSON values (foreign keys as ids, dates as ISO 8601). `organisations` holds every
    organisation the change concerns, so it shows in each one's history while the log holds
    it once."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verb = models.CharField(_("what happened"), max_length=20)
    record_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.PROTECT, related_name="+"
    )
    record_id = models.PositiveBigIntegerField(_("record"))
    record_label = models.CharField(_("record name"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_records",
        help_text=_("The organisation whose history this change belongs to, if any."),
    )
    organisations = models.ManyToManyField(
        "directory.Organisation",
        verbose_name=_("organisations concerned"),
        blank=True,
        related_name="concerning_audit_records",
        help_text=_(
            "Every organisation in whose history this change shows: both ends of a pair, an"
            " event's organisers, a visit's host and visitors; `organisation` is the first of them."
        ),
    )
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["record_type", "record_id"], name="audit_record_idx"),
            models.Index(fields=["actor", "created_at"], name="audit_actor_idx"),
            models.Index(fields=["organisation", "created_at"], name="audit_organisation_idx"),
        ]
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")

    def __str__(self) -> str:
        return f"{self.actor_id or '—'} {self.verb} {self.record_type_id}:{self.record_id}"
