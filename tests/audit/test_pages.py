"""Who reads the audit log on the pages, with filters, pagination and a constant query count."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.calls.factories import staff_of
from tests.factories import OrganisationFactory, UserFactory
from twinning.audit.log import record
from twinning.audit.models import AuditRecord
from twinning.directory.actions import update_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def blue(coordinator):
    organisation = OrganisationFactory(name="Blue River", slug="blue-river", founded=2001)
    update_organisation(organisation=organisation, actor=coordinator, founded=2004)
    return organisation


@pytest.fixture
def red(coordinator):
    organisation = OrganisationFactory(name="Red Hill", slug="red-hill", founded=1990)
    update_organisation(organisation=organisation, actor=coordinator, founded=1991)
    return organisation


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_coordinator_reads_every_change(coordinator_client, blue, red):
    page = coordinator_client.get(reverse("audit:log")).content.decode()
    assert "Blue River" in page and "Red Hill" in page
    assert "<del>2001</del> → 2004" in page
    assert "Founding year" in page


def test_the_log_speaks_chinese(coordinator_client, blue):
    page = coordinator_client.get("/zh-hans/audit/").content.decode()
    assert "审计日志" in page
    assert "更新了" in page


def test_filters_by_kind_actor_and_date(coordinator_client, coordinator, blue):
    from twinning.directory.actions import create_person

    create_person(name="Anna Berg", actor=UserFactory(username="ana"))
    by_kind = coordinator_client.get(reverse("audit:log"), {"kind": "directory.person"})
    assert "Anna Berg" in by_kind.content.decode()
    assert "Blue River" not in by_kind.content.decode()
    by_actor = coordinator_client.get(reverse("audit:log"), {"actor": "coord"})
    assert "Blue River" in by_actor.content.decode()
    assert "Anna Berg" not in by_actor.content.decode()
    future = coordinator_client.get(reverse("audit:log"), {"since": "2999-01-01"})
    assert "No change recorded." in future.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, blue):
    answer = client.get(reverse("audit:log"))
    assert answer.status_code == 302
    assert "/accounts/login/" in answer["Location"]


def test_others_are_refused_the_whole_log(member_client, blue):
    staff_of(blue, "editor")
    assert member_client.get(reverse("audit:log")).status_code == 403
    editor = _client(blue.staff.get().user)
    assert editor.get(reverse("audit:log")).status_code == 403


def test_an_editor_reads_their_own_organisations_history_only(blue, red):
    editor = _client(staff_of(blue, "editor"))
    own = editor.get(reverse("audit:organisation", args=["blue-river"]))
    assert own.status_code == 200
    assert "<del>2001</del> → 2004" in own.content.decode()
    assert editor.get(reverse("audit:organisation", args=["red-hill"])).status_code == 403


def test_members_and_anonymous_read_no_history(client, member_client, blue):
    assert member_client.get(reverse("audit:organisation", args=["blue-river"])).status_code == 403
    assert client.get(reverse("audit:organisation", args=["blue-river"])).status_code == 302


def test_history_fragment_on_the_organisation_page(blue):
    editor = _client(staff_of(blue, "editor"))
    page = editor.get(reverse("directory:organisation", args=["blue-river"])).content.decode()
    assert reverse("audit:organisation", args=["blue-river"]) in page
    fragment = editor.get(
        reverse("audit:organisation", args=["blue-river"]), headers={"HX-Request": "true"}
    ).content.decode()
    assert fragment.startswith('<section id="history">')
    assert "<del>2001</del> → 2004" in fragment


def test_the_organisation_page_offers_no_history_to_visitors(client, blue):
    page = client.get(reverse("directory:organisation", args=["blue-river"])).content.decode()
    assert reverse("audit:organisation", args=["blue-river"]) not in page


def _rows(count: int, coordinator) -> None:
    AuditRecord.objects.all().delete()
    for number in range(count):
        organisation = OrganisationFactory(name=f"Org {number}", founded=2000)
        record(
            actor=coordinator,
            verb="updated",
            record=organisation,
            changes={"founded": [2000, 2001], "type": ["ngo", "foundation"]},
        )


@pytest.mark.parametrize("rows", [1, 3])
def test_log_query_count_does_not_grow_with_rows(
    coordinator, coordinator_client, django_assert_num_queries, rows
):
    _rows(rows, coordinator)
    coordinator_client.get(reverse("audit:log"))  # warm the content-type cache
    with django_assert_num_queries(5):
        answer = coordinator_client.get(reverse("audit:log"))
    assert answer.content.decode().count('<li class="card">') == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_history_query_count_does_not_grow_with_rows(
    coordinator, coordinator_client, django_assert_num_queries, rows
):
    _rows(rows, coordinator)
    organisation = OrganisationFactory(slug="target")
    AuditRecord.objects.update(organisation=organisation)
    concern = AuditRecord.organisations.through
    concern.objects.all().delete()
    concern.objects.bulk_create(
        concern(auditrecord_id=pk, organisation_id=organisation.pk)
        for pk in AuditRecord.objects.values_list("pk", flat=True)
    )
    url = reverse("audit:organisation", args=["target"])
    coordinator_client.get(url)
    with django_assert_num_queries(5):
        answer = coordinator_client.get(url)
    assert answer.content.decode().count('<li class="card">') == rows


def test_pages_of_fifty(coordinator, coordinator_client):
    organisation = OrganisationFactory()
    for number in range(51):
        record(actor=coordinator, verb="updated", record=organisation, changes={"n": [0, number]})
    first = coordinator_client.get(reverse("audit:log")).content.decode()
    second = coordinator_client.get(reverse("audit:log"), {"page": 2}).content.decode()
    assert first.count('<li class="card">') == 50
    assert second.count('<li class="card">') == 1
    assert "Page 2 of 2" in second
