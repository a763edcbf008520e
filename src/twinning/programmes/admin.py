from django.contrib import admin

from twinning.library.admin import RecordsEditorAdmin
from twinning.programmes.models import (
    Activity,
    CityPair,
    Cohort,
    Event,
    Pair,
    Programme,
    Visit,
    VisitParticipant,
)


class CohortInline(admin.TabularInline):
    model = Cohort
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ("name", "acronym", "kind", "start_year", "end_year")
    list_filter = ("kind",)
    search_fields = ("name", "name_zh", "acronym")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("organisers", "topics")
    autocomplete_fields = ["pilot_cities"]
    inlines = [CohortInline]


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ("__str__", "programme", "year")
    list_filter = ("programme", "year")


@admin.register(Pair)
class PairAdmin(RecordsEditorAdmin):
    list_display = ("organisation_a", "organisation_b", "cohort", "status")
    list_filter = ("cohort__programme", "cohort__year", "status", "topics")
    search_fields = (
        "organisation_a__name",
        "organisation_b__name",
        "organisation_a__name_zh",
        "organisation_b__name_zh",
        "focus",
    )
    autocomplete_fields = ["organisation_a", "organisation_b"]
    filter_horizontal = ("topics",)
    list_select_related = ("organisation_a", "organisation_b", "cohort__programme")


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ("name", "programme", "kind", "year", "place")
    list_filter = ("programme", "kind", "year")
    search_fields = ("name", "name_zh", "place")
    autocomplete_fields = ["cities"]


@admin.register(Event)
class EventAdmin(RecordsEditorAdmin):
    list_display = ("name", "start", "place", "programme")
    list_filter = ("programme", "country")
    search_fields = ("name", "name_zh", "place")
    date_hierarchy = "start"
    autocomplete_fields = ["organisers", "participants", "locality"]
    prepopulated_fields = {"slug": ("name",)}


class VisitParticipantInline(admin.TabularInline):
    model = VisitParticipant
    extra = 0
    autocomplete_fields = ["person", "organisation"]


@admin.register(Visit)
class VisitAdmin(RecordsEditorAdmin):
    list_display = ("date", "host")
    search_fields = ("host__name", "summary")
    date_hierarchy = "date"
    autocomplete_fields = ["host", "visitors"]
    inlines = [VisitParticipantInline]


@admin.register(CityPair)
class CityPairAdmin(RecordsEditorAdmin):
    list_display = ("city_a", "city_b", "programme", "start_year", "end_year", "is_sample")
    list_filter = ("programme", "start_year", "is_sample")
    search_fields = ("city_a__name", "city_a__name_zh", "city_b__name", "city_b__name_zh")
    autocomplete_fields = ["city_a", "city_b"]
    filter_horizontal = ("topics",)
    list_select_related = ("city_a", "city_b", "programme")
