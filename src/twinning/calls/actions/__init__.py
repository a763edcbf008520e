"""State changes of calls; each is atomic, takes keyword-only arguments and writes the audit log."""

from twinning.calls.actions.applications import (
    confirm_tandem,
    decline_tandem,
    invite_partner,
    propose_partner,
    save_application,
    start_application,
    submit_application,
    withdraw_application,
)
from twinning.calls.actions.base import CallError, ConflictOfInterest, EditConflict
from twinning.calls.actions.calls import (
    add_committee_member,
    declare_conflict,
    open_call,
    reschedule_call,
)
from twinning.calls.actions.decisions import (
    apply_decisions,
    record_decision,
    record_pairing_decisions,
)
from twinning.calls.actions.reminders import send_deadline_reminders
from twinning.calls.actions.reviews import (
    assign_reviewer,
    assign_reviewers_automatically,
    score_application,
    unassign_reviewer,
)

__all__ = [
    "CallError",
    "ConflictOfInterest",
    "EditConflict",
    "add_committee_member",
    "apply_decisions",
    "assign_reviewer",
    "assign_reviewers_automatically",
    "confirm_tandem",
    "declare_conflict",
    "decline_tandem",
    "invite_partner",
    "open_call",
    "propose_partner",
    "record_decision",
    "record_pairing_decisions",
    "reschedule_call",
    "save_application",
    "score_application",
    "send_deadline_reminders",
    "start_application",
    "submit_application",
    "unassign_reviewer",
    "withdraw_application",
]
