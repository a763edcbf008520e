"""Request types for views, so the type checker knows what middleware and decorators guarantee."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

if TYPE_CHECKING:
    from twinning.accounts.models import User


class HtmxHttpRequest(HttpRequest):
    """Any request: django-htmx's middleware (see settings.MIDDLEWARE) sets `htmx` on each one."""

    htmx: HtmxDetails


class AuthenticatedHttpRequest(HtmxHttpRequest):
    """A request to a `login_required` view, so the user is signed in."""

    user: User
