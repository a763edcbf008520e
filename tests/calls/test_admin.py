"""The calls admin: every changelist renders with data, the call form has its inlines, the audit log is read-only."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.calls.factories import reviewer_for, submitted
from twinning.calls.actions import (
    assign_reviewer,
    declare_conflict,
    record_decision,
    score_application,
)
from twinning.calls.enums import Outcome, ReminderKind
from twinning.calls.models import AuditEntry, Call, Reminder

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser(
            username="admin", email="admin@example.org", password="pw-admin-123"
        )
    )
    return client


@pytest.fixture
def cycle(call, europe_org, europe_staff, coordinator):
    """One of each calls record: an application reviewed, scored, decided and reminded."""
    application = submitted(call, europe_org, europe_staff)
    reviewer = reviewer_for(call, "rita")
    review = assign_reviewer(application=application, reviewer=reviewer, actor=coordinator)
    score_application(
        review=review,
        scores={criterion.pk: (3, "") for criterion in call.criteria.all()},
        actor=reviewer,
    )
    record_decision(application=application, outcome=Outcome.ACCEPT, actor=coordinator)
    declare_conflict(
        reviewer=reviewer_for(call, "ravi"), organisation=europe_org, reason="former employer"
    )
    Reminder.objects.create(application=application, kind=ReminderKind.WEEK)
    return call


def test_every_calls_changelist_renders_with_rows_and_searches(superuser_client, cycle):
    models = [model for model in admin.site._registry if model._meta.app_label == "calls"]
    assert sorted(model._meta.model_name for model in models) == [
        "application",
        "auditentry",
        "call",
        "conflictdeclaration",
        "decision",
        "reminder",
        "review",
    ]
    for model in models:
        url = reverse(f"admin:calls_{model._meta.model_name}_changelist")
        response = superuser_client.get(url)
        assert (response.status_code, response.context["cl"].result_count) == (
            200,
            model.objects.count(),
        ), url
        assert model.objects.count() >= 1, url
        assert superuser_client.get(url, {"q": "Zero Waste"}).status_code == 200, url


def test_call_change_form_has_question_criterion_window_and_committee_inlines(
    superuser_client, cycle
):
    page = superuser_client.get(
        reverse("admin:calls_call_change", args=[cycle.pk])
    ).content.decode()
    for prefix, total in (("questions", 2), ("criteria", 2), ("windows", 2), ("committee", 2)):
        assert f'name="{prefix}-TOTAL_FORMS" value="{total}"' in page, prefix


def test_audit_log_is_read_only_in_the_admin(superuser_client, cycle):
    entry = AuditEntry.objects.first()
    before = list(AuditEntry.objects.order_by("pk").values_list("pk", "verb", "changes"))
    model_admin = admin.site._registry[AuditEntry]
    request = superuser_client.get(reverse("admin:calls_auditentry_changelist")).wsgi_request
    assert (
        model_admin.has_add_permission(request),
        model_admin.has_change_permission(request, entry),
        model_admin.has_delete_permission(request, entry),
    ) == (False, False, False)
    assert superuser_client.get(reverse("admin:calls_auditentry_add")).status_code == 403
    assert (
        superuser_client.post(
            reverse("admin:calls_auditentry_change", args=[entry.pk]), {"verb": "scored"}
        ).status_code
        == 403
    )
    assert (
        superuser_client.post(
            reverse("admin:calls_auditentry_delete", args=[entry.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert list(AuditEntry.objects.order_by("pk").values_list("pk", "verb", "changes")) == before


def test_calls_are_opened_on_the_calls_page_not_in_the_admin(superuser_client, cycle):
    assert superuser_client.get(reverse("admin:calls_call_add")).status_code == 403
    assert Call.objects.count() == 1


@pytest.mark.parametrize("rows", [1, 3])
def test_application_changelist_query_count(
    superuser_client, django_assert_num_queries, call, rows
):
    from tests.calls.factories import european, staff_of

    for index in range(rows):
        organisation = european(name=f"Org {index}")
        submitted(call, organisation, staff_of(organisation))
    with django_assert_num_queries(6):
        response = superuser_client.get(reverse("admin:calls_application_changelist"))
    assert response.context["cl"].result_count == rows
