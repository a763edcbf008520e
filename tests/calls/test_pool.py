import pytest
from django.urls import reverse

from tests.calls.factories import chinese, european, staff_of, submitted
from twinning.calls.actions import start_application
from twinning.calls.actions.pool import pool_single_applicants
from twinning.pairing.models import PoolMember

pytestmark = pytest.mark.django_db


def test_submitted_single_applicants_join_the_pairing_pool_on_their_side(
    call, europe_org, europe_staff, china_org, china_staff
):
    submitted(call, europe_org, europe_staff)
    submitted(call, china_org, china_staff)
    draft = european(name="Still Drafting")
    start_application(call=call, organisation=draft, actor=staff_of(draft))
    assert pool_single_applicants(cohort=call.cohort, actor=None) == 2
    assert set(PoolMember.objects.values_list("organisation__name", "side")) == {
        (europe_org.name, "A"),
        (china_org.name, "B"),
    }
    assert pool_single_applicants(cohort=call.cohort, actor=None) == 2  # again: nothing new
    assert PoolMember.objects.count() == 2


def test_the_pairing_page_fills_the_pool_from_applicants(
    coordinator_client, call, europe_org, europe_staff
):
    submitted(call, europe_org, europe_staff)
    chinese(name="Not An Applicant")
    url = reverse("programmes:pairing_change", args=[call.cohort.programme.slug, call.cohort.year])
    coordinator_client.post(url, {"action": "applicants"})
    assert list(PoolMember.objects.values_list("organisation__name", flat=True)) == [
        europe_org.name
    ]
