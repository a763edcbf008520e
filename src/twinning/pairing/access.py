"""Who may pair: the one permission predicate of the pairing app, for pages, API and actions."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from twinning.directory.access import is_coordinator, speaks_for
from twinning.directory.models import Organisation


def may_pair(actor: Any) -> bool:
    """Coordinators pair cohorts; `None` is the system itself (demo data, the CLI, migrations)."""
    return actor is None or is_coordinator(actor)


def require_pairing(actor: Any) -> None:
    """Raise PermissionDenied unless `actor` may change a cohort's pool, constraints or runs."""
    if not may_pair(actor):
        raise PermissionDenied("Only coordinators can pair a cohort.")


def may_see_suggestions(user: Any, organisation: Organisation) -> bool:
    """Suggested partners are shown to coordinators and the organisation's own staff."""
    return speaks_for(user, organisation)
