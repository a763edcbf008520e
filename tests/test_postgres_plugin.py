import pytest
from django.db import connection


@pytest.mark.django_db
def test_the_suite_runs_on_the_engine_it_was_asked_for():
    import os

    expected = (
        "postgresql"
        if os.environ.get("TWINNING_DATABASE_URL", "").startswith("postgres")
        else "sqlite"
    )
    assert connection.vendor == expected
