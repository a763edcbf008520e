"""Which channel the current change comes through (web, api, cli, import, worker); Django-free.

The web middleware, the command line, the importer and the worker set it around their work;
`twinning.audit.log.record` reads it, so no action needs a `channel` argument."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

_current: contextvars.ContextVar[str] = contextvars.ContextVar("audit_channel", default="system")


def current_channel() -> str:
    return _current.get()


def set_channel(channel: str) -> contextvars.Token[str]:
    """Set the channel until `reset_channel(token)`; for code that cannot use `using_channel`."""
    return _current.set(channel)


def reset_channel(token: contextvars.Token[str]) -> None:
    _current.reset(token)


@contextlib.contextmanager
def using_channel(channel: str) -> Iterator[None]:
    """Changes recorded inside the block say they came through `channel`."""
    token = _current.set(channel)
    try:
        yield
    finally:
        _current.reset(token)
