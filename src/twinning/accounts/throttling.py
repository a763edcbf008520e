"""Abuse limits: sign-in lockout (django-axes) and caps on the e-mails anyone can trigger (django-ratelimit).

ADR 0005. Five wrong passwords for one account from one address lock that pair out for
15 minutes; sign-up and password-reset e-mails are capped per address and per client.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

MAILS_PER_ADDRESS = "3/h"
MAILS_PER_CLIENT = "10/h"


class LockoutBackend(AxesStandaloneBackend):
    """Axes' lockout check for sign-ins from a request; code that authenticates without one is not a visitor."""

    def authenticate(self, request: HttpRequest | None, *args: Any, **kwargs: Any) -> None:
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)


def locked_out(
    request: HttpRequest, credentials: dict[str, Any] | None = None, *args: Any
) -> HttpResponse:
    """The page a locked-out sign-in gets (429), in the visitor's language."""
    return render(
        request,
        "accounts/locked_out.html",
        {
            "message": _(
                "Too many wrong passwords for this account from your address. "
                "Wait 15 minutes and try again, or reset your password."
            )
        },
        status=429,
    )


def limit_mails(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """POSTs that send an e-mail: at most 3 an hour per e-mail address and 10 per client."""

    @wraps(view)
    def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method == "POST":
            address = str(request.POST.get("email", "")).strip().lower()
            too_many = is_ratelimited(
                request, group="mails-client", key="ip", rate=MAILS_PER_CLIENT, increment=True
            )
            if address:
                too_many = (
                    is_ratelimited(
                        request,
                        group="mails-address",
                        key=lambda group, request: address,
                        rate=MAILS_PER_ADDRESS,
                        increment=True,
                    )
                    or too_many
                )
            if too_many:
                return render(
                    request,
                    "accounts/locked_out.html",
                    {
                        "message": _(
                            "Too many e-mails were asked for from here or for this address. "
                            "Wait an hour and try again."
                        )
                    },
                    status=429,
                )
        return view(request, *args, **kwargs)

    return limited
