"""Unpublished organisations stay hidden wherever a published record mentions them."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tests.calls.factories import chinese, european, make_call, staff_of
from tests.factories import (
    DocumentFactory,
    EventFactory,
    OrganisationFactory,
    PairFactory,
    ProgrammeFactory,
)
from twinning.calls.actions import start_application
from twinning.calls.enums import CallStatus
from twinning.calls.models import Call
from twinning.directory.enums import AffiliationKind
from twinning.directory.models import Affiliation
from twinning.programmes.models import Visit

pytestmark = pytest.mark.django_db

HIDDEN = "Hidden Partner Society"


def hidden_organisation(**fields):
    return OrganisationFactory(name=HIDDEN, slug="hidden-partner", is_published=False, **fields)


def test_an_organisation_page_hides_unpublished_pairs_networks_and_visitors(
    client, coordinator_client
):
    shown = OrganisationFactory(name="Open Society", slug="open-society")
    hidden = hidden_organisation()
    PairFactory(organisation_a=shown, organisation_b=hidden)
    Affiliation.objects.create(organisation=shown, other=hidden, kind=AffiliationKind.MEMBERSHIP)
    Affiliation.objects.create(organisation=hidden, other=shown, kind=AffiliationKind.PARTNER)
    visit = Visit.objects.create(date="2015-05-01", host=shown)
    visit.visitors.add(hidden)
    url = reverse("directory:organisation", kwargs={"slug": "open-society"})

    page = client.get(url).content.decode()

    assert HIDDEN not in page
    assert "hidden-partner" not in page
    assert HIDDEN in coordinator_client.get(url).content.decode()


def test_an_event_hides_unpublished_organisers_on_its_page_list_and_api(client):
    programme = ProgrammeFactory(slug="city-network")
    event = EventFactory(slug="eco-forum", programme=programme)
    hidden = hidden_organisation()
    event.organisers.add(hidden, OrganisationFactory(name="Open Host"))
    event.participants.add(hidden)
    programme.organisers.add(hidden)

    event_page = client.get(reverse("programmes:event", kwargs={"slug": "eco-forum"}))
    events_page = client.get(reverse("programmes:events"))
    programme_page = client.get(reverse("programmes:programme", kwargs={"slug": "city-network"}))
    api_events = client.get("/api/events").json()

    assert "Open Host" in event_page.content.decode()
    for response in (event_page, events_page, programme_page):
        assert HIDDEN not in response.content.decode()
    assert [item["organisers"] for item in api_events["items"]] == [
        [event.organisers.get(name="Open Host").slug]
    ]


def test_the_document_api_lists_only_published_organisations(client, coordinator_client):
    document = DocumentFactory(slug="report")
    document.organisations.add(hidden_organisation(), OrganisationFactory(slug="open-society"))

    assert client.get("/api/documents/report").json()["organisations"] == ["open-society"]
    assert sorted(coordinator_client.get("/api/documents/report").json()["organisations"]) == [
        "hidden-partner",
        "open-society",
    ]


def test_a_decided_call_lists_only_pairs_of_published_organisations(client):
    call = make_call()
    Call.objects.filter(pk=call.pk).update(status=CallStatus.DECIDED)
    PairFactory(
        cohort=call.cohort,
        organisation_a=european(name="Lyon Compost"),
        organisation_b=hidden_organisation(),
    )
    PairFactory(
        cohort=call.cohort,
        organisation_a=european(name="Paris Water"),
        organisation_b=chinese(name="Chengdu Rivers"),
    )

    page = client.get(reverse("calls:call", kwargs={"slug": call.slug})).content.decode()

    assert "Chengdu Rivers" in page
    assert HIDDEN not in page and "Lyon Compost" not in page


def test_partner_suggestions_leave_out_unpublished_applicants(client):
    call = make_call()
    mine = european(name="Lyon Compost", type="ngo")
    applicant = staff_of(mine, "lyon")
    start_application(call=call, organisation=mine, actor=applicant)
    hidden = hidden_organisation(country="CN", city="Chengdu", founded=2008, type="ngo")
    start_application(call=call, organisation=hidden, actor=staff_of(hidden, "hidden"))
    shown = chinese(name="Chengdu Rivers", type="ngo")
    start_application(call=call, organisation=shown, actor=staff_of(shown, "chengdu"))
    client.force_login(applicant)
    application = mine.applications.get()

    page = client.get(reverse("calls:application", kwargs={"pk": application.pk})).content.decode()

    assert "Chengdu Rivers" in page
    assert HIDDEN not in page


def test_json_ld_cannot_close_its_script_element(client):
    OrganisationFactory(slug="sneaky", name="</script><script>alert(1)</script>")

    page = client.get(reverse("directory:organisation", kwargs={"slug": "sneaky"})).content.decode()
    block = page.split('<script type="application/ld+json">')[1].split("</script>")[0]

    assert json.loads(block)["name"] == "</script><script>alert(1)</script>"
    assert "<script>alert" not in page
