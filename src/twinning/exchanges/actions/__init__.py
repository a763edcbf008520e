"""State changes of exchanges; each is atomic, takes keyword-only arguments, checks `access.may` and logs."""

from twinning.exchanges.actions.base import ExchangeError
from twinning.exchanges.actions.feeds import renew_calendar_token, revoke_calendar_token
from twinning.exchanges.actions.messages import save_message_template, send_bulk_message
from twinning.exchanges.actions.placements import (
    cancel_placement,
    complete_placement,
    confirm_placement,
    plan_placement,
    reschedule_placement,
    start_placement,
)
from twinning.exchanges.actions.projects import (
    add_follow_up,
    add_milestone,
    complete_milestone,
    describe_joint_project,
    drop_milestone,
    record_alumni,
)
from twinning.exchanges.actions.reports import (
    accept_report,
    file_report,
    link_report_document,
    request_report,
    return_report,
)
from twinning.exchanges.actions.workshops import (
    record_attendance,
    register_for_workshop,
    schedule_workshop,
)

__all__ = [
    "ExchangeError",
    "add_follow_up",
    "add_milestone",
    "complete_milestone",
    "describe_joint_project",
    "drop_milestone",
    "record_alumni",
    "record_attendance",
    "register_for_workshop",
    "schedule_workshop",
    "accept_report",
    "cancel_placement",
    "complete_placement",
    "confirm_placement",
    "file_report",
    "link_report_document",
    "plan_placement",
    "renew_calendar_token",
    "request_report",
    "reschedule_placement",
    "return_report",
    "revoke_calendar_token",
    "save_message_template",
    "send_bulk_message",
    "start_placement",
]
