"""An entry about a pair or an exchange shows in the history of both of the pair's
organisations, and once in the site-wide log."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.calls.factories import staff_of
from tests.factories import CohortFactory, OrganisationFactory
from twinning.audit.models import AuditRecord
from twinning.exchanges.actions import describe_joint_project
from twinning.programmes.actions import form_pair, record_event, record_visit, set_pair_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def lyon():
    return OrganisationFactory(name="Zero Waste Lyon", slug="zero-waste-lyon", country="FR")


@pytest.fixture
def chengdu():
    return OrganisationFactory(name="Chengdu Green Home", slug="chengdu-green-home", country="CN")


@pytest.fixture
def pair(coordinator, lyon, chengdu):
    return form_pair(
        cohort=CohortFactory(year=2030),
        organisation_a=lyon,
        organisation_b=chengdu,
        actor=coordinator,
    )


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _fragment(client: Client, slug: str) -> str:
    answer = client.get(reverse("audit:organisation", args=[slug]), headers={"HX-Request": "true"})
    assert answer.status_code == 200
    return answer.content.decode()


def test_a_pair_concerns_both_of_its_organisations(pair, lyon, chengdu):
    entry = AuditRecord.objects.get(record_id=pair.pk, record_type__model="pair")
    assert entry.organisation == lyon
    assert sorted(entry.organisations.values_list("slug", flat=True)) == [
        "chengdu-green-home",
        "zero-waste-lyon",
    ]


def test_an_exchange_entry_shows_in_both_histories_and_once_in_the_log(
    coordinator, coordinator_client, pair, lyon, chengdu
):
    project = describe_joint_project(
        pair=pair, title="Compost in courtyards", goals="Two pilots", actor=coordinator
    )
    entry = AuditRecord.objects.get(record_type__model="jointproject", record_id=project.pk)
    assert entry.record_label == str(project)
    assert set(entry.organisations.all()) == {lyon, chengdu}
    for slug in ("zero-waste-lyon", "chengdu-green-home"):
        fragment = _fragment(coordinator_client, slug)
        assert fragment.count('<li class="card">') == 2  # the pair formed, the joint project
        assert f"Joint project: {project}" in fragment
    log = coordinator_client.get(reverse("audit:log")).content.decode()
    assert log.count(f"Joint project: {project}") == 1


def test_the_second_partners_staff_read_the_pair_in_their_history(pair, chengdu):
    editor = _client(staff_of(chengdu, "chengdu-editor"))
    fragment = _fragment(editor, "chengdu-green-home")
    assert fragment.count('<li class="card">') == 1
    assert f"Twinning pair: {pair}" in fragment
    body = editor.get("/api/audit").json()
    assert body["count"] == 1
    assert body["items"][0]["kind"] == "programmes.pair"
    assert body["items"][0]["organisation"] == "zero-waste-lyon"
    assert body["items"][0]["organisations"] == ["chengdu-green-home", "zero-waste-lyon"]


def test_staff_of_an_organisation_outside_the_pair_read_none_of_it(pair):
    elsewhere = OrganisationFactory(name="Elsewhere", slug="elsewhere")
    editor = _client(staff_of(elsewhere, "elsewhere-editor"))
    assert editor.get("/api/audit").json() == {"items": [], "count": 0}
    assert editor.get(reverse("audit:organisation", args=["chengdu-green-home"])).status_code == 403


def test_the_api_filters_by_organisation(coordinator, coordinator_client, pair, lyon):
    set_pair_status(pair=pair, status="completed", actor=coordinator)
    OrganisationFactory(name="Unrelated", slug="unrelated")
    for slug in ("zero-waste-lyon", "chengdu-green-home"):
        body = coordinator_client.get("/api/audit", {"organisation": slug}).json()
        assert body["count"] == 2
        assert [item["verb"] for item in body["items"]] == ["updated", "created"]
    unrelated = coordinator_client.get("/api/audit", {"organisation": "unrelated"}).json()
    assert unrelated == {"items": [], "count": 0}
    unknown = coordinator_client.get("/api/audit", {"organisation": "no-such-org"})
    assert unknown.status_code == 422
    assert unknown.json()["detail"] == "Unknown organisation 'no-such-org'."


def test_the_api_filter_keeps_the_readers_visibility(pair, lyon, chengdu):
    lyon_editor = _client(staff_of(lyon, "lyon-editor"))
    elsewhere_editor = _client(staff_of(OrganisationFactory(slug="elsewhere"), "other-editor"))
    mine = lyon_editor.get("/api/audit", {"organisation": "chengdu-green-home"}).json()
    assert mine["count"] == 1  # the pair concerns Lyon too
    theirs = elsewhere_editor.get("/api/audit", {"organisation": "chengdu-green-home"}).json()
    assert theirs == {"items": [], "count": 0}


def test_events_and_visits_concern_every_organisation_involved(coordinator, lyon, chengdu):
    third = OrganisationFactory(name="Third", slug="third")
    event = record_event(name="Eco Forum", organisers=[lyon, chengdu], actor=coordinator)
    visit = record_visit(date=pair_date(), host=chengdu, visitors=[lyon, third], actor=coordinator)
    event_entry = AuditRecord.objects.get(record_type__model="event", record_id=event.pk)
    visit_entry = AuditRecord.objects.get(record_type__model="visit", record_id=visit.pk)
    assert set(event_entry.organisations.all()) == {lyon, chengdu}
    assert visit_entry.organisation == chengdu
    assert set(visit_entry.organisations.all()) == {lyon, chengdu, third}


def pair_date():
    import datetime

    return datetime.date(2030, 9, 1)


def _entries_about(target, count: int, coordinator) -> None:
    """`count` pairs with `target` on side B, each audited once, and nothing else in the log."""
    for number in range(count):
        form_pair(
            cohort=CohortFactory(),
            organisation_a=OrganisationFactory(name=f"Partner {number}"),
            organisation_b=target,
            actor=coordinator,
        )


@pytest.mark.parametrize("entries", [1, 3])
def test_history_section_query_count_does_not_grow_with_entries(
    coordinator, coordinator_client, django_assert_num_queries, entries
):
    target = OrganisationFactory(name="Target", slug="target")
    AuditRecord.objects.all().delete()
    _entries_about(target, entries, coordinator)
    url = reverse("audit:organisation", args=["target"])
    coordinator_client.get(url, headers={"HX-Request": "true"})  # warm the content-type cache
    # session, user, organisation, entries, their cohorts (with programmes), organisations
    with django_assert_num_queries(6):
        answer = coordinator_client.get(url, headers={"HX-Request": "true"})
    assert answer.content.decode().count('<li class="card">') == entries
