"""Shared fixtures: the database engine in use, users of every role, and query counting."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client


@pytest.fixture
def database_vendor() -> str:
    return connection.vendor


@pytest.fixture
def coordinator(django_user_model):
    return django_user_model.objects.create_user(username="coord", email="coord@example.org", password="pw-coord-123", is_staff=True)


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user(username="member", email="member@example.org", password="pw-member-123")


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
def english_by_default():
    """A request in Chinese must not leave the next test's `reverse()` in Chinese."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()
