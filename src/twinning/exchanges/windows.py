"""Where a placement may fall: the exchange windows of the calls of the pair's cohort."""

from __future__ import annotations

import datetime

from django.utils import formats
from django.utils.translation import gettext as _

from twinning.calls.enums import CallStatus, Direction, Side
from twinning.calls.models import Call, ExchangeWindow
from twinning.directory.models import Organisation
from twinning.programmes.models import Pair


def _calls(pair: Pair) -> list[Call]:
    return list(Call.objects.filter(cohort_id=pair.cohort_id).exclude(status=CallStatus.DRAFT))


def direction_of(pair: Pair, home: Organisation) -> str:
    """Side A visiting side B, or back: the home's side in the cohort's call, else its place in the pair."""
    for call in _calls(pair):
        side = call.side_of(home)
        if side is not None:
            return Direction.A_TO_B if side == Side.A else Direction.B_TO_A
    return Direction.A_TO_B if home.pk == pair.organisation_a_id else Direction.B_TO_A


def windows_for(pair: Pair, direction: str) -> list[ExchangeWindow]:
    return list(
        ExchangeWindow.objects.filter(call__cohort_id=pair.cohort_id, direction=direction)
        .exclude(call__status=CallStatus.DRAFT)
        .select_related("call")
        .order_by("starts_on")
    )


def cohort_has_windows(pair: Pair) -> bool:
    return (
        ExchangeWindow.objects.filter(call__cohort_id=pair.cohort_id)
        .exclude(call__status=CallStatus.DRAFT)
        .exists()
    )


def _day(date: datetime.date) -> str:
    return formats.date_format(date, "DATE_FORMAT")


def window_problems(
    pair: Pair, direction: str, start: datetime.date, end: datetime.date
) -> list[str]:
    """Why these dates do not fit the cohort's window for `direction` (empty when they fit).

    A cohort whose calls set no windows at all (older cohorts ran before calls) constrains nothing.
    """
    if end < start:
        return [_("The placement cannot end before it starts.")]
    if not cohort_has_windows(pair):
        return []
    windows = windows_for(pair, direction)
    if not windows:
        return [_("The call of this cohort opens no exchange window in this direction.")]
    if any(w.starts_on <= start and end <= w.ends_on for w in windows):
        return []
    spans = "; ".join(f"{w.label} {_day(w.starts_on)} – {_day(w.ends_on)}" for w in windows)
    return [
        _("%(start)s – %(end)s is outside the exchange window for this direction (%(windows)s).")
        % {"start": _day(start), "end": _day(end), "windows": spans}
    ]
