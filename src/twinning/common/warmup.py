"""Warm a fresh web process before it takes visitors: import the views, compile the templates,
encode the API schema and fill the page cache for the pages everyone opens first (ADR 0023).

A cold process spent about 8 s on its first requests (the URL configuration and every view
module imported on the first one, templates compiled, the OpenAPI schema built); the visitors
whose connections it had accepted waited for all of it.
"""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings

logger = logging.getLogger(__name__)

# Anonymous pages in both languages, the API schema and docs, and an error page.
PATHS = (
    "/",
    "/zh-hans/",
    "/organisations/",
    "/zh-hans/organisations/",
    "/programmes/",
    "/library/",
    "/accounts/login/",
    "/api/openapi.json",
    "/api/docs",
    "/api/organisations?limit=20",
    "/no-such-page/",
)


def _host() -> str:
    return next(
        (host for host in settings.ALLOWED_HOSTS if host and "*" not in host and host[0] != "."),
        "localhost",
    )


def _environ(path: str, host: str) -> dict[str, Any]:
    path_info, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": host,
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "HTTP_ACCEPT": "text/html",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def _get(application: Callable[..., Iterable[bytes]], path: str, host: str) -> str:
    answer: list[str] = []

    def start_response(status: str, headers: list[Any], exc_info: Any = None) -> None:
        answer.append(status)

    body = application(_environ(path, host), start_response)
    try:
        for _chunk in body:
            pass
    finally:
        close = getattr(body, "close", None)
        if close is not None:
            close()
    return answer[0] if answer else "no answer"


def warm_up(
    application: Callable[..., Iterable[bytes]], paths: Iterable[str] = PATHS
) -> dict[str, str]:
    """Send each path through the WSGI application once; returns each path's status line.

    A page that fails is logged and skipped: warming never stops a server from starting.
    """
    from django.db import connections

    host, statuses = _host(), {}
    started = time.monotonic()
    for path in paths:
        try:
            statuses[path] = _get(application, path, host)
        except Exception:  # a broken page must not keep the server from starting
            logger.warning("warming %s failed", path, exc_info=True)
            statuses[path] = "failed"
    connections.close_all()  # this thread serves no request; the request threads open their own
    logger.debug("web process warmed in %.1f s: %s", time.monotonic() - started, statuses)
    return statuses
