"""Pages of calls: public, applicant, reviewer and coordinator views; each delegates to actions."""

from django.contrib import messages
from django.http import HttpRequest

from twinning.calls.actions import CallError


def show_refusal(request: HttpRequest, error: CallError) -> None:
    for reason in error.reasons:
        messages.error(request, reason)
