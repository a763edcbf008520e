import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import EventFactory, OrganisationFactory, PairFactory, PositionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(username="admin", email="admin@example.org", password="pw-admin-123")
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
    response = superuser_client.get(reverse("admin:directory_organisation_change", args=[organisation.pk]))
    assert response.status_code == 200
    assert b"identifiers-TOTAL_FORMS" in response.content


def test_members_cannot_open_the_admin(member_client):
    response = member_client.get(reverse("admin:index"))
    assert response.status_code == 302 and "/admin/login/" in response.url
