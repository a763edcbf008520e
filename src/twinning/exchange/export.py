"""Export every public-data record as one exchange document (JSON), streamed kind by kind."""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.db import models
from django.utils import timezone

from twinning.exchange.kinds import KINDS, Kind, kind_of
from twinning.exchange.records import record_of

FORMAT = "twinning-exchange"
VERSION = 1


def _related_paths(kind: Kind, prefix: str = "", depth: int = 0) -> list[str]:
    """select_related paths that fetch every record a natural key of `kind` needs."""
    paths: list[str] = []
    for name in kind.refs:
        path = f"{prefix}{name}"
        paths.append(path)
        if depth < 3:
            target = kind_of(kind.field(name).related_model)
            paths.extend(_related_paths(target, f"{path}__", depth + 1))
    return paths


def rows_of(kind: Kind) -> models.QuerySet[models.Model]:
    return (
        kind.model._base_manager.select_related(*_related_paths(kind))
        .prefetch_related(*kind.many)
        .order_by("pk")
    )


def stream_exchange() -> Iterator[str]:
    """The exchange document as JSON text, one record per line, without holding it all."""
    header = {"format": FORMAT, "version": VERSION, "exported_at": timezone.now().isoformat()}
    yield json.dumps(header, ensure_ascii=False)[:-1]
    for kind in KINDS:
        yield f',\n"{kind.name}": ['
        for index, obj in enumerate(rows_of(kind).iterator(chunk_size=500)):
            yield (
                ("," if index else "") + "\n" + json.dumps(record_of(kind, obj), ensure_ascii=False)
            )
        yield "\n]"
    yield "\n}\n"
