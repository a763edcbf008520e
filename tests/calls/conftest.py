import pytest

from tests.calls.factories import chinese, european, make_call, staff_of


@pytest.fixture(autouse=True)
def topics(db):
    from twinning.directory.actions import sync_topics

    sync_topics()


@pytest.fixture
def call(db):
    return make_call()


@pytest.fixture
def europe_org(db):
    return european(name="Zero Waste Lyon", topics=["waste"])


@pytest.fixture
def china_org(db):
    return chinese(name="Chengdu Green Home", topics=["waste", "water"])


@pytest.fixture
def europe_staff(europe_org):
    return staff_of(europe_org, "lea", email="lea@example.org")


@pytest.fixture
def china_staff(china_org):
    return staff_of(china_org, "wei", email="wei@example.org")


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
