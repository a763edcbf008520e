"""Personal calendar addresses: a secret token per user, renewed (which revokes the old) or removed."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from twinning.exchanges.actions.base import log
from twinning.exchanges.enums import ExchangeVerb
from twinning.exchanges.models import CalendarFeed


def _require_signed_in(user: Any) -> None:
    if not (user and user.is_authenticated and user.is_active):
        raise PermissionDenied("Sign in to have a personal calendar.")


@transaction.atomic
def renew_calendar_token(*, user: Any) -> CalendarFeed:
    """A new secret address for the user's calendar; the old address stops working at once."""
    _require_signed_in(user)
    feed, _created = CalendarFeed.objects.update_or_create(
        user=user, defaults={"token": secrets.token_urlsafe(32)}
    )
    log(pair=None, actor=user, verb=ExchangeVerb.TOKEN, subject=feed, changes={"renewed": True})
    return feed


@transaction.atomic
def revoke_calendar_token(*, user: Any) -> None:
    """No personal calendar address any more, until the user asks for a new one."""
    _require_signed_in(user)
    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is not None:
        log(pair=None, actor=user, verb=ExchangeVerb.TOKEN, subject=feed, changes={"revoked": True})
        feed.delete()
