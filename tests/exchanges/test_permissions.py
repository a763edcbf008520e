"""Every role against every step: a refusal changes nothing and logs nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.exchanges.conftest import plan
from twinning.exchanges import actions
from twinning.exchanges.enums import PlacementStatus, ReportStatus
from twinning.exchanges.models import ExchangeLogEntry, PairReport, Placement

pytestmark = pytest.mark.django_db


def _snapshot():
    return (
        list(Placement.objects.values_list("pk", "status", "sequence", "planned_start")),
        list(PairReport.objects.values_list("pk", "status", "sequence")),
        ExchangeLogEntry.objects.count(),
    )


@pytest.mark.parametrize("who", ["anonymous", "outsider", "member"])
def test_nobody_outside_the_pair_plans_a_placement(who, pair, fellow, outsider, member):
    from django.contrib.auth.models import AnonymousUser

    actor = {"anonymous": AnonymousUser(), "outsider": outsider, "member": member}[who]
    before = _snapshot()
    with pytest.raises(PermissionDenied):
        plan(pair, fellow, actor=actor)
    assert _snapshot() == before


def test_only_the_host_or_a_coordinator_confirms(
    placement, fellow, outsider, host_staff, coordinator
):
    before = _snapshot()
    for actor in (fellow, outsider):
        with pytest.raises(PermissionDenied):
            actions.confirm_placement(placement=placement, actor=actor)
    assert _snapshot() == before
    assert (
        actions.confirm_placement(placement=placement, actor=coordinator).status
        == PlacementStatus.CONFIRMED
    )


def test_outsiders_cannot_move_cancel_or_reschedule(placement, outsider):
    before = _snapshot()
    for change in (
        lambda: actions.cancel_placement(placement=placement, reason="no", actor=outsider),
        lambda: actions.reschedule_placement(
            placement=placement,
            planned_start=datetime.date(2030, 8, 2),
            planned_end=datetime.date(2030, 8, 30),
            actor=outsider,
        ),
    ):
        with pytest.raises(PermissionDenied):
            change()
    assert _snapshot() == before


def test_only_coordinators_ask_for_and_accept_reports(pair, fellow, host_staff, coordinator):
    before = _snapshot()
    with pytest.raises(PermissionDenied):
        actions.request_report(
            pair=pair, title="Final report", due_on=datetime.date(2030, 12, 20), actor=fellow
        )
    assert _snapshot() == before
    report = actions.request_report(
        pair=pair, title="Final report", due_on=datetime.date(2030, 12, 20), actor=coordinator
    )
    actions.file_report(
        report=report, data=b"What we learned.", filename="report.txt", actor=host_staff
    )
    before = _snapshot()
    with pytest.raises(PermissionDenied):
        actions.accept_report(report=report, actor=host_staff)
    assert _snapshot() == before
    assert actions.accept_report(report=report, actor=coordinator).status == ReportStatus.ACCEPTED


def test_pages_hide_placements_from_outsiders_and_refuse_their_posts(
    client, placement, outsider, fellow
):
    client.force_login(outsider)
    before = _snapshot()
    assert client.get(reverse("exchanges:placement", args=[placement.pk])).status_code == 404
    assert client.get(reverse("exchanges:letter", args=[placement.pk])).status_code == 404
    assert (
        client.post(
            reverse("exchanges:placement_step", args=[placement.pk, "cancel"]), {"reason": "x"}
        ).status_code
        == 404
    )
    assert client.get(reverse("exchanges:plan", args=[placement.pair.pk])).status_code == 403
    assert client.post(reverse("exchanges:plan", args=[placement.pair.pk]), {}).status_code == 403
    assert _snapshot() == before


def test_the_fellow_may_not_confirm_on_the_page(client, placement, fellow):
    client.force_login(fellow)
    before = _snapshot()
    response = client.post(reverse("exchanges:placement_step", args=[placement.pk, "confirm"]))
    assert response.status_code == 403
    assert _snapshot() == before
