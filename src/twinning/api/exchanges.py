"""API endpoints of placements and pair reports; same access rules and actions as the pages."""

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile
from ninja.pagination import paginate
from ninja.security import django_auth

from twinning.api.bounds import BoundedPagination, Identifier, Year
from twinning.directory.access import visible_organisations
from twinning.directory.models import Organisation
from twinning.exchanges import actions
from twinning.exchanges.access import (
    access_pair_to_act,
    access_placement,
    access_report,
    require,
    visible_placements,
    visible_reports,
    visible_visits,
)
from twinning.exchanges.letter import invitation_letter
from twinning.exchanges.models import (
    AlumniRecord,
    JointProject,
    Milestone,
    PairReport,
    Placement,
    Workshop,
)
from twinning.programmes.access import access_cohort, access_pair, visible_pairs
from twinning.programmes.models import Visit

router = Router(tags=["exchanges"])
Refused = tuple[int, dict[str, Any]]


class Refusal(Schema):
    detail: str
    reasons: list[str] = []


class PlacementOut(Schema):
    id: int
    pair: int
    fellow: str
    fellow_role: str
    home: str
    host: str
    direction: str
    city: str
    planned_start: datetime.date
    planned_end: datetime.date
    actual_start: datetime.date | None
    actual_end: datetime.date | None
    status: str
    host_contact_name: str
    host_contact_role: str
    host_contact_email: str
    work_plan: str
    cancel_reason: str
    sequence: int

    @staticmethod
    def resolve_pair(placement: Placement) -> int:
        return placement.pair_id

    @staticmethod
    def resolve_fellow(placement: Placement) -> str:
        return placement.fellow.username

    @staticmethod
    def resolve_home(placement: Placement) -> str:
        return placement.home.slug

    @staticmethod
    def resolve_host(placement: Placement) -> str:
        return placement.host.slug


class PlacementIn(Schema):
    fellow: str
    home: str
    planned_start: datetime.date
    planned_end: datetime.date
    host_contact_name: str
    work_plan: str
    city: str = ""
    fellow_role: str = ""
    host_contact_role: str = ""
    host_contact_email: str = ""


class StepIn(Schema):
    """`step`: confirm, start, complete, cancel or reschedule, with what that step needs."""

    step: str
    on: datetime.date | None = None
    reason: str = ""
    planned_start: datetime.date | None = None
    planned_end: datetime.date | None = None


class ReportOut(Schema):
    id: int
    pair: int
    title: str
    due_on: datetime.date
    status: str
    document: str | None
    filed_at: datetime.datetime | None
    review_note: str

    @staticmethod
    def resolve_pair(report: PairReport) -> int:
        return report.pair_id

    @staticmethod
    def resolve_document(report: PairReport) -> str | None:
        return report.document.slug if report.document else None


class ReportIn(Schema):
    title: str
    due_on: datetime.date


class ReviewIn(Schema):
    accept: bool
    note: str = ""


def _refuse(error: actions.ExchangeError) -> Refused:
    return 400, {"detail": str(error), "reasons": error.reasons}


@router.get("/placements", response=list[PlacementOut], auth=django_auth)
@paginate(BoundedPagination)
def list_placements(request: HttpRequest) -> QuerySet[Placement]:
    return visible_placements(request.user).order_by("planned_start", "pk")


@router.get("/placements/{placement_id}", response=PlacementOut, auth=django_auth)
def get_placement(request: HttpRequest, placement_id: Identifier) -> Placement:
    return access_placement(request.user, placement_id)


@router.post(
    "/pairs/{pair_id}/placements",
    response={201: PlacementOut, 400: Refusal},
    auth=django_auth,
)
def plan_placement(
    request: HttpRequest, pair_id: Identifier, payload: PlacementIn
) -> tuple[int, Placement] | Refused:
    pair = access_pair_to_act(request.user, pair_id, "plan")
    fellow = get_user_model().objects.filter(username=payload.fellow).first()
    home = Organisation.objects.filter(slug=payload.home).first()
    if fellow is None or home is None:
        return 400, {"detail": "Unknown fellow or home organisation.", "reasons": []}
    data = payload.dict(exclude={"fellow", "home"})
    try:
        placement = actions.plan_placement(
            pair=pair, fellow=fellow, home=home, actor=request.user, **data
        )
    except actions.ExchangeError as error:
        return _refuse(error)
    return 201, access_placement(request.user, placement.pk)


@router.post(
    "/placements/{placement_id}/steps",
    response={200: PlacementOut, 400: Refusal},
    auth=django_auth,
)
def change_placement(
    request: HttpRequest, placement_id: Identifier, payload: StepIn
) -> Placement | Refused:
    placement = access_placement(request.user, placement_id)
    try:
        if payload.step == "confirm":
            actions.confirm_placement(placement=placement, actor=request.user)
        elif payload.step == "start":
            actions.start_placement(placement=placement, actor=request.user, on=payload.on)
        elif payload.step == "complete":
            actions.complete_placement(placement=placement, actor=request.user, on=payload.on)
        elif payload.step == "cancel":
            actions.cancel_placement(placement=placement, reason=payload.reason, actor=request.user)
        elif payload.step == "reschedule":
            if payload.planned_start is None or payload.planned_end is None:
                raise actions.ExchangeError("Give planned_start and planned_end.")
            actions.reschedule_placement(
                placement=placement,
                planned_start=payload.planned_start,
                planned_end=payload.planned_end,
                actor=request.user,
            )
        else:
            raise actions.ExchangeError(f"Unknown step {payload.step!r}.")
    except actions.ExchangeError as error:
        return _refuse(error)
    return access_placement(request.user, placement_id)


@router.get("/placements/{placement_id}/letter", auth=django_auth)
def placement_letter(request: HttpRequest, placement_id: Identifier) -> HttpResponse:
    """The bilingual invitation letter as a PDF."""
    placement = access_placement(request.user, placement_id)
    require(request.user, "letter", placement)
    return HttpResponse(invitation_letter(placement), content_type="application/pdf")


@router.get("/pairs/{pair_id}/reports", response=list[ReportOut])
@paginate(BoundedPagination)
def list_reports(request: HttpRequest, pair_id: Identifier) -> QuerySet[PairReport]:
    pair = access_pair(request.user, pair_id)
    return visible_reports(request.user).filter(pair=pair)


@router.post("/pairs/{pair_id}/reports", response={201: ReportOut, 400: Refusal}, auth=django_auth)
def request_report(
    request: HttpRequest, pair_id: Identifier, payload: ReportIn
) -> tuple[int, PairReport] | Refused:
    pair = access_pair_to_act(request.user, pair_id, "request_report")
    try:
        report = actions.request_report(
            pair=pair, title=payload.title, due_on=payload.due_on, actor=request.user
        )
    except actions.ExchangeError as error:
        return _refuse(error)
    return 201, report


@router.post("/reports/{report_id}/file", response={200: ReportOut, 400: Refusal}, auth=django_auth)
def file_report(
    request: HttpRequest,
    report_id: Identifier,
    file: File[UploadedFile],
    language: Form[str] = "en",
) -> PairReport | Refused:
    report = access_report(request.user, report_id)
    try:
        return actions.file_report(
            report=report,
            data=file.read(),
            filename=file.name or "report.txt",
            language=language,
            actor=request.user,
        )
    except actions.ExchangeError as error:
        return _refuse(error)


@router.post(
    "/reports/{report_id}/review", response={200: ReportOut, 400: Refusal}, auth=django_auth
)
def review_report(
    request: HttpRequest, report_id: Identifier, payload: ReviewIn
) -> PairReport | Refused:
    report = access_report(request.user, report_id)
    try:
        if payload.accept:
            return actions.accept_report(
                report=report,
                actor=request.user,
                note=payload.note,
                site_url=settings.TWINNING_SITE_URL,
            )
        return actions.return_report(report=report, note=payload.note, actor=request.user)
    except actions.ExchangeError as error:
        return _refuse(error)


class MilestoneOut(Schema):
    id: int
    kind: str
    title: str
    due_on: datetime.date
    status: str
    done_on: datetime.date | None


class ProjectOut(Schema):
    pair: int
    title: str
    title_zh: str
    goals: str
    budget: str
    milestones: list[MilestoneOut]

    @staticmethod
    def resolve_pair(project: JointProject) -> int:
        return project.pair_id

    @staticmethod
    def resolve_milestones(project: JointProject) -> list[Milestone]:
        return list(project.milestones.all())


class ProjectIn(Schema):
    title: str
    goals: str
    title_zh: str = ""
    budget: str = ""


class MilestoneIn(Schema):
    title: str
    due_on: datetime.date
    kind: str = "milestone"


class AlumniOut(Schema):
    pair: int
    completed_on: datetime.date
    note: str
    follow_ups: list[str]

    @staticmethod
    def resolve_pair(record: AlumniRecord) -> int:
        return record.pair_id

    @staticmethod
    def resolve_follow_ups(record: AlumniRecord) -> list[str]:
        return [project.title for project in record.follow_ups.all()]


@router.get("/pairs/{pair_id}/project", response={200: ProjectOut, 404: Refusal})
def get_project(request: HttpRequest, pair_id: Identifier) -> JointProject | Refused:
    pair = access_pair(request.user, pair_id)
    project = JointProject.objects.filter(pair=pair).prefetch_related("milestones").first()
    if project is None:
        return 404, {"detail": "The pair has described no joint project.", "reasons": []}
    return project


@router.put("/pairs/{pair_id}/project", response={200: ProjectOut, 400: Refusal}, auth=django_auth)
def put_project(
    request: HttpRequest, pair_id: Identifier, payload: ProjectIn
) -> JointProject | Refused:
    pair = access_pair_to_act(request.user, pair_id, "project")
    try:
        return actions.describe_joint_project(pair=pair, actor=request.user, **payload.dict())
    except actions.ExchangeError as error:
        return _refuse(error)


@router.post(
    "/pairs/{pair_id}/milestones", response={201: MilestoneOut, 400: Refusal}, auth=django_auth
)
def add_milestone(
    request: HttpRequest, pair_id: Identifier, payload: MilestoneIn
) -> tuple[int, Milestone] | Refused:
    pair = access_pair_to_act(request.user, pair_id, "project")
    try:
        return 201, actions.add_milestone(pair=pair, actor=request.user, **payload.dict())
    except actions.ExchangeError as error:
        return _refuse(error)


@router.post(
    "/milestones/{milestone_id}/done", response={200: MilestoneOut, 400: Refusal}, auth=django_auth
)
def complete_milestone(request: HttpRequest, milestone_id: Identifier) -> Milestone | Refused:
    milestone = Milestone.objects.select_related("project__pair").filter(pk=milestone_id).first()
    if milestone is None:
        raise Http404("No such milestone.")
    access_pair(request.user, milestone.project.pair_id)
    try:
        return actions.complete_milestone(milestone=milestone, actor=request.user)
    except actions.ExchangeError as error:
        return _refuse(error)


@router.post("/pairs/{pair_id}/alumni", response={201: AlumniOut, 400: Refusal}, auth=django_auth)
def record_alumni(request: HttpRequest, pair_id: Identifier) -> tuple[int, AlumniRecord] | Refused:
    pair = access_pair_to_act(request.user, pair_id, "alumni")
    try:
        return 201, actions.record_alumni(pair=pair, actor=request.user)
    except actions.ExchangeError as error:
        return _refuse(error)


@router.get("/alumni", response=list[AlumniOut])
@paginate(BoundedPagination)
def list_alumni(request: HttpRequest) -> QuerySet[AlumniRecord]:
    return (
        AlumniRecord.objects.filter(pair__in=visible_pairs(request.user))
        .prefetch_related("follow_ups")
        .order_by("-completed_on", "pk")
    )


class VisitorOut(Schema):
    person: str
    role: str
    organisation: str | None
    is_leader: bool


class VisitOut(Schema):
    id: int
    date: datetime.date
    host: str
    visitors: list[str]
    participants: list[VisitorOut]
    topics: list[str]
    summary: str
    follow_ups: str


def _visit_out(visit: Visit, visible: set[int]) -> dict[str, Any]:
    return {
        "id": visit.pk,
        "date": visit.date,
        "host": visit.host.slug,
        "visitors": [o.slug for o in visit.visitors.all() if o.pk in visible],
        "participants": [
            {
                "person": p.person.name,
                "role": p.role,
                "organisation": p.organisation.slug
                if p.organisation_id in visible and p.organisation
                else None,
                "is_leader": p.is_leader,
            }
            for p in visit.participants.all()
        ],
        "topics": [t.slug for t in visit.topics.all()],
        "summary": visit.summary,
        "follow_ups": visit.follow_ups,
    }


def _visits(request: HttpRequest) -> QuerySet[Visit]:
    return visible_visits(request.user).prefetch_related(
        "visitors", "topics", "participants__person", "participants__organisation"
    )


@router.get("/visits", response=list[VisitOut])
@paginate(BoundedPagination)
def list_visits(request: HttpRequest) -> list[dict[str, Any]]:
    visible = set(visible_organisations(request.user).values_list("pk", flat=True))
    return [_visit_out(v, visible) for v in _visits(request).order_by("-date", "pk")]


@router.get("/visits/{visit_id}", response=VisitOut)
def get_visit(request: HttpRequest, visit_id: Identifier) -> dict[str, Any]:
    visit = _visits(request).filter(pk=visit_id).first()
    if visit is None:
        raise Http404("No such visit.")
    visible = set(visible_organisations(request.user).values_list("pk", flat=True))
    return _visit_out(visit, visible)


class WorkshopOut(Schema):
    id: int
    kind: str
    title: str
    starts_on: datetime.date
    ends_on: datetime.date
    place: str
    description: str
    materials: str


@router.get("/programmes/{slug}/cohorts/{year}/workshops", response=list[WorkshopOut])
@paginate(BoundedPagination)
def list_workshops(request: HttpRequest, slug: str, year: Year) -> QuerySet[Workshop]:
    return access_cohort(slug, year).workshops.order_by("starts_on", "pk")


@router.post(
    "/workshops/{workshop_id}/registrations", response={201: dict, 400: Refusal}, auth=django_auth
)
def register_for_workshop(
    request: HttpRequest, workshop_id: Identifier
) -> tuple[int, dict[str, Any]] | Refused:
    """Register the signed-in user (a person of one of the cohort's pairs)."""
    workshop = Workshop.objects.filter(pk=workshop_id).first()
    if workshop is None:
        raise Http404("No such workshop.")
    try:
        registration = actions.register_for_workshop(
            workshop=workshop, user=request.user, actor=request.user
        )
    except actions.ExchangeError as error:
        return _refuse(error)
    return 201, {"id": registration.pk, "organisation": registration.organisation.slug}
