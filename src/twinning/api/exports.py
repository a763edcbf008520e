"""Streamed exports of the public network: one kind as CSV, XLSX or JSON, as the caller may see it."""

from __future__ import annotations

import tempfile
from typing import Any, Literal

from django.http import FileResponse, HttpRequest, StreamingHttpResponse
from ninja import Router

from twinning.exchange.export import records, stream_exchange
from twinning.exchange.giving import programme_grants
from twinning.exchange.kinds import BY_NAME
from twinning.exchange.names import NETWORK_KINDS
from twinning.exchange.public import public_fields
from twinning.exchange.tables import stream_table_csv, write_table_xlsx
from twinning.programmes.access import access_programme

router = Router(tags=["exports"])

NetworkKind = Literal[
    "cities",
    "organisations",
    "identifiers",
    "people",
    "positions",
    "affiliations",
    "programmes",
    "cohorts",
    "pairs",
    "activities",
    "city_pairs",
    "events",
    "visits",
    "visit_participants",
]
assert set(NetworkKind.__args__) == set(NETWORK_KINDS)  # type: ignore[attr-defined]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/export/network.json", response={200: None})
def export_network(request: HttpRequest) -> StreamingHttpResponse:
    """Every kind of the public network in one exchange document (`twinning import` reads it)."""
    kinds = [BY_NAME[name] for name in NETWORK_KINDS]
    response = StreamingHttpResponse(
        stream_exchange(request.user, everything=False, kinds=kinds),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="network.json"'
    return response


@router.get("/export/{kind}.{format}", response={200: None})
def export_kind(
    request: HttpRequest, kind: NetworkKind, format: Literal["csv", "xlsx", "json"]
) -> StreamingHttpResponse | FileResponse:
    """One kind of record as the caller may see it: CSV (UTF-8 with a byte-order mark), XLSX,
    or a one-section exchange document; streamed, and read back by `twinning import`."""
    exported = BY_NAME[kind]
    columns = public_fields(exported)
    rows = records(exported, request.user)
    filename = f'attachment; filename="{kind}.{format}"'
    if format == "xlsx":
        # openpyxl writes a whole file: spooled to disk past 8 MB, then streamed in blocks.
        spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 - FileResponse closes it
        write_table_xlsx(exported, rows, columns, spool)
        spool.seek(0)
        answer = FileResponse(spool, content_type=XLSX)
        answer["Content-Disposition"] = filename
        return answer
    if format == "csv":
        response = StreamingHttpResponse(
            stream_table_csv(exported, rows, columns), content_type="text/csv; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(
            stream_exchange(request.user, everything=False, kinds=[exported]),
            content_type="application/json; charset=utf-8",
        )
    response["Content-Disposition"] = filename
    return response


@router.get("/programmes/{slug}/360giving", response=dict[str, list[dict[str, Any]]])
def programme_360giving(request: HttpRequest, slug: str) -> dict[str, list[dict[str, Any]]]:
    """The grants the programme awards (each pair partner, each placement's host) as
    360Giving JSON, as far as the caller may see them; empty until a coordinator sets the
    programme's grants."""
    programme = access_programme(slug)
    return programme_grants(
        request.user, programme, base_url=request.build_absolute_uri("/").rstrip("/")
    )
