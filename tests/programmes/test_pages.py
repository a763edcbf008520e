import pytest
from django.urls import reverse

from tests.factories import (
    CohortFactory,
    EventFactory,
    OrganisationFactory,
    PairFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rows", [1, 3])
def test_cohort_page_lists_pairs_with_topics_in_flat_queries(
    client, django_assert_num_queries, rows
):
    cohort = CohortFactory(year=2017)
    for _ in range(rows):
        PairFactory(cohort=cohort, topics=["waste", "climate"])
    with django_assert_num_queries(3):
        response = client.get(cohort.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count("<tr>") == rows + 1


@pytest.mark.parametrize("rows", [1, 3])
def test_programme_list_query_count(client, django_assert_num_queries, rows):
    for _ in range(rows):
        ProgrammeFactory()
    with django_assert_num_queries(2):
        assert client.get(reverse("programmes:list")).status_code == 200


@pytest.mark.parametrize("rows", [1, 3])
def test_event_list_query_count(client, django_assert_num_queries, rows):
    for _ in range(rows):
        EventFactory().organisers.add(OrganisationFactory())
    with django_assert_num_queries(4):
        response = client.get(reverse("programmes:events"))
    assert response.content.decode().count("eco-forum-") == rows


def test_pair_page_shows_both_sides_and_hides_pairs_with_unpublished_members(client):
    pair = PairFactory(
        organisation_a__name="Zero Waste Europe",
        organisation_b__name="Eco Canton",
        organisation_b__name_zh="宜居广州",
        topics=["waste"],
    )
    page = client.get(pair.get_absolute_url()).content.decode()
    assert "Zero Waste Europe" in page and "宜居广州" in page
    hidden = PairFactory(organisation_a__is_published=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_programme_and_cohort_pages_404_for_unknown_addresses(client):
    assert client.get(reverse("programmes:programme", kwargs={"slug": "nope"})).status_code == 404
    programme = ProgrammeFactory()
    assert (
        client.get(
            reverse("programmes:cohort", kwargs={"slug": programme.slug, "year": 1999})
        ).status_code
        == 404
    )


@pytest.mark.parametrize("rows", [1, 3])
def test_home_page_query_count(client, django_assert_num_queries, rows):
    for _ in range(rows):
        PairFactory(topics=["water"])
    with django_assert_num_queries(9):  # the ninth lists the demo accounts, when there are any
        response = client.get(reverse("home"))
    assert response.context["figures"]["pairs"] == rows


def _json_ld(page: str) -> dict:
    import json

    return json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])


def test_event_and_pair_pages_describe_themselves_in_json_ld(client):
    import datetime

    event = EventFactory(
        name="EcoProcura China 2014", start=datetime.date(2014, 10, 1), place="Beijing"
    )
    event.organisers.add(OrganisationFactory(name="ICLEI"))
    data = _json_ld(client.get(event.get_absolute_url()).content.decode())
    assert (
        data["@type"],
        data["startDate"],
        data["location"]["name"],
        data["organizer"][0]["name"],
    ) == ("Event", "2014-10-01", "Beijing", "ICLEI")
    pair = PairFactory(
        organisation_a__name="Zero Waste Europe",
        organisation_b__name="Eco Canton",
        topics=["waste"],
    )
    data = _json_ld(client.get(pair.get_absolute_url()).content.decode())
    assert data["@type"] == "Project" and [m["name"] for m in data["member"]] == [
        "Zero Waste Europe",
        "Eco Canton",
    ]
    # schema.org's Project (an Organization) has knowsAbout and foundingDate, not keywords or startDate.
    assert data["knowsAbout"] == ["Waste and zero waste"]
    assert data["foundingDate"] == str(pair.cohort.year) and "startDate" not in data


@pytest.mark.parametrize("rows", [1, 3])
def test_figures_page_counts_pairs_topics_and_countries_in_flat_queries(
    client, django_assert_num_queries, rows
):
    cohort = CohortFactory(year=2018)
    for _ in range(rows):
        PairFactory(cohort=cohort, topics=["waste", "water"])
    PairFactory(cohort=cohort, status="withdrawn", topics=["waste"])
    OrganisationFactory(country="IT")
    # Three grouped counts, the calls and the visits (no visit here, so no visitors to read).
    with django_assert_num_queries(5):
        response = client.get(reverse("programmes:figures"))
    found = response.context["figures"]
    assert [(row["cohort__year"], row["pairs"]) for row in found.by_year] == [(2018, rows)]
    # Equal counts keep the vocabulary's order, where water comes before waste.
    assert [(row["slug"], row["pair_count"]) for row in found.by_topic] == [
        ("water", rows),
        ("waste", rows),
    ]
    countries = {row["country"]: (row["organisations"], row["paired"]) for row in found.by_country}
    assert countries == {"FR": (rows + 1, rows), "CN": (rows + 1, rows), "IT": (1, 0)}


@pytest.mark.parametrize("rows", [1, 3])
def test_network_diagram_draws_each_pair_once_in_flat_queries(
    client, django_assert_num_queries, rows
):
    cohort = CohortFactory(year=2019)
    for _ in range(rows):
        PairFactory(cohort=cohort)
    PairFactory(cohort=CohortFactory(year=2016))
    with django_assert_num_queries(3):
        response = client.get(reverse("programmes:network"), {"year": 2019})
    network = response.context["network"]
    assert len(network.links) == rows and len(network.left) == rows and len(network.right) == rows
    assert all(node.organisation.country == "CN" for node in network.right)
    assert response.content.decode().count("<line ") == rows
