"""State changes of accounts."""

from __future__ import annotations

from django.db import transaction

from twinning.accounts.models import User
from twinning.audit.enums import Verb
from twinning.audit.log import record
from twinning.common.text import unique_slug


class AccountError(ValueError):
    """A request that cannot be carried out, with a message for the user."""


@transaction.atomic
def create_coordinator(*, username: str, email: str, password: str) -> User:
    """Create a staff account that coordinates programmes and may use the admin."""
    if User.objects.filter(username=username).exists():
        raise AccountError(f"An account named {username!r} already exists.")
    if User.objects.filter(email__iexact=email).exists():
        raise AccountError(f"An account with e-mail {email!r} already exists.")
    user = User.objects.create_user(
        username=username, email=email, password=password, is_staff=True, is_superuser=True
    )
    record(
        actor=None,
        verb=Verb.GRANTED,
        record=user,
        changes={"is_staff": [None, True], "is_superuser": [None, True]},
    )
    return user


@transaction.atomic
def sign_up(*, email: str, password: str, display_name: str = "", language: str = "en") -> User:
    """An inactive account that becomes active when its e-mail address is confirmed."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise AccountError(f"An account with e-mail {email!r} already exists.")
    username = unique_slug(User, email.split("@")[0], max_length=140, field="username")
    user = User.objects.create_user(
        username=username,
        email=email,
        password=password,
        display_name=display_name,
        language=language,
        is_active=False,
    )
    record(
        actor=None,
        verb=Verb.SIGNED_UP,
        record=user,
        changes={"username": [None, username], "language": [None, language]},
    )
    return user


@transaction.atomic
def confirm_email(*, user: User) -> User:
    """Activate the account whose e-mail address was just confirmed (idempotent)."""
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
        record(actor=user, verb=Verb.CONFIRMED, record=user, changes={"is_active": [False, True]})
    return user
