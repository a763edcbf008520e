import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.calls.factories import reviewer_for
from twinning.exchanges import actions
from twinning.exchanges.models import BulkMessage, MessageTemplate
from twinning.exchanges.reminders import send_exchange_reminders

pytestmark = pytest.mark.django_db

TEXTS = {
    "subject_en": "News for {organisation}",
    "body_en": "Dear {name}, your partner {partner} awaits you. {url}",
    "subject_zh": "{organisation}的消息",
    "body_zh": "{name}您好，您的伙伴{partner}在等您。{url}",
}


def test_a_message_to_the_pairs_names_each_ones_own_partner_in_their_language(
    django_capture_on_commit_callbacks, pair, fellow, host_staff, coordinator, settings
):
    with django_capture_on_commit_callbacks(execute=True):
        sent = actions.send_bulk_message(
            cohort=pair.cohort, audience="pairs", actor=coordinator, **TEXTS
        )
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(sent.recipients) == ["lea@example.org", "wei@example.org"]
    lea, wei = by_address["lea@example.org"], by_address["wei@example.org"]
    url = settings.TWINNING_SITE_URL + pair.cohort.get_absolute_url()
    assert (lea.subject, lea.body) == (
        "News for Zero Waste Lyon",
        f"Dear Léa Martin, your partner Chengdu Green Home awaits you. {url}",
    )
    assert (wei.subject, wei.body) == (
        "Chengdu Green Home的消息",
        f"wei您好，您的伙伴Zero Waste Lyon在等您。{url}",
    )


def test_reviewers_and_refusals(pair, call, coordinator, fellow):
    reviewer_for(call, "rita")
    message = actions.send_bulk_message(
        cohort=pair.cohort, audience="reviewers", actor=coordinator, **TEXTS
    )
    assert message.recipients == ["rita@example.org"]
    with pytest.raises(actions.ExchangeError) as refused:
        actions.send_bulk_message(
            cohort=pair.cohort,
            audience="pairs",
            actor=coordinator,
            **{**TEXTS, "body_zh": "", "subject_en": "Hi {user.password}"},
        )
    assert refused.value.reasons == [
        "Fill in every subject and text, in English and Chinese.",
        "Unknown placeholder {user.password}; use {name}, {organisation}, {partner}, {cohort}, {url}.",
    ]
    with pytest.raises(PermissionDenied):
        actions.send_bulk_message(cohort=pair.cohort, audience="pairs", actor=fellow, **TEXTS)
    assert BulkMessage.objects.count() == 1


def test_a_reworded_reminder_is_used_in_each_language(
    django_capture_on_commit_callbacks, pair, host_staff, fellow, coordinator
):
    actions.save_message_template(
        key="pairreport",
        subject_en="Due {when}: {title}",
        body_en="Hello {name}, file it by {date}: {url}",
        subject_zh="{when}截止：{title}",
        body_zh="{name}您好，请在{date}前提交：{url}",
        actor=coordinator,
    )
    actions.request_report(
        pair=pair, title="Final report", due_on=datetime.date(2030, 12, 20), actor=coordinator
    )
    with django_capture_on_commit_callbacks(execute=True):
        send_exchange_reminders(now=datetime.datetime(2030, 12, 20, 9, tzinfo=datetime.UTC))
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == ["Due today: Final report", "今天截止：Final report"]


def test_template_refusals_change_nothing(coordinator, fellow):
    with pytest.raises(actions.ExchangeError, match="not closed"):
        actions.save_message_template(
            key="placement",
            subject_en="{",
            body_en="x",
            subject_zh="x",
            body_zh="x",
            actor=coordinator,
        )
    with pytest.raises(PermissionDenied):
        actions.save_message_template(
            key="placement", subject_en="a", body_en="b", subject_zh="c", body_zh="d", actor=fellow
        )
    assert MessageTemplate.objects.count() == 0


def test_the_messages_pages(client, coordinator_client, pair, fellow, host_staff):
    client.force_login(fellow)
    assert client.get(reverse("exchanges:messages")).status_code == 403
    response = coordinator_client.post(
        reverse("exchanges:messages"), {"cohort": pair.cohort.pk, "audience": "pairs", **TEXTS}
    )
    assert response.status_code == 302
    page = coordinator_client.get(reverse("exchanges:messages")).content.decode()
    assert "News for {organisation}" in page and "lea@example.org" in page
    edited = coordinator_client.post(
        reverse("exchanges:template", args=["milestone"]),
        {
            "subject_en": "Due {when}",
            "body_en": "{url}",
            "subject_zh": "{when}",
            "body_zh": "{url}",
        },
    )
    assert edited.status_code == 302 and MessageTemplate.objects.get().key == "milestone"


def test_the_outbox_costs_the_same_for_one_and_three_messages(
    coordinator_client, pair, fellow, coordinator
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def send(count):
        for _ in range(count):
            actions.send_bulk_message(
                cohort=pair.cohort, audience="pairs", actor=coordinator, **TEXTS
            )

    def queries():
        coordinator_client.get(reverse("exchanges:messages"))
        with CaptureQueriesContext(connection) as captured:
            coordinator_client.get(reverse("exchanges:messages"))
        return len(captured)

    send(1)
    one = queries()
    send(2)
    assert queries() == one
