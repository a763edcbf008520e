"""The one error of ingest: its message is for the person who asked."""

from __future__ import annotations


class IngestError(ValueError):
    """A document or a review that cannot be carried out; the message is for the user."""
