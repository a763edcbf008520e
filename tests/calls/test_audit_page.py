"""The audit page reads as sentences for people: names, labels, dates; no dicts, no ids."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.calls.factories import reviewer_for, submitted
from twinning.calls.actions import assign_reviewer, record_decision, score_application
from twinning.calls.audit_display import audit_lines

pytestmark = pytest.mark.django_db


def test_audit_page_shows_readable_changes(
    coordinator, coordinator_client, call, europe_org, europe_staff
):
    application = submitted(call, europe_org, europe_staff)
    review = assign_reviewer(
        application=application, reviewer=reviewer_for(call, "rita"), actor=None
    )
    relevance, capacity = call.criteria.order_by("position")
    score_application(
        review=review, scores={relevance.pk: (4, ""), capacity.pk: (3, "")}, actor=review.reviewer
    )
    record_decision(application=application, outcome="accept", actor=coordinator)
    page = coordinator_client.get(reverse("calls:audit", args=[call.slug])).content.decode()
    assert "{" not in page.split("<tbody>")[1].split("</tbody>")[0]
    assert "Application: Zero Waste Lyon" in page
    assert "Review: Zero Waste Lyon · rita" in page
    assert "Decision: Zero Waste Lyon" in page
    assert '<span class="muted">Scores:</span> Relevance: 4, Capacity: 3' in page
    assert '<span class="muted">Decision:</span> Accept' in page
    assert '<span class="muted">Organisation:</span> Zero Waste Lyon' in page
    assert "decision " + str(application.decision.pk) not in page


def test_audit_lines_speak_chinese(call, europe_org, europe_staff):
    submitted(call, europe_org, europe_staff)
    with translation.override("zh-hans"):
        lines = audit_lines(call, call.audit_entries.all())
        created = [
            line
            for line in lines
            if line.entry.verb == "created" and line.entry.subject_type == "application"
        ][0]
        assert created.record == "申请：Zero Waste Lyon"
        assert ("类别", "单独申请") in created.changes
