from django.contrib import admin

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
