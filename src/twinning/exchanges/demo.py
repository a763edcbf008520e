"""Demo exchanges: a past cohort (2018) done and reported, the cohort selected by the decided call under way.

`load_exchanges_demo()` runs after the calls demo and is idempotent: a pair that already has
placements or reports is left as it is. The current cohort's dates follow today's date: the
decided call's windows lie in this year, and each placement's state follows its dates.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from twinning.calls import notifications
from twinning.calls.demo import DECIDED_TITLE, PASSWORD, PROGRAMME_NAME, _speaks_for
from twinning.calls.models import Call
from twinning.directory.models import Organisation
from twinning.exchanges import actions
from twinning.exchanges.models import PairReport, Placement
from twinning.library.models import Document
from twinning.programmes.models import Pair

SEED_REPORT_TITLE = "Twinning report: Eco Canton and Zero Waste Europe"
# (username, e-mail, organisation slug, language, what the account shows on the home page)
FELLOWS = [
    ("fellow-europe", "fellow-europe@example.org", "lithuanian-zero-waste-schools", "en"),
    ("fellow-china", "fellow-china@example.org", "wuhan-lakes-watch", "zh-hans"),
]
PAST_REPORT = (
    "Final report\n\nA month in Chengdu: how neighbourhood committees run low-carbon days, "
    "and what Ghent's street labs can take home. We ran two joint workshops with residents "
    "and agreed on a shared handbook for volunteers."
)


def _pair(cohort_year: int, slug_a: str, slug_b: str) -> Pair:
    pair = (
        Pair.objects.filter(cohort__programme__name=PROGRAMME_NAME, cohort__year=cohort_year)
        .filter(
            Q(organisation_a__slug=slug_a, organisation_b__slug=slug_b)
            | Q(organisation_a__slug=slug_b, organisation_b__slug=slug_a)
        )
        .select_related("cohort", "organisation_a", "organisation_b")
        .first()
    )
    if pair is None:
        raise LookupError(f"The exchanges demo needs the pair {slug_a} – {slug_b} ({cohort_year}).")
    return pair


def _fellow(username: str, email: str, slug: str, language: str) -> Any:
    users = get_user_model().objects
    user = users.filter(username=username).first()
    if user is None:
        user = users.create_user(
            username=username, email=email, password=PASSWORD, language=language
        )
    _speaks_for(user, Organisation.objects.get(slug=slug))
    return user


def _live(
    pair: Pair,
    fellow: Any,
    home: Organisation,
    start: datetime.date,
    end: datetime.date,
    *,
    coordinator: Any,
    today: datetime.date,
    contact: str,
    work_plan: str,
) -> Placement:
    """A placement whose state follows its dates: confirmed before, under way during, completed after."""
    placement = actions.plan_placement(
        pair=pair,
        fellow=fellow,
        home=home,
        planned_start=start,
        planned_end=end,
        host_contact_name=contact,
        host_contact_role="Programme coordinator",
        host_contact_email=f"{pair.partner_of(home).slug}@example.org",
        work_plan=work_plan,
        actor=coordinator,
    )
    placement = actions.confirm_placement(placement=placement, actor=coordinator)
    if start <= today:
        placement = actions.start_placement(placement=placement, actor=coordinator, on=start)
    if end < today:
        placement = actions.complete_placement(placement=placement, actor=coordinator, on=end)
    return placement


def _past_cohort(coordinator: Any) -> None:
    pair = _pair(2018, "chengdu-low-carbon-community-network", "ghent-climate-neighbourhoods")
    if not pair.placements.exists():
        fellow = get_user_model().objects.get(username="applicant-europe")
        ghent = Organisation.objects.get(slug="ghent-climate-neighbourhoods")
        _live(
            pair,
            fellow,
            ghent,
            datetime.date(2018, 9, 3),
            datetime.date(2018, 10, 12),
            coordinator=coordinator,
            today=timezone.localdate(),
            contact="Li Na",
            work_plan="Join the network's low-carbon community days; compare volunteer training.",
        )
        report = actions.request_report(
            pair=pair, title="Final report", due_on=datetime.date(2018, 12, 15), actor=coordinator
        )
        actions.file_report(
            report=report,
            data=PAST_REPORT.encode(),
            filename="final-report-chengdu-ghent.txt",
            actor=fellow,
        )
        actions.accept_report(report=report, actor=coordinator, note="Thank you.")
        actions.describe_joint_project(
            pair=pair,
            title="Low-carbon community days",
            goals="A shared handbook for volunteers in both cities.",
            title_zh="低碳社区日",
            actor=coordinator,
        )
        handbook = actions.add_milestone(
            pair=pair,
            title="Volunteer handbook",
            due_on=datetime.date(2018, 11, 30),
            kind="deliverable",
            actor=coordinator,
        )
        actions.complete_milestone(
            milestone=handbook, actor=coordinator, on=datetime.date(2018, 11, 26)
        )
        alumni = actions.record_alumni(
            pair=pair,
            actor=coordinator,
            on=datetime.date(2019, 1, 15),
            note="The two networks still swap volunteers' materials every year.",
        )
        actions.add_follow_up(
            alumni=alumni,
            title="Street labs for low-carbon neighbourhoods",
            start_year=2019,
            description="Ghent's street labs and Chengdu's community days run one method, with a yearly online exchange.",
            actor=coordinator,
        )
    seed = _pair(2018, "eco-canton", "zero-waste-europe")
    document = Document.objects.filter(title=SEED_REPORT_TITLE).first()
    if document is not None and not seed.reports.exists():
        report = actions.request_report(
            pair=seed,
            title="Twinning report",
            due_on=datetime.date(2018, 12, 31),
            actor=coordinator,
        )
        actions.link_report_document(report=report, document=document, actor=coordinator)
        actions.accept_report(report=report, actor=coordinator)


def _current_cohort(coordinator: Any, fellows: dict[str, Any]) -> None:
    call = Call.objects.filter(title=DECIDED_TITLE).first()
    if call is None:
        return
    windows = {w.direction: w for w in call.windows.all()}
    year = windows["a_to_b"].starts_on.year
    today = timezone.localdate()
    schools = _pair(2025, "lithuanian-zero-waste-schools", "shenzhen-zero-waste-community-centre")
    if not schools.placements.exists():
        _live(
            schools,
            fellows["fellow-europe"],
            Organisation.objects.get(slug="lithuanian-zero-waste-schools"),
            datetime.date(year, 8, 4),
            datetime.date(year, 9, 12),
            coordinator=coordinator,
            today=today,
            contact="Chen Jie",
            work_plan="Sorting lessons in two Shenzhen schools; a zero-waste canteen pilot.",
        )
        actions.request_report(
            pair=schools,
            title="Exchange report",
            due_on=datetime.date(year, 12, 20),
            actor=coordinator,
        )
        actions.describe_joint_project(
            pair=schools,
            title="Zero-waste canteens",
            title_zh="零废弃食堂",
            goals="A canteen in each city cuts its waste by half; lessons shared between the schools.",
            budget="Travel and stay: 2 fellows × 6 weeks\nMaterials for sorting stations",
            actor=coordinator,
        )
        stations = actions.add_milestone(
            pair=schools,
            title="Sorting stations in the pilot canteens",
            due_on=datetime.date(year, 9, 30),
            actor=coordinator,
        )
        if stations.due_on < today:
            actions.complete_milestone(milestone=stations, actor=coordinator, on=stations.due_on)
        actions.add_milestone(
            pair=schools,
            title="Canteen waste audit (both cities)",
            due_on=datetime.date(year, 12, 15),
            kind="deliverable",
            actor=coordinator,
        )
    lakes = _pair(2025, "friends-of-the-middle-danube", "wuhan-lakes-watch")
    if not lakes.placements.exists():
        _live(
            lakes,
            fellows["fellow-china"],
            Organisation.objects.get(slug="wuhan-lakes-watch"),
            datetime.date(year, 11, 3),
            datetime.date(year, 12, 5),
            coordinator=coordinator,
            today=today,
            contact="Anna Kovács",
            work_plan="River-bank monitoring with volunteers on the Danube; citizen-science data sharing.",
        )
        actions.request_report(
            pair=lakes,
            title="Exchange report",
            due_on=datetime.date(year, 12, 20),
            actor=coordinator,
        )


def _workshops(coordinator: Any, cohort: Any, year: int, people: list[Any]) -> None:
    """Kick-off in spring, mid-term between the windows, closing after: held ones have attendance."""
    if cohort.workshops.exists():
        return
    today = timezone.localdate()
    dates = [
        ("kick_off", "Kick-off workshop", datetime.date(year, 5, 12), "Brussels"),
        ("mid_term", "Mid-term workshop (online)", datetime.date(year, 10, 2), "Online"),
        ("closing", "Closing workshop", datetime.date(year + 1, 2, 24), "Beijing"),
    ]
    for kind, title, day, place in dates:
        workshop = actions.schedule_workshop(
            cohort=cohort,
            kind=kind,
            title=title,
            starts_on=day,
            ends_on=day,
            place=place,
            materials="Agenda and slides are sent to the registered participants.",
            actor=coordinator,
        )
        registrations = [
            actions.register_for_workshop(workshop=workshop, user=person, actor=coordinator)
            for person in people
        ]
        if day < today:
            actions.record_attendance(
                workshop=workshop, attended=[r.pk for r in registrations], actor=coordinator
            )


@transaction.atomic
def load_exchanges_demo() -> dict[str, int]:
    """Add the demo placements and reports when missing; returns counts of what exists."""
    coordinator = get_user_model().objects.get(username="coordinator")
    fellows = {
        username: _fellow(username, email, slug, language)
        for username, email, slug, language in FELLOWS
    }
    with notifications.muted():
        _past_cohort(coordinator)
        _current_cohort(coordinator, fellows)
        call = Call.objects.filter(title=DECIDED_TITLE).select_related("cohort").first()
        if call is not None:
            year = call.windows.order_by("starts_on").first()
            _workshops(
                coordinator,
                call.cohort,
                year.starts_on.year if year else call.cohort.year,
                list(fellows.values()),
            )
        past = _pair(2018, "chengdu-low-carbon-community-network", "ghent-climate-neighbourhoods")
        _workshops(
            coordinator,
            past.cohort,
            2018,
            [get_user_model().objects.get(username="applicant-europe")],
        )
    return {"placements": Placement.objects.count(), "pair reports": PairReport.objects.count()}
