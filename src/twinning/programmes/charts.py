"""Horizontal bar charts drawn on the server as SVG, and the same figures as CSV.

Each chart is a list of rows (a label and one value per series); the SVG needs no script
and no font beyond the page's, and scales to any width.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from twinning.programmes.network import text_width

BAR_HEIGHT = 18
ROW_GAP = 8
TOP = 28
BAR_AREA = 360
MARGIN = 10
PALETTE = ("#0f6e63", "#9a4b00", "#4b3f9a", "#777777")


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[int, ...]
    url: str = ""


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    value: int
    colour: str
    series: str


@dataclass(frozen=True)
class ChartRow:
    row: Row
    y: int
    bars: tuple[Bar, ...]
    value_x: int
    text: str


@dataclass(frozen=True)
class Chart:
    """A laid-out chart: `series` names the values of each row (one colour each)."""

    name: str
    title: str
    series: tuple[str, ...]
    rows: tuple[ChartRow, ...]
    label_width: int
    width: int
    height: int
    legend: tuple[tuple[str, str, int], ...] = field(default=())

    def csv(self, label_heading: str) -> str:
        """The chart's figures as CSV, UTF-8 with a byte-order mark so Excel reads Chinese."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([label_heading, *self.series])
        for chart_row in self.rows:
            writer.writerow([chart_row.row.label, *chart_row.row.values])
        return "\ufeff" + buffer.getvalue()


def bar_chart(name: str, title: str, series: Sequence[str], rows: Sequence[Row]) -> Chart:
    """Lay out one bar per series per row, lengths proportional to the largest value."""
    label_width = min(max((text_width(r.label) for r in rows), default=60), 420)
    largest = max((v for r in rows for v in r.values), default=0) or 1
    group_height = BAR_HEIGHT * len(series) + ROW_GAP
    laid_out = []
    for index, row in enumerate(rows):
        top = TOP + index * group_height
        bars = tuple(
            Bar(
                x=MARGIN + label_width + 8,
                y=top + position * BAR_HEIGHT,
                width=max(round(value / largest * BAR_AREA), 1 if value else 0),
                value=value,
                colour=PALETTE[position % len(PALETTE)],
                series=series[position],
            )
            for position, value in enumerate(row.values)
        )
        longest = max(bar.width for bar in bars) if bars else 0
        text = " / ".join(str(v) for v in row.values)
        laid_out.append(ChartRow(row, top, bars, MARGIN + label_width + 14 + longest, text))
    legend = tuple(
        (label, PALETTE[i % len(PALETTE)], MARGIN + label_width + 8 + i * 140)
        for i, label in enumerate(series)
    )
    return Chart(
        name=name,
        title=title,
        series=tuple(series),
        rows=tuple(laid_out),
        label_width=label_width,
        width=MARGIN * 2 + label_width + 8 + BAR_AREA + 60,
        height=TOP + len(rows) * group_height + MARGIN,
        legend=legend if len(series) > 1 else (),
    )
