"""The programme after selection: placements, reports filed by pairs, calendars."""
