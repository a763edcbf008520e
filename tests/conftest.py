"""Shared fixtures: the database engine in use, users of every role, and query counting."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test import Client

from tests.factories import CohortFactory, OrganisationFactory
from twinning.demo.load import load_demo
from twinning.pairing.actions import add_to_pool


def pytest_configure(config: pytest.Config) -> None:
    """Tests hash new passwords with a fast hasher (the demo alone creates a dozen accounts);
    the real hashers stay listed, so hashes made by a CLI subprocess still verify."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        *[name for name in settings.PASSWORD_HASHERS if not name.endswith("MD5PasswordHasher")],
    ]
    # Never the developer's own embedded search index; tests/library/test_embedded_index.py builds its own.
    settings.TWINNING_SEARCH_INDEX_DIR = Path(tempfile.mkdtemp(prefix="twinning-test-index-"))


@pytest.fixture
def database_vendor() -> str:
    return connection.vendor


@pytest.fixture
def coordinator(django_user_model):
    return django_user_model.objects.create_user(
        username="coord", email="coord@example.org", password="pw-coord-123", is_staff=True
    )


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user(
        username="member", email="member@example.org", password="pw-member-123"
    )


@pytest.fixture
def coordinator_client(coordinator):
    """A separate browser session signed in as a coordinator (the `client` fixture stays anonymous)."""
    client = Client()
    client.force_login(coordinator)
    return client


@pytest.fixture
def member_client(member):
    client = Client()
    client.force_login(member)
    return client


@pytest.fixture(autouse=True)
def run_tasks_immediately(settings):
    """Background tasks run inline in tests; the database queue is tested on its own."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def cheap_matching_embedder(settings):
    """Matching in tests uses the deterministic hashing embedder; the real model is tested in tests/matching."""
    settings.TWINNING_MATCHING_EMBEDDER = "hashing"


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Tests run inside a transaction that never commits, so cached pages would never expire."""
    settings.TWINNING_PAGE_CACHE_SECONDS = 0
    # Mail limits count in a cache on disk that outlives a test; tests/accounts/test_throttling.py turns them on.
    settings.RATELIMIT_ENABLE = False


@pytest.fixture(autouse=True)
def english_by_default():
    """A request in Chinese must not leave the next test's `reverse()` in Chinese."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def cohort(db):
    """A 2019 cohort whose pool has three European and three Chinese organisations, one per topic."""
    cohort = CohortFactory(year=2019)
    europe = [
        OrganisationFactory(
            name="Zero Waste Brussels",
            country="BE",
            topics=["waste"],
            description="Campaigns for zero waste cities and trains municipalities on waste sorting.",
        ),
        OrganisationFactory(
            name="Solar Schools Finland",
            country="FI",
            topics=["renewable-energy", "education"],
            description="Brings solar panels and energy lessons to schools.",
        ),
        OrganisationFactory(
            name="River Watch Slovenia",
            country="SI",
            topics=["water"],
            description="Monitors river pollution with volunteers.",
        ),
    ]
    china = [
        OrganisationFactory(
            name="Canton Recycling Hub",
            country="CN",
            topics=["waste"],
            description="Runs community waste classification and recycling pilots.",
        ),
        OrganisationFactory(
            name="Yunnan Lake Keepers",
            country="CN",
            topics=["water"],
            description="Protects lakes and trains villagers to test water quality.",
        ),
        OrganisationFactory(
            name="Chongqing Clean Power",
            country="CN",
            topics=["renewable-energy"],
            description="Promotes rooftop solar and renewable energy in schools.",
        ),
    ]
    for organisation in [*europe, *china]:
        add_to_pool(cohort=cohort, organisation=organisation, actor=None)
    return cohort


from tests.installation import demo_backup, demo_installation  # noqa: E402,F401 - shared fixtures


@pytest.fixture(scope="module")
def demo_database(django_db_setup, django_db_blocker):
    """Load the demo once per module inside an outer transaction that is rolled back at the end;
    each test's own transaction nests in it as a savepoint, so tests still cannot see each other's writes."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            counts = load_demo()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield counts
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def demo_counts(demo_database, db):
    """The demo data set, loaded; the loader's counts."""
    return demo_database
