"""Pages that are the same for every anonymous visitor, cached until the data behind them changes.

Every committed change to a model outside `VOLATILE_MODELS` bumps one counter in the database
(`CacheGeneration`); a cached page carries the counter it was built at and is served only while
the counter is unchanged, so every web process (and every machine) drops it at the same moment.
Signed-in users, non-GET requests and pending messages always get a fresh page. The CSRF token
in a cached page is replaced by the visitor's own.
"""

from __future__ import annotations

import logging
import re
import threading
import zlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Model
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation

logger = logging.getLogger(__name__)
PUBLIC = "public"
PLACEHOLDER = "@@twinning-csrf-token@@"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{32,64})"')
# Rows that change all the time and are shown on no cached page.
VOLATILE_MODELS = {
    "common.job",
    "common.workerprocess",
    "common.cachegeneration",
    "sessions.session",
    "django_tasks_db.dbtaskresult",
    "library.searchchunk",
    "library.pendingindex",
    "calls.answer",
    "calls.auditentry",
    "calls.reminder",
    "admin.logentry",
}


def current_generation() -> int:
    """The counter, read on every cached answer: one plain query (the ORM's took longer than the page)."""
    from twinning.common.models import CacheGeneration

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT value FROM {connection.ops.quote_name(CacheGeneration._meta.db_table)} "
            "WHERE name = %s",
            [PUBLIC],
        )
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def bump_generation() -> None:
    from twinning.common.models import CacheGeneration

    try:
        if not CacheGeneration.objects.filter(pk=PUBLIC).update(value=F("value") + 1):
            CacheGeneration.objects.get_or_create(pk=PUBLIC, defaults={"value": 1})
    except DatabaseError:  # during `migrate`, before the table exists: nothing is cached yet
        logger.debug("cache generation not bumped", exc_info=True)


def _bump_after_commit() -> None:
    pending = getattr(connection, "run_on_commit", None) or []
    if any(entry[1] is bump_generation for entry in pending):
        return  # once per transaction
    transaction.on_commit(bump_generation)


def data_changed(sender: type[Model], **kwargs: Any) -> None:
    """Signal receiver (saves, deletes, many-to-many changes) of every model."""
    if sender._meta.label_lower in VOLATILE_MODELS:
        return
    _bump_after_commit()


def _cacheable(request: HttpRequest) -> bool:
    return (
        settings.TWINNING_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and "messages" not in request.COOKIES
    )


# Concurrent misses of one page wait for the one render instead of all rendering it (a
# stampede after every edit, with hundreds of visitors); striped, so the locks stay few.
_RENDERING = [threading.Lock() for _ in range(64)]


def _answer(request: HttpRequest, stored: tuple[int, str, str]) -> HttpResponse:
    _, content, content_type = stored
    if PLACEHOLDER in content:  # a page with a form: the visitor's own token
        content = content.replace(PLACEHOLDER, get_token(request))
    return HttpResponse(content, content_type=content_type)


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve the view's 200 answer to anonymous visitors from the cache while the data is unchanged."""

    @wraps(view)
    def cached_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = "page:{}:{}:{}:{}".format(
            translation.get_language(),
            "htmx" if request.headers.get("HX-Request") else "page",
            view.__module__ + "." + view.__name__,
            request.get_full_path(),
        )
        generation = current_generation()
        stored = cache.get(key)
        if stored is not None and stored[0] == generation:
            return _answer(request, stored)
        with _RENDERING[zlib.crc32(key.encode()) % len(_RENDERING)]:
            stored = cache.get(key)
            if stored is not None and stored[0] == generation:
                return _answer(request, stored)  # rendered by another thread meanwhile
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming and not response.cookies:
                content = response.content.decode(response.charset)
                for token in set(TOKEN.findall(content)):
                    content = content.replace(token, PLACEHOLDER)
                cache.set(
                    key,
                    (generation, content, response["Content-Type"]),
                    settings.TWINNING_PAGE_CACHE_SECONDS,
                )
        return response

    return cached_view
