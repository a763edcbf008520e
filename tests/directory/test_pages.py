import json

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory, PairFactory, PositionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rows", [1, 3])
def test_directory_list_query_count_does_not_grow_with_rows(
    client, django_assert_num_queries, rows
):
    for index in range(rows):
        OrganisationFactory(name=f"Org {index}", topics=["water", "waste"])
    with django_assert_num_queries(7):
        response = client.get(reverse("directory:list"))
    assert response.status_code == 200
    assert response.content.decode().count('class="card"') == rows


def test_directory_filters_by_country_topic_and_text(client):
    OrganisationFactory(name="River Keepers", country="FI", topics=["water"])
    OrganisationFactory(name="Compost Circle", country="IT", topics=["waste"])
    OrganisationFactory(name="重庆绿色志愿者联合会", country="CN", topics=["waste"])

    def names(**query):
        response = client.get(reverse("directory:list"), query)
        return [org.name for org in response.context["page"]]

    assert names(country="FI") == ["River Keepers"]
    assert names(topic="waste") == ["Compost Circle", "重庆绿色志愿者联合会"]
    assert names(q="compost") == ["Compost Circle"]
    assert names(q="绿色") == ["重庆绿色志愿者联合会"]
    assert names(topic="environment") == []


def test_directory_filters_by_programme_and_year(client):
    pair = PairFactory(cohort__year=2017)
    OrganisationFactory(name="Unpaired")
    response = client.get(
        reverse("directory:list"), {"programme": pair.cohort.programme.slug, "year": 2017}
    )
    assert {org.pk for org in response.context["page"]} == {
        pair.organisation_a_id,
        pair.organisation_b_id,
    }


def test_htmx_request_gets_only_the_results_fragment(client):
    OrganisationFactory(name="River Keepers")
    response = client.get(reverse("directory:list"), headers={"HX-Request": "true"})
    assert b"<html" not in response.content
    assert b"River Keepers" in response.content


def test_unpublished_organisation_is_hidden_from_visitors_but_not_coordinators(
    client, coordinator_client
):
    hidden = OrganisationFactory(name="Draft Org", is_published=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert b"Draft Org" not in client.get(reverse("directory:list")).content
    assert coordinator_client.get(hidden.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("rows", [1, 3])
def test_organisation_page_query_count_is_flat_in_pairs(client, django_assert_num_queries, rows):
    organisation = OrganisationFactory(name_zh="宜居广州", topics=["waste"])
    for _ in range(rows):
        PairFactory(organisation_b=organisation, topics=["waste", "climate"])
    with django_assert_num_queries(12):
        response = client.get(organisation.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count("Pair in") == rows


def test_organisation_page_has_json_ld_and_both_names(client):
    organisation = OrganisationFactory(
        name="Eco Canton",
        name_zh="宜居广州",
        country="CN",
        city="Guangzhou",
        founded=2012,
        topics=["waste"],
    )
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "宜居广州" in page and '<meta charset="utf-8">' in page and "<title>Eco Canton" in page
    data = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["name"] == "Eco Canton"
    assert data["alternateName"] == ["宜居广州"]
    assert data["foundingDate"] == "2012"
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "CN",
        "addressLocality": "Guangzhou",
    }


def test_json_ld_cannot_break_out_of_its_script_element(client):
    organisation = OrganisationFactory(name="</script><script>alert(1)</script>")
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page


def test_private_positions_are_shown_only_to_the_organisations_staff(client, coordinator_client):
    position = PositionFactory(title="Treasurer", is_public=False, person__name="Hidden Person")
    url = position.organisation.get_absolute_url()
    assert b"Hidden Person" not in client.get(url).content
    assert b"Hidden Person" in coordinator_client.get(url).content


def test_chinese_interface_shows_chinese_labels_and_sorts_by_pinyin(client):
    OrganisationFactory(name="Zebra Group", name_zh="阿拉善")  # pinyin a-la-shan sorts first
    OrganisationFactory(name="Alpha Group", name_zh="重庆")  # pinyin chong-qing
    response = client.get("/zh-hans/organisations/")
    assert [org.name for org in response.context["page"]] == ["Zebra Group", "Alpha Group"]
    assert "组织名录" in response.content.decode()
