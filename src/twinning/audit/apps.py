import contextlib
from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "twinning.audit"
    label = "audit"
    verbose_name = _("Audit log")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django_tasks.signals import task_finished, task_started

        task_started.connect(_task_started, dispatch_uid="audit-task-started")
        task_finished.connect(_task_finished, dispatch_uid="audit-task-finished")


_tokens: dict[str, Any] = {}


def _task_started(sender: Any, task_result: Any, **kwargs: Any) -> None:
    """Changes a background task makes are marked as the worker's."""
    from twinning.audit.channel import set_channel
    from twinning.audit.enums import Channel

    _tokens[str(task_result.id)] = set_channel(Channel.WORKER)


def _task_finished(sender: Any, task_result: Any, **kwargs: Any) -> None:
    from twinning.audit.channel import reset_channel

    token = _tokens.pop(str(task_result.id), None)
    if token is not None:
        # Finished in another context than it started: there is nothing to undo.
        with contextlib.suppress(ValueError):
            reset_channel(token)
