"""Models of the calls app, one file per area; import them from here."""

from twinning.calls.models.applications import (
    Answer,
    Application,
    Reminder,
    answer_version,
    same_text,
)
from twinning.calls.models.audit import AuditEntry
from twinning.calls.models.calls import Call, CommitteeMember, Criterion, ExchangeWindow, Question
from twinning.calls.models.reviews import ConflictDeclaration, Decision, Review, Score

__all__ = [
    "Answer",
    "Application",
    "AuditEntry",
    "Call",
    "CommitteeMember",
    "ConflictDeclaration",
    "Criterion",
    "Decision",
    "ExchangeWindow",
    "Question",
    "Reminder",
    "Review",
    "Score",
    "answer_version",
    "same_text",
]
