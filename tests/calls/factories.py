"""Builders for the calls tests: a call opened through the action, and staff of organisations."""

from __future__ import annotations

import datetime

from django.utils import timezone

from tests.factories import OrganisationFactory, ProgrammeFactory, UserFactory
from twinning.calls.actions import add_committee_member, open_call
from twinning.calls.enums import Direction
from twinning.calls.models import Call
from twinning.directory.models import StaffMembership


def make_call(*, days_left: int = 20, **overrides) -> Call:
    """An open call: Europe vs China, two questions, two weighted criteria, two exchange windows."""
    today = timezone.localdate()
    spec = {
        "programme": overrides.pop("programme", None)
        or ProgrammeFactory(name="EU–China NGO Twinning Programme"),
        "title": "Twinning call",
        "opens_on": today - datetime.timedelta(days=30),
        "deadline": timezone.now() + datetime.timedelta(days=days_left),
        "decision_on": today + datetime.timedelta(days=days_left + 30),
        "side_a_areas": ["europe"],
        "side_b_areas": ["china"],
        "questions": [
            "What do you want to learn?",
            {"text": "Anything else?", "is_required": False},
        ],
        "criteria": [("Relevance", 2), ("Capacity", 1)],
        "windows": [
            (Direction.A_TO_B, datetime.date(2030, 8, 1), datetime.date(2030, 9, 30)),
            (Direction.B_TO_A, datetime.date(2030, 10, 8), datetime.date(2030, 12, 9)),
        ],
        "organisation_types": ["ngo"],
        "min_years_registered": 2,
    }
    spec.update(overrides)
    if days_left < 0:
        # open_call checks the date order, so a past deadline is set after opening.
        deadline = spec["deadline"]
        spec["deadline"] = timezone.now() + datetime.timedelta(days=1)
        spec["opens_on"] = min(spec["opens_on"], spec["deadline"].date())
        call = open_call(**spec)
        Call.objects.filter(pk=call.pk).update(deadline=deadline)
        call.refresh_from_db()
        return call
    return open_call(**spec)


def staff_of(organisation, username: str | None = None, **user_fields):
    """A user who is approved staff of `organisation`."""
    user = UserFactory(**({"username": username} if username else {}), **user_fields)
    StaffMembership.objects.create(user=user, organisation=organisation, is_approved=True)
    return user


def european(**fields):
    return OrganisationFactory(**{"country": "FR", "city": "Lyon", "founded": 2005, **fields})


def chinese(**fields):
    return OrganisationFactory(**{"country": "CN", "city": "Chengdu", "founded": 2008, **fields})


def reviewer_for(call, username: str, country: str = ""):
    user = UserFactory(username=username)
    add_committee_member(call=call, user=user, country=country)
    return user


def submitted(call, organisation, user, **kwargs):
    """A submitted single (or tandem, with `partner` and `partner_user`) application."""
    from twinning.calls.actions import (
        confirm_tandem,
        save_application,
        start_application,
        submit_application,
    )

    partner_user = kwargs.pop("partner_user", None)
    application = start_application(call=call, organisation=organisation, actor=user, **kwargs)
    answers = {question.key: "Composting in schools" for question in call.questions.all()}
    save_application(application=application, actor=user, answers=answers, staff_is_permanent=True)
    if partner_user is not None:
        confirm_tandem(application=application, actor=partner_user)
    return submit_application(application=application, actor=user)
