import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_not_found_page_is_the_sites_own_in_both_languages(client):
    response = client.get("/organisations/no-such-organisation/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "<title>Not found · Twinning</title>" in page and 'href="/organisations/"' in page
    assert "组织名录" in client.get("/zh-hans/organisations/no-such-organisation/").content.decode()


def test_forbidden_page_explains_and_offers_to_sign_in(member_client):
    response = member_client.get(reverse("ingest:upload"))
    assert response.status_code == 403
    assert "Your account may not do this." in response.content.decode()
