"""State changes of accounts."""

from __future__ import annotations

from django.db import transaction

from twinning.accounts.models import User


class AccountError(ValueError):
    """A request that cannot be carried out, with a message for the user."""


@transaction.atomic
def create_coordinator(*, username: str, email: str, password: str) -> User:
    """Create a staff account that coordinates programmes and may use the admin."""
    if User.objects.filter(username=username).exists():
        raise AccountError(f"An account named {username!r} already exists.")
    if User.objects.filter(email__iexact=email).exists():
        raise AccountError(f"An account with e-mail {email!r} already exists.")
    return User.objects.create_user(username=username, email=email, password=password, is_staff=True, is_superuser=True)
