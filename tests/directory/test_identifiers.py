"""org-id identifiers: checked against org-id.guide's lists, kept by an organisation's staff
or a coordinator on their page, recorded with who did it, and exported."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied

from tests.factories import OrganisationFactory, UserFactory
from twinning.directory.actions import DirectoryError, add_identifier
from twinning.directory.identifiers import IdentifierRefused, clean_identifier, scheme_choices
from twinning.directory.models import Identifier, StaffMembership
from twinning.library.models import Source

pytestmark = pytest.mark.django_db


def test_schemes_come_from_org_id_guide_with_the_country_first():
    assert clean_identifier(" gb-chc ", "1234567") == ("GB-CHC", "1234567")
    assert clean_identifier("CN-USCI", "CN-USCI-91440101MA59") == ("CN-USCI", "91440101MA59")
    with pytest.raises(IdentifierRefused, match="GB-XYZ is not a list of org-id.guide"):
        clean_identifier("GB-XYZ", "1")
    with pytest.raises(IdentifierRefused, match="without spaces"):
        clean_identifier("GB-CHC", "12 34")
    with pytest.raises(IdentifierRefused, match="without spaces"):
        clean_identifier("GB-CHC", "")
    codes = [code for code, _ in scheme_choices("BE")]
    assert codes[0].startswith("BE-") and "BE-BCE_KBO" in codes
    assert codes.index("XI-WIKIDATA") < codes.index("GB-CHC")


def _staff(organisation):
    user = UserFactory()
    StaffMembership.objects.create(user=user, organisation=organisation, is_approved=True)
    return user


def test_staff_add_an_identifier_on_the_page_and_it_is_recorded_shown_and_exported(client):
    organisation = OrganisationFactory(slug="zwe", name="Zero Waste Europe", country="BE")
    user = _staff(organisation)
    client.force_login(user)
    page = client.get("/organisations/zwe/identifiers/")
    assert page.status_code == 200
    assert '<option value="BE-BCE_KBO" translate="no">' in page.content.decode()
    response = client.post(
        "/organisations/zwe/identifiers/", {"scheme": "BE-BCE_KBO", "value": "0123.456.789"}
    )
    assert response.status_code == 302
    identifier = Identifier.objects.get()
    assert (identifier.organisation, identifier.scheme, identifier.value) == (
        organisation,
        "BE-BCE_KBO",
        "0123.456.789",
    )
    source = Source.objects.get()
    assert (source.subject, source.field, source.method, source.entered_by, source.note) == (
        organisation,
        "identifiers",
        "person",
        user,
        "identifier BE-BCE_KBO-0123.456.789 added",
    )
    assert "BE-BCE_KBO 0123.456.789" in client.get("/organisations/zwe/").content.decode()
    client.logout()
    exported = json.loads(b"".join(client.get("/api/export/identifiers.json").streaming_content))
    assert exported["identifiers"] == [
        {"scheme": "BE-BCE_KBO", "value": "0123.456.789", "organisation": "zwe"}
    ]
    popolo = client.get("/api/popolo").json()
    assert popolo["organizations"][0]["identifiers"] == [
        {"scheme": "BE-BCE_KBO", "identifier": "0123.456.789"}
    ]


def test_a_bad_or_taken_identifier_is_refused_with_a_message_and_changes_nothing(client):
    holder = OrganisationFactory(name="Holder")
    Identifier.objects.create(organisation=holder, scheme="GB-CHC", value="1234567")
    organisation = OrganisationFactory(slug="other")
    client.force_login(_staff(organisation))
    taken = client.post(
        "/organisations/other/identifiers/", {"scheme": "GB-CHC", "value": "1234567"}
    )
    assert taken.status_code == 400
    assert "GB-CHC-1234567 belongs to Holder." in taken.content.decode()
    unknown = client.post("/organisations/other/identifiers/", {"scheme": "GB-NOPE", "value": "1"})
    assert unknown.status_code == 400
    assert Identifier.objects.count() == 1 and Source.objects.count() == 0


def test_others_may_not_edit_identifiers_and_nothing_changes(client):
    organisation = OrganisationFactory(slug="zwe")
    identifier = Identifier.objects.create(organisation=organisation, scheme="GB-CHC", value="1")
    assert client.get("/organisations/zwe/identifiers/").status_code == 302  # to sign in
    client.force_login(UserFactory())
    assert client.get("/organisations/zwe/identifiers/").status_code == 403
    add = client.post("/organisations/zwe/identifiers/", {"scheme": "GB-COH", "value": "2"})
    remove = client.post("/organisations/zwe/identifiers/", {"remove": identifier.pk})
    assert (add.status_code, remove.status_code) == (403, 403)
    assert list(Identifier.objects.values_list("scheme", "value")) == [("GB-CHC", "1")]
    assert Source.objects.count() == 0
    with pytest.raises(PermissionDenied):
        add_identifier(actor=UserFactory(), organisation=organisation, scheme="GB-COH", value="3")


def test_a_coordinator_removes_an_identifier_and_the_removal_is_recorded(client):
    organisation = OrganisationFactory(slug="zwe")
    identifier = Identifier.objects.create(organisation=organisation, scheme="GB-CHC", value="1")
    coordinator = UserFactory(is_staff=True)
    client.force_login(coordinator)
    response = client.post("/organisations/zwe/identifiers/", {"remove": identifier.pk})
    assert response.status_code == 302
    assert Identifier.objects.count() == 0
    assert Source.objects.get().note == "identifier GB-CHC-1 removed"
    add_identifier(actor=coordinator, organisation=organisation, scheme="GB-CHC", value="2")
    with pytest.raises(DirectoryError, match="GB-CHC-2 is already recorded"):
        add_identifier(actor=coordinator, organisation=organisation, scheme="GB-CHC", value="2")


@pytest.mark.parametrize("rows", [1, 3])
def test_identifiers_page_query_count(client, django_assert_num_queries, rows):
    organisation = OrganisationFactory(slug="zwe")
    for index in range(rows):
        Identifier.objects.create(organisation=organisation, scheme="GB-CHC", value=str(index))
    client.force_login(UserFactory(is_staff=True))
    ContentType.objects.clear_cache()  # the same count whichever test ran first
    with django_assert_num_queries(6):
        assert client.get("/organisations/zwe/identifiers/").status_code == 200
