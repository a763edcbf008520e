"""The cooperation network as nodes and edges for a graph layout (Cytoscape.js in the page).

Nodes are organisations a user may see, the programmes and events they organise or attend,
programmes' labs and trainings, and the cities (or countries) where those were held; edges are
twinning pairs, memberships, partnerships, delegation visits, organisers, participants,
activities and places. Filters narrow by programme, year and kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from twinning.directory import geography
from twinning.directory.access import visible_organisations
from twinning.directory.enums import AffiliationKind
from twinning.directory.models import Affiliation, City, Organisation
from twinning.programmes.access import visible_pairs
from twinning.programmes.enums import PairStatus
from twinning.programmes.models import Activity, Event, Programme, Visit

EDGE_KINDS = (
    "pair",
    "membership",
    "partner",
    "visit",
    "organiser",
    "participant",
    "activity",
    "place",
)


@dataclass(frozen=True)
class CountryNode:
    """A country as the place of activities whose sources name no city in it."""

    pk: str

    @property
    def name(self) -> str:
        return geography.country_name(self.pk)

    @property
    def display_name(self) -> str:
        return _("%(country)s, cities not named") % {"country": self.name}

    def get_absolute_url(self) -> str:
        return f"{reverse('programmes:map')}?country={self.pk}#region-{self.pk}"


NODE_PREFIX: dict[type, str] = {
    Organisation: "o",
    Programme: "p",
    Event: "e",
    Activity: "a",
    City: "c",
    CountryNode: "n",
}
NODE_KINDS = {
    "o": "organisation",
    "p": "programme",
    "e": "event",
    "a": "activity",
    "c": "city",
    "n": "country",
}
Node = Organisation | Programme | Event | Activity | City | CountryNode


@dataclass(frozen=True)
class GraphFilters:
    programme: str = ""
    year: int | None = None
    kinds: tuple[str, ...] = EDGE_KINDS

    @classmethod
    def from_query(cls, query: Any) -> GraphFilters:
        """Filters from a query string; unknown kinds are dropped, none chosen means all."""
        year_text = str(query.get("year", "")).strip()
        chosen = tuple(kind for kind in query.getlist("kind") if kind in EDGE_KINDS)
        return cls(
            programme=str(query.get("programme", "")).strip(),
            year=int(year_text) if year_text.isdigit() else None,
            kinds=chosen or EDGE_KINDS,
        )


@dataclass(frozen=True)
class Edge:
    kind: str
    source: Node
    target: Node
    label: str
    url: str

    @property
    def kind_label(self) -> str:
        return str(dict(edge_kind_choices())[self.kind])


def edge_kind_choices() -> list[tuple[str, str]]:
    return [
        ("pair", _("twinning pair")),
        ("membership", _("membership")),
        ("partner", _("partnership")),
        ("visit", _("delegation visit")),
        ("organiser", _("organiser")),
        ("participant", _("participant")),
        ("activity", _("lab, training or workshop")),
        ("place", _("held in")),
    ]


def _pair_edges(user: Any, filters: GraphFilters) -> list[Edge]:
    pairs = (
        visible_pairs(user)
        .exclude(status=PairStatus.WITHDRAWN)
        .select_related("cohort__programme", "organisation_a", "organisation_b")
        .order_by("cohort__year", "pk")
    )
    if filters.programme:
        pairs = pairs.filter(cohort__programme__slug=filters.programme)
    if filters.year:
        pairs = pairs.filter(cohort__year=filters.year)
    return [
        Edge(
            "pair",
            pair.organisation_a,
            pair.organisation_b,
            f"{pair.cohort.programme} {pair.cohort.year}",
            pair.get_absolute_url(),
        )
        for pair in pairs
    ]


def _affiliation_edges(user: Any, filters: GraphFilters) -> list[Edge]:
    if filters.programme:
        return []
    visible = visible_organisations(user)
    affiliations = Affiliation.objects.filter(
        organisation__in=visible, other__in=visible
    ).select_related("organisation", "other")
    if filters.year:
        affiliations = affiliations.filter(
            Q(start_year__lte=filters.year) | Q(start_year__isnull=True)
        ).filter(Q(end_year__gte=filters.year) | Q(end_year__isnull=True))
    edges = []
    for affiliation in affiliations.order_by("pk"):
        kind = "membership" if affiliation.kind == AffiliationKind.MEMBERSHIP else "partner"
        edges.append(
            Edge(
                kind,
                affiliation.organisation,
                affiliation.other,
                str(affiliation.get_kind_display()),
                affiliation.other.get_absolute_url(),
            )
        )
    return edges


def _visit_edges(user: Any, filters: GraphFilters) -> list[Edge]:
    if filters.programme:
        return []
    visible = visible_organisations(user)
    visits = (
        Visit.objects.filter(host__in=visible)
        .select_related("host")
        # Only visitors the reader may see become edges.
        .prefetch_related(Prefetch("visitors", queryset=visible))
        .order_by("date", "pk")
    )
    if filters.year:
        visits = visits.filter(date__year=filters.year)
    return [
        Edge("visit", visitor, visit.host, f"{visit.date:%Y-%m-%d}", visit.host.get_absolute_url())
        for visit in visits
        for visitor in visit.visitors.all()
    ]


def _event_edges(user: Any, filters: GraphFilters) -> list[Edge]:
    visible = visible_organisations(user)
    events = Event.objects.prefetch_related(
        Prefetch("organisers", queryset=visible.order_by("name")),
        Prefetch("participants", queryset=visible.order_by("name")),
    ).order_by("start", "pk")
    if filters.programme:
        events = events.filter(programme__slug=filters.programme)
    if filters.year:
        events = events.filter(start__year=filters.year)
    edges: list[Edge] = []
    for event in events:
        when = event.start_iso or ""
        url = event.get_absolute_url()
        edges.extend(Edge("organiser", o, event, when, url) for o in event.organisers.all())
        edges.extend(Edge("participant", o, event, when, url) for o in event.participants.all())
    return edges


def _programme_edges(user: Any, filters: GraphFilters) -> list[Edge]:
    programmes = Programme.objects.prefetch_related(
        Prefetch("organisers", queryset=visible_organisations(user).order_by("name"))
    ).order_by("name")
    if filters.programme:
        programmes = programmes.filter(slug=filters.programme)
    if filters.year:
        programmes = programmes.filter(
            Q(start_year__lte=filters.year) | Q(start_year__isnull=True)
        ).filter(Q(end_year__gte=filters.year) | Q(end_year__isnull=True))
    return [
        Edge("organiser", organisation, programme, str(programme), programme.get_absolute_url())
        for programme in programmes
        for organisation in programme.organisers.all()
    ]


def _organisers_and_participants(user: Any, filters: GraphFilters) -> list[Edge]:
    return [*_programme_edges(user, filters), *_event_edges(user, filters)]


def _activity_and_place_edges(user: Any, filters: GraphFilters) -> list[Edge]:
    """Programme → its labs and trainings, and each of them or an event → the city (or, when
    the sources name none, the country) where it was held."""
    activities = (
        Activity.objects.select_related("programme").prefetch_related("cities").order_by("pk")
    )
    events = Event.objects.filter(locality__isnull=False).select_related("locality")
    if filters.programme:
        activities = activities.filter(programme__slug=filters.programme)
        events = events.filter(programme__slug=filters.programme)
    if filters.year:
        activities = activities.filter(year=filters.year)
        events = events.filter(start__year=filters.year)
    edges: list[Edge] = []
    for activity in activities:
        when = str(activity.year or "")
        url = activity.get_absolute_url()
        edges.append(Edge("activity", activity.programme, activity, when, url))
        places: list[City | CountryNode] = list(activity.cities.all())
        if not places and activity.country:
            places = [CountryNode(activity.country)]
        edges.extend(
            Edge("place", activity, place, when, place.get_absolute_url()) for place in places
        )
    for event in events.order_by("start", "pk"):
        assert event.locality is not None
        edges.append(
            Edge("place", event, event.locality, event.start_iso or "", event.get_absolute_url())
        )
    return edges


def _node_id(node: Node) -> str:
    return f"{NODE_PREFIX[type(node)]}{node.pk}"


def _node_data(node: Node, degree: int) -> dict[str, Any]:
    kind = NODE_KINDS[NODE_PREFIX[type(node)]]
    acronym = getattr(node, "acronym", "")
    return {
        "id": _node_id(node),
        "kind": kind,
        "label": acronym or node.display_name,
        "name": node.display_name,
        "url": node.get_absolute_url(),
        "country": getattr(node, "country", ""),
        "region": getattr(node, "region", ""),
        "degree": degree,
    }


def cooperation_edges(user: Any, filters: GraphFilters) -> list[Edge]:
    """Every link the filters keep, pairs first, in a stable order."""
    builders = {
        "pair": _pair_edges,
        "membership": _affiliation_edges,
        "partner": _affiliation_edges,
        "visit": _visit_edges,
        "organiser": _organisers_and_participants,
        "participant": _organisers_and_participants,
        "activity": _activity_and_place_edges,
        "place": _activity_and_place_edges,
    }
    edges: list[Edge] = []
    called = set()
    for kind in filters.kinds:
        builder = builders[kind]
        if builder in called:
            continue
        called.add(builder)
        edges.extend(edge for edge in builder(user, filters) if edge.kind in filters.kinds)
    return edges


def graph_elements(edges: list[Edge]) -> dict[str, list[dict[str, Any]]]:
    """Cytoscape.js elements: `nodes` and `edges`, each a {"data": {...}} dict."""
    nodes_by_id: dict[str, Node] = {}
    degree: dict[str, int] = {}
    for edge in edges:
        for node in (edge.source, edge.target):
            key = _node_id(node)
            nodes_by_id[key] = node
            degree[key] = degree.get(key, 0) + 1
    ordered = sorted(
        nodes_by_id.items(), key=lambda item: (item[0][0], str(item[1].name).casefold())
    )
    nodes = [{"data": _node_data(node, degree[key])} for key, node in ordered]
    links = [
        {
            "data": {
                "id": f"l{index}",
                "source": _node_id(edge.source),
                "target": _node_id(edge.target),
                "kind": edge.kind,
                "label": edge.label,
                "url": edge.url,
            }
        }
        for index, edge in enumerate(edges)
    ]
    return {"nodes": nodes, "edges": links}
