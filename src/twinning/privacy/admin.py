from django.contrib import admin

from twinning.privacy.models import ErasureRequest


@admin.register(ErasureRequest)
class ErasureRequestAdmin(admin.ModelAdmin):
    list_display = ["user", "status", "requested_at", "handled_by", "handled_at"]
    list_filter = ["status"]
    search_fields = ["user__email", "reason"]
    raw_id_fields = ["user", "handled_by"]
