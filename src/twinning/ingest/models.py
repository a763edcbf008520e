"""The review queue: records extracted from documents, waiting for a coordinator."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from twinning.directory.models import Organisation
from twinning.ingest.enums import CandidateKind, CandidateStatus
from twinning.library.models import Document


class Candidate(models.Model):
    """One extracted record; `data` holds its fields in the CONTRACTS §2 shape."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="candidates", verbose_name=_("document")
    )
    kind = models.CharField(_("kind"), max_length=14, choices=CandidateKind.choices)
    data = models.JSONField(_("extracted fields"))
    evidence = models.TextField(_("sentence"), blank=True)
    fingerprint = models.CharField(max_length=64, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=CandidateStatus.choices, default=CandidateStatus.PENDING
    )
    match = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("existing record"),
    )
    match_reason = models.CharField(_("why it matches"), max_length=300, blank=True)
    match_score = models.FloatField(_("match score"), null=True, blank=True)
    result_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    result_id = models.PositiveBigIntegerField(null=True, blank=True)
    result = GenericForeignKey("result_type", "result_id")
    note = models.CharField(_("note"), max_length=300, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    created_at = models.DateTimeField(_("extracted"), auto_now_add=True)

    class Meta:
        ordering = ["document", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "fingerprint"], name="candidate_unique_per_document"
            )
        ]
        indexes = [models.Index(fields=["status", "kind"])]
        verbose_name = _("candidate record")
        verbose_name_plural = _("candidate records")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def title(self) -> str:
        if self.kind == CandidateKind.PARTNERSHIP:
            return f"{self.data.get('a')} – {self.data.get('b')} ({self.data.get('kind')})"
        return str(self.data.get("name", ""))

    @property
    def is_open(self) -> bool:
        return self.status == CandidateStatus.PENDING
