"""Applications to a call, alone or as a tandem, and the reminders sent about them."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from twinning.calls.enums import (
    ApplicationKind,
    ApplicationStatus,
    PartnerStatus,
    ReminderKind,
    Side,
)
from twinning.calls.models.calls import Call
from twinning.directory.models import Organisation


class Application(models.Model):
    """One organisation's application; a tandem names a partner who must confirm before submission."""

    call = models.ForeignKey(
        Call, on_delete=models.PROTECT, related_name="applications", verbose_name=_("call")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("organisation"),
    )
    side = models.CharField(_("side"), max_length=1, choices=Side.choices)
    kind = models.CharField(
        _("kind"), max_length=8, choices=ApplicationKind.choices, default=ApplicationKind.SINGLE
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    partner = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tandem_invitations",
        verbose_name=_("tandem partner"),
    )
    partner_status = models.CharField(
        _("partner's answer"),
        max_length=10,
        choices=PartnerStatus.choices,
        default=PartnerStatus.NONE,
        blank=True,
    )
    proposed_partner = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partner_proposals",
        verbose_name=_("proposed partner"),
    )
    staff_is_permanent = models.BooleanField(
        _("the participating staff member is permanent"), default=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        ordering = ["call", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "organisation"], name="application_once_per_call"
            )
        ]
        indexes = [models.Index(fields=["call", "status"])]
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    def __str__(self) -> str:
        if self.partner_id:
            return f"{self.organisation} + {self.partner} ({self.call})"
        return f"{self.organisation} ({self.call})"

    def get_absolute_url(self) -> str:
        return reverse("calls:application", kwargs={"pk": self.pk})

    @property
    def is_tandem(self) -> bool:
        return self.kind == ApplicationKind.TANDEM

    @property
    def answers(self) -> dict[str, str]:
        """Answer text by question key (`Question.key`); prefetch `answer_rows` for lists."""
        return {str(answer.question_id): answer.text for answer in self.answer_rows.all()}

    @property
    def organisations(self) -> list[Organisation]:
        """Everyone the application speaks for: the applicant and a tandem partner."""
        return [
            o
            for o in (self.organisation, self.partner if self.is_tandem else None)
            if o is not None
        ]


def _normalised(text: str) -> str:
    # Browsers send textarea line breaks as CRLF; the API usually sends LF.
    return text.replace("\r\n", "\n").strip()


def same_text(first: str, second: str) -> bool:
    """Equal answers, whatever line breaks the client used."""
    return _normalised(first) == _normalised(second)


def answer_version(text: str) -> str:
    """An opaque token for one answer's text: a save based on another token is a conflict."""
    return hashlib.sha256(_normalised(text).encode("utf-8")).hexdigest()[:16]


class Answer(models.Model):
    """One answer to one question: saved on its own, so two people editing different answers never clash."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="answer_rows"
    )
    question = models.ForeignKey("calls.Question", on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("answer"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["application", "question"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "question"], name="answer_once_per_question"
            )
        ]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return f"{self.application_id}/{self.question_id}"

    @property
    def version(self) -> str:
        return answer_version(self.text)


class Reminder(models.Model):
    """A deadline reminder sent once per application and kind."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=6, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "kind"], name="reminder_once_per_kind")
        ]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.application}"
