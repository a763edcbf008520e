"""A call for applications: its dates, eligibility rules, form, criteria, windows and committee."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twinning.calls.areas import side_name
from twinning.calls.enums import CallStatus, Direction, Side
from twinning.directory import geography
from twinning.directory.models import Organisation, bilingual
from twinning.programmes.models import Cohort, Programme


class Call(models.Model):
    """Areas per side are ISO country codes ("FR") or directory regions ("europe")."""

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="calls", verbose_name=_("programme")
    )
    cohort = models.ForeignKey(
        Cohort, on_delete=models.PROTECT, related_name="calls", verbose_name=_("cohort")
    )
    title = models.CharField(_("title (English)"), max_length=250)
    title_zh = models.CharField(_("title (Chinese)"), max_length=250, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=CallStatus.choices, default=CallStatus.DRAFT
    )
    opens_on = models.DateField(_("opens on"))
    deadline = models.DateTimeField(_("deadline"))
    time_zone = models.CharField(
        _("time zone of the deadline"),
        max_length=64,
        default="Europe/Brussels",
        help_text=_("An IANA time zone such as Europe/Brussels or Asia/Shanghai."),
    )
    decision_on = models.DateField(_("decision expected on"))
    side_a_label = models.CharField(_("name of side A"), max_length=60, default="Europe")
    side_b_label = models.CharField(_("name of side B"), max_length=60, default="China")
    side_a_areas = models.JSONField(_("countries or regions of side A"), default=list)
    side_b_areas = models.JSONField(_("countries or regions of side B"), default=list)
    organisation_types = models.JSONField(
        _("eligible organisation types"),
        default=list,
        blank=True,
        help_text=_("Empty: every type."),
    )
    min_years_registered = models.PositiveSmallIntegerField(
        _("minimum years since founding"), default=0
    )
    requires_permanent_staff = models.BooleanField(
        _("the participating staff member must be permanent"), default=True
    )
    same_country_is_conflict = models.BooleanField(
        _("a reviewer from an applicant's country has a conflict"), default=False
    )
    reviews_per_application = models.PositiveSmallIntegerField(
        _("reviews per application"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-deadline"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("calls:call", kwargs={"slug": self.slug})

    @property
    def display_title(self) -> str:
        return bilingual(self.title, self.title_zh)

    @property
    def local_description(self) -> str:
        return bilingual(self.description, self.description_zh)

    @property
    def is_past_deadline(self) -> bool:
        return timezone.now() > self.deadline

    @property
    def accepts_changes(self) -> bool:
        """Applications may be started, edited, confirmed and submitted only while this holds."""
        return (
            self.status == CallStatus.OPEN
            and not self.is_past_deadline
            and timezone.localdate() >= self.opens_on
        )

    def side_of(self, organisation: Organisation) -> str | None:
        """Side.A or Side.B when the organisation's country or region is listed there, else None."""
        keys = {organisation.country.upper(), geography.region_of(organisation.country)} - {""}
        if keys & set(self.side_a_areas):
            return Side.A
        if keys & set(self.side_b_areas):
            return Side.B
        return None

    def side_label(self, side: str) -> str:
        return self.side_a_label if side == Side.A else self.side_b_label


class Question(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.CharField(_("question (English)"), max_length=500)
    text_zh = models.CharField(_("question (Chinese)"), max_length=500, blank=True)
    is_required = models.BooleanField(_("required"), default=True)
    max_length = models.PositiveIntegerField(_("maximum length"), default=3000)

    class Meta:
        ordering = ["call", "position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    @property
    def display_text(self) -> str:
        return bilingual(self.text, self.text_zh)

    @property
    def key(self) -> str:
        """The key of this question's answer in `Application.answers` (its primary key as text)."""
        return str(self.pk)


class Criterion(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("criterion (English)"), max_length=200)
    name_zh = models.CharField(_("criterion (Chinese)"), max_length=200, blank=True)
    description = models.TextField(_("what reviewers look for"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1)]
    )
    max_score = models.PositiveSmallIntegerField(
        _("highest score"), default=5, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta:
        ordering = ["call", "position", "pk"]
        verbose_name = _("review criterion")
        verbose_name_plural = _("review criteria")

    def __str__(self) -> str:
        return f"{self.name} (×{self.weight})"

    @property
    def display_name(self) -> str:
        return bilingual(self.name, self.name_zh)


class ExchangeWindow(models.Model):
    """When staff of one side may stay with their partner on the other side."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="windows")
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))

    class Meta:
        ordering = ["call", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="exchange_window_ordered",
            )
        ]
        verbose_name = _("exchange window")
        verbose_name_plural = _("exchange windows")

    def __str__(self) -> str:
        return f"{self.get_direction_display()}: {self.starts_on} – {self.ends_on}"

    @property
    def label(self) -> str:
        """ "Europe → China" in the call's own words (region names in the reader's language)."""
        first, second = side_name(self.call.side_a_label), side_name(self.call.side_b_label)
        return (
            f"{first} → {second}" if self.direction == Direction.A_TO_B else f"{second} → {first}"
        )


class CommitteeMember(models.Model):
    """A reviewer on a call's selection committee; `country` feeds the same-country conflict rule."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="committee")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="committee_seats"
    )
    country = models.CharField(_("country"), max_length=2, blank=True)

    class Meta:
        ordering = ["call", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["call", "user"], name="committee_member_unique")
        ]
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")

    def __str__(self) -> str:
        return f"{self.user} ({self.call})"
