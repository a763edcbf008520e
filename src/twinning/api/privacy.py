"""Privacy in the API: the signed-in person's own data and their erasure request."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.security import django_auth

from twinning.privacy import actions
from twinning.privacy.access import PrivacyRefused

router = Router(tags=["privacy"])


class Detail(Schema):
    detail: str


class ErasureIn(Schema):
    reason: str = ""


class ErasureOut(Schema):
    status: str
    requested_at: str


@router.get("/me/data", response={200: dict[str, Any], 401: Detail}, auth=django_auth)
def my_data(request: HttpRequest) -> dict[str, Any]:
    """Everything stored about the signed-in person (the same JSON as the download page)."""
    return actions.personal_data(actor=request.user, user=request.user)


@router.post("/me/erasure", response={201: ErasureOut, 401: Detail, 409: Detail}, auth=django_auth)
def ask_for_erasure(request: HttpRequest, payload: ErasureIn) -> tuple[int, Any]:
    """Ask a coordinator to anonymise the signed-in person's account."""
    try:
        made = actions.request_erasure(actor=request.user, reason=payload.reason)
    except PrivacyRefused as error:
        return 409, {"detail": str(error)}
    return 201, {"status": made.status, "requested_at": made.requested_at.isoformat()}
