"""What of each exchange kind one user may export: the public network through the same
`visible_*` helpers as the pages, lists of related records cut to what the user may see.

`everything=True` is the operator's export at the command line (unpublished records and
their flags included, for moving data between installations); the web and API never use it.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Prefetch, Q

from twinning.directory.access import people_shown_to, public_positions, visible_organisations
from twinning.directory.models import Affiliation, Identifier
from twinning.exchange.kinds import BY_NAME, Kind
from twinning.exchange.names import NETWORK_KINDS  # noqa: F401 - imported from here too
from twinning.exchanges.access import visible_visits
from twinning.library.access import visible_documents
from twinning.programmes.access import visible_pairs
from twinning.programmes.models import VisitParticipant

# Fields no public export carries: how a person's consent was given is for coordinators.
PRIVATE_FIELDS = {"people": ("consent_source",)}


def public_fields(kind: Kind, *, everything: bool = False) -> tuple[str, ...]:
    """The columns of a kind's export: its key, fields and lists, less private fields."""
    hidden = () if everything else PRIVATE_FIELDS.get(kind.name, ())
    return tuple(name for name in (*kind.key, *kind.fields, *kind.many) if name not in hidden)


def _visible_rows(name: str, user: Any) -> models.QuerySet[Any]:
    organisations = visible_organisations(user)
    people = people_shown_to(user)
    if name == "organisations":
        return organisations
    if name == "identifiers":
        return Identifier.objects.filter(organisation__in=organisations)
    if name == "positions":
        return public_positions(user)
    if name == "people":  # people with a public role, or named in a visit one may see
        return people.filter(
            Q(positions__in=public_positions(user)) | Q(visits__visit__in=visible_visits(user))
        ).distinct()
    if name == "affiliations":
        return Affiliation.objects.filter(organisation__in=organisations, other__in=organisations)
    if name == "pairs":
        return visible_pairs(user)
    if name == "visits":
        return visible_visits(user)
    if name == "visit_participants":
        return VisitParticipant.objects.filter(
            Q(organisation__isnull=True) | Q(organisation__in=organisations),
            visit__in=visible_visits(user),
            person__in=people,
        )
    if name == "documents":
        return visible_documents(user)
    # Cities, programmes, cohorts, activities, city pairs and events are public.
    return BY_NAME[name].model._base_manager.all()


def _many_prefetches(kind: Kind, user: Any) -> list[Prefetch[Any]]:
    """Lists of organisations or people hold only those the user may see."""
    visible = {"Organisation": visible_organisations(user), "Person": people_shown_to(user)}
    prefetches = []
    for name in kind.many:
        target = kind.field(name).related_model.__name__
        queryset = visible.get(target)
        prefetches.append(Prefetch(name, queryset=queryset) if queryset is not None else name)
    return prefetches  # type: ignore[return-value]


def exported_rows(kind: Kind, user: Any = None, *, everything: bool = False) -> Any:
    """The rows of `kind` to export, ordered by id, with what their records need fetched."""
    from twinning.exchange.export import related_paths

    if everything:
        rows = kind.model._base_manager.prefetch_related(*kind.many)
    else:
        rows = _visible_rows(kind.name, user).prefetch_related(*_many_prefetches(kind, user))
    return rows.select_related(*related_paths(kind)).order_by("pk")
