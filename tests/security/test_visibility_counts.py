import pytest
from django.urls import reverse

from tests.factories import CohortFactory, PairFactory

pytestmark = pytest.mark.django_db


def test_pair_counts_leave_out_pairs_of_unpublished_organisations_for_visitors(
    client, coordinator_client
):
    cohort = CohortFactory(year=2019, programme__name="Counted Programme")
    PairFactory(cohort=cohort)
    PairFactory(cohort=cohort, organisation_b__is_published=False)
    listed = client.get(reverse("programmes:list")).context["programmes"]
    assert [p.pair_count for p in listed] == [1]
    assert [
        c.pair_count for c in client.get(cohort.programme.get_absolute_url()).context["cohorts"]
    ] == [1]
    assert [p.pair_count for p in client.get(reverse("home")).context["programmes"]] == [1]
    assert client.get("/api/programmes").json()["items"][0]["cohorts"][0]["pair_count"] == 1
    assert [
        p.pair_count
        for p in coordinator_client.get(reverse("programmes:list")).context["programmes"]
    ] == [2]
