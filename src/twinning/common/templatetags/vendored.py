"""`{% vendored_static "file" %}`: the URL of a front-end library copied in at build time, or "".

The libraries come from npm into `static/twinning/vendor/<package>/` by `make vendor`
(scripts/vendor_static.py); on a tree where that step
has not run, pages leave the tag out and work without JavaScript instead of asking for a 404.
"""

from __future__ import annotations

from functools import cache

from django import template
from django.contrib.staticfiles import finders
from django.templatetags.static import static

register = template.Library()


@cache
def _is_present(path: str) -> bool:
    return bool(finders.find(path))


@register.simple_tag
def vendored_static(name: str) -> str:
    path = f"twinning/vendor/{name}"
    return static(path) if _is_present(path) else ""
