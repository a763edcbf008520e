"""`{% demo_accounts %}`: the demo accounts of every role, shown on the home page once loaded."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.auth import get_user_model

from twinning.calls.access import visible_calls
from twinning.calls.demo import ACCOUNTS, PASSWORD

register = template.Library()


@register.inclusion_tag("calls/_demo_accounts.html", takes_context=True)
def demo_accounts(context: dict[str, Any]) -> dict[str, Any]:
    usernames = [username for username, *_rest in ACCOUNTS]
    existing = set(
        get_user_model()
        .objects.filter(username__in=usernames, is_active=True)
        .values_list("username", flat=True)
    )
    accounts = [
        (username, description)
        for username, _email, _slug, description in ACCOUNTS
        if username in existing
    ]
    calls = list(visible_calls(context.get("user")).order_by("-deadline")[:3]) if accounts else []
    return {"accounts": accounts, "password": PASSWORD, "calls": calls}
