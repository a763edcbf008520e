"""Bounded integers for API parameters: values outside answer 422 with a message, never 500."""

from __future__ import annotations

from typing import Annotated

from django.conf import settings
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

# Database integers are signed 64-bit; SQLite refuses anything larger with an OverflowError.
LARGEST_ID = 2**63 - 1
Identifier = Annotated[int, Field(ge=1, le=LARGEST_ID)]
Year = Annotated[int, Field(ge=1, le=9999, description="A year, 1–9999.")]
SearchLimit = Annotated[int, Field(ge=1, le=100)]
RankingLength = Annotated[int, Field(ge=1, le=10_000, description="1–10,000")]


class BoundedPagination(LimitOffsetPagination):
    """`limit` 1–100 and `offset` 0–10⁹; the answer is `{"items": [...], "count": n}`."""

    class Input(Schema):
        limit: int = Field(
            getattr(settings, "NINJA_PAGINATION_PER_PAGE", 100), ge=1, le=100, description="1–100"
        )
        offset: int = Field(0, ge=0, le=10**9, description="0–1,000,000,000")
