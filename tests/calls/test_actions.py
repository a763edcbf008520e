"""The cycle through the actions: apply alone or as a tandem, review, decide, pair."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from tests.calls.factories import chinese, european, make_call, reviewer_for, staff_of
from tests.factories import PairFactory, UserFactory
from twinning.calls.actions import (
    CallError,
    ConflictOfInterest,
    apply_decisions,
    assign_reviewer,
    assign_reviewers_automatically,
    confirm_tandem,
    declare_conflict,
    decline_tandem,
    record_decision,
    save_application,
    score_application,
    start_application,
    submit_application,
)
from twinning.calls.enums import (
    ApplicationKind,
    ApplicationStatus,
    AuditVerb,
    CallStatus,
    Outcome,
    PartnerStatus,
    Side,
)
from twinning.calls.models import AuditEntry, Call
from twinning.directory.actions import affiliate
from twinning.programmes.models import Pair

pytestmark = pytest.mark.django_db


def complete(application, user):
    question = application.call.questions.first()
    return save_application(
        application=application,
        actor=user,
        answers={question.key: "Composting in schools"},
        staff_is_permanent=True,
    )


def test_tandem_invites_partner_who_confirms_then_submits(
    call, europe_org, china_org, europe_staff, china_staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = start_application(
            call=call,
            organisation=europe_org,
            actor=europe_staff,
            kind=ApplicationKind.TANDEM,
            partner=china_org,
        )
    assert (application.side, application.partner_status) == (Side.A, PartnerStatus.INVITED)
    assert [m.to for m in mail.outbox] == [["wei@example.org"]]
    assert mail.outbox[0].subject == "Tandem invitation: Twinning call"
    assert f"/calls/applications/{application.pk}/" in mail.outbox[0].body
    complete(application, europe_staff)
    with pytest.raises(CallError) as refused:
        submit_application(application=application, actor=europe_staff)
    assert refused.value.reasons == ["Chengdu Green Home has not confirmed the tandem yet."]
    with django_capture_on_commit_callbacks(execute=True):
        confirm_tandem(application=application, actor=china_staff)
        submit_application(application=application, actor=europe_staff)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert (
        mail.outbox[1].to == ["lea@example.org"] and "confirmed your tandem" in mail.outbox[1].body
    )
    assert sorted(m.to[0] for m in mail.outbox[2:]) == ["lea@example.org", "wei@example.org"]
    verbs = list(
        AuditEntry.objects.exclude(subject_type="call")
        .order_by("pk")
        .values_list("verb", "actor__username")
    )
    assert verbs == [
        ("created", "lea"),
        ("invited", "lea"),
        ("updated", "lea"),
        ("confirmed", "wei"),
        ("submitted", "lea"),
    ]


def test_declined_tandem_stays_a_draft(call, europe_org, china_org, europe_staff, china_staff):
    application = start_application(
        call=call,
        organisation=europe_org,
        actor=europe_staff,
        kind=ApplicationKind.TANDEM,
        partner=china_org,
    )
    decline_tandem(application=application, actor=china_staff)
    application.refresh_from_db()
    assert (application.status, application.partner_status) == (
        ApplicationStatus.DRAFT,
        PartnerStatus.DECLINED,
    )
    with pytest.raises(CallError):
        confirm_tandem(application=application, actor=china_staff)


def test_submission_lists_every_eligibility_reason(call, europe_staff):
    young = european(name="Young Org", founded=timezone.localdate().year, type="company")
    staff = staff_of(young)
    with pytest.raises(CallError) as refused:
        start_application(call=call, organisation=young, actor=staff)
    assert refused.value.reasons == [
        "Young Org is a Company; this call is open to: NGO.",
        f"Young Org was founded in {timezone.localdate().year}; this call needs at least 2 years since founding.",
    ]
    elsewhere = OrganisationOutside = european(name="Boston Greens", country="US")
    with pytest.raises(CallError) as refused:
        start_application(call=call, organisation=OrganisationOutside, actor=staff_of(elsewhere))
    assert refused.value.reasons == [
        "Boston Greens is not in Europe or China as this call defines them (europe, china)."
    ]


def test_submission_needs_answers_and_permanent_staff(call, europe_org, europe_staff):
    application = start_application(call=call, organisation=europe_org, actor=europe_staff)
    with pytest.raises(CallError) as refused:
        submit_application(application=application, actor=europe_staff)
    assert refused.value.reasons == [
        "This call requires that the participating staff member is a permanent employee; please confirm it.",
        "Please answer: What do you want to learn?",
    ]
    assert Call.objects.get().applications.get().status == ApplicationStatus.DRAFT


def test_nothing_changes_after_the_deadline(europe_org, europe_staff):
    call = make_call(days_left=10)
    application = start_application(call=call, organisation=europe_org, actor=europe_staff)
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=1))
    application.refresh_from_db()
    entries = AuditEntry.objects.count()
    with pytest.raises(CallError) as refused:
        complete(application, europe_staff)
    assert refused.value.reasons == [
        "The call “Twinning call” does not accept changes: its deadline has passed or it is not open."
    ]
    with pytest.raises(CallError):
        submit_application(application=application, actor=europe_staff)
    application.refresh_from_db()
    assert (application.answers, application.status, AuditEntry.objects.count()) == (
        {},
        ApplicationStatus.DRAFT,
        entries,
    )


def test_conflicts_block_assignment_with_reasons(call, europe_org, china_org, europe_staff):
    application = complete(
        start_application(call=call, organisation=europe_org, actor=europe_staff), europe_staff
    )
    submit_application(application=application, actor=europe_staff)
    colleague = reviewer_for(call, "colleague")
    staff_of(europe_org).staff_memberships.update(user=colleague)
    partner_reviewer = reviewer_for(call, "partnered")
    partnered_org = chinese(name="Old Partner")
    staff_of(partnered_org).staff_memberships.update(user=partner_reviewer)
    PairFactory(
        organisation_a=europe_org, organisation_b=partnered_org, cohort__programme__name="Earlier"
    )
    member_reviewer = reviewer_for(call, "member")
    network = european(name="Zero Waste Network")
    staff_of(network).staff_memberships.update(user=member_reviewer)
    affiliate(kind="membership", organisation=europe_org, other=network)
    declared = reviewer_for(call, "declared")
    declare_conflict(reviewer=declared, organisation=europe_org, reason="I advise them")
    coordinator = UserFactory(username="boss", is_staff=True)
    expectations = {
        colleague: "The reviewer works for Zero Waste Lyon.",
        partner_reviewer: f"The reviewer's organisation was paired with Zero Waste Lyon ({Pair.objects.get().cohort}).",
        member_reviewer: "The reviewer's organisation is affiliated with Zero Waste Lyon (Member of).",
        declared: "The reviewer declared a conflict with Zero Waste Lyon: I advise them",
    }
    for reviewer, reason in expectations.items():
        with pytest.raises(ConflictOfInterest) as refused:
            assign_reviewer(application=application, reviewer=reviewer, actor=coordinator)
        assert refused.value.reasons == [reason]
    assert application.reviews.count() == 0


def test_same_country_conflict_only_where_the_call_says_so(europe_org, europe_staff):
    call = make_call(same_country_is_conflict=True)
    application = complete(
        start_application(call=call, organisation=europe_org, actor=europe_staff), europe_staff
    )
    submit_application(application=application, actor=europe_staff)
    french = reviewer_for(call, "french", country="FR")
    with pytest.raises(ConflictOfInterest) as refused:
        assign_reviewer(application=application, reviewer=french, actor=None)
    assert refused.value.reasons == [
        "The reviewer is from the same country as Zero Waste Lyon (France)."
    ]
    assert (
        assign_reviewer(
            application=application, reviewer=reviewer_for(call, "german", country="DE"), actor=None
        ).reviewer.username
        == "german"
    )


def test_automatic_assignment_balances_loads_and_skips_conflicts(call):
    applications = []
    for index in range(3):
        organisation = european(name=f"Org {index}")
        staff = staff_of(organisation)
        applications.append(
            submit_application(
                application=complete(
                    start_application(call=call, organisation=organisation, actor=staff), staff
                ),
                actor=staff,
            )
        )
    reviewers = [reviewer_for(call, name) for name in ("ana", "ben", "cai")]
    declare_conflict(
        reviewer=reviewers[0], organisation=applications[0].organisation, reason="former employer"
    )
    created = assign_reviewers_automatically(call=call, actor=None)
    assignment = {(r.application.organisation.name, r.reviewer.username) for r in created}
    assert assignment == {
        ("Org 0", "ben"),
        ("Org 0", "cai"),
        ("Org 1", "ana"),
        ("Org 1", "ben"),
        ("Org 2", "ana"),
        ("Org 2", "cai"),
    }
    assert assign_reviewers_automatically(call=call, actor=None) == []


def test_scores_aggregate_with_weights_and_cycle_ends_in_pairs(django_capture_on_commit_callbacks):
    call = make_call(days_left=5)
    lyon, chengdu = (
        european(name="Lyon", topics=["waste"]),
        chinese(name="Chengdu", topics=["waste"]),
    )
    milan, wuhan, kyiv = (
        european(name="Milan", topics=["water"]),
        chinese(name="Wuhan", topics=["water"]),
        european(name="Kyiv"),
    )
    lyon_staff, chengdu_staff = (
        staff_of(lyon, email="l@example.org"),
        staff_of(chengdu, email="c@example.org"),
    )
    tandem = complete(
        start_application(
            call=call, organisation=lyon, actor=lyon_staff, kind="tandem", partner=chengdu
        ),
        lyon_staff,
    )
    confirm_tandem(application=tandem, actor=chengdu_staff)
    submitted = [submit_application(application=tandem, actor=lyon_staff)]
    for organisation in (milan, wuhan, kyiv):
        staff = staff_of(organisation)
        submitted.append(
            submit_application(
                application=complete(
                    start_application(call=call, organisation=organisation, actor=staff), staff
                ),
                actor=staff,
            )
        )
    reviewer = reviewer_for(call, "rita")
    relevance, capacity = call.criteria.all()
    for application in submitted:
        review = assign_reviewer(application=application, reviewer=reviewer, actor=None)
        score_application(
            review=review,
            scores={relevance.pk: (5, "great"), capacity.pk: (2, "")},
            actor=reviewer,
            comment="ok",
        )
    from twinning.calls.ranking import ranked_applications

    ranked = ranked_applications(call)
    assert ranked[0].score == pytest.approx(100 * (2 * 5 / 5 + 1 * 2 / 5) / 3, abs=0.01)
    assert ranked[0].criterion_means == {relevance.pk: 5.0, capacity.pk: 2.0}
    _, milan_app, wuhan_app, kyiv_app = submitted
    record_decision(application=tandem, outcome=Outcome.ACCEPT, actor=None)
    record_decision(
        application=milan_app, outcome=Outcome.ACCEPT, paired_with=wuhan_app, actor=None
    )
    record_decision(
        application=wuhan_app, outcome=Outcome.ACCEPT, paired_with=milan_app, actor=None
    )
    record_decision(
        application=kyiv_app, outcome=Outcome.REJECT, actor=None, note="Try again next year."
    )
    with pytest.raises(CallError) as refused:
        apply_decisions(call=call, actor=None)
    assert refused.value.reasons == ["Decisions are applied after the deadline."]
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - datetime.timedelta(hours=1))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        apply_decisions(call=call, actor=None)
    pairs = {
        (p.organisation_a.name, p.organisation_b.name, p.cohort_id) for p in Pair.objects.all()
    }
    assert pairs == {("Lyon", "Chengdu", call.cohort_id), ("Milan", "Wuhan", call.cohort_id)}
    assert list(Pair.objects.get(organisation_a=lyon).topics.values_list("slug", flat=True)) == [
        "waste"
    ]
    statuses = dict(call.applications.values_list("organisation__name", "status"))
    assert statuses == {
        "Lyon": "accepted",
        "Milan": "accepted",
        "Wuhan": "accepted",
        "Kyiv": "rejected",
    }
    assert Call.objects.get().status == CallStatus.DECIDED
    assert len(mail.outbox) == 5
    assert "Your twinning partner is Wuhan." in next(
        m.body for m in mail.outbox if "Milan" in m.body
    )
    assert "Try again next year." in next(m.body for m in mail.outbox if "Kyiv" in m.body)
    assert AuditEntry.objects.filter(verb=AuditVerb.APPLIED).count() == 4


def test_apply_refuses_unpaired_single_and_changes_nothing():
    call = make_call(days_left=5)
    organisation = european(name="Alone")
    staff = staff_of(organisation)
    application = submit_application(
        application=complete(
            start_application(call=call, organisation=organisation, actor=staff), staff
        ),
        actor=staff,
    )
    record_decision(application=application, outcome=Outcome.ACCEPT, actor=None)
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - datetime.timedelta(hours=1))
    with pytest.raises(CallError) as refused:
        apply_decisions(call=call, actor=None)
    assert refused.value.reasons == [
        "Alone is accepted alone: pair it with an accepted single of the other side who is paired back."
    ]
    application.refresh_from_db()
    assert (application.status, Pair.objects.count(), Call.objects.get().status) == (
        ApplicationStatus.SUBMITTED,
        0,
        CallStatus.OPEN,
    )


def test_opening_a_call_is_in_its_audit_log(coordinator):
    from tests.calls.factories import make_call
    from twinning.calls.models import AuditEntry

    call = make_call(actor=coordinator)
    entry = AuditEntry.objects.get(call=call, verb="created")
    assert (entry.actor, entry.subject_type, entry.changes) == (
        coordinator,
        "call",
        {"status": "open"},
    )
