from django.contrib import admin

from twinning.ingest.models import Candidate


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "status", "match", "document", "created_at")
    list_filter = ("status", "kind")
    search_fields = ("data", "evidence", "document__title")
    list_select_related = ("match", "document")
    raw_id_fields = ("document", "match")
