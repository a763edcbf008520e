"""The channels a change comes through, and the verbs the generic audit log uses."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    WEB = "web", _("web")
    API = "api", _("API")
    CLI = "cli", _("command line")
    IMPORT = "import", _("import")
    WORKER = "worker", _("worker")
    SYSTEM = "system", _("system")


class Verb(models.TextChoices):
    CREATED = "created", _("created")
    UPDATED = "updated", _("updated")
    DELETED = "deleted", _("deleted")
    MERGED = "merged", _("merged")
    PUBLISHED = "published", _("published")
    UNPUBLISHED = "unpublished", _("unpublished")
    GRANTED = "granted", _("granted a role")
    REVOKED = "revoked", _("revoked a role")
    SIGNED_UP = "signed_up", _("signed up")
    CONFIRMED = "confirmed", _("confirmed")
    STORED = "stored", _("stored")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")
    ANONYMISED = "anonymised", _("anonymised")
    ERASED = "erased", _("erased")
    CONSENTED = "consented", _("recorded consent")
    CONSENT_WITHDRAWN = "unconsented", _("withdrew consent")
    ERASURE_REQUESTED = "erasure", _("asked for erasure")
