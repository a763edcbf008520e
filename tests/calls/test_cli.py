"""Coordinator commands: list, open, assign, apply, export; refusals exit 2 and change nothing."""

import csv
import datetime
import io
import json

import pytest
from django.utils import timezone

from tests.calls.factories import chinese, european, make_call, reviewer_for, staff_of, submitted
from tests.factories import ProgrammeFactory
from twinning.calls.actions import (
    assign_reviewer,
    record_decision,
    reschedule_call,
    score_application,
)
from twinning.calls.enums import ApplicationStatus, CallStatus, Outcome
from twinning.calls.models import Application, AuditEntry, Call, Decision, Review
from twinning.cli import main
from twinning.programmes.models import Cohort, Pair

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_setup(monkeypatch):
    monkeypatch.setattr("twinning.cli.calls.setup_django", lambda: None)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot():
    return (
        Call.objects.count(),
        Cohort.objects.count(),
        Review.objects.count(),
        Decision.objects.filter(applied_at__isnull=False).count(),
        list(Application.objects.order_by("pk").values_list("status", flat=True)),
        AuditEntry.objects.count(),
        Pair.objects.count(),
    )


CALL_FILE = {
    "programme": "eu-china",
    "title": "Twinning 2031",
    "opens_on": "2031-01-10",
    "deadline": "2031-03-01T17:00",
    "decision_on": "2031-05-01",
    "side_a_areas": ["europe"],
    "side_b_areas": ["CN", "HK"],
    "organisation_types": ["ngo"],
    "min_years_registered": 2,
    "questions": ["What do you want to learn?"],
    "criteria": [["Relevance", 2], ["Capacity", 1, 10]],
    "windows": [["a_to_b", "2031-08-01", "2031-09-30"]],
    "reviews_per_application": 3,
}


def write(tmp_path, content):
    path = tmp_path / "call.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def test_calls_lists_status_dates_and_counts(
    capsys, call, europe_org, europe_staff, china_org, china_staff
):
    submitted(call, europe_org, europe_staff)
    reviewer = reviewer_for(call, "rita")
    review = assign_reviewer(application=Application.objects.get(), reviewer=reviewer, actor=None)
    score_application(
        review=review, scores={c.pk: (4, "") for c in call.criteria.all()}, actor=reviewer
    )
    from twinning.calls.actions import start_application

    start_application(call=call, organisation=china_org, actor=china_staff)
    draft = make_call(title="Draft call", publish=False, days_left=40, programme=call.programme)
    code, out, err = run(capsys, "calls")
    deadline = {c.pk: c.deadline.strftime("%Y-%m-%d %H:%M UTC") for c in (call, draft)}
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "CALL                STATUS  OPENS       DEADLINE              DECISION    APPLICATIONS  SUBMITTED  REVIEWS DONE  DECISIONS",
        f"draft-call-{draft.cohort.year}     draft   {draft.opens_on}  {deadline[draft.pk]}  {draft.decision_on}  0             0          0/0           0",
        f"twinning-call-{call.cohort.year}  open    {call.opens_on}  {deadline[call.pk]}  {call.decision_on}  2             1          1/1           0",
    ]


def test_calls_says_when_there_is_none(capsys):
    assert run(capsys, "calls") == (0, "No call yet.\n", "")


def test_open_call_creates_the_call_from_a_json_file(capsys, tmp_path, coordinator):
    ProgrammeFactory(name="EU–China NGO Twinning Programme", slug="eu-china")
    code, out, err = run(
        capsys, "open-call", write(tmp_path, CALL_FILE), "--as", coordinator.username
    )
    assert (code, err) == (0, "")
    assert (
        out
        == "Opened twinning-2031-2031 (open) in the EU–China NGO Twinning Programme cohort 2031: 1 question(s), 2 criterion/criteria, 1 exchange window(s).\n"
    )
    call = Call.objects.get()
    assert (
        call.deadline,
        call.side_b_areas,
        call.organisation_types,
        call.min_years_registered,
        call.reviews_per_application,
    ) == (
        datetime.datetime(2031, 3, 1, 17, 0, tzinfo=datetime.UTC),
        ["CN", "HK"],
        ["ngo"],
        2,
        3,
    )
    assert list(call.criteria.values_list("name", "weight", "max_score")) == [
        ("Relevance", 2, 5),
        ("Capacity", 1, 10),
    ]
    assert list(call.windows.values_list("direction", "starts_on", "ends_on")) == [
        ("a_to_b", datetime.date(2031, 8, 1), datetime.date(2031, 9, 30))
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "{not json",
            "call.json is not valid JSON: Expecting property name enclosed in double quotes (line 1)",
        ),
        ("[]", "call.json must hold one JSON object"),
        ({**CALL_FILE, "colour": "red"}, "unknown field(s): colour"),
        ({k: v for k, v in CALL_FILE.items() if k != "deadline"}, "missing field(s): deadline"),
        ({**CALL_FILE, "opens_on": "10/01/2031"}, "opens_on must be a date, YYYY-MM-DD"),
        (
            {**CALL_FILE, "criteria": [["Relevance", "high"]]},
            "criteria must be a list of [name, weight] or [name, weight, max score]",
        ),
        ({**CALL_FILE, "programme": "nope"}, "no programme 'nope'"),
        (
            {**CALL_FILE, "questions": ["x" * 501]},
            "Titles are at most 250 characters, questions 500 and criterion names 200.",
        ),
        (
            {
                **CALL_FILE,
                "side_a_areas": ["europe", "XX"],
                "decision_on": "2031-02-01",
                "windows": [["north-south", "2031-08-01", "2031-09-30"]],
            },
            "The dates must follow each other: opening, deadline, decision. Unknown country code(s) or region(s): XX. Unknown exchange direction(s): north-south.",
        ),
    ],
)
def test_open_call_refuses_bad_input_on_one_line_and_creates_nothing(
    capsys, tmp_path, content, message, coordinator
):
    ProgrammeFactory(slug="eu-china")
    path = write(tmp_path, content)
    before = snapshot()
    code, out, err = run(capsys, "open-call", path, "--as", coordinator.username)
    assert (code, out) == (2, "")
    assert err == f"twinning: error: {message.replace('call.json', path)}\n"
    assert snapshot() == before


def test_assign_reviewers_auto_prints_assignments_and_refused_conflicts(
    capsys, coordinator, call, europe_org, europe_staff, china_org, china_staff
):
    submitted(
        call, europe_org, europe_staff, kind="tandem", partner=china_org, partner_user=china_staff
    )
    wuhan = chinese(name="Wuhan River Watch")
    submitted(call, wuhan, staff_of(wuhan))
    for name in ("ada", "bo", "cy"):
        reviewer_for(call, name)
    colleague = reviewer_for(call, "colleague")
    staff_of(europe_org).staff_memberships.update(user=colleague)
    code, out, err = run(capsys, "assign-reviewers", call.slug, "--auto", "--as", "coord")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Assigned 4 review(s) as coord:",
        "  colleague -> Wuhan River Watch",
        "  cy -> Wuhan River Watch",
        "  ada -> Zero Waste Lyon + Chengdu Green Home",
        "  bo -> Zero Waste Lyon + Chengdu Green Home",
        "Refused for a conflict of interest: 1",
        "  colleague x Zero Waste Lyon + Chengdu Green Home: The reviewer works for Zero Waste Lyon.",
    ]
    assert set(
        AuditEntry.objects.filter(verb="assigned").values_list("actor__username", flat=True)
    ) == {"coord"}


def test_assign_reviewers_without_auto_only_shows(capsys, call, europe_org, europe_staff):
    application = submitted(call, europe_org, europe_staff)
    assign_reviewer(application=application, reviewer=reviewer_for(call, "rita"), actor=None)
    before = snapshot()
    code, out, err = run(capsys, "assign-reviewers", call.slug)
    assert (code, out, err) == (
        0,
        "1 review(s) assigned (add --auto to assign more):\n  rita -> Zero Waste Lyon\nRefused for a conflict of interest: 0\n",
        "",
    )
    assert snapshot() == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--auto"], "name the coordinator account acting with --as USERNAME"),
        (["--auto", "--as", "lea"], "'lea' is not an active coordinator (staff) account"),
        (["--auto", "--as", "ghost"], "'ghost' is not an active coordinator (staff) account"),
    ],
)
def test_assign_reviewers_needs_a_coordinator_and_changes_nothing_otherwise(
    capsys, coordinator, call, europe_org, europe_staff, argv, message
):
    submitted(call, europe_org, europe_staff)
    reviewer_for(call, "rita")
    before = snapshot()
    assert run(capsys, "assign-reviewers", call.slug, *argv) == (
        2,
        "",
        f"twinning: error: {message}\n",
    )
    assert run(capsys, "assign-reviewers", "no-such-call", "--auto", "--as", "coord") == (
        2,
        "",
        "twinning: error: no call 'no-such-call'; `twinning calls` lists them\n",
    )
    assert snapshot() == before


def test_apply_decisions_refuses_with_every_reason_and_changes_nothing(
    capsys, coordinator, call, europe_org, europe_staff
):
    submitted(call, europe_org, europe_staff)
    before = snapshot()
    assert run(capsys, "apply-decisions", call.slug, "--as", "coord") == (
        2,
        "",
        f"twinning: error: the decisions on {call.slug} were not applied:\n  - Decisions are applied after the deadline.\n",
    )
    reschedule_call(
        call=call, deadline=timezone.now() - datetime.timedelta(minutes=5), actor=coordinator
    )
    before = snapshot()
    assert run(capsys, "apply-decisions", call.slug, "--as", "coord") == (
        2,
        "",
        f"twinning: error: the decisions on {call.slug} were not applied:\n  - No decision yet on Zero Waste Lyon.\n",
    )
    assert run(capsys, "apply-decisions", call.slug, "--as", "lea") == (
        2,
        "",
        "twinning: error: 'lea' is not an active coordinator (staff) account\n",
    )
    assert snapshot() == before


def test_apply_decisions_applies_the_batch_as_the_named_coordinator(
    capsys, coordinator, europe_org, china_org, europe_staff, china_staff
):
    call = make_call(days_left=3)
    tandem = submitted(
        call, europe_org, europe_staff, kind="tandem", partner=china_org, partner_user=china_staff
    )
    wuhan = chinese(name="Wuhan River Watch")
    single = submitted(call, wuhan, staff_of(wuhan))
    record_decision(application=tandem, outcome=Outcome.ACCEPT, actor=coordinator)
    record_decision(application=single, outcome=Outcome.REJECT, actor=coordinator)
    reschedule_call(
        call=call, deadline=timezone.now() - datetime.timedelta(minutes=5), actor=coordinator
    )
    code, out, err = run(capsys, "apply-decisions", call.slug, "--as", "coord")
    pair = Pair.objects.get()
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"Applied 2 decision(s) on {call.slug} as coord; the call is decided.",
        "  reject: Wuhan River Watch",
        f"  accept: Zero Waste Lyon + Chengdu Green Home -> pair {pair.pk}",
    ]
    assert Call.objects.get().status == CallStatus.DECIDED
    assert list(Application.objects.order_by("pk").values_list("organisation__name", "status")) == [
        ("Zero Waste Lyon", ApplicationStatus.ACCEPTED),
        ("Wuhan River Watch", ApplicationStatus.REJECTED),
    ]
    assert list(
        AuditEntry.objects.filter(verb="applied").values_list("actor__username", flat=True)
    ) == ["coord", "coord"]


@pytest.fixture
def reviewed(call, europe_org, europe_staff, china_org, china_staff):
    """A scored single from each side and a draft: Lyon 80 %, Chengdu unscored."""
    lyon = submitted(call, europe_org, europe_staff)
    submitted(call, china_org, china_staff)
    wuhan = chinese(name="Wuhan River Watch")
    from twinning.calls.actions import start_application

    start_application(
        call=call,
        organisation=wuhan,
        actor=staff_of(wuhan),
        kind="tandem",
        partner=european(name="Milan Commons"),
    )
    reviewer = reviewer_for(call, "rita")
    review = assign_reviewer(application=lyon, reviewer=reviewer, actor=None)
    relevance, capacity = call.criteria.all()
    score_application(
        review=review, scores={relevance.pk: (5, ""), capacity.pk: (2, "")}, actor=reviewer
    )
    return call


def test_export_applications_as_csv_on_standard_output(capsys, reviewed):
    code, out, err = run(capsys, "export-applications", reviewed.slug)
    assert (code, err) == (0, "")
    assert list(csv.reader(io.StringIO(out))) == [
        ["organisation", "kind", "side", "status", "partner", "weighted_score"],
        ["Zero Waste Lyon", "single", "Europe", "submitted", "", "80.0"],
        ["Chengdu Green Home", "single", "China", "submitted", "", ""],
        ["Wuhan River Watch", "tandem", "China", "draft", "Milan Commons", ""],
    ]


def test_export_applications_as_json_to_a_file(capsys, tmp_path, reviewed):
    path = tmp_path / "applications.json"
    assert run(
        capsys, "export-applications", reviewed.slug, "--format", "json", "-o", str(path)
    ) == (0, "", f"Wrote 3 application(s) to {path}.\n")
    assert json.loads(path.read_text(encoding="utf-8")) == [
        {
            "organisation": "Zero Waste Lyon",
            "kind": "single",
            "side": "Europe",
            "status": "submitted",
            "partner": "",
            "weighted_score": 80.0,
        },
        {
            "organisation": "Chengdu Green Home",
            "kind": "single",
            "side": "China",
            "status": "submitted",
            "partner": "",
            "weighted_score": None,
        },
        {
            "organisation": "Wuhan River Watch",
            "kind": "tandem",
            "side": "China",
            "status": "draft",
            "partner": "Milan Commons",
            "weighted_score": None,
        },
    ]


def test_export_scores_agree_with_the_committee_ranking(reviewed):
    from twinning.calls.ranking import ranked_applications, scores_by_application

    ranked = {
        row.application.pk: row.score
        for row in ranked_applications(reviewed)
        if row.score is not None
    }
    assert (
        scores_by_application(reviewed)
        == ranked
        == {Application.objects.get(organisation__name="Zero Waste Lyon").pk: 80.0}
    )


def test_export_applications_csv_neutralises_formulas_in_names(capsys, reviewed):
    from twinning.directory.models import Organisation

    Organisation.objects.filter(name="Zero Waste Lyon").update(name='=HYPERLINK("http://x.test")')
    code, out, err = run(capsys, "export-applications", reviewed.slug)
    assert code == 0
    assert list(csv.reader(io.StringIO(out)))[1][0] == '\'=HYPERLINK("http://x.test")'
