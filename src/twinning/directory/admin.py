from django.contrib import admin

from twinning.directory.models import (
    Affiliation,
    City,
    Identifier,
    Organisation,
    Person,
    Position,
    StaffMembership,
    Topic,
)
from twinning.library.admin import RecordsEditorAdmin


class IdentifierInline(admin.TabularInline):
    model = Identifier
    extra = 0


class PositionInline(admin.TabularInline):
    model = Position
    extra = 0
    autocomplete_fields = ["person"]


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    fk_name = "organisation"
    extra = 0
    autocomplete_fields = ["other"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("slug", "name", "name_zh", "parent", "sdgs")
    search_fields = ("slug", "name", "name_zh")
    list_filter = ("parent",)


@admin.register(Organisation)
class OrganisationAdmin(RecordsEditorAdmin):
    list_display = (
        "name",
        "name_zh",
        "acronym",
        "country",
        "city",
        "type",
        "founded",
        "is_published",
        "is_sample",
    )
    list_filter = ("region", "type", "country", "is_published", "is_sample", "topics")
    autocomplete_fields = ["locality"]
    search_fields = ("name", "name_zh", "acronym", "city", "province", "description")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("topics",)
    inlines = [IdentifierInline, PositionInline, AffiliationInline]
    list_per_page = 50


@admin.register(Person)
class PersonAdmin(RecordsEditorAdmin):
    list_display = ("name", "name_zh", "is_sample")
    search_fields = ("name", "name_zh", "positions__title")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [PositionInline]


@admin.register(Affiliation)
class AffiliationAdmin(RecordsEditorAdmin):
    list_display = ("organisation", "kind", "other", "start_year")
    list_filter = ("kind",)
    search_fields = ("organisation__name", "other__name")
    autocomplete_fields = ["organisation", "other"]
    list_select_related = ("organisation", "other")


@admin.register(StaffMembership)
class StaffMembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "role", "is_approved", "created_at")
    list_filter = ("is_approved",)
    search_fields = ("user__username", "user__email", "organisation__name")
    autocomplete_fields = ["organisation"]
    list_select_related = ("user", "organisation")


@admin.register(City)
class CityAdmin(RecordsEditorAdmin):
    list_display = ("name", "name_zh", "province", "country", "population_band", "geonameid")
    list_filter = ("country", "population_band")
    search_fields = ("name", "name_zh", "province", "province_zh")
    prepopulated_fields = {"slug": ("name", "country")}
    readonly_fields = ("population_band",)
