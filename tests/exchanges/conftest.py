"""A selected pair of a cohort whose call sets the 2030 windows, with staff on both sides."""

import datetime

import pytest

from tests.calls.factories import chinese, european, make_call, staff_of
from tests.factories import UserFactory
from twinning.exchanges import actions
from twinning.programmes.actions import form_pair

# make_call: Europe→China 1 Aug–30 Sep 2030, China→Europe 8 Oct–9 Dec 2030.
INSIDE_A_TO_B = (datetime.date(2030, 8, 5), datetime.date(2030, 9, 10))


@pytest.fixture(autouse=True)
def topics(db):
    from twinning.directory.actions import sync_topics

    sync_topics()


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def call(db):
    return make_call()


@pytest.fixture
def europe_org(db):
    return european(name="Zero Waste Lyon", name_zh="里昂零废弃", topics=["waste"])


@pytest.fixture
def china_org(db):
    return chinese(name="Chengdu Green Home", name_zh="成都绿色家园", topics=["waste"])


@pytest.fixture
def pair(call, europe_org, china_org):
    return form_pair(
        cohort=call.cohort, organisation_a=europe_org, organisation_b=china_org, topics=["waste"]
    )


@pytest.fixture
def fellow(europe_org):
    return staff_of(europe_org, "lea", email="lea@example.org", display_name="Léa Martin")


@pytest.fixture
def host_staff(china_org):
    return staff_of(china_org, "wei", email="wei@example.org", language="zh-hans")


@pytest.fixture
def outsider(db):
    return UserFactory(username="outsider", email="outsider@example.org")


def plan(pair, fellow, actor=None, dates=INSIDE_A_TO_B, **fields):
    return actions.plan_placement(
        pair=pair,
        fellow=fellow,
        home=pair.organisation_a,
        planned_start=dates[0],
        planned_end=dates[1],
        host_contact_name=fields.pop("host_contact_name", "Wang Fang"),
        host_contact_role=fields.pop("host_contact_role", "Programme director"),
        host_contact_email=fields.pop("host_contact_email", "fang@example.org"),
        work_plan=fields.pop("work_plan", "Compost pilots in two neighbourhoods."),
        actor=actor or fellow,
        **fields,
    )


@pytest.fixture
def placement(pair, fellow):
    return plan(pair, fellow)
