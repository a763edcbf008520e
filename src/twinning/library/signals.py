"""Keep the search index current: every change marks its record pending and schedules the task."""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.db.models.fields.related_descriptors import ManyToManyDescriptor
from django.db.models.signals import m2m_changed, post_delete, post_save

from twinning.directory.models import Organisation, Person, Position
from twinning.library.enums import SearchKind
from twinning.library.models import Document
from twinning.library.search.indexing import remove_object, request_index
from twinning.library.search.tasks import schedule_index_update
from twinning.programmes.models import Activity, Event, Pair, Visit, VisitParticipant

KINDS = {
    Document: SearchKind.DOCUMENT,
    Organisation: SearchKind.ORGANISATION,
    Pair: SearchKind.PAIR,
    Event: SearchKind.EVENT,
    Visit: SearchKind.VISIT,
    Activity: SearchKind.ACTIVITY,
    Person: SearchKind.PERSON,
}
# Rows that are no search record themselves but show in one: a person's role, a visit's people.
PARTS: dict[type[Model], tuple[str, str]] = {
    Position: (SearchKind.PERSON, "person_id"),
    VisitParticipant: (SearchKind.VISIT, "visit_id"),
}


def _ids(queryset: Any) -> list[int]:
    return list(queryset.values_list("pk", flat=True).distinct())


def _related(instance: Any) -> list[tuple[str, list[int]]]:
    """Records whose index entry shows something of `instance` (visibility, names, programmes)."""
    if isinstance(instance, Organisation):
        return [
            (SearchKind.PAIR, _ids(Pair.objects.filter(organisation_a=instance))),
            (SearchKind.PAIR, _ids(Pair.objects.filter(organisation_b=instance))),
            (SearchKind.EVENT, _ids(Event.objects.filter(organisers=instance))),
            (SearchKind.VISIT, _ids(Visit.objects.filter(host=instance))),
            (SearchKind.VISIT, _ids(Visit.objects.filter(visitors=instance))),
            (SearchKind.PERSON, _ids(Person.objects.filter(positions__organisation=instance))),
        ]
    if isinstance(instance, Pair):
        return [(SearchKind.ORGANISATION, [instance.organisation_a_id, instance.organisation_b_id])]
    if isinstance(instance, Person):
        return [(SearchKind.VISIT, _ids(Visit.objects.filter(participants__person=instance)))]
    return []


def _changed(sender: type[Model], instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:  # loading fixtures: `twinning reindex` or the next drain covers them
        return
    request_index(KINDS[sender], [instance.pk])
    for kind, ids in _related(instance):
        request_index(kind, ids)
    schedule_index_update()


def _part_changed(sender: type[Model], instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    kind, field = PARTS[sender]
    request_index(kind, [getattr(instance, field)])
    schedule_index_update()


def _deleted(sender: type[Model], instance: Any, **kwargs: Any) -> None:
    remove_object(KINDS[sender], instance.pk)
    for kind, ids in _related(instance):
        request_index(kind, ids)
    schedule_index_update()


def _relations_changed(
    sender: type,
    instance: Any,
    action: str,
    reverse: bool,
    model: type[Model],
    pk_set: set[int] | None,
    **kwargs: Any,
) -> None:
    if not action.startswith("post_"):
        return
    if not reverse and type(instance) in KINDS:
        request_index(KINDS[type(instance)], [instance.pk])
    elif reverse and model in KINDS and pk_set:
        request_index(KINDS[model], pk_set)
    else:
        return
    schedule_index_update()


def connect() -> None:
    for model in KINDS:
        post_save.connect(_changed, sender=model, dispatch_uid=f"search-save-{model.__name__}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-delete-{model.__name__}")
    for part in PARTS:
        post_save.connect(_part_changed, sender=part, dispatch_uid=f"search-save-{part.__name__}")
        post_delete.connect(
            _part_changed, sender=part, dispatch_uid=f"search-delete-{part.__name__}"
        )
    relations: list[ManyToManyDescriptor[Any, Any]] = [
        Document.topics,
        Document.organisations,
        Organisation.topics,
        Pair.topics,
        Event.topics,
        Event.organisers,
        Visit.visitors,
        Visit.topics,
        Activity.topics,
    ]
    for relation in relations:
        m2m_changed.connect(
            _relations_changed,
            sender=relation.through,
            dispatch_uid=f"search-m2m-{relation.through.__name__}",
        )
