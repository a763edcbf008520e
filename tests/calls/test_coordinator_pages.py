"""Opening a call and changing its dates on the web: the form feeds `open_call` / `reschedule_call` only."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import ProgrammeFactory
from twinning.calls.enums import CallStatus
from twinning.calls.models import AuditEntry, Call, Criterion, ExchangeWindow, Question
from twinning.common.dates import in_zone
from twinning.programmes.models import Cohort

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return ProgrammeFactory(name="EU–China NGO Twinning Programme", slug="eu-china")


def rows(prefix, rows, extra):
    """Formset data: the rows given, then `extra` untouched rows as the browser sends them."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows) + extra),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    blank = {"criteria": {"name": "", "weight": "1", "max_score": "5"}}.get(
        prefix, {"direction": "a_to_b", "starts_on": "", "ends_on": ""}
    )
    for index, row in enumerate([*rows, *[blank] * extra]):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


CRITERIA = [
    {"name": "Relevance", "weight": "2", "max_score": "5"},
    {"name": "Capacity", "weight": "1", "max_score": "5"},
    {"name": "Fit", "weight": "3", "max_score": "5"},
]
WINDOWS = [
    {"direction": "a_to_b", "starts_on": "2031-08-01", "ends_on": "2031-09-30"},
    {"direction": "b_to_a", "starts_on": "2031-10-08", "ends_on": "2031-12-09"},
]


def form_data(programme, criteria=CRITERIA, windows=WINDOWS, **overrides):
    data = {
        "programme": programme.pk,
        "title": "Twinning 2031",
        "title_zh": "结对 2031",
        "description": "Exchanges between NGOs.",
        "description_zh": "",
        "opens_on": "2031-01-10",
        "deadline": "2031-03-01T17:00",
        "time_zone": "Europe/Brussels",
        "decision_on": "2031-05-01",
        "side_a_label": "Europe",
        "side_a_areas": "europe, ch",
        "side_b_label": "China",
        "side_b_areas": "China",
        "organisation_types": ["ngo", "foundation"],
        "min_years_registered": "2",
        "requires_permanent_staff": "on",
        "reviews_per_application": "3",
        "questions": "What do you want to learn?\n\nWho takes part?\n",
        "publish": "on",
        **rows("criteria", criteria, extra=1),
        **rows("windows", windows, extra=1),
    }
    data.update(overrides)
    return data


def snapshot():
    return (
        Call.objects.count(),
        Cohort.objects.count(),
        Question.objects.count(),
        Criterion.objects.count(),
        ExchangeWindow.objects.count(),
        AuditEntry.objects.count(),
    )


def test_calls_list_links_to_the_new_call_page_for_coordinators_only(
    client, coordinator_client, member_client
):
    url = reverse("calls:new")
    assert f'href="{url}"' in coordinator_client.get(reverse("calls:list")).content.decode()
    assert f'href="{url}"' not in member_client.get(reverse("calls:list")).content.decode()
    assert f'href="{url}"' not in client.get(reverse("calls:list")).content.decode()
    assert coordinator_client.get(url).status_code == 200


def test_coordinator_opens_a_call_with_its_form_criteria_and_windows(coordinator_client, programme):
    response = coordinator_client.post(reverse("calls:new"), form_data(programme))
    call = Call.objects.get()
    assert (
        response.status_code == 302
        and response.url == call.get_absolute_url() == "/calls/twinning-2031-2031/"
    )
    assert (call.title, call.title_zh, call.description, call.status, call.cohort.year) == (
        "Twinning 2031",
        "结对 2031",
        "Exchanges between NGOs.",
        CallStatus.OPEN,
        2031,
    )
    assert (call.opens_on, call.decision_on) == (
        datetime.date(2031, 1, 10),
        datetime.date(2031, 5, 1),
    )
    # 17:00 in Brussels (CET, UTC+1) is 16:00 UTC.
    assert call.time_zone == "Europe/Brussels"
    assert call.deadline == datetime.datetime(2031, 3, 1, 16, 0, tzinfo=datetime.UTC)
    assert (call.side_a_areas, call.side_b_areas, call.organisation_types) == (
        ["europe", "CH"],
        ["china"],
        ["ngo", "foundation"],
    )
    assert (
        call.min_years_registered,
        call.requires_permanent_staff,
        call.same_country_is_conflict,
        call.reviews_per_application,
    ) == (2, True, False, 3)
    assert list(call.questions.values_list("position", "text", "is_required")) == [
        (0, "What do you want to learn?", True),
        (1, "Who takes part?", True),
    ]
    assert list(call.criteria.values_list("position", "name", "weight", "max_score")) == [
        (0, "Relevance", 2, 5),
        (1, "Capacity", 1, 5),
        (2, "Fit", 3, 5),
    ]
    assert list(call.windows.values_list("direction", "starts_on", "ends_on")) == [
        ("a_to_b", datetime.date(2031, 8, 1), datetime.date(2031, 9, 30)),
        ("b_to_a", datetime.date(2031, 10, 8), datetime.date(2031, 12, 9)),
    ]


def test_a_call_kept_as_draft_is_not_published(coordinator_client, client, programme):
    data = form_data(programme)
    del data["publish"]
    coordinator_client.post(reverse("calls:new"), data)
    call = Call.objects.get()
    assert call.status == CallStatus.DRAFT
    assert client.get(call.get_absolute_url()).status_code == 404


def test_bad_lines_are_explained_on_the_form_and_nothing_is_created(coordinator_client, programme):
    data = form_data(
        programme,
        side_a_areas="europe, XX, atlantis",
        side_b_areas="",
        criteria=[
            {"name": "Relevance", "weight": "two", "max_score": "5"},
            {"name": "Fit", "weight": "0", "max_score": "5"},
        ],
        windows=[
            {"direction": "mars-venus", "starts_on": "2031-08-01", "ends_on": "2031-09-30"},
            {"direction": "b_to_a", "starts_on": "2031-10-08", "ends_on": ""},
        ],
        questions="Why?\n" + "x" * 501,
    )
    response = coordinator_client.post(reverse("calls:new"), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    criteria = response.context["criteria"].errors
    windows = response.context["windows"].errors
    assert errors["side_a_areas"] == [
        "Not a country code or region: XX, atlantis. Use ISO codes such as FR, or europe, china, asia, americas, africa, other."
    ]
    assert errors["side_b_areas"] == ["This field is required."]
    assert criteria[0] == {"weight": ["Enter a whole number."]}
    assert criteria[1] == {"weight": ["Ensure this value is greater than or equal to 1."]}
    assert windows[0] == {
        "direction": ["Select a valid choice. mars-venus is not one of the available choices."]
    }
    assert windows[1] == {"ends_on": ["This field is required."]}
    assert errors["questions"] == ["Question 2 is longer than 500 characters."]
    assert snapshot() == (0, 0, 0, 0, 0, 0)


def test_the_form_has_no_line_syntax_and_shows_the_time_zone_beside_the_deadline(
    coordinator_client, programme
):
    body = coordinator_client.get(reverse("calls:new")).content.decode()
    assert "name | weight" not in body and "a_to_b 2026" not in body
    assert 'name="criteria-0-weight"' in body and 'name="windows-0-starts_on"' in body
    assert '<option value="a_to_b">Side A visits side B</option>' in body
    row = body.split('<div class="field-row">')[1].split("</div>")[0]
    assert 'name="deadline"' in row and 'name="time_zone"' in row
    assert '<option value="Europe/Brussels" selected translate="no">Europe/Brussels</option>' in row


def test_the_actions_refusal_is_shown_on_the_form_and_nothing_is_created(
    coordinator_client, programme
):
    data = form_data(
        programme,
        deadline="2030-12-31T12:00",
        windows=[{"direction": "a_to_b", "starts_on": "2031-09-30", "ends_on": "2031-08-01"}],
    )
    response = coordinator_client.post(reverse("calls:new"), data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "The dates must follow each other: opening, deadline, decision.",
        "An exchange window cannot end before it starts.",
    ]
    assert (
        "The dates must follow each other: opening, deadline, decision."
        in response.content.decode()
    )
    assert snapshot() == (0, 0, 0, 0, 0, 0)


def test_only_coordinators_open_calls(client, member_client, programme):
    for visitor in (client, member_client):
        assert visitor.get(reverse("calls:new")).status_code == 403
        assert visitor.post(reverse("calls:new"), form_data(programme)).status_code == 403
    assert snapshot() == (0, 0, 0, 0, 0, 0)


def test_coordinator_extends_the_deadline_and_the_audit_log_records_it(
    coordinator, coordinator_client, call
):
    old_deadline = call.deadline
    url = reverse("calls:reschedule", args=[call.slug])
    assert f'href="{url}"' in coordinator_client.get(call.get_absolute_url()).content.decode()
    # Typed as the wall-clock time of the call's own time zone.
    new_deadline = in_zone(call.deadline + datetime.timedelta(days=7), call.time_zone).replace(
        second=0, microsecond=0
    )
    decision_on = call.decision_on + datetime.timedelta(days=7)
    response = coordinator_client.post(
        url,
        {
            "deadline": new_deadline.strftime("%Y-%m-%dT%H:%M"),
            "decision_on": decision_on.isoformat(),
        },
    )
    call.refresh_from_db()
    assert response.url == call.get_absolute_url()
    assert (call.deadline, call.decision_on) == (new_deadline, decision_on)
    entry = AuditEntry.objects.get(verb="updated")
    assert (entry.actor, entry.verb, entry.changes) == (
        coordinator,
        "updated",
        {"deadline": [old_deadline.isoformat(), new_deadline.isoformat()]},
    )


def test_rescheduling_out_of_order_is_refused_on_the_form(coordinator_client, call):
    before = (call.deadline, call.decision_on)
    too_early = call.opens_on - datetime.timedelta(days=1)
    response = coordinator_client.post(
        reverse("calls:reschedule", args=[call.slug]),
        {"deadline": f"{too_early.isoformat()}T12:00", "decision_on": call.decision_on.isoformat()},
    )
    assert response.context["form"].non_field_errors() == [
        "The dates must follow each other: opening, deadline, decision."
    ]
    call.refresh_from_db()
    assert (call.deadline, call.decision_on) == before
    assert list(AuditEntry.objects.values_list("verb", flat=True)) == ["created"]


def test_only_coordinators_reschedule(client, member_client, call):
    before = (call.deadline, call.decision_on)
    url = reverse("calls:reschedule", args=[call.slug])
    for visitor in (client, member_client):
        assert visitor.get(url).status_code == 403
        assert (
            visitor.post(
                url, {"deadline": "2040-01-01T12:00", "decision_on": "2040-02-01"}
            ).status_code
            == 403
        )
    call.refresh_from_db()
    assert (call.deadline, call.decision_on) == before
    assert list(AuditEntry.objects.values_list("verb", flat=True)) == ["created"]
