"""The token in the sign-up confirmation link, apart from the password-reset token."""

from __future__ import annotations

from django.contrib.auth.tokens import PasswordResetTokenGenerator

from twinning.accounts.models import User


class EmailConfirmationTokenGenerator(PasswordResetTokenGenerator):
    """Its own salt, so a password-reset link never confirms an account nor the reverse;
    the account's active flag is in the hash, so a link stops working once it has been used."""

    key_salt = "twinning.accounts.tokens.EmailConfirmationTokenGenerator"

    def _make_hash_value(self, user: User, timestamp: int) -> str:
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"


email_confirmation_token = EmailConfirmationTokenGenerator()
