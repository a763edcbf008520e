"""The cooperation network as nodes and edges for a graph layout (Cytoscape.js in the page).

Nodes are organisations a user may see; edges are twinning pairs, memberships, partnerships
and delegation visits between two of them. Filters narrow by programme, year and kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from twinning.directory.access import visible_organisations
from twinning.directory.enums import AffiliationKind
from twinning.directory.models import Affiliation, Organisation
from twinning.programmes.access import visible_pairs
from twinning.programmes.enums import PairStatus
from twinning.programmes.models import Visit

EDGE_KINDS = ("pair", "membership", "partner", "visit")


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
    source: Organisation
    target: Organisation
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


def cooperation_edges(user: Any, filters: GraphFilters) -> list[Edge]:
    """Every link the filters keep, pairs first, in a stable order."""
    builders = {
        "pair": _pair_edges,
        "membership": _affiliation_edges,
        "partner": _affiliation_edges,
        "visit": _visit_edges,
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
    organisations: dict[int, Organisation] = {}
    degree: dict[int, int] = {}
    for edge in edges:
        for organisation in (edge.source, edge.target):
            organisations[organisation.pk] = organisation
            degree[organisation.pk] = degree.get(organisation.pk, 0) + 1
    nodes = [
        {
            "data": {
                "id": f"o{o.pk}",
                "label": o.acronym or o.display_name,
                "name": o.display_name,
                "url": o.get_absolute_url(),
                "country": o.country,
                "region": o.region,
                "degree": degree[o.pk],
            }
        }
        for o in sorted(organisations.values(), key=lambda o: o.name.casefold())
    ]
    links = [
        {
            "data": {
                "id": f"e{index}",
                "source": f"o{edge.source.pk}",
                "target": f"o{edge.target.pk}",
                "kind": edge.kind,
                "label": edge.label,
                "url": edge.url,
            }
        }
        for index, edge in enumerate(edges)
    ]
    return {"nodes": nodes, "edges": links}
