"""Export public-data records as an exchange document (JSON), streamed kind by kind."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import models
from django.utils import timezone

from twinning.exchange.kinds import KINDS, Kind, kind_of
from twinning.exchange.records import record_of

FORMAT = "twinning-exchange"
VERSION = 1


def related_paths(kind: Kind, prefix: str = "", depth: int = 0) -> list[str]:
    """select_related paths that fetch every record a natural key of `kind` needs."""
    paths: list[str] = []
    for name in kind.refs:
        path = f"{prefix}{name}"
        paths.append(path)
        if depth < 3:
            target = kind_of(kind.field(name).related_model)
            paths.extend(related_paths(target, f"{path}__", depth + 1))
    return paths


def rows_of(kind: Kind) -> models.QuerySet[models.Model]:
    """Every row of `kind`, unpublished ones included (the operator's export)."""
    from twinning.exchange.public import exported_rows

    return exported_rows(kind, everything=True)


def records(kind: Kind, user: Any = None, *, everything: bool = False) -> Iterator[dict[str, Any]]:
    """The exchange records of `kind` that `user` may see (or all of them), read in chunks."""
    from twinning.exchange.public import exported_rows, public_fields

    fields = public_fields(kind, everything=everything)
    rows = exported_rows(kind, user, everything=everything)
    for obj in rows.iterator(chunk_size=500):
        yield record_of(kind, obj, fields)


def stream_exchange(
    user: Any = None, *, everything: bool = True, kinds: Iterable[Kind] | None = None
) -> Iterator[str]:
    """The exchange document as JSON text, one record per line, without holding it all.

    By default every record (the operator's export); `everything=False` keeps to what `user`
    may see, and `kinds` to some sections."""
    header = {"format": FORMAT, "version": VERSION, "exported_at": timezone.now().isoformat()}
    yield json.dumps(header, ensure_ascii=False)[:-1]
    for kind in KINDS if kinds is None else kinds:
        yield f',\n"{kind.name}": ['
        for index, record in enumerate(records(kind, user, everything=everything)):
            yield ("," if index else "") + "\n" + json.dumps(record, ensure_ascii=False)
        yield "\n]"
    yield "\n}\n"
