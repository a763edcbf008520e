"""The request and answer shapes of the calls API (calls, applications, reviews, decisions)."""

import datetime
from typing import Annotated

from ninja import Field, Schema

from twinning.api.bounds import Identifier
from twinning.calls.models import Application, Call, Review, answer_version


class QuestionOut(Schema):
    id: int
    text: str
    text_zh: str
    is_required: bool
    max_length: int


class CriterionOut(Schema):
    id: int
    name: str
    name_zh: str
    weight: int
    max_score: int


class WindowOut(Schema):
    direction: str
    label: str
    starts_on: datetime.date
    ends_on: datetime.date


class CallOut(Schema):
    slug: str
    title: str
    title_zh: str
    programme: str
    cohort_year: int
    status: str
    accepts_applications: bool
    opens_on: datetime.date
    deadline: datetime.datetime
    decision_on: datetime.date
    side_a_label: str
    side_b_label: str
    side_a_areas: list[str]
    side_b_areas: list[str]
    organisation_types: list[str]
    min_years_registered: int
    requires_permanent_staff: bool
    questions: list[QuestionOut]
    criteria: list[CriterionOut]
    windows: list[WindowOut]

    @staticmethod
    def resolve_programme(call: Call) -> str:
        return call.programme.slug

    @staticmethod
    def resolve_cohort_year(call: Call) -> int:
        return call.cohort.year

    @staticmethod
    def resolve_accepts_applications(call: Call) -> bool:
        return call.accepts_changes

    @staticmethod
    def resolve_questions(call: Call) -> list:
        return list(call.questions.all())

    @staticmethod
    def resolve_criteria(call: Call) -> list:
        return list(call.criteria.all())

    @staticmethod
    def resolve_windows(call: Call) -> list:
        return list(call.windows.all())


class CallIn(Schema):
    programme: str
    title: str
    opens_on: datetime.date
    deadline: datetime.datetime
    decision_on: datetime.date
    side_a_areas: list[str]
    side_b_areas: list[str]
    side_a_label: str = "Europe"
    side_b_label: str = "China"
    organisation_types: list[str] = []
    min_years_registered: int = 0
    requires_permanent_staff: bool = True
    same_country_is_conflict: bool = False
    time_zone: str = "Europe/Brussels"  # the deadline's zone, an IANA name
    questions: list[str] = []
    criteria: list[tuple[str, int]] = []
    windows: list[tuple[str, datetime.date, datetime.date]] = []


class ApplicationOut(Schema):
    id: int
    call: str
    organisation: str
    side: str
    kind: str
    status: str
    partner: str | None
    partner_status: str
    proposed_partner: str | None
    answers: dict[str, str]
    answer_versions: dict[str, str]
    staff_is_permanent: bool
    submitted_at: datetime.datetime | None

    @staticmethod
    def resolve_answer_versions(application: Application) -> dict[str, str]:
        return {key: answer_version(text) for key, text in application.answers.items()}

    @staticmethod
    def resolve_call(application: Application) -> str:
        return application.call.slug

    @staticmethod
    def resolve_organisation(application: Application) -> str:
        return application.organisation.slug

    @staticmethod
    def resolve_partner(application: Application) -> str | None:
        return application.partner.slug if application.partner is not None else None

    @staticmethod
    def resolve_proposed_partner(application: Application) -> str | None:
        return (
            application.proposed_partner.slug if application.proposed_partner is not None else None
        )


class ApplicationIn(Schema):
    organisation: str
    kind: str = "single"
    partner: str | None = None


class ApplicationUpdate(Schema):
    """Only the answers given are written; `based_on` (from `answer_versions`) guards against overwriting."""

    answers: dict[str, str] | None = None
    staff_is_permanent: bool | None = None
    based_on: dict[str, str] | None = None


class EditConflictOut(Schema):
    detail: str
    reasons: list[str] = []
    questions: list[str] = []


class InvitationAnswer(Schema):
    confirm: bool


class ScoreIn(Schema):
    criterion: Identifier
    value: Annotated[int, Field(ge=0, le=100)]
    comment: str = ""


class ReviewIn(Schema):
    scores: list[ScoreIn]
    comment: str = ""
    submit: bool = True


class ReviewOut(Schema):
    id: int
    application: int
    reviewer: str
    submitted: bool
    comment: str
    scores: dict[str, int]

    @staticmethod
    def resolve_application(review: Review) -> int:
        return review.application_id

    @staticmethod
    def resolve_reviewer(review: Review) -> str:
        return review.reviewer.username

    @staticmethod
    def resolve_submitted(review: Review) -> bool:
        return review.is_submitted

    @staticmethod
    def resolve_scores(review: Review) -> dict[str, int]:
        return {str(score.criterion_id): score.value for score in review.scores.all()}


class AssignmentIn(Schema):
    application: int
    reviewer: str


class RankingOut(Schema):
    application: int
    organisation: str
    partner: str | None
    kind: str
    score: float | None
    reviews_done: int
    decision: str | None


class DecisionIn(Schema):
    application: Identifier
    outcome: str
    paired_with: Identifier | None = None
    note: str = ""


class DecisionOut(Schema):
    application: int
    outcome: str
    paired_with: int | None
    pending: bool
    pair: int | None


class Refusal(Schema):
    detail: str
    reasons: list[str] = []
