import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import EventFactory, OrganisationFactory, PairFactory, PositionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        username="admin", email="admin@example.org", password="pw-admin-123"
    )
    client.force_login(user)
    return client


def test_every_registered_model_has_a_working_changelist_with_search(superuser_client):
    PairFactory(topics=["waste"])
    PositionFactory()
    EventFactory().organisers.add(OrganisationFactory())
    for model, model_admin in admin.site._registry.items():
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        query = {"q": "green"} if model_admin.search_fields else {}
        response = superuser_client.get(url, query)
        assert response.status_code == 200, url


def test_organisation_change_form_renders_with_inlines(superuser_client):
    organisation = OrganisationFactory()
    response = superuser_client.get(
        reverse("admin:directory_organisation_change", args=[organisation.pk])
    )
    assert response.status_code == 200
    assert b"identifiers-TOTAL_FORMS" in response.content


def test_members_cannot_open_the_admin(member_client):
    response = member_client.get(reverse("admin:index"))
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_an_admin_edit_is_recorded_as_a_fact_entered_by_that_person(superuser_client):
    from twinning.library.models import Source

    organisation = OrganisationFactory(name="River Keepers", founded=1999)
    url = reverse("admin:directory_organisation_change", args=[organisation.pk])
    form = superuser_client.get(url).context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data.update(
        {
            "name": "River Keepers",
            "slug": organisation.slug,
            "founded": 2001,
            "type": "ngo",
            "other_names": "[]",
            "sdgs": "[]",
        }
    )
    for prefix in ("identifiers", "positions", "affiliations"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    response = superuser_client.post(url, data)
    assert response.status_code == 302, (
        response.context["adminform"].form.errors if response.context else ""
    )
    source = Source.objects.get(object_id=organisation.pk)
    assert (source.method, source.entered_by.username, source.note) == (
        "person",
        "admin",
        "changed in the admin",
    )
    assert "founded" in source.field.split(",") and "name" not in source.field.split(",")
