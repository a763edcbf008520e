"""One path from proposal to pair: the pairing tool and the committee share the cohort's pairs."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from tests.calls.factories import chinese, european, staff_of, submitted
from tests.factories import PairFactory
from twinning.calls.actions import (
    CallError,
    apply_decisions,
    record_decision,
    start_application,
)
from twinning.calls.actions.pool import pool_single_applicants
from twinning.calls.enums import ApplicationStatus, CallStatus, Outcome
from twinning.calls.models import Call, Decision
from twinning.calls.suggestions import suggested_partners
from twinning.common.jobs import create_job
from twinning.pairing.actions import accept_pairing_run
from twinning.pairing.enums import ConstraintKind
from twinning.pairing.models import PairingConstraint, PairingRun, PoolMember
from twinning.programmes.models import Pair

pytestmark = pytest.mark.django_db


def past_deadline(call):
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - datetime.timedelta(hours=1))


def four_singles(call):
    organisations = {
        "milan": european(name="Milan Water"),
        "lyon": european(name="Lyon Waste"),
        "wuhan": chinese(name="Wuhan Rivers"),
        "beijing": chinese(name="Beijing Zero Waste"),
    }
    return {
        key: submitted(call, organisation, staff_of(organisation))
        for key, organisation in organisations.items()
    }


def accepted_in_the_pairing_tool(call, pairs):
    """A finished pairing run proposing `pairs` (applications), accepted by the coordinator."""
    job = create_job(kind="pairing", title="Pairing")
    proposal = [
        {"a": a.organisation_id, "b": b.organisation_id, "score": 0.9, "fixed": False}
        for a, b in pairs
    ]
    run = PairingRun.objects.create(cohort=call.cohort, job=job, result={"pairs": proposal})
    chair, _created = get_user_model().objects.get_or_create(
        username="chair", defaults={"is_staff": True}
    )
    return accept_pairing_run(run=run, user=chair, reason="Shared river work; both asked.")


def decide(first, second):
    record_decision(application=first, outcome=Outcome.ACCEPT, paired_with=second, actor=None)
    record_decision(application=second, outcome=Outcome.ACCEPT, paired_with=first, actor=None)


def test_pairs_accepted_in_the_pairing_tool_are_applied_once_by_the_committee(call):
    apps = four_singles(call)
    formed = accepted_in_the_pairing_tool(
        call, [(apps["milan"], apps["wuhan"]), (apps["lyon"], apps["beijing"])]
    )
    assert len(formed) == 2
    decide(apps["milan"], apps["wuhan"])
    decide(apps["lyon"], apps["beijing"])
    past_deadline(call)
    applied = apply_decisions(call=call, actor=None)
    assert len(applied) == 4
    assert sorted(Pair.objects.values_list("organisation_a__name", "organisation_b__name")) == [
        ("Lyon Waste", "Beijing Zero Waste"),
        ("Milan Water", "Wuhan Rivers"),
    ]
    assert {d.pair_id for d in Decision.objects.all()} == {pair.pk for pair in formed}
    assert Call.objects.get(pk=call.pk).status == CallStatus.DECIDED


def test_accepting_in_the_pairing_tool_records_pending_decisions_the_committee_applies(call):
    apps = four_singles(call)
    record_decision(application=apps["lyon"], outcome=Outcome.REJECT, actor=None)
    accepted_in_the_pairing_tool(
        call, [(apps["milan"], apps["wuhan"]), (apps["lyon"], apps["beijing"])]
    )
    decisions = {
        d.application.organisation.name: (d.outcome, d.paired_with_id, d.is_pending)
        for d in Decision.objects.select_related("application__organisation")
    }
    deciders = {
        d.application.organisation.name: d.decided_by.username
        for d in Decision.objects.filter(decided_by__isnull=False)
    }
    assert deciders == {"Milan Water": "chair", "Wuhan Rivers": "chair"}  # who accepted
    assert decisions == {
        "Milan Water": (Outcome.ACCEPT, apps["wuhan"].pk, True),
        "Wuhan Rivers": (Outcome.ACCEPT, apps["milan"].pk, True),
        "Lyon Waste": (Outcome.REJECT, None, True),  # the committee's own decision stays
    }
    record_decision(application=apps["beijing"], outcome=Outcome.REJECT, actor=None)
    past_deadline(call)
    apply_decisions(call=call, actor=None)
    milan_pair = Pair.objects.get(organisation_a__name="Milan Water")
    assert Decision.objects.filter(pair=milan_pair).count() == 2
    assert Call.objects.get(pk=call.pk).status == CallStatus.DECIDED


def test_a_different_committee_pair_is_refused_up_front_and_changes_nothing(call):
    apps = four_singles(call)
    accepted_in_the_pairing_tool(call, [(apps["milan"], apps["wuhan"])])
    decide(apps["milan"], apps["beijing"])
    decide(apps["lyon"], apps["wuhan"])
    past_deadline(call)
    with pytest.raises(CallError) as refused:
        apply_decisions(call=call, actor=None)
    assert refused.value.reasons[0] == (
        f"Milan Water is already paired with someone else in {call.cohort} (accepted in the"
        " pairing tool): withdraw that pair, or decide the same pair."
    )
    assert len(refused.value.reasons) == 2  # Milan and Wuhan; Lyon and Beijing are free
    assert Pair.objects.count() == 1
    assert set(call.applications.values_list("status", flat=True)) == {ApplicationStatus.SUBMITTED}
    assert Call.objects.get(pk=call.pk).status == CallStatus.OPEN
    # not a dead end: the committee decides the tool's pairs and applies
    decide(apps["milan"], apps["wuhan"])
    decide(apps["lyon"], apps["beijing"])
    apply_decisions(call=call, actor=None)
    assert Pair.objects.count() == 2


def test_a_submitted_tandem_is_fixed_in_the_pool(call):
    lyon, chengdu = european(name="Lyon Waste"), chinese(name="Chengdu Homes")
    staff, partner_staff = staff_of(lyon), staff_of(chengdu)
    submitted(call, lyon, staff, kind="tandem", partner=chengdu, partner_user=partner_staff)
    single = european(name="Milan Water")
    submitted(call, single, staff_of(single))
    assert pool_single_applicants(cohort=call.cohort, actor=None) == 3
    assert set(PoolMember.objects.values_list("organisation__name", "side")) == {
        ("Lyon Waste", "A"),
        ("Chengdu Homes", "B"),
        ("Milan Water", "A"),
    }
    pins = PairingConstraint.objects.filter(kind=ConstraintKind.PINNED)
    assert list(pins.values_list("organisation_a__name", "organisation_b__name")) == [
        ("Lyon Waste", "Chengdu Homes")
    ]


def test_suggestions_mark_past_partners_and_link_to_their_pages(
    client, call, europe_org, europe_staff, china_org, china_staff, settings
):
    settings.TWINNING_MATCHING_EMBEDDER = "hashing"
    application = start_application(call=call, organisation=europe_org, actor=europe_staff)
    submitted(call, china_org, china_staff)
    newcomer = chinese(name="Wuhan Newcomer")
    submitted(call, newcomer, staff_of(newcomer))
    PairFactory(organisation_a=europe_org, organisation_b=china_org)  # an earlier cohort
    found = {
        s.organisation.name: s.past_partner
        for s in suggested_partners(application, user=europe_staff)
    }
    assert found == {china_org.name: True, newcomer.name: False}
    client.force_login(europe_staff)
    page = client.get(application.get_absolute_url()).content.decode()
    assert f'<a href="{china_org.get_absolute_url()}">' in page
    assert page.count("past partner") == 1
    assert reverse("directory:organisation", args=[newcomer.slug]) in page
