"""A profile edit records who changed which field and how (old → new) as the field's source;
someone who may not edit the profile changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.calls.factories import staff_of
from tests.factories import OrganisationFactory, UserFactory
from twinning.directory.actions import sync_topics
from twinning.directory.models import Organisation
from twinning.library.actions import edit_organisation_profile
from twinning.library.enums import SourceMethod
from twinning.library.models import Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    sync_topics()
    return OrganisationFactory(
        name="River Keepers",
        country="FI",
        city="Helsinki",
        founded=2001,
        type="ngo",
        description="Rivers.",
    )


def test_a_profile_edit_through_the_page_records_each_changed_field(client, organisation):
    keeper = staff_of(organisation, "keeper")
    client.force_login(keeper)
    data = {
        "name": "River Keepers Finland",
        "country": "FI",
        "founded": 2001,
        "city": "Helsinki",
        "type": "ngo",
        "description": "Rivers, cleaner.",
        "topics": [],
    }

    response = client.post(reverse("accounts:edit_organisation", args=[organisation.slug]), data)

    assert response.status_code == 302
    assert sorted(
        Source.objects.filter(object_id=organisation.pk).values_list(
            "field", "method", "note", "entered_by__username"
        )
    ) == [
        ("description", SourceMethod.PERSON, "Rivers. → Rivers, cleaner.", "keeper"),
        ("name", SourceMethod.PERSON, "River Keepers → River Keepers Finland", "keeper"),
    ]


def test_topics_changed_are_recorded_as_one_source(organisation):
    keeper = staff_of(organisation, "keeper")

    sources = edit_organisation_profile(
        actor=keeper, organisation=organisation, topics=["water", "waste"], founded=2001
    )

    assert [(s.field, s.note) for s in sources] == [("topics", "— → waste, water")]


def test_someone_else_changes_nothing(organisation):
    with pytest.raises(PermissionDenied):
        edit_organisation_profile(
            actor=UserFactory(username="stranger"), organisation=organisation, name="Taken"
        )

    assert Organisation.objects.get(pk=organisation.pk).name == "River Keepers"
    assert Source.objects.count() == 0
