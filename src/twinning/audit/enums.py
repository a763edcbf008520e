"""The channels a change comes through, and the verbs the generic audit log uses."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Channel(models.TextChoices):
    WEB = "web", _("web")
    API = "api", _("API")
    CLI = "cli", _("command line")
    IMPORT = "import", _("import")
    WORKER = "worker", _("worker")
    SYSTEM = "system", _("system")


class Verb(models.TextChoices):
    """What happened to a record; verbs carry the context "audit" ("created" is a column name too)."""

    CREATED = "created", pgettext_lazy("audit", "created")
    UPDATED = "updated", pgettext_lazy("audit", "updated")
    DELETED = "deleted", pgettext_lazy("audit", "deleted")
    MERGED = "merged", pgettext_lazy("audit", "merged")
    PUBLISHED = "published", pgettext_lazy("audit", "published")
    UNPUBLISHED = "unpublished", pgettext_lazy("audit", "unpublished")
    GRANTED = "granted", pgettext_lazy("audit", "granted a role")
    REVOKED = "revoked", pgettext_lazy("audit", "revoked a role")
    SIGNED_UP = "signed_up", pgettext_lazy("audit", "signed up")
    CONFIRMED = "confirmed", pgettext_lazy("audit", "confirmed")
    STORED = "stored", pgettext_lazy("audit", "stored")
    ACCEPTED = "accepted", pgettext_lazy("audit", "accepted")
    REJECTED = "rejected", pgettext_lazy("audit", "rejected")
    ANONYMISED = "anonymised", pgettext_lazy("audit", "anonymised")
    ERASED = "erased", pgettext_lazy("audit", "erased")
    CONSENTED = "consented", pgettext_lazy("audit", "recorded consent")
    CONSENT_WITHDRAWN = "unconsented", pgettext_lazy("audit", "withdrew consent")
    ERASURE_REQUESTED = "erasure", pgettext_lazy("audit", "asked for erasure")
