"""Admin of exchanges: look-ups only. Every change goes through `actions`, which write the log."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from twinning.exchanges.models import (
    AlumniRecord,
    BulkMessage,
    CalendarFeed,
    ExchangeLogEntry,
    FollowUpProject,
    JointProject,
    MessageTemplate,
    Milestone,
    PairReport,
    Placement,
    SentReminder,
    Workshop,
    WorkshopRegistration,
)


class ViewOnlyAdmin(admin.ModelAdmin):
    """Shows records without letting anyone add, change or delete them."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Placement)
class PlacementAdmin(ViewOnlyAdmin):
    list_display = ("fellow", "home", "host", "planned_start", "planned_end", "status")
    list_filter = ("status", "direction", "pair__cohort__programme")
    list_select_related = ("fellow", "home", "host")
    search_fields = ("fellow__username", "home__name", "host__name", "city")
    date_hierarchy = "planned_start"


@admin.register(PairReport)
class PairReportAdmin(ViewOnlyAdmin):
    list_display = ("title", "pair", "due_on", "status", "filed_at")
    list_filter = ("status",)
    list_select_related = ("pair__organisation_a", "pair__organisation_b")


@admin.register(CalendarFeed)
class CalendarFeedAdmin(ViewOnlyAdmin):
    list_display = ("user", "created_at")
    exclude = ("token",)  # a secret: the user sees it on their own page, staff never need it


@admin.register(ExchangeLogEntry)
class ExchangeLogEntryAdmin(ViewOnlyAdmin):
    list_display = ("created_at", "actor", "verb", "subject_type", "subject_id", "pair")
    list_filter = ("verb", "subject_type")
    list_select_related = ("actor", "pair__organisation_a", "pair__organisation_b")


@admin.register(SentReminder)
class SentReminderAdmin(ViewOnlyAdmin):
    list_display = ("sent_at", "subject_line", "kind", "due_on")
    list_filter = ("kind", "subject_type")


@admin.register(JointProject)
class JointProjectAdmin(ViewOnlyAdmin):
    list_display = ("title", "pair", "updated_at")
    list_select_related = ("pair__organisation_a", "pair__organisation_b")


@admin.register(Milestone)
class MilestoneAdmin(ViewOnlyAdmin):
    list_display = ("title", "kind", "due_on", "status", "project")
    list_filter = ("status", "kind")


@admin.register(AlumniRecord)
class AlumniRecordAdmin(ViewOnlyAdmin):
    list_display = ("pair", "completed_on")
    list_select_related = ("pair__organisation_a", "pair__organisation_b")


@admin.register(FollowUpProject)
class FollowUpProjectAdmin(ViewOnlyAdmin):
    list_display = ("title", "start_year", "alumni")


@admin.register(Workshop)
class WorkshopAdmin(ViewOnlyAdmin):
    list_display = ("title", "kind", "cohort", "starts_on", "place")
    list_filter = ("kind",)


@admin.register(WorkshopRegistration)
class WorkshopRegistrationAdmin(ViewOnlyAdmin):
    list_display = ("user", "organisation", "workshop", "attended")
    list_select_related = ("user", "organisation", "workshop")


@admin.register(MessageTemplate)
class MessageTemplateAdmin(ViewOnlyAdmin):
    list_display = ("key", "subject_en", "updated_by", "updated_at")


@admin.register(BulkMessage)
class BulkMessageAdmin(ViewOnlyAdmin):
    list_display = ("sent_at", "subject_en", "cohort", "audience", "sender")
    list_select_related = ("cohort__programme", "sender")
