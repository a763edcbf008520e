"""Which side of a programme an organisation stands on, read from its region."""

from __future__ import annotations

from twinning.directory.enums import Region
from twinning.directory.models import Organisation


def side_of(organisation: Organisation) -> str:
    """Programmes pair Chinese organisations (side B) with the rest (side A)."""
    return "B" if organisation.region == Region.CHINA else "A"
