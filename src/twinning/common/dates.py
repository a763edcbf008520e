"""Moments shown in a named time zone (a call's deadline in the call's zone)."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils import timezone


def in_zone(moment: datetime.datetime, zone_name: str) -> datetime.datetime:
    """`moment` in the named zone (UTC for an unknown name)."""
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return timezone.localtime(moment, zone)
