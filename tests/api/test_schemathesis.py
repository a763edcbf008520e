"""The API against its own OpenAPI schema (schemathesis, in-process over WSGI), anonymous and
signed in as each role: no server error, every status documented, every body as documented.

A bounded number of generated requests per operation and role keeps it under a minute; a small
data set gives every role something of its own to see.
"""

from __future__ import annotations

import secrets
from collections import Counter

import pytest
import schemathesis
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.calls.factories import chinese, european, make_call, reviewer_for, staff_of, submitted
from tests.factories import DocumentFactory, EventFactory, PairFactory, UserFactory
from twinning.accounts.models import User
from twinning.calls.actions.reviews import assign_reviewer
from twinning.directory.actions import sync_topics

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# The demo's accounts: a signed-in visitor has no role at all.
ROLES = {
    "anonymous": None,
    "visitor": "visitor",
    "applicant": "applicant",
    "reviewer": "reviewer-1",
    "coordinator": "coordinator",
}
EXAMPLES = {"anonymous": 4, "visitor": 2, "applicant": 2, "reviewer": 2, "coordinator": 3}


def browser_state(username: str | None) -> tuple[dict[str, str], dict[str, str]]:
    """The cookies of a signed-in browser (session and CSRF), and the CSRF header writes need."""
    token = secrets.token_hex(16)
    cookies = {settings.CSRF_COOKIE_NAME: token}
    if username is not None:
        user = User.objects.get(username=username)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return {"X-CSRFToken": token}, cookies


def some_of_everything() -> None:
    """A call with a submitted application under review, a pair, an event, a document, and an
    account for each role (the demo data set would take most of the minute to load)."""
    sync_topics()
    coordinator = UserFactory(username="coordinator", is_staff=True)
    UserFactory(username="visitor")
    call = make_call()
    lyon = european(name="Zero Waste Lyon", topics=["waste"])
    chengdu = chinese(name="Chengdu Green Home", topics=["waste"])
    application = submitted(call, lyon, staff_of(lyon, "applicant"))
    assign_reviewer(
        application=application, reviewer=reviewer_for(call, "reviewer-1"), actor=coordinator
    )
    PairFactory(organisation_a=lyon, organisation_b=chengdu)
    EventFactory()
    DocumentFactory()


def run_operation(
    operation, state: tuple[dict[str, str], dict[str, str]], examples: int, statuses: Counter
) -> str | None:
    """Generated requests to one operation, valid ones and (where it takes input) invalid ones;
    the first failure in one paragraph, or None. Counts the answers' statuses."""
    strategy = operation.as_strategy(GenerationMode.POSITIVE)
    definition = operation.definition.raw
    if definition.get("parameters") or definition.get("requestBody"):
        strategy = strategy | operation.as_strategy(GenerationMode.NEGATIVE)

    @given(case=strategy)
    @hypothesis_settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def exercise(case) -> None:
        headers, cookies = state
        response = case.call_and_validate(headers=headers, cookies=cookies, checks=CHECKS)
        statuses[(operation.method.upper(), operation.path, response.status_code)] += 1

    try:
        exercise()
    except (Exception, BaseExceptionGroup) as failure:  # schemathesis groups what it found
        return f"{operation.method.upper()} {operation.path}: {str(failure).strip()[:1500]}"
    return None


@pytest.fixture
def connection_kept():
    """Requests go straight to the WSGI handler here, not through Django's test client, which
    is what normally keeps a request's end from closing the test's database connection (on
    PostgreSQL a closed connection ends the test's transaction); do as the test client does."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_the_api_keeps_to_its_schema_for_every_role(settings, connection_kept):
    some_of_everything()
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())

    failures = []
    statuses: dict[str, Counter] = {}
    for role, username in ROLES.items():
        state = browser_state(username)
        statuses[role] = Counter()
        for result in schema.get_all_operations():
            operation = result.ok()
            failure = run_operation(operation, state, EXAMPLES[role], statuses[role])
            if failure:
                failures.append(f"[{role}] {failure}")

    assert failures == [], "\n\n".join(failures)
    # The requests did reach the API as each role: signed-in roles read their own data,
    # the anonymous one is told to sign in; valid and invalid input both arrived.
    assert statuses["anonymous"][("GET", "/api/me/data", 401)] >= 1
    for role in ("visitor", "applicant", "reviewer", "coordinator"):
        assert statuses[role][("GET", "/api/me/data", 200)] >= 1, role
    every = sum(statuses.values(), Counter())
    answered = Counter()
    for (_method, _path, status), count in every.items():
        answered[status] += count
    assert answered[200] > 0 and answered[422] > 0 and answered[404] > 0, answered
    assert 500 not in answered
