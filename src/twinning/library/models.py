"""Documents (reports, news, pages) and the provenance of every fact in the directory."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from twinning.directory.models import Organisation, Person, Topic
from twinning.library.enums import DocumentKind, SearchKind, SourceMethod
from twinning.programmes.models import Cohort, Programme


class Document(models.Model):
    title = models.CharField(_("title"), max_length=400)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    kind = models.CharField(
        _("type"), max_length=10, choices=DocumentKind.choices, default=DocumentKind.PAGE
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    published = models.DateField(_("date"), null=True, blank=True)
    source = models.CharField(
        _("source"),
        max_length=1000,
        blank=True,
        help_text=_("The path or URL it was ingested from, as given."),
    )
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True, db_index=True)
    text = models.TextField(_("text"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    file = models.FileField(_("file"), upload_to="documents/%Y/", blank=True)
    programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    cohort = models.ForeignKey(
        Cohort, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="documents",
        verbose_name=_("organisations it is about"),
    )
    people = models.ManyToManyField(
        Person, blank=True, related_name="documents", verbose_name=_("people it is about")
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="documents", verbose_name=_("topics")
    )
    is_published = models.BooleanField(_("published"), default=True)
    extracted_at = models.DateTimeField(
        _("extracted"),
        null=True,
        blank=True,
        help_text=_("When its candidates were last put in the review queue; empty: not yet."),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-published", "title"]
        indexes = [
            models.Index(fields=["kind", "language"]),
            models.Index(fields=["published"]),
            models.Index(fields=["source"]),
        ]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("library:document", kwargs={"slug": self.slug})


class Source(models.Model):
    """Where one fact came from: a document (with the sentence), an import, or a person."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    field = models.CharField(
        _("field"),
        max_length=60,
        blank=True,
        help_text=_("Empty when the source backs the whole record."),
    )
    method = models.CharField(_("method"), max_length=10, choices=SourceMethod.choices)
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="facts"
    )
    quote = models.TextField(_("sentence"), blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return f"{self.get_method_display()}: {self.document or self.note}"


class SearchChunk(models.Model):
    """A paragraph-sized piece of a searchable record, with its segmented words and its embedding.

    The full-text index (FTS5 on SQLite, a tsvector column on PostgreSQL) is created by the
    migration beside this table and follows it; filters are denormalised here so search needs no join.
    """

    kind = models.CharField(_("kind"), max_length=12, choices=SearchKind.choices)
    object_id = models.PositiveBigIntegerField()
    position = models.PositiveSmallIntegerField(default=0)
    reference = models.CharField(
        _("reference"), max_length=140, help_text=_("Slug, or primary key for pairs.")
    )
    title = models.CharField(_("title"), max_length=400)
    title_zh = models.CharField(_("title (Chinese)"), max_length=400, blank=True)
    source = models.CharField(_("source"), max_length=1000, blank=True)
    target = models.CharField(
        _("page"), max_length=140, blank=True, help_text=_("Slug or key of the page that shows it.")
    )
    text = models.TextField(_("text"))
    segmented = models.TextField(_("segmented words"))
    embedding = models.BinaryField(_("embedding"))
    embedder = models.CharField(_("embedder"), max_length=40)
    languages = models.CharField(
        _("languages"),
        max_length=40,
        blank=True,
        help_text=_("Space-delimited codes, e.g. ' en zh '."),
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    countries = models.CharField(_("countries"), max_length=400, blank=True)
    topics = models.CharField(_("topics"), max_length=2000, blank=True)
    programmes = models.CharField(_("programmes"), max_length=2000, blank=True)
    is_public = models.BooleanField(_("public"), default=True)
    whole = models.BooleanField(
        _("whole record"),
        default=False,
        help_text=_("The embedding of the whole record; it has no words of its own."),
    )
    indexed_at = models.DateTimeField(_("indexed"), auto_now=True)

    class Meta:
        ordering = ["kind", "object_id", "position"]
        indexes = [
            models.Index(fields=["kind", "object_id"]),
            models.Index(fields=["embedder", "id"]),
        ]
        verbose_name = _("search chunk")
        verbose_name_plural = _("search chunks")

    def __str__(self) -> str:
        return f"{self.kind} {self.reference} #{self.position}"


class PendingIndex(models.Model):
    """A record whose search chunks must be rebuilt; written with the change, drained by a task."""

    kind = models.CharField(_("kind"), max_length=12, choices=SearchKind.choices)
    object_id = models.PositiveBigIntegerField()
    requested_at = models.DateTimeField(_("requested"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="pending_index_unique")
        ]
        verbose_name = _("pending index update")
        verbose_name_plural = _("pending index updates")

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
