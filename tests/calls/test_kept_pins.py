"""A submitted tandem's pin stays in the pairing tool: calls vetoes its release through
`pairing.vetoes`, the page says why, and every action that would drop it refuses."""

import pytest
from django.urls import reverse

from tests.calls.factories import chinese, european, staff_of, submitted
from twinning.calls.actions import withdraw_application
from twinning.calls.actions.pool import pool_single_applicants
from twinning.pairing.actions import (
    PairingError,
    add_to_pool,
    constrain_pair,
    release_pair,
    remove_from_pool,
)
from twinning.pairing.enums import ConstraintKind
from twinning.pairing.models import PairingConstraint

pytestmark = pytest.mark.django_db

REASON = (
    "Lyon Waste and Chengdu Homes applied together to “Twinning call”: their"
    " pin stays while that tandem application is submitted."
)


@pytest.fixture
def tandem(call):
    lyon, chengdu = european(name="Lyon Waste"), chinese(name="Chengdu Homes")
    staff = staff_of(lyon)
    application = submitted(
        call, lyon, staff, kind="tandem", partner=chengdu, partner_user=staff_of(chengdu)
    )
    pool_single_applicants(cohort=call.cohort, actor=None)
    return application, lyon, chengdu, staff


def constraints(cohort):
    return sorted(
        cohort.pairing_constraints.values_list(
            "organisation_a__name", "organisation_b__name", "kind", "reason"
        )
    )


def pool(cohort):
    return sorted(cohort.pool.values_list("organisation__name", "side"))


def pairing_url(cohort, name="programmes:pairing"):
    return reverse(name, args=[cohort.programme.slug, cohort.year])


def test_releasing_a_submitted_tandems_pin_is_refused_and_changes_nothing(
    call, tandem, coordinator
):
    _application, lyon, chengdu, _staff = tandem
    before = constraints(call.cohort), pool(call.cohort)
    with pytest.raises(PairingError) as refused:
        release_pair(
            cohort=call.cohort, organisation_a=lyon, organisation_b=chengdu, actor=coordinator
        )
    assert str(refused.value) == REASON
    assert (constraints(call.cohort), pool(call.cohort)) == before


def test_no_other_action_drops_the_pin_either(call, tandem, coordinator):
    _application, lyon, chengdu, _staff = tandem
    milan, wuhan = european(name="Milan Water"), chinese(name="Wuhan Rivers")
    add_to_pool(cohort=call.cohort, organisation=milan, side="A", actor=coordinator)
    add_to_pool(cohort=call.cohort, organisation=wuhan, side="B", actor=coordinator)
    before = constraints(call.cohort), pool(call.cohort)
    attempts = [
        # a new pin of either side would replace the tandem's
        lambda: constrain_pair(
            cohort=call.cohort,
            organisation_a=lyon,
            organisation_b=wuhan,
            kind=ConstraintKind.PINNED,
            actor=coordinator,
        ),
        lambda: constrain_pair(
            cohort=call.cohort,
            organisation_a=milan,
            organisation_b=chengdu,
            kind=ConstraintKind.PINNED,
            actor=coordinator,
        ),
        # forbidding the tandem's own pair would turn its pin into a ban
        lambda: constrain_pair(
            cohort=call.cohort,
            organisation_a=lyon,
            organisation_b=chengdu,
            kind=ConstraintKind.FORBIDDEN,
            actor=coordinator,
        ),
        # taking one of them out of the pool takes the pin with it
        lambda: remove_from_pool(cohort=call.cohort, organisation=chengdu, actor=coordinator),
    ]
    for attempt in attempts:
        with pytest.raises(PairingError) as refused:
            attempt()
        assert str(refused.value) == REASON
        assert (constraints(call.cohort), pool(call.cohort)) == before
    # what drops no tandem pin still works: forbidding another pair
    constrain_pair(
        cohort=call.cohort,
        organisation_a=milan,
        organisation_b=wuhan,
        kind=ConstraintKind.FORBIDDEN,
        actor=coordinator,
    )
    assert ("Milan Water", "Wuhan Rivers", "forbidden", "") in constraints(call.cohort)


def test_the_pin_can_be_released_once_the_tandem_is_withdrawn(call, tandem, coordinator):
    application, lyon, chengdu, staff = tandem
    withdraw_application(application=application, actor=staff)
    release_pair(cohort=call.cohort, organisation_a=lyon, organisation_b=chengdu, actor=coordinator)
    assert constraints(call.cohort) == []
    assert pool(call.cohort) == [("Chengdu Homes", "B"), ("Lyon Waste", "A")]


def test_a_pin_of_no_tandem_is_released_as_before(call, tandem, coordinator):
    milan, wuhan = european(name="Milan Water"), chinese(name="Wuhan Rivers")
    add_to_pool(cohort=call.cohort, organisation=milan, side="A", actor=coordinator)
    add_to_pool(cohort=call.cohort, organisation=wuhan, side="B", actor=coordinator)
    constrain_pair(
        cohort=call.cohort,
        organisation_a=milan,
        organisation_b=wuhan,
        kind=ConstraintKind.PINNED,
        actor=coordinator,
    )
    release_pair(cohort=call.cohort, organisation_a=milan, organisation_b=wuhan, actor=coordinator)
    assert [row[:3] for row in constraints(call.cohort)] == [
        ("Lyon Waste", "Chengdu Homes", "pinned")
    ]


def test_the_page_shows_why_the_pin_stays_and_offers_no_release(
    call, tandem, coordinator, coordinator_client
):
    milan, wuhan = european(name="Milan Water"), chinese(name="Wuhan Rivers")
    add_to_pool(cohort=call.cohort, organisation=milan, side="A", actor=coordinator)
    add_to_pool(cohort=call.cohort, organisation=wuhan, side="B", actor=coordinator)
    constrain_pair(
        cohort=call.cohort,
        organisation_a=milan,
        organisation_b=wuhan,
        kind=ConstraintKind.PINNED,
        actor=coordinator,
    )
    page = coordinator_client.get(pairing_url(call.cohort)).content.decode()
    assert f'<span class="muted kept-pin">({REASON})</span>' in page
    assert page.count('value="release"') == 1  # Milan – Wuhan only
    assert f'<input type="hidden" name="a" value="{milan.pk}">' in page


def test_posting_a_release_anyway_shows_the_reason_and_changes_nothing(
    call, tandem, coordinator_client
):
    _application, lyon, chengdu, _staff = tandem
    before = constraints(call.cohort)
    answer = coordinator_client.post(
        pairing_url(call.cohort, "programmes:pairing_change"),
        {"action": "release", "a": lyon.pk, "b": chengdu.pk},
        follow=True,
    )
    assert answer.status_code == 200
    assert REASON in answer.content.decode()
    assert constraints(call.cohort) == before
    assert PairingConstraint.objects.filter(kind=ConstraintKind.PINNED).count() == 1


def test_the_page_speaks_chinese_about_the_kept_pin(call, tandem, coordinator_client):
    page = coordinator_client.get("/zh-hans" + pairing_url(call.cohort)).content.decode()
    assert "这一配对保持锁定" in page
