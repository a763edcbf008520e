"""Demo calls: one decided call (2025) and one open call (2026), with accounts for every role.

`load_calls_demo()` runs after the main demo loader (it needs the programme and organisations
it loads) and is idempotent: a call that exists already is left as it is.
"""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twinning.calls import actions, notifications
from twinning.calls.enums import ApplicationKind, Direction, Outcome
from twinning.calls.models import Application, Call
from twinning.directory.actions import approve_staff_membership, claim_staff_membership
from twinning.directory.models import Organisation, StaffMembership
from twinning.programmes.models import Programme

PROGRAMME_NAME = "EU–China NGO Twinning Programme"
PASSWORD = "twinning-demo"
DEMO_TIME_ZONE = "Europe/Brussels"
DECIDED_TITLE = "EU–China NGO Twinning: call for applications 2025"
OPEN_TITLE = "EU–China NGO Twinning: call for applications 2026"

# (username, e-mail, organisation slug or None, what the account shows) — listed on the home page.
ACCOUNTS = [
    (
        "coordinator",
        "coordinator@example.org",
        None,
        _("coordinator: manages calls, assigns reviews, decides"),
    ),
    (
        "applicant",
        "applicant@example.org",
        "eco-canton",
        _("applicant for Eco Canton (tandem partner in the 2026 call)"),
    ),
    (
        "applicant-europe",
        "applicant-europe@example.org",
        "ghent-climate-neighbourhoods",
        _("applicant for Ghent Climate Neighbourhoods (tandem lead in 2026)"),
    ),
    (
        "applicant-single",
        "applicant-single@example.org",
        "copenhagen-cycling-culture-centre",
        _("single applicant with a draft in 2026"),
    ),
    ("reviewer-1", "reviewer-1@example.org", None, _("reviewer on both committees")),
    (
        "reviewer-2",
        "reviewer-2@example.org",
        None,
        _("reviewer on both committees, with a declared conflict"),
    ),
]
QUESTIONS: list[dict[str, Any]] = [
    {
        "text": "What does your organisation want to learn from a partner on the other side?",
        "text_zh": "贵机构希望从另一方的伙伴那里学到什么？",
    },
    {
        "text": "Which staff member would take part in the exchange, and in what role?",
        "text_zh": "哪位工作人员将参加交流，担任什么职务？",
    },
    {
        "text": "Anything else the committee should know?",
        "text_zh": "还有什么需要评审委员会了解的吗？",
        "is_required": False,
    },
]
CRITERIA = [
    {"name": "Relevance of the exchange topic", "name_zh": "交流主题的相关性", "weight": 3},
    {"name": "Capacity to host and follow up", "name_zh": "接待和后续跟进的能力", "weight": 2},
    {"name": "Benefit for civil society", "name_zh": "对公民社会的益处", "weight": 1},
]
ANSWER = "We want to learn how our partner works with residents and volunteers, and share our own methods."


def _user(username: str, email: str, *, staff: bool = False) -> Any:
    users = get_user_model().objects
    user = users.filter(username=username).first()
    if user is None:
        user = users.create_user(
            username=username, email=email, password=PASSWORD, is_staff=staff, is_superuser=staff
        )
    return user


def _speaks_for(user: Any, organisation: Organisation) -> None:
    membership = StaffMembership.objects.filter(user=user, organisation=organisation).first()
    if membership is None:
        membership = claim_staff_membership(
            user=user, organisation=organisation, role="Programme officer"
        )
    if not membership.is_approved:
        approve_staff_membership(membership=membership)


def _organisations(*slugs: str) -> dict[str, Organisation]:
    found = {o.slug: o for o in Organisation.objects.filter(slug__in=slugs)}
    missing = sorted(set(slugs) - set(found))
    if missing:
        raise LookupError(
            f"The calls demo needs the main demo first; missing organisations: {', '.join(missing)}"
        )
    return found


def _apply(
    call: Call,
    organisation: Organisation,
    actor: Any,
    *,
    partner: Organisation | None = None,
    partner_actor: Any = None,
    submit: bool = True,
    proposed: Organisation | None = None,
) -> Application:
    kind = ApplicationKind.TANDEM if partner else ApplicationKind.SINGLE
    application = actions.start_application(
        call=call, organisation=organisation, actor=actor, kind=kind, partner=partner
    )
    answers = {question.key: ANSWER for question in call.questions.all() if question.is_required}
    actions.save_application(
        application=application, actor=actor, answers=answers, staff_is_permanent=True
    )
    if partner is not None:
        actions.confirm_tandem(application=application, actor=partner_actor or actor)
    if proposed is not None:
        actions.propose_partner(application=application, partner=proposed, actor=actor)
    if submit:
        actions.submit_application(application=application, actor=actor)
    return application


def _noon_in_brussels(day: datetime.date) -> datetime.datetime:
    """Demo deadlines fall at a round hour of the call's own time zone."""
    return datetime.datetime.combine(day, datetime.time(12, 0), ZoneInfo(DEMO_TIME_ZONE))


def _windows_after(decision_on: datetime.date) -> list[tuple[str, datetime.date, datetime.date]]:
    """Exchange windows that open after the decision: two months each, a week apart."""
    month = decision_on.month + 2
    start = datetime.date(decision_on.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    a_ends = start + datetime.timedelta(days=60)
    b_starts = a_ends + datetime.timedelta(days=7)
    return [
        (Direction.A_TO_B, start, a_ends),
        (Direction.B_TO_A, b_starts, b_starts + datetime.timedelta(days=60)),
    ]


def _windows_in(year: int) -> list[tuple[str, datetime.date, datetime.date]]:
    """The programme's usual windows: Europe→China in August–September, China→Europe in autumn."""
    return [
        (Direction.A_TO_B, datetime.date(year, 8, 1), datetime.date(year, 9, 30)),
        (Direction.B_TO_A, datetime.date(year, 10, 8), datetime.date(year, 12, 9)),
    ]


def _open(
    programme: Programme,
    title: str,
    title_zh: str,
    year: int,
    coordinator: Any,
    *,
    windows_year: int | None = None,
) -> Call:
    """`windows_year`: the year a decided call's pairs travel; an open call's windows open
    after its decision."""
    today = timezone.localdate()
    decision_on = today + datetime.timedelta(days=60)
    call = actions.open_call(
        programme=programme,
        title=title,
        title_zh=title_zh,
        cohort_year=year,
        actor=coordinator,
        description="Civil-society organisations from Europe and China apply alone or as a tandem for a staff exchange of four to eight weeks.",
        description_zh="欧洲和中国的社会组织可单独或结对申请为期四至八周的工作人员交流。",
        opens_on=today - datetime.timedelta(days=20),
        deadline=_noon_in_brussels(today + datetime.timedelta(days=30)),
        time_zone=DEMO_TIME_ZONE,
        decision_on=decision_on,
        side_a_areas=["europe"],
        side_b_areas=["china"],
        organisation_types=["ngo", "association", "foundation", "youth", "network"],
        min_years_registered=3,
        requires_permanent_staff=True,
        questions=QUESTIONS,
        criteria=[dict(c) for c in CRITERIA],
        windows=_windows_in(windows_year) if windows_year else _windows_after(decision_on),
    )
    for index, username in enumerate(("reviewer-1", "reviewer-2")):
        actions.add_committee_member(
            call=call,
            user=get_user_model().objects.get(username=username),
            country=("DE", "CN")[index],
        )
    return call


def _review_all(call: Call, coordinator: Any, *, only: int | None = None) -> None:
    actions.assign_reviewers_automatically(call=call, actor=coordinator)
    criteria = list(call.criteria.all())
    reviews = [
        review
        for application in call.applications.order_by("pk")
        for review in application.reviews.order_by("pk")
    ]
    for index, review in enumerate(reviews[:only] if only is not None else reviews):
        scores = {
            criterion.pk: (3 + (index + position) % 3, "")
            for position, criterion in enumerate(criteria)
        }
        actions.score_application(
            review=review,
            scores=scores,
            comment="Clear plan; realistic exchange.",
            actor=review.reviewer,
        )


def _decided_call(programme: Programme, coordinator: Any) -> None:
    orgs = _organisations(
        "lithuanian-zero-waste-schools",
        "shenzhen-zero-waste-community-centre",
        "friends-of-the-middle-danube",
        "wuhan-lakes-watch",
        "tallinn-smart-energy-citizens",
    )
    # The decided call was decided yesterday, so its pairs travel in this year's windows:
    # the exchanges demo shows them under way (twinning.exchanges.demo).
    call = _open(
        programme,
        DECIDED_TITLE,
        "中欧社会组织结对交流项目：2025年申请征集",
        2025,
        coordinator,
        windows_year=timezone.localdate().year,
    )
    tandem = _apply(
        call,
        orgs["lithuanian-zero-waste-schools"],
        coordinator,
        partner=orgs["shenzhen-zero-waste-community-centre"],
    )
    danube = _apply(
        call, orgs["friends-of-the-middle-danube"], coordinator, proposed=orgs["wuhan-lakes-watch"]
    )
    wuhan = _apply(call, orgs["wuhan-lakes-watch"], coordinator)
    tallinn = _apply(call, orgs["tallinn-smart-energy-citizens"], coordinator)
    _review_all(call, coordinator)
    actions.reschedule_call(
        call=call,
        deadline=_noon_in_brussels(timezone.localdate() - datetime.timedelta(days=1)),
        actor=coordinator,
    )
    actions.record_decision(application=tandem, outcome=Outcome.ACCEPT, actor=coordinator)
    actions.record_decision(
        application=danube, outcome=Outcome.ACCEPT, paired_with=wuhan, actor=coordinator
    )
    actions.record_decision(
        application=wuhan, outcome=Outcome.ACCEPT, paired_with=danube, actor=coordinator
    )
    actions.record_decision(
        application=tallinn,
        outcome=Outcome.REJECT,
        note="A strong application; please apply again next year.",
        actor=coordinator,
    )
    actions.apply_decisions(call=call, actor=coordinator)


def _open_call(programme: Programme, coordinator: Any, users: dict[str, Any]) -> None:
    orgs = _organisations(
        "ghent-climate-neighbourhoods",
        "eco-canton",
        "slovak-wetlands-initiative",
        "yunnan-highland-wetlands-conservation-centre",
        "copenhagen-cycling-culture-centre",
    )
    call = _open(
        programme, OPEN_TITLE, "中欧社会组织结对交流项目：2026年申请征集", 2026, coordinator
    )
    _apply(
        call,
        orgs["ghent-climate-neighbourhoods"],
        users["applicant-europe"],
        partner=orgs["eco-canton"],
        partner_actor=users["applicant"],
    )
    _apply(call, orgs["slovak-wetlands-initiative"], coordinator)
    _apply(
        call,
        orgs["yunnan-highland-wetlands-conservation-centre"],
        coordinator,
        proposed=orgs["slovak-wetlands-initiative"],
    )
    _apply(call, orgs["copenhagen-cycling-culture-centre"], users["applicant-single"], submit=False)
    actions.declare_conflict(
        reviewer=users["reviewer-2"],
        organisation=orgs["ghent-climate-neighbourhoods"],
        reason="I advised this organisation in 2024.",
    )
    _review_all(call, coordinator, only=2)


@transaction.atomic
def load_calls_demo() -> dict[str, int]:
    """Create the demo accounts and the two demo calls when missing; returns counts of what exists."""
    programme = Programme.objects.filter(name=PROGRAMME_NAME).first()
    if programme is None:
        raise LookupError(
            f"The calls demo needs the programme {PROGRAMME_NAME!r}; load the main demo first."
        )
    users = {}
    for username, email, slug, _description in ACCOUNTS:
        users[username] = _user(username, email, staff=username == "coordinator")
        if slug:
            _speaks_for(users[username], _organisations(slug)[slug])
    coordinator = users["coordinator"]
    with notifications.muted():
        if not Call.objects.filter(title=DECIDED_TITLE).exists():
            _decided_call(programme, coordinator)
        if not Call.objects.filter(title=OPEN_TITLE).exists():
            _open_call(programme, coordinator, users)
    return {
        "calls": Call.objects.count(),
        "applications": Application.objects.count(),
        "accounts": len(users),
    }
