"""Marks a request's changes as coming through the API or the web pages."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from twinning.audit.channel import reset_channel, set_channel
from twinning.audit.enums import Channel


class AuditChannelMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        channel = Channel.API if request.path.startswith("/api/") else Channel.WEB
        token = set_channel(channel)
        try:
            return self.get_response(request)
        finally:
            reset_channel(token)
