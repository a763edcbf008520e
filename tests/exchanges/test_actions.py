import datetime

import pytest

from tests.calls.factories import staff_of
from tests.exchanges.conftest import plan
from twinning.calls.enums import Direction
from twinning.exchanges import actions
from twinning.exchanges.enums import ExchangeVerb, PlacementStatus
from twinning.exchanges.models import ExchangeLogEntry, Placement

pytestmark = pytest.mark.django_db


def test_a_placement_inside_the_window_is_planned_with_host_city_and_direction(pair, fellow):
    placement = plan(pair, fellow, fellow_role="Campaigner")
    assert (
        placement.status,
        placement.home,
        placement.host,
        placement.direction,
        placement.city,
        placement.sequence,
    ) == (
        PlacementStatus.PLANNED,
        pair.organisation_a,
        pair.organisation_b,
        Direction.A_TO_B,
        "Chengdu",
        0,
    )
    entry = ExchangeLogEntry.objects.get()
    assert (entry.verb, entry.actor, entry.subject_id, entry.pair) == (
        ExchangeVerb.PLANNED,
        fellow,
        placement.pk,
        pair,
    )


def test_dates_outside_the_window_are_refused_with_the_window(pair, fellow):
    with pytest.raises(actions.ExchangeError) as refused:
        plan(pair, fellow, dates=(datetime.date(2030, 9, 20), datetime.date(2030, 10, 5)))
    assert refused.value.reasons == [
        "20 September 2030 – 5 October 2030 is outside the exchange window for this direction "
        "(Europe → China 1 August 2030 – 30 September 2030)."
    ]
    assert Placement.objects.count() == 0 and ExchangeLogEntry.objects.count() == 0


def test_the_china_to_europe_window_applies_to_a_chinese_fellow(pair, host_staff):
    inside = (datetime.date(2030, 10, 10), datetime.date(2030, 11, 20))
    placement = actions.plan_placement(
        pair=pair,
        fellow=host_staff,
        home=pair.organisation_b,
        planned_start=inside[0],
        planned_end=inside[1],
        host_contact_name="Léa Martin",
        work_plan="Learn door-to-door sorting.",
        actor=host_staff,
    )
    assert (placement.direction, placement.host, placement.city) == (
        Direction.B_TO_A,
        pair.organisation_a,
        "Lyon",
    )
    with pytest.raises(actions.ExchangeError):
        plan(pair, host_staff, actor=host_staff)  # home is side A, fellow works for side B


def test_every_missing_field_is_listed_at_once(pair, fellow, outsider, coordinator):
    with pytest.raises(actions.ExchangeError) as refused:
        plan(pair, outsider, actor=coordinator, host_contact_name=" ", work_plan="")
    assert refused.value.reasons == [
        "outsider is not approved staff of Zero Waste Lyon.",
        "Name the host contact.",
        "Describe the work plan.",
    ]
    assert Placement.objects.count() == 0


def test_the_placement_goes_from_plan_to_completed(placement, fellow, host_staff):
    actions.confirm_placement(placement=placement, actor=host_staff)
    actions.start_placement(placement=placement, actor=fellow, on=datetime.date(2030, 8, 6))
    done = actions.complete_placement(
        placement=placement, actor=fellow, on=datetime.date(2030, 9, 8)
    )
    assert (done.status, done.actual_start, done.actual_end, done.sequence) == (
        PlacementStatus.COMPLETED,
        datetime.date(2030, 8, 6),
        datetime.date(2030, 9, 8),
        3,
    )
    assert list(ExchangeLogEntry.objects.order_by("pk").values_list("verb", flat=True)) == [
        "planned",
        "confirmed",
        "started",
        "completed",
    ]


def test_steps_out_of_order_and_actual_dates_outside_the_window_are_refused(
    placement, fellow, host_staff
):
    with pytest.raises(actions.ExchangeError, match="This placement is planned"):
        actions.start_placement(placement=placement, actor=fellow)
    actions.confirm_placement(placement=placement, actor=host_staff)
    with pytest.raises(actions.ExchangeError, match="outside the exchange window"):
        actions.start_placement(placement=placement, actor=fellow, on=datetime.date(2030, 7, 20))
    placement.refresh_from_db()
    assert (placement.status, placement.actual_start) == (PlacementStatus.CONFIRMED, None)


def test_rescheduling_grows_the_sequence_and_asks_the_host_again(placement, host_staff, fellow):
    actions.confirm_placement(placement=placement, actor=host_staff)
    moved = actions.reschedule_placement(
        placement=placement,
        planned_start=datetime.date(2030, 8, 10),
        planned_end=datetime.date(2030, 9, 20),
        actor=fellow,
    )
    assert (moved.status, moved.planned_start, moved.sequence) == (
        PlacementStatus.PLANNED,
        datetime.date(2030, 8, 10),
        2,
    )


def test_cancelling_needs_a_reason(placement, fellow):
    with pytest.raises(actions.ExchangeError, match="Say why"):
        actions.cancel_placement(placement=placement, reason=" ", actor=fellow)
    cancelled = actions.cancel_placement(placement=placement, reason="Visa refused.", actor=fellow)
    assert (cancelled.status, cancelled.cancel_reason) == (
        PlacementStatus.CANCELLED,
        "Visa refused.",
    )


def test_a_cohort_without_windows_constrains_no_dates(db):
    from tests.factories import PairFactory

    old = PairFactory()
    fellow = staff_of(old.organisation_a, "old-fellow")
    placement = plan(old, fellow, dates=(datetime.date(2018, 3, 1), datetime.date(2018, 4, 1)))
    assert placement.direction == Direction.A_TO_B
