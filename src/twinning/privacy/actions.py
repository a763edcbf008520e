"""Privacy actions: each takes the actor, checks `access`, validates, and is atomic.

Anonymising keeps every record a person's work left (roles, reviews, audit entries) and
removes who they were; erasing a directory person deletes them when nothing needs them.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.audit.enums import Verb
from twinning.audit.log import record
from twinning.backup.tables import backed_up_models, columns, encode, label
from twinning.directory.models import Person
from twinning.privacy.access import PrivacyRefused, may_manage_personal_data, may_read_personal_data
from twinning.privacy.enums import RequestStatus
from twinning.privacy.models import ErasureRequest

ERASED = "[erased]"
ACCOUNT_FIELDS = (
    "username",
    "email",
    "first_name",
    "last_name",
    "display_name",
    "language",
    "is_active",
    "is_staff",
    "date_joined",
    "last_login",
)


def _require_manager(actor: Any) -> None:
    if not may_manage_personal_data(actor):
        raise PrivacyRefused(_("Only coordinators may do this."))


def personal_data(*, actor: Any, user: Any) -> dict[str, Any]:
    """Everything stored about `user`: the account (no password hash) and every row that
    points to it, table by table."""
    if not may_read_personal_data(actor, user):
        raise PrivacyRefused(_("You may download only your own data."))
    account = {
        name: encode(user._meta.get_field(name), getattr(user, name)) for name in ACCOUNT_FIELDS
    }
    records: dict[str, list[dict[str, Any]]] = {}
    user_model = get_user_model()
    for model in backed_up_models():
        if model is user_model:
            continue
        links = [
            field
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is user_model
        ]
        if not links:
            continue
        condition = Q()
        for field in links:
            condition |= Q(**{field.attname: user.pk})
        fields = model._meta.concrete_fields
        rows = model._base_manager.filter(condition).order_by("pk").values_list(*columns(model))
        found = [
            {f.attname: encode(f, value) for f, value in zip(fields, row, strict=True)}
            for row in rows
        ]
        if found:
            records[label(model)] = found
    return {
        "format": "twinning-personal-data",
        "version": 1,
        "exported_at": timezone.now().isoformat(),
        "account": account,
        "records": records,
    }


@transaction.atomic
def request_erasure(*, actor: Any, reason: str = "") -> ErasureRequest:
    """The signed-in person asks to be erased; a coordinator carries it out."""
    if not getattr(actor, "is_authenticated", False):
        raise PrivacyRefused(_("Sign in to ask for erasure."))
    if ErasureRequest.objects.filter(user=actor, status=RequestStatus.OPEN).exists():
        raise PrivacyRefused(_("You have already asked for erasure; a coordinator will handle it."))
    made = ErasureRequest.objects.create(user=actor, reason=reason.strip()[:2000])
    record(actor=actor, verb=Verb.ERASURE_REQUESTED, record=made, label=_("erasure request"))
    return made


def _scrub(value: Any, secrets: list[str]) -> Any:
    if isinstance(value, str):
        for secret in secrets:
            value = value.replace(secret, ERASED)
        return value
    if isinstance(value, list):
        return [_scrub(item, secrets) for item in value]
    if isinstance(value, dict):
        return {key: _scrub(item, secrets) for key, item in value.items()}
    return value


def _scrub_audit_records(
    secrets: list[str], *, record_type: Any = None, record_id: Any = None
) -> None:
    """Remove the secrets from the generic audit log's labels and changes; the record itself
    (`record_type`, `record_id`) is renamed to what it is now."""
    from django.contrib.contenttypes.models import ContentType

    from twinning.audit.models import AuditRecord

    if not secrets:
        return
    own_type = ContentType.objects.get_for_model(record_type) if record_type is not None else None
    for entry in AuditRecord.objects.select_for_update().only(
        "pk", "record_type", "record_id", "record_label", "changes"
    ):
        label = _scrub(entry.record_label, secrets)
        if own_type is not None and (entry.record_type_id, entry.record_id) == (
            own_type.pk,
            record_id,
        ):
            label = ERASED
        changes = _scrub(entry.changes, secrets)
        if label != entry.record_label or changes != entry.changes:
            entry.record_label, entry.changes = label, changes
            entry.save(update_fields=["record_label", "changes"])


def _person_secrets(person: Person) -> list[str]:
    names = {person.name, person.name_zh}
    return sorted({name for name in names if name and len(name) > 1}, key=len, reverse=True)


@transaction.atomic
def anonymise_user(*, actor: Any, user: Any) -> Any:
    """Remove who an account holder was; their roles, reviews and audit entries stay, anonymised."""
    _require_manager(actor)
    if actor is not None and actor.pk == user.pk:
        raise PrivacyRefused(_("You cannot anonymise your own account; ask another coordinator."))
    if user.username == f"erased-{user.pk}":
        raise PrivacyRefused(_("This account is already anonymised."))
    secrets = sorted(
        {s for s in (user.username, user.email, user.get_full_name(), user.display_name) if s},
        key=len,
        reverse=True,
    )
    user.username = f"erased-{user.pk}"
    user.email = f"erased-{user.pk}@erased.invalid"
    user.first_name = user.last_name = user.display_name = ""
    user.set_unusable_password()
    user.is_active = False
    user.save()
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()
    audit = apps.get_model("calls", "AuditEntry")
    for entry in audit.objects.select_for_update().iterator():
        scrubbed = _scrub(entry.changes, secrets)
        if scrubbed != entry.changes:
            entry.changes = scrubbed
            entry.save(update_fields=["changes"])
    _scrub_audit_records(secrets, record_type=type(user), record_id=user.pk)
    record(actor=actor, verb=Verb.ANONYMISED, record=user, label=ERASED)
    ErasureRequest.objects.filter(user=user, status=RequestStatus.OPEN).update(
        status=RequestStatus.DONE,
        handled_by=actor if getattr(actor, "is_authenticated", False) else None,
        handled_at=timezone.now(),
    )
    return user


@transaction.atomic
def anonymise_person(*, actor: Any, person: Person) -> Person:
    """A directory person loses name and consent; positions and visits stay, anonymised."""
    _require_manager(actor)
    _scrub_audit_records(_person_secrets(person), record_type=Person, record_id=person.pk)
    person.name = _("Anonymised person")
    person.name_zh = ""
    person.slug = f"anonymised-{person.pk}"
    person.consent_at = None
    person.consent_source = ""
    person.save()
    record(actor=actor, verb=Verb.ANONYMISED, record=person, label=ERASED)
    return person


@transaction.atomic
def erase_person(*, actor: Any, person: Person) -> None:
    """Delete a directory person with their positions; one who took part in visits is refused."""
    _require_manager(actor)
    if person.visits.exists():
        raise PrivacyRefused(
            _("This person took part in visits; anonymise them instead of erasing.")
        )
    _scrub_audit_records(_person_secrets(person), record_type=Person, record_id=person.pk)
    record(actor=actor, verb=Verb.ERASED, record=person, label=ERASED)
    person.delete()


@transaction.atomic
def record_consent(
    *, actor: Any, person: Person, source: str, given_at: datetime.datetime | None = None
) -> Person:
    """Record that a person agreed to be shown publicly, when and how."""
    _require_manager(actor)
    source = source.strip()
    if not source:
        raise PrivacyRefused(_("Say how the consent was given (e.g. an e-mail and its date)."))
    before = [person.consent_at, person.consent_source]
    person.consent_at = given_at or timezone.now()
    person.consent_source = source[:200]
    person.save(update_fields=["consent_at", "consent_source"])
    record(
        actor=actor,
        verb=Verb.CONSENTED,
        record=person,
        changes={
            "consent_at": [before[0], person.consent_at],
            "consent_source": [before[1], person.consent_source],
        },
    )
    return person


@transaction.atomic
def withdraw_consent(*, actor: Any, person: Person) -> Person:
    """The person no longer agrees to be shown publicly."""
    _require_manager(actor)
    before = [person.consent_at, person.consent_source]
    person.consent_at = None
    person.consent_source = ""
    person.save(update_fields=["consent_at", "consent_source"])
    record(
        actor=actor,
        verb=Verb.CONSENT_WITHDRAWN,
        record=person,
        changes={"consent_at": [before[0], None], "consent_source": [before[1], ""]},
    )
    return person


def unsuccessful_applications(*, days: int, now: datetime.datetime | None = None) -> Any:
    """Applications not selected or withdrawn, untouched for more than `days` days."""
    from twinning.calls.enums import ApplicationStatus

    application = apps.get_model("calls", "Application")
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    return application.objects.filter(
        status__in=[ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN],
        updated_at__lt=cutoff,
    )


@transaction.atomic
def apply_retention(
    *,
    actor: Any,
    days: int | None = None,
    now: datetime.datetime | None = None,
    dry_run: bool = False,
) -> int:
    """Delete unsuccessful applications (with answers and reviews) older than the retention
    period (`TWINNING_RETENTION_DAYS`); returns how many, or would be with `dry_run`."""
    _require_manager(actor)
    days = settings.TWINNING_RETENTION_DAYS if days is None else days
    if not days or days < 1:
        raise PrivacyRefused(_("No retention period is set (TWINNING_RETENTION_DAYS)."))
    expired = unsuccessful_applications(days=days, now=now)
    count = expired.count()
    if not dry_run:
        for application in expired.iterator():
            record(actor=actor, verb=Verb.DELETED, record=application, changes={})
            application.delete()
    return count
