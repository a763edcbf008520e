from typing import Any

from django.contrib import admin
from django.db import models
from django.forms import ModelForm
from django.http import HttpRequest

from twinning.library.actions import cite
from twinning.library.enums import SourceMethod
from twinning.library.models import Document, Source


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "language", "published", "source")
    list_filter = ("kind", "language", "programme", "topics")
    search_fields = ("title", "source", "text")
    autocomplete_fields = ["organisations", "people"]
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "published"


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("content_type", "object_id", "field", "method", "document", "created_at")
    list_filter = ("method", "content_type")
    search_fields = ("quote", "note")
    list_select_related = ("content_type", "document")


class RecordsEditorAdmin(admin.ModelAdmin):
    """Admin whose saves are recorded as facts entered by a person (who, which fields)."""

    def save_model(
        self, request: HttpRequest, obj: models.Model, form: ModelForm[Any], change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        fields = [name for name in form.changed_data if name != "slug"]
        if fields:
            note = "changed in the admin" if change else "created in the admin"
            cite(
                obj,
                method=SourceMethod.PERSON,
                field=",".join(fields)[:60],
                entered_by=request.user,
                note=note,
            )
