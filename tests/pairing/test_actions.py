"""The pairing actions: the actor is checked by one predicate, refusals change nothing, and
who added a pool member or a constraint is recorded."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.factories import CohortFactory, OrganisationFactory, PairFactory
from twinning.common.jobs import create_job
from twinning.common.models import Job
from twinning.pairing.actions import (
    PairingError,
    add_to_pool,
    constrain_pair,
    fill_pool,
    release_pair,
    remove_from_pool,
    start_pairing_run,
)
from twinning.pairing.enums import ConstraintKind
from twinning.pairing.models import PairingRun, PoolMember
from twinning.pairing.proposal import Proposal, ProposedPair
from twinning.pairing.sources import SOURCES

pytestmark = pytest.mark.django_db


def state(cohort):
    return (
        sorted(cohort.pool.values_list("organisation__name", "side")),
        sorted(cohort.pairing_constraints.values_list("organisation_a__name", "kind")),
        PairingRun.objects.count(),
        Job.objects.count(),
    )


def test_only_a_coordinator_changes_the_pool_constraints_or_runs(cohort, member):
    a = cohort.pool.get(organisation__name="Zero Waste Brussels").organisation
    b = cohort.pool.get(organisation__name="Canton Recycling Hub").organisation
    constrain_pair(
        cohort=cohort, organisation_a=a, organisation_b=b, kind=ConstraintKind.PINNED, actor=None
    )
    before = state(cohort)
    outsider = OrganisationFactory(name="Outsider")
    refused = [
        lambda: add_to_pool(cohort=cohort, organisation=outsider, actor=member),
        lambda: remove_from_pool(cohort=cohort, organisation=a, actor=member),
        lambda: constrain_pair(
            cohort=cohort,
            organisation_a=a,
            organisation_b=b,
            kind=ConstraintKind.FORBIDDEN,
            actor=member,
        ),
        lambda: release_pair(cohort=cohort, organisation_a=a, organisation_b=b, actor=member),
        lambda: start_pairing_run(cohort=cohort, user=member),
        lambda: fill_pool(cohort=cohort, source="applicants", actor=member),
    ]
    for attempt in refused:
        with pytest.raises(PermissionDenied):
            attempt()
    assert state(cohort) == before


def test_who_added_a_pool_member_or_a_constraint_and_when_is_recorded(cohort, coordinator):
    lyon = OrganisationFactory(name="Lyon Waste", country="FR")
    member = add_to_pool(cohort=cohort, organisation=lyon, actor=coordinator)
    assert (member.side, member.added_by) == ("A", coordinator)
    assert member.added_at is not None
    canton = cohort.pool.get(organisation__name="Canton Recycling Hub").organisation
    constraint = constrain_pair(
        cohort=cohort,
        organisation_a=lyon,
        organisation_b=canton,
        kind=ConstraintKind.FORBIDDEN,
        reason="Met before, did not work.",
        actor=coordinator,
    )
    assert (constraint.added_by, constraint.reason) == (coordinator, "Met before, did not work.")
    assert PoolMember.objects.get(organisation=lyon).added_by == coordinator


def test_bad_input_is_refused_with_a_message_and_changes_nothing(cohort, coordinator):
    before = state(cohort)
    lyon = OrganisationFactory(name="Lyon Waste", country="FR")
    with pytest.raises(PairingError, match="Unknown side 'C'"):
        add_to_pool(cohort=cohort, organisation=lyon, side="C", actor=coordinator)
    with pytest.raises(PairingError, match="Unknown action"):
        fill_pool(cohort=cohort, source="nowhere", actor=coordinator)
    a = cohort.pool.get(organisation__name="Zero Waste Brussels").organisation
    b = cohort.pool.get(organisation__name="Canton Recycling Hub").organisation
    with pytest.raises(PairingError, match="Unknown constraint 'maybe'"):
        constrain_pair(cohort=cohort, organisation_a=a, organisation_b=b, kind="maybe", actor=None)
    with pytest.raises(PairingError, match="first on side A"):
        constrain_pair(
            cohort=cohort,
            organisation_a=b,
            organisation_b=a,
            kind=ConstraintKind.PINNED,
            actor=coordinator,
        )
    assert state(cohort) == before


def test_calls_offer_their_applicants_as_a_pool_source_shown_on_the_pairing_page(
    cohort, coordinator_client
):
    assert list(SOURCES) == ["applicants"]
    page = coordinator_client.get(
        reverse("programmes:pairing", args=[cohort.programme.slug, cohort.year])
    ).content.decode()
    assert 'value="applicants"' in page
    assert "Add the single applicants of this cohort&#x27;s calls" in page


# session, user, run and job, pool, organisations to add, constraints, the pins vetoes keep
# (calls: submitted tandems), the proposal's organisations, the unmatched
QUERIES = 9


@pytest.mark.parametrize("rows", [1, 3])
def test_the_pairing_page_query_count_does_not_grow_with_the_pool(
    rows, coordinator_client, django_assert_num_queries
):
    cohort = CohortFactory()
    for index in range(rows):
        add_to_pool(cohort=cohort, organisation=OrganisationFactory(country="FR"), actor=None)
        add_to_pool(cohort=cohort, organisation=OrganisationFactory(country="CN"), actor=None)
        if index == 0:
            constrain_pair(
                cohort=cohort,
                organisation_a=cohort.pool.get(side="A").organisation,
                organisation_b=cohort.pool.get(side="B").organisation,
                kind=ConstraintKind.PINNED,
                actor=None,
            )
    side_a = list(cohort.pool.filter(side="A").values_list("organisation_id", flat=True))
    side_b = list(cohort.pool.filter(side="B").values_list("organisation_id", flat=True))
    proposal = Proposal(
        pairs=tuple(
            ProposedPair(a=a, b=b, score=0.5, reasons={"en": ("why",)}, alternatives_a=(b,))
            for a, b in zip(side_a, side_b, strict=True)
        )
    )
    job = create_job(kind="pairing", title="Pairing")
    PairingRun.objects.create(cohort=cohort, job=job, result=proposal.to_json())
    url = reverse("programmes:pairing", args=[cohort.programme.slug, cohort.year])
    coordinator_client.get(url)  # session and caches warm
    with django_assert_num_queries(QUERIES):
        assert coordinator_client.get(url).status_code == 200


def test_suggestions_mark_past_partners_and_link_to_their_pages(cohort, coordinator_client):
    brussels = cohort.pool.get(organisation__name="Zero Waste Brussels").organisation
    canton = cohort.pool.get(organisation__name="Canton Recycling Hub").organisation
    PairFactory(organisation_a=brussels, organisation_b=canton, cohort=CohortFactory())
    page = coordinator_client.get(
        reverse("programmes:suggestions", args=[brussels.slug])
    ).content.decode()
    entry = page[page.index(canton.get_absolute_url()) :].split("</h3>")[0]
    assert f'<a href="{canton.get_absolute_url()}">Canton Recycling Hub</a>' in page
    assert "past partner" in entry
    assert page.count("past partner") == 1


def test_the_api_marks_past_partners_too(cohort, coordinator_client):
    brussels = cohort.pool.get(organisation__name="Zero Waste Brussels").organisation
    canton = cohort.pool.get(organisation__name="Canton Recycling Hub").organisation
    PairFactory(organisation_a=brussels, organisation_b=canton, cohort=CohortFactory())
    body = coordinator_client.get(f"/api/organisations/{brussels.slug}/suggestions").json()
    marked = {item["organisation"]["name"]: item["past_partner"] for item in body["items"]}
    assert marked == {
        "Canton Recycling Hub": True,
        "Yunnan Lake Keepers": False,
        "Chongqing Clean Power": False,
    }
