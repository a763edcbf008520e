"""Who may do what with personal data: the one predicate of the privacy rules."""

from __future__ import annotations

from typing import Any

from twinning.directory.access import is_coordinator


class PrivacyRefused(Exception):
    """A privacy action that is not allowed or not possible; `str(error)` says why."""


def may_manage_personal_data(actor: Any) -> bool:
    """Coordinators (and the operator at the command line, `None`) erase, anonymise, apply
    retention and record consent."""
    return actor is None or is_coordinator(actor)


def may_read_personal_data(actor: Any, user: Any) -> bool:
    """Everyone reads their own data; coordinators anyone's."""
    if actor is not None and getattr(actor, "is_authenticated", False) and actor.pk == user.pk:
        return True
    return may_manage_personal_data(actor)
