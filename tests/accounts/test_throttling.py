"""Sign-in lockout after repeated wrong passwords; caps on sign-up and password-reset e-mails."""

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.core.cache import caches
from django.urls import reverse

from tests.factories import UserFactory
from twinning.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def mail_limits(settings):
    settings.RATELIMIT_ENABLE = True
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    caches["ratelimit"].clear()
    yield
    caches["ratelimit"].clear()


def sign_in(client, password):
    return client.post(reverse("accounts:login"), {"username": "lea", "password": password})


def test_five_wrong_passwords_lock_the_account_for_this_client_with_a_clear_message(client):
    UserFactory(username="lea", password="a-long-password-1")
    for _ in range(4):
        assert sign_in(client, "wrong").status_code == 200  # the form again, with its error
    locked = sign_in(client, "wrong")
    assert locked.status_code == 429
    assert "Too many wrong passwords for this account" in locked.content.decode()
    refused = sign_in(client, "a-long-password-1")  # even the right password waits now
    assert (refused.status_code, "_auth_user_id" in client.session) == (429, False)
    assert AccessAttempt.objects.get().failures_since_start == 6  # the locked try counts too


def test_a_right_password_before_the_limit_resets_the_count(client):
    UserFactory(username="lea", password="a-long-password-1")
    for _ in range(3):
        sign_in(client, "wrong")
    assert sign_in(client, "a-long-password-1").status_code == 302
    assert AccessAttempt.objects.count() == 0


def test_password_reset_mails_are_capped_per_address(client, mail_limits):
    UserFactory(username="lea", email="lea@example.org")
    answers = [
        client.post(reverse("accounts:password_reset"), {"email": "lea@example.org"}).status_code
        for _ in range(4)
    ]
    assert answers == [302, 302, 302, 429]
    assert len(mail.outbox) == 3


def test_sign_up_mails_are_capped_per_client(client, mail_limits):
    answers = []
    for number in range(11):
        response = client.post(
            reverse("accounts:signup"),
            {
                "email": f"person{number}@example.org",
                "display_name": "Person",
                "password": "tandem-exchange-42",
                "language": "en",
            },
        )
        answers.append(response.status_code)
    assert answers == [200] * 10 + [429]
    assert "Too many e-mails were asked for" in response.content.decode()
    assert (User.objects.count(), len(mail.outbox)) == (10, 10)
