"""The refusal every command reports the same way: one `twinning: error:` line, exit 2."""

from __future__ import annotations


class CommandFailed(Exception):
    """A refusal to report on one line (or one line per reason) and exit 2."""

    def __init__(self, *lines: str) -> None:
        self.lines = lines
        super().__init__(" ".join(lines))
