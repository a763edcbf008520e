"""Placements (staff exchanges), reports filed by pairs, personal calendar addresses, the log."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twinning.calls.enums import Direction
from twinning.directory.models import Organisation
from twinning.exchanges.enums import (
    Audience,
    ExchangeVerb,
    MessageKey,
    MilestoneKind,
    MilestoneStatus,
    PlacementStatus,
    ReminderKind,
    ReportStatus,
    WorkshopKind,
)
from twinning.library.models import Document
from twinning.programmes.models import Cohort, Pair

OPEN_PLACEMENT_STATUSES = (
    PlacementStatus.PLANNED,
    PlacementStatus.CONFIRMED,
    PlacementStatus.UNDER_WAY,
)


class Placement(models.Model):
    """A fellow of one partner staying with the other partner for a while."""

    pair = models.ForeignKey(
        Pair, on_delete=models.PROTECT, related_name="placements", verbose_name=_("pair")
    )
    fellow = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="placements",
        verbose_name=_("fellow"),
    )
    fellow_role = models.CharField(_("fellow's role at home"), max_length=200, blank=True)
    home = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("home organisation"),
    )
    host = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="hosted_placements",
        verbose_name=_("host organisation"),
    )
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices)
    city = models.CharField(_("city"), max_length=120)
    planned_start = models.DateField(_("planned start"))
    planned_end = models.DateField(_("planned end"))
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PlacementStatus.choices, default=PlacementStatus.PLANNED
    )
    host_contact_name = models.CharField(_("host contact"), max_length=200)
    host_contact_role = models.CharField(_("host contact's role"), max_length=200, blank=True)
    host_contact_email = models.EmailField(_("host contact's e-mail"), blank=True)
    work_plan = models.TextField(_("work plan"))
    cancel_reason = models.CharField(_("why it was cancelled"), max_length=500, blank=True)
    sequence = models.PositiveIntegerField(_("revision"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["planned_start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_end__gte=models.F("planned_start")),
                name="placement_planned_dates_ordered",
            ),
            models.CheckConstraint(
                condition=~models.Q(home=models.F("host")), name="placement_host_not_home"
            ),
        ]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")

    def __str__(self) -> str:
        return f"{self.fellow} → {self.host} ({self.planned_start:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return reverse("exchanges:placement", kwargs={"pk": self.pk})

    @property
    def start(self) -> datetime.date:
        return self.actual_start or self.planned_start

    @property
    def end(self) -> datetime.date:
        return self.actual_end or self.planned_end

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_PLACEMENT_STATUSES


class PairReport(models.Model):
    """A report the pair owes the programme: asked for with a due date, filed, reviewed."""

    pair = models.ForeignKey(
        Pair, on_delete=models.PROTECT, related_name="reports", verbose_name=_("pair")
    )
    title = models.CharField(_("title"), max_length=300)
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DUE
    )
    document = models.ForeignKey(
        Document,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pair_reports",
        verbose_name=_("document in the library"),
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    filed_at = models.DateTimeField(_("filed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_note = models.TextField(_("coordinator's note"), blank=True)
    sequence = models.PositiveIntegerField(_("revision"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("pair report")
        verbose_name_plural = _("pair reports")

    def __str__(self) -> str:
        return f"{self.title} ({self.pair})"

    def get_absolute_url(self) -> str:
        return reverse("exchanges:report", kwargs={"pk": self.pk})

    @property
    def is_overdue(self) -> bool:
        return self.status in (ReportStatus.DUE, ReportStatus.RETURNED) and (
            self.due_on < timezone.localdate()
        )


class CalendarFeed(models.Model):
    """The secret address of one user's personal calendar; a new token revokes the old one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(_("secret token"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now=True)

    class Meta:
        verbose_name = _("personal calendar address")
        verbose_name_plural = _("personal calendar addresses")

    def __str__(self) -> str:
        return f"{self.user}"

    def get_absolute_url(self) -> str:
        return reverse("exchanges:personal_calendar", kwargs={"token": self.token})


class ExchangeLogEntry(models.Model):
    """Who changed which placement or report, and how; written by the actions only."""

    pair = models.ForeignKey(
        Pair, null=True, blank=True, on_delete=models.CASCADE, related_name="exchange_log"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verb = models.CharField(_("what happened"), max_length=12, choices=ExchangeVerb.choices)
    subject_type = models.CharField(_("kind of record"), max_length=20)
    subject_id = models.PositiveBigIntegerField(_("record"))
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]
        verbose_name = _("exchanges log entry")
        verbose_name_plural = _("exchanges log")

    def __str__(self) -> str:
        return f"{self.actor or '—'} {self.verb} {self.subject_type} {self.subject_id}"


class SentReminder(models.Model):
    """The outbox: one reminder of one due date, sent once, with whom it went to."""

    subject_type = models.CharField(_("kind of record"), max_length=20)
    subject_id = models.PositiveBigIntegerField(_("record"))
    due_on = models.DateField(_("due on"))
    kind = models.CharField(_("reminder"), max_length=4, choices=ReminderKind.choices)
    subject_line = models.CharField(_("subject"), max_length=300)
    recipients = models.JSONField(_("sent to"), default=list)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "due_on", "kind"],
                name="sent_reminder_once",
            )
        ]
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")

    def __str__(self) -> str:
        return f"{self.subject_line} → {len(self.recipients)}"


class JointProject(models.Model):
    """What the two partners set out to do together during their exchange."""

    pair = models.OneToOneField(Pair, on_delete=models.CASCADE, related_name="joint_project")
    title = models.CharField(_("title"), max_length=300)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300, blank=True)
    goals = models.TextField(_("goals"))
    budget = models.TextField(_("budget lines"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("joint project")
        verbose_name_plural = _("joint projects")

    def __str__(self) -> str:
        return self.title


class Milestone(models.Model):
    """A milestone or deliverable of a joint project, with its due date."""

    project = models.ForeignKey(JointProject, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(
        _("kind"), max_length=12, choices=MilestoneKind.choices, default=MilestoneKind.MILESTONE
    )
    title = models.CharField(_("title"), max_length=300)
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=8, choices=MilestoneStatus.choices, default=MilestoneStatus.PLANNED
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    sequence = models.PositiveIntegerField(_("revision"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return (
            reverse("exchanges:pair", kwargs={"pk": self.project.pair_id}) + f"#milestone-{self.pk}"
        )

    @property
    def is_overdue(self) -> bool:
        return self.status == MilestoneStatus.PLANNED and self.due_on < timezone.localdate()


class AlumniRecord(models.Model):
    """A pair that completed its exchange, and what became of it."""

    pair = models.OneToOneField(Pair, on_delete=models.CASCADE, related_name="alumni_record")
    completed_on = models.DateField(_("completed on"))
    note = models.TextField(_("what came of it"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-completed_on", "pk"]
        verbose_name = _("alumni pair")
        verbose_name_plural = _("alumni pairs")

    def __str__(self) -> str:
        return str(self.pair)


class FollowUpProject(models.Model):
    """Work former partners go on doing together after their exchange."""

    alumni = models.ForeignKey(AlumniRecord, on_delete=models.CASCADE, related_name="follow_ups")
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("from"))
    url = models.URLField(_("web page"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-start_year", "title"]
        verbose_name = _("follow-up project")
        verbose_name_plural = _("follow-up projects")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("exchanges:follow_up", kwargs={"pk": self.pk})


class Workshop(models.Model):
    """A kick-off, mid-term or closing workshop of a cohort, for the people of its pairs."""

    cohort = models.ForeignKey(Cohort, on_delete=models.PROTECT, related_name="workshops")
    kind = models.CharField(_("kind"), max_length=10, choices=WorkshopKind.choices)
    title = models.CharField(_("title"), max_length=300)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    place = models.CharField(_("place"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    materials = models.TextField(
        _("materials"), blank=True, help_text=_("Links or notes, one per line.")
    )
    sequence = models.PositiveIntegerField(_("revision"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="workshop_dates_ordered",
            )
        ]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("exchanges:workshop", kwargs={"pk": self.pk})


class WorkshopRegistration(models.Model):
    """Someone of a pair of the cohort, registered; whether they came is recorded afterwards."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workshop_registrations"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    registered_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "user"], name="workshop_registration_once")
        ]
        verbose_name = _("workshop registration")
        verbose_name_plural = _("workshop registrations")

    def __str__(self) -> str:
        return f"{self.user} @ {self.workshop}"


class MessageTemplate(models.Model):
    """A coordinator's wording of one e-mail, in English and Chinese, with {placeholders}."""

    key = models.CharField(_("e-mail"), max_length=12, choices=MessageKey.choices, unique=True)
    subject_en = models.CharField(_("subject (English)"), max_length=300)
    body_en = models.TextField(_("text (English)"))
    subject_zh = models.CharField(_("subject (Chinese)"), max_length=300)
    body_zh = models.TextField(_("text (Chinese)"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("e-mail template")
        verbose_name_plural = _("e-mail templates")

    def __str__(self) -> str:
        return self.get_key_display()

    def wording(self, language: str) -> tuple[str, str]:
        if language.startswith("zh"):
            return self.subject_zh, self.body_zh
        return self.subject_en, self.body_en


class BulkMessage(models.Model):
    """One message a coordinator sent to an audience of a cohort; the outbox keeps who got it."""

    cohort = models.ForeignKey(Cohort, on_delete=models.PROTECT, related_name="messages")
    audience = models.CharField(_("to"), max_length=10, choices=Audience.choices)
    subject_en = models.CharField(_("subject (English)"), max_length=300)
    body_en = models.TextField(_("text (English)"))
    subject_zh = models.CharField(_("subject (Chinese)"), max_length=300)
    body_zh = models.TextField(_("text (Chinese)"))
    recipients = models.JSONField(_("sent to"), default=list)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return self.subject_en
