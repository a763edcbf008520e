"""Programmes, their cohorts and twinning pairs, activities, events and delegation visits."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from twinning.directory import geography
from twinning.directory.models import (
    City,
    Organisation,
    Person,
    Topic,
    bilingual,
    validate_country,
)
from twinning.programmes.enums import (
    ActivityKind,
    DatePrecision,
    PairStatus,
    ProgrammeKind,
)


class Programme(models.Model):
    name = models.CharField(_("name (English)"), max_length=250)
    name_zh = models.CharField(_("name (Chinese)"), max_length=250, blank=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=ProgrammeKind.choices, default=ProgrammeKind.TWINNING
    )
    description = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    funder = models.CharField(_("funder"), max_length=250, blank=True)
    website = models.URLField(_("website"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    organisers = models.ManyToManyField(
        Organisation, blank=True, related_name="organised_programmes", verbose_name=_("organisers")
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="programmes", verbose_name=_("topics")
    )
    pilot_cities = models.ManyToManyField(
        City, blank=True, related_name="pilot_programmes", verbose_name=_("pilot cities")
    )
    # What the programme awards, published as 360Giving grants (programmes/giving.py).
    currency = models.CharField(
        _("currency of its grants"), max_length=3, blank=True, help_text=_("ISO 4217, e.g. EUR")
    )
    grant_per_partner = models.DecimalField(
        _("grant to each partner of a pair"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    grant_per_placement = models.DecimalField(
        _("grant for each placement, to its host"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return self.acronym or self.name

    def get_absolute_url(self) -> str:
        return reverse("programmes:programme", kwargs={"slug": self.slug})

    @property
    def display_name(self) -> str:
        return bilingual(self.name, self.name_zh)

    @property
    def local_description(self) -> str:
        return bilingual(self.description, self.description_zh)


class Cohort(models.Model):
    """One year's intake of a programme."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="cohorts")
    year = models.PositiveSmallIntegerField(_("year"))
    name = models.CharField(_("name"), max_length=120, blank=True)

    class Meta:
        ordering = ["programme", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "year"], name="cohort_unique_year")
        ]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")

    def __str__(self) -> str:
        return self.name or f"{self.programme} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("programmes:cohort", kwargs={"slug": self.programme.slug, "year": self.year})


class Pair(models.Model):
    """A twinning pair: two organisations from either side, exchanging on a topic in a cohort."""

    cohort = models.ForeignKey(
        Cohort, on_delete=models.PROTECT, related_name="pairs", verbose_name=_("cohort")
    )
    organisation_a = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="pairs_as_a",
        verbose_name=_("organisation (side A)"),
    )
    organisation_b = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="pairs_as_b",
        verbose_name=_("organisation (side B)"),
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="pairs", verbose_name=_("exchange topics")
    )
    focus = models.TextField(_("focus of the exchange (English)"), blank=True)
    focus_zh = models.TextField(_("focus of the exchange (Chinese)"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=PairStatus.choices, default=PairStatus.ACTIVE
    )
    report_url = models.URLField(_("report"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["cohort", "organisation_a__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "organisation_a", "organisation_b"], name="pair_unique_in_cohort"
            ),
            models.CheckConstraint(
                condition=~models.Q(organisation_a=models.F("organisation_b")), name="pair_not_self"
            ),
        ]
        verbose_name = _("twinning pair")
        verbose_name_plural = _("twinning pairs")

    def __str__(self) -> str:
        return f"{self.organisation_a} – {self.organisation_b}"

    def get_absolute_url(self) -> str:
        return reverse("programmes:pair", kwargs={"pk": self.pk})

    @property
    def local_focus(self) -> str:
        return bilingual(self.focus, self.focus_zh)

    def partner_of(self, organisation: Organisation) -> Organisation:
        return (
            self.organisation_b
            if organisation.pk == self.organisation_a_id
            else self.organisation_a
        )


class Activity(models.Model):
    """A recurring programme activity: an inter-city lab on a theme, a training, a workshop."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="activities")
    cohort = models.ForeignKey(
        Cohort, null=True, blank=True, on_delete=models.SET_NULL, related_name="activities"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=ActivityKind.choices)
    name = models.CharField(_("name (English)"), max_length=250)
    name_zh = models.CharField(_("name (Chinese)"), max_length=250, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    cities = models.ManyToManyField(
        City, blank=True, related_name="activities", verbose_name=_("cities that took part")
    )
    # Where the source names the country but no city ("in Chinese pilot cities").
    country = models.CharField(
        _("country, when no city is named"),
        max_length=2,
        blank=True,
        validators=[validate_country],
        help_text=_("ISO 3166-1 alpha-2 code"),
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="activities", verbose_name=_("themes")
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["programme", "-year", "name"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        """Activities have no page of their own: they are listed on their programme's."""
        return reverse("programmes:programme", kwargs={"slug": self.programme.slug}) + "#activities"

    @property
    def display_name(self) -> str:
        return bilingual(self.name, self.name_zh)

    @property
    def country_name(self) -> str:
        return geography.country_name(self.country)


class CityPair(models.Model):
    """Two cities cooperating (a European and a Chinese one, say) on themes over some years."""

    programme = models.ForeignKey(
        Programme,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="city_pairs",
        verbose_name=_("programme"),
    )
    city_a = models.ForeignKey(
        City, on_delete=models.PROTECT, related_name="pairs_as_a", verbose_name=_("city (side A)")
    )
    city_b = models.ForeignKey(
        City, on_delete=models.PROTECT, related_name="pairs_as_b", verbose_name=_("city (side B)")
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="city_pairs", verbose_name=_("themes")
    )
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    description = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    is_sample = models.BooleanField(
        _("sample data"), default=False, help_text=_("Invented for the demo; not a real pair.")
    )

    class Meta:
        ordering = ["-start_year", "city_a__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "city_a", "city_b"], name="city_pair_unique_in_programme"
            ),
            models.CheckConstraint(
                condition=~models.Q(city_a=models.F("city_b")), name="city_pair_not_self"
            ),
        ]
        verbose_name = _("city pair")
        verbose_name_plural = _("city pairs")

    def __str__(self) -> str:
        return f"{self.city_a} – {self.city_b}"

    def get_absolute_url(self) -> str:
        return reverse("cities:city", kwargs={"slug": self.city_a.slug})

    @property
    def local_description(self) -> str:
        return bilingual(self.description, self.description_zh)

    @property
    def years_label(self) -> str:
        if self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year)

    def partner_of(self, city: City) -> City:
        return self.city_b if city.pk == self.city_a_id else self.city_a

    def clean(self) -> None:
        if self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The pair cannot end before it starts.")})


class Event(models.Model):
    name = models.CharField(_("name (English)"), max_length=300)
    name_zh = models.CharField(_("name (Chinese)"), max_length=300, blank=True)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    start = models.DateField(_("start"), null=True, blank=True)
    start_precision = models.CharField(
        _("precision of the start"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    end = models.DateField(_("end"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    locality = models.ForeignKey(
        City,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("city on the map"),
    )
    programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    organisers = models.ManyToManyField(
        Organisation, blank=True, related_name="organised_events", verbose_name=_("organisers")
    )
    participants = models.ManyToManyField(
        Organisation, blank=True, related_name="attended_events", verbose_name=_("participants")
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="events", verbose_name=_("topics")
    )
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("web page"), blank=True)

    class Meta:
        ordering = ["-start", "name"]
        indexes = [models.Index(fields=["start"])]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programmes:event", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    @property
    def display_name(self) -> str:
        return bilingual(self.name, self.name_zh)

    @property
    def start_label(self) -> str:
        """The start date as precise as it is known: a year, a month or a day."""
        if self.start is None:
            return ""
        if self.start_precision == DatePrecision.YEAR:
            return str(self.start.year)
        if self.start_precision == DatePrecision.MONTH:
            return formats.date_format(self.start, "YEAR_MONTH_FORMAT")
        return formats.date_format(self.start, "DATE_FORMAT")

    @property
    def start_iso(self) -> str | None:
        """ "YYYY", "YYYY-MM" or "YYYY-MM-DD" according to the known precision."""
        if self.start is None:
            return None
        patterns: dict[str, str] = {DatePrecision.YEAR: "%Y", DatePrecision.MONTH: "%Y-%m"}
        pattern = patterns.get(self.start_precision, "%Y-%m-%d")
        return self.start.strftime(pattern)


class Visit(models.Model):
    """A delegation visit: visitors from some organisations go to a host."""

    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("precision of the date"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    host = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="hosted_visits", verbose_name=_("host")
    )
    visitors = models.ManyToManyField(
        Organisation, related_name="visits_made", verbose_name=_("visiting organisations")
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="visits", verbose_name=_("topics discussed")
    )
    summary = models.TextField(_("summary"), blank=True)
    follow_ups = models.TextField(_("follow-ups"), blank=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("delegation visit")
        verbose_name_plural = _("delegation visits")

    def __str__(self) -> str:
        return f"{self.date_iso} → {self.host}"

    @property
    def date_iso(self) -> str:
        """ "YYYY", "YYYY-MM" or "YYYY-MM-DD" according to what the source told."""
        patterns: dict[str, str] = {DatePrecision.YEAR: "%Y", DatePrecision.MONTH: "%Y-%m"}
        return self.date.strftime(patterns.get(self.date_precision, "%Y-%m-%d"))


class VisitParticipant(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="visits")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    is_leader = models.BooleanField(_("leads the delegation"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["visit", "person"], name="visit_participant_unique")
        ]
        verbose_name = _("visit participant")
        verbose_name_plural = _("visit participants")

    def __str__(self) -> str:
        return f"{self.person} ({self.role})"


def date_from_parts(
    year: int, month: int | None = None, day: int | None = None
) -> tuple[datetime.date, str]:
    """A date and its precision from what a source tells (a year, a month, a day)."""
    if month is None:
        return datetime.date(year, 1, 1), DatePrecision.YEAR
    if day is None:
        return datetime.date(year, month, 1), DatePrecision.MONTH
    return datetime.date(year, month, day), DatePrecision.DAY
