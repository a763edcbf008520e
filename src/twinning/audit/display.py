"""The audit log as people read it: field labels, choice labels, related records by name,
dates in the reader's language and time zone, long values shortened; never raw dicts.

All the names a page needs are looked up in one query per related model, whatever the
number of entries."""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from twinning.audit.enums import Channel, Verb
from twinning.audit.models import AuditRecord

SHORT = 80


@dataclass
class ReadableChange:
    label: str
    old: str
    new: str


@dataclass
class ReadableRecord:
    entry: AuditRecord
    kind: str
    name: str
    verb: str
    actor: str
    channel: str
    when: str
    changes: list[ReadableChange] = field(default_factory=list)


def verb_label(verb: str, app_label: str = "") -> str:
    """The verb in the reader's language; calls and exchanges keep their own wording."""
    from twinning.calls.enums import AuditVerb
    from twinning.exchanges.enums import ExchangeVerb

    order: list[type[models.TextChoices]] = [Verb, AuditVerb, ExchangeVerb]
    if app_label == "calls":
        order = [AuditVerb, Verb, ExchangeVerb]
    elif app_label == "exchanges":
        order = [ExchangeVerb, Verb, AuditVerb]
    for choices in order:
        if verb in choices.values:
            return str(choices(verb).label)
    return verb.replace("_", " ")


def moment_text(value: datetime.datetime | datetime.date) -> str:
    """A date, or a moment in the reader's time zone, in the reader's language."""
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value, datetime.UTC)
        local = timezone.localtime(value)
        return f"{formats.date_format(local, 'DATETIME_FORMAT')} {local.strftime('%Z')}".strip()
    return formats.date_format(value, "DATE_FORMAT")


def short(text: str) -> str:
    """Long text cut to about SHORT characters, at a word's end when the text has spaces."""
    text = " ".join(text.split())
    if len(text) <= SHORT:
        return text
    cut = Truncator(text).chars(SHORT, truncate="")
    if " " in cut[SHORT // 2 :] and not text[len(cut) : len(cut) + 1].isspace():
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip() + "…"


def _model_field(model: type[models.Model] | None, key: str) -> Any:
    if model is None:
        return None
    try:
        return model._meta.get_field(key)
    except FieldDoesNotExist:  # a key that is no field (an older note) reads as text
        return None


class _Names:
    """The names of every related record the entries mention, one query per model."""

    def __init__(self, entries: list[AuditRecord]) -> None:
        wanted: dict[type[models.Model], set[Any]] = defaultdict(set)
        for entry in entries:
            model = _model_class(entry)
            for key, change in _pairs(entry):
                target = _model_field(model, key)
                related = getattr(target, "related_model", None)
                if related is None or not (target.many_to_one or target.many_to_many):
                    continue
                for value in change:
                    for key_value in value if isinstance(value, list) else [value]:
                        if isinstance(key_value, int | str) and not isinstance(key_value, bool):
                            wanted[related].add(key_value)
        self.names: dict[tuple[type[models.Model], Any], str] = {}
        for related, keys in wanted.items():
            pks = {key for key in keys if isinstance(key, int)}
            texts = {key for key in keys if isinstance(key, str)}
            natural = _natural_key(related)
            condition = models.Q(pk__in=pks)
            if natural and texts:
                condition |= models.Q(**{f"{natural}__in": texts})
            # Names such as a cohort's ("programme year") read the records the row points to.
            for row in related._base_manager.filter(condition).select_related():
                self.names[(related, row.pk)] = _name_of(row)
                if natural:
                    self.names[(related, getattr(row, natural))] = _name_of(row)

    def name(self, related: type[models.Model], key: Any) -> str:
        return self.names.get((related, key), key if isinstance(key, str) else f"#{key}")


def _natural_key(model: type[models.Model]) -> str | None:
    """Older entries name organisations by slug and people by username."""
    for name in ("slug", "username"):
        if _model_field(model, name) is not None:
            return name
    return None


def _name_of(row: models.Model) -> str:
    display = getattr(row, "display_name", None)
    if isinstance(display, str) and display:
        return display
    username = getattr(row, "username", None)
    if isinstance(username, str):
        return username
    return str(row)


def _model_class(entry: AuditRecord) -> type[models.Model] | None:
    return ContentType.objects.get_for_id(entry.record_type_id).model_class()


def _pairs(entry: AuditRecord) -> list[tuple[str, list[Any]]]:
    changes = entry.changes if isinstance(entry.changes, dict) else {}
    return [
        (str(key), list(value) if isinstance(value, list) and len(value) == 2 else [None, value])
        for key, value in changes.items()
    ]


def _plain_text(value: Any) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dict):
        return short(", ".join(f"{key}: {_plain_text(item)}" for key, item in value.items()))
    if isinstance(value, list):
        return short(", ".join(_plain_text(item) for item in value))
    if isinstance(value, str):
        return short(value)
    return short(json.dumps(value, ensure_ascii=False))


def value_text(target: Any, value: Any, names: _Names) -> str:
    """One stored value as the reader should see it."""
    if value is None or value == "" or value == []:
        return "—"
    if target is not None:
        related = getattr(target, "related_model", None)
        if related is not None and target.many_to_one:
            return (
                names.name(related, value) if isinstance(value, int | str) else _plain_text(value)
            )
        if related is not None and target.many_to_many and isinstance(value, list):
            return short(", ".join(names.name(related, pk) for pk in value))
        if getattr(target, "choices", None):
            labels = {str(code): str(label) for code, label in target.flatchoices}
            if isinstance(value, list):
                return short(", ".join(labels.get(str(item), str(item)) for item in value))
            return labels.get(str(value), str(value))
        if isinstance(target, models.DateTimeField | models.DateField) and isinstance(value, str):
            try:
                moment = (
                    datetime.datetime.fromisoformat(value)
                    if isinstance(target, models.DateTimeField)
                    else datetime.date.fromisoformat(value)
                )
            except ValueError:
                return short(value)
            return moment_text(moment)
    return _plain_text(value)


# Labels of fields whose model gives no translatable verbose_name (Django made it from the
# field's name), so the log reads in the reader's language all the same.
GENERIC_LABELS = {
    "cohort": gettext_lazy("Cohort"),
    "organisation": gettext_lazy("Organisation"),
    "person": gettext_lazy("Person"),
    "user": gettext_lazy("User"),
    "created": gettext_lazy("Newly created"),
    "filename": gettext_lazy("File name"),
    "late": gettext_lazy("Late"),
    "linked": gettext_lazy("Linked"),
    "placements_reported": gettext_lazy("Placements reported"),
    "present": gettext_lazy("Present"),
}


def field_label(model: type[models.Model] | None, key: str) -> str:
    target = _model_field(model, key)
    verbose = getattr(target, "verbose_name", None)
    derived = verbose is None or (isinstance(verbose, str) and verbose == key.replace("_", " "))
    if verbose and not (derived and key in GENERIC_LABELS):
        return capfirst(str(verbose))
    from twinning.calls.audit_display import FIELD_LABELS

    label = GENERIC_LABELS.get(key) or FIELD_LABELS.get(key) or key.replace("_", " ")
    return capfirst(str(label))


def readable(entries: Iterable[AuditRecord]) -> list[ReadableRecord]:
    """The entries as text for a page, the API or the CLI (actors must be select_related)."""
    entries = list(entries)
    names = _Names(entries)
    lines = []
    for entry in entries:
        model = _model_class(entry)
        kind = capfirst(str(model._meta.verbose_name)) if model else _("deleted kind of record")
        changes = [
            ReadableChange(
                label=field_label(model, key),
                old=value_text(_model_field(model, key), old, names),
                new=value_text(_model_field(model, key), new, names),
            )
            for key, (old, new) in _pairs(entry)
        ]
        lines.append(
            ReadableRecord(
                entry=entry,
                kind=kind,
                name=entry.record_label or f"#{entry.record_id}",
                verb=verb_label(entry.verb, model._meta.app_label if model else ""),
                actor=_name_of(entry.actor) if entry.actor else _("system"),
                channel=str(Channel(entry.channel).label)
                if entry.channel in Channel.values
                else entry.channel,
                when=moment_text(entry.created_at),
                changes=changes,
            )
        )
    return lines
