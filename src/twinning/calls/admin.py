"""Admin of calls: look-ups for staff; state changes stay in `actions`, which write the audit log.

Calls are opened at /calls/new/ (`open_call` makes the cohort and slug) and their dates and
status change through actions, so those fields are read-only here; texts, questions, criteria,
windows and the committee may be corrected. Applications, reviews, decisions and the audit log
are view-only, so every change to them is audited.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from twinning.calls.models import (
    Application,
    AuditEntry,
    Call,
    CommitteeMember,
    ConflictDeclaration,
    Criterion,
    Decision,
    ExchangeWindow,
    Question,
    Reminder,
    Review,
    Score,
)


class ViewOnlyAdmin(admin.ModelAdmin):
    """Shows records without letting anyone add, change or delete them."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ViewOnlyInline(admin.TabularInline):
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = ("position", "text", "text_zh", "is_required", "max_length")


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ("position", "name", "name_zh", "weight", "max_score", "description")


class ExchangeWindowInline(admin.TabularInline):
    model = ExchangeWindow
    extra = 0


class CommitteeMemberInline(admin.TabularInline):
    model = CommitteeMember
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ("title", "programme", "cohort", "status", "opens_on", "deadline", "decision_on")
    list_filter = ("status", "programme")
    list_select_related = ("programme", "cohort__programme")
    search_fields = ("title", "title_zh", "slug", "programme__name")
    date_hierarchy = "deadline"
    readonly_fields = (
        "programme",
        "cohort",
        "slug",
        "status",
        "opens_on",
        "deadline",
        "decision_on",
        "created_at",
    )
    inlines = [QuestionInline, CriterionInline, ExchangeWindowInline, CommitteeMemberInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(ViewOnlyAdmin):
    list_display = (
        "organisation",
        "call",
        "side",
        "kind",
        "status",
        "partner",
        "partner_status",
        "submitted_at",
    )
    list_filter = ("status", "kind", "side", "call")
    list_select_related = ("organisation", "partner", "call")
    search_fields = (
        "organisation__name",
        "organisation__name_zh",
        "partner__name",
        "partner__name_zh",
        "call__title",
    )


class ScoreInline(ViewOnlyInline):
    model = Score
    fields = ("criterion", "value", "comment")


@admin.register(Review)
class ReviewAdmin(ViewOnlyAdmin):
    list_display = ("reviewer", "application", "assigned_at", "submitted_at")
    list_filter = ("application__call", ("submitted_at", admin.EmptyFieldListFilter))
    list_select_related = (
        "reviewer",
        "application__organisation",
        "application__partner",
        "application__call",
    )
    search_fields = (
        "reviewer__username",
        "application__organisation__name",
        "application__partner__name",
    )
    inlines = [ScoreInline]


@admin.register(Decision)
class DecisionAdmin(ViewOnlyAdmin):
    list_display = (
        "application",
        "outcome",
        "paired_with",
        "decided_by",
        "decided_at",
        "applied_at",
    )
    list_filter = ("outcome", "application__call", ("applied_at", admin.EmptyFieldListFilter))
    list_select_related = (
        "application__organisation",
        "application__partner",
        "application__call",
        "paired_with__organisation",
        "paired_with__partner",
        "paired_with__call",
        "decided_by",
    )
    search_fields = ("application__organisation__name", "paired_with__organisation__name", "note")


@admin.register(AuditEntry)
class AuditEntryAdmin(ViewOnlyAdmin):
    list_display = ("created_at", "call", "actor", "verb", "subject_type", "subject_id")
    list_filter = ("verb", "subject_type", "call")
    list_select_related = ("call", "actor")
    search_fields = ("actor__username", "subject_type", "call__title")
    date_hierarchy = "created_at"


@admin.register(ConflictDeclaration)
class ConflictDeclarationAdmin(admin.ModelAdmin):
    list_display = ("reviewer", "organisation", "reason", "created_at")
    list_select_related = ("reviewer", "organisation")
    search_fields = ("reviewer__username", "organisation__name", "reason")
    autocomplete_fields = ["reviewer", "organisation"]


@admin.register(Reminder)
class ReminderAdmin(ViewOnlyAdmin):
    list_display = ("application", "kind", "sent_at")
    list_filter = ("kind", "application__call")
    list_select_related = ("application__organisation", "application__partner", "application__call")
    search_fields = ("application__organisation__name",)
