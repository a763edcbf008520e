import pytest
from django.db import transaction

from twinning.demo.load import load_demo


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
