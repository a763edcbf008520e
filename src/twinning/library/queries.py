"""Read-side queries of the library."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from twinning.library.models import Source


def sources_for(subject: models.Model) -> QuerySet[Source]:
    """Every recorded source of a record and its fields, oldest first."""
    return Source.objects.filter(
        content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk
    ).select_related("document")
