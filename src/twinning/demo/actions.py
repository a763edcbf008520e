"""Writes the demo loader needs that the library actions do not offer yet.

`describe_document` belongs in `twinning.library.actions`; it lives here until that app adopts it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from twinning.directory.actions import topics_by_slug
from twinning.directory.models import Organisation, Person
from twinning.library.models import Document


@transaction.atomic
def describe_document(
    *,
    document: Document,
    organisations: Iterable[Organisation] = (),
    people: Iterable[Person] = (),
    topics: Iterable[str] = (),
) -> Document:
    """Say which organisations, people and topics a document is about (replaces earlier links)."""
    document.organisations.set(list(organisations))
    document.people.set(list(people))
    document.topics.set(topics_by_slug(topics))
    return document
