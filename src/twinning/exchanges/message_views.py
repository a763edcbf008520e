"""The coordinator's messages page: reword reminder e-mails, send a message to a cohort, the outbox."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

from twinning.directory.access import is_coordinator
from twinning.exchanges import actions
from twinning.exchanges.enums import MessageKey
from twinning.exchanges.forms import BulkMessageForm, TemplateForm
from twinning.exchanges.messages import PLACEHOLDERS
from twinning.exchanges.models import BulkMessage, MessageTemplate, SentReminder
from twinning.exchanges.views import show_refusal


def _require_coordinator(request: HttpRequest) -> None:
    if not is_coordinator(request.user):
        raise PermissionDenied(_("Only coordinators word and send messages."))


@login_required
def messages_page(request: HttpRequest) -> HttpResponse:
    _require_coordinator(request)
    form = BulkMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sent = actions.send_bulk_message(actor=request.user, **form.cleaned_data)
        except actions.ExchangeError as error:
            show_refusal(request, error)
        else:
            messages.success(
                request, _("Sent to %(count)s people.") % {"count": len(sent.recipients)}
            )
            return redirect("exchanges:messages")
    context = {
        "form": form,
        "templates": [
            (key, label, MessageTemplate.objects.filter(key=key).first())
            for key, label in MessageKey.choices
        ],
        "bulk": BulkMessage.objects.select_related("cohort__programme", "sender")[:30],
        "reminders": SentReminder.objects.all()[:30],
        "placeholders": _placeholder_list("bulk"),
    }
    return render(request, "exchanges/messages.html", context)


@login_required
def edit_template(request: HttpRequest, key: str) -> HttpResponse:
    _require_coordinator(request)
    if key not in MessageKey.values:
        raise Http404("No such e-mail.")
    template = MessageTemplate.objects.filter(key=key).first()
    initial = (
        {f: getattr(template, f) for f in ("subject_en", "body_en", "subject_zh", "body_zh")}
        if template
        else {}
    )
    form = TemplateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_message_template(key=key, actor=request.user, **form.cleaned_data)
        except actions.ExchangeError as error:
            show_refusal(request, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("exchanges:messages")
    context = {
        "form": form,
        "label": MessageKey(key).label,
        "placeholders": _placeholder_list("reminder"),
    }
    return render(request, "exchanges/template.html", context)


def _placeholder_list(kind: str) -> str:
    """The placeholders as code, so readers see them as names to type, not words to translate."""
    return format_html_join(", ", "<code>{{{}}}</code>", ((name,) for name in PLACEHOLDERS[kind]))
