"""Small text helpers with no domain knowledge."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from django.db.models import Model
from django.utils.text import slugify


def unique_slug(
    model: type[Model], text: str, *, max_length: int = 100, field: str = "slug"
) -> str:
    """An ASCII slug for `text` not yet used by `model`; Chinese-only text gets a stable hash."""
    base = slugify(text)[:max_length].strip("-")
    if not base:
        base = "x-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    slug, counter = base, 2
    while model._default_manager.filter(**{field: slug}).exists():
        slug = f"{base[: max_length - 6]}-{counter}"
        counter += 1
    return slug


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free text for comparisons and search keys."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^\w]+", " ", stripped.casefold()).strip()
