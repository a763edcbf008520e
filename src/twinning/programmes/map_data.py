"""What the map shows: cities with their organisations, events and activities, and the lines
of pairs, city pairs and visits between them, filtered by programme, year, topic and country.

Reads only what `user` may see (organisations through `visible_organisations`, pairs through
`visible_pairs`); a fixed handful of queries whatever the number of rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from twinning.directory import geography
from twinning.directory.access import visible_organisations
from twinning.directory.enums import AffiliationKind
from twinning.directory.models import Affiliation, City, Organisation
from twinning.programmes.access import visible_pairs
from twinning.programmes.cartography import Frame, border_paths, country_point, frame_around
from twinning.programmes.enums import PairStatus
from twinning.programmes.models import Activity, CityPair, Event, Pair, Visit

LABEL_MIN_WEIGHT = 2


@dataclass(frozen=True)
class MapFilters:
    programme: str = ""
    year: int | None = None
    topic: str = ""
    country: str = ""

    @classmethod
    def from_query(cls, query: Any) -> MapFilters:
        """Filters from a query string; a year that is no number is ignored."""
        year_text = str(query.get("year", "")).strip()
        return cls(
            programme=str(query.get("programme", "")).strip(),
            year=int(year_text) if year_text.isdigit() else None,
            topic=str(query.get("topic", "")).strip(),
            country=str(query.get("country", "")).strip().upper()[:2],
        )

    @property
    def narrows_activity(self) -> bool:
        return bool(self.programme or self.year)


@dataclass
class CityMarker:
    city: City
    x: float = 0.0
    y: float = 0.0
    label_on_left: bool = False
    organisations: list[Organisation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)

    @property
    def weight(self) -> int:
        return len(self.organisations) + len(self.events) + len(self.activities)

    @property
    def shows_label(self) -> bool:
        """Busy cities are named on the map; the others in their tooltip and the list."""
        return self.weight >= LABEL_MIN_WEIGHT

    @property
    def radius(self) -> float:
        return round(4 + min(self.weight, 16) ** 0.5 * 2, 1)


@dataclass
class RegionMarker:
    """Activities the sources place in a country without naming a city (EC-LINK's labs "in
    Chinese pilot cities"): drawn at the country's middle, visibly not a city."""

    country: str
    longitude: float
    latitude: float
    activities: list[Activity] = field(default_factory=list)
    x: float = 0.0
    y: float = 0.0

    @property
    def country_name(self) -> str:
        return geography.country_name(self.country)

    @property
    def radius(self) -> float:
        return round(6 + min(len(self.activities), 16) ** 0.5 * 2, 1)


@dataclass(frozen=True)
class MapLine:
    kind: str  # "pair", "city-pair", "visit", "partner" or "membership"
    start: City
    end: City
    label: str
    url: str
    x1: float = 0.0
    y1: float = 0.0
    x2: float = 0.0
    y2: float = 0.0


@dataclass(frozen=True)
class NetworkMap:
    frame: Frame
    borders: tuple[str, ...]
    markers: list[CityMarker]
    lines: list[MapLine]
    # Activities whose sources name a country but no city, at the country's middle.
    regions: list[RegionMarker] = field(default_factory=list)
    # Activities whose place names neither (or a country without borders): listed beside the map.
    unplaced: list[Activity] = field(default_factory=list)


def _placed(cities_path: str) -> Q:
    return Q(
        **{f"{cities_path}__latitude__isnull": False, f"{cities_path}__longitude__isnull": False}
    )


def _pairs(user: Any, filters: MapFilters) -> QuerySet[Pair]:
    pairs = (
        visible_pairs(user)
        .exclude(status=PairStatus.WITHDRAWN)
        .filter(_placed("organisation_a__locality"), _placed("organisation_b__locality"))
        .select_related("cohort__programme", "organisation_a__locality", "organisation_b__locality")
    )
    if filters.programme:
        pairs = pairs.filter(cohort__programme__slug=filters.programme)
    if filters.year:
        pairs = pairs.filter(cohort__year=filters.year)
    if filters.topic:
        pairs = pairs.filter(topics__slug=filters.topic)
    if filters.country:
        pairs = pairs.filter(
            Q(organisation_a__country=filters.country) | Q(organisation_b__country=filters.country)
        )
    return pairs.distinct()


def _city_pairs(filters: MapFilters) -> QuerySet[CityPair]:
    pairs = CityPair.objects.filter(_placed("city_a"), _placed("city_b")).select_related(
        "city_a", "city_b", "programme"
    )
    if filters.programme:
        pairs = pairs.filter(programme__slug=filters.programme)
    if filters.year:
        pairs = pairs.filter(start_year__lte=filters.year).filter(
            Q(end_year__gte=filters.year) | Q(end_year__isnull=True)
        )
    if filters.topic:
        pairs = pairs.filter(topics__slug=filters.topic)
    if filters.country:
        pairs = pairs.filter(
            Q(city_a__country=filters.country) | Q(city_b__country=filters.country)
        )
    return pairs.distinct()


def _events(filters: MapFilters) -> QuerySet[Event]:
    events = Event.objects.filter(_placed("locality")).select_related("locality")
    if filters.programme:
        events = events.filter(programme__slug=filters.programme)
    if filters.year:
        events = events.filter(start__year=filters.year)
    if filters.topic:
        events = events.filter(topics__slug=filters.topic)
    if filters.country:
        events = events.filter(locality__country=filters.country)
    return events.distinct().order_by("start", "name")


def _filtered_activities(filters: MapFilters) -> QuerySet[Activity]:
    activities = Activity.objects.select_related("programme")
    if filters.programme:
        activities = activities.filter(programme__slug=filters.programme)
    if filters.year:
        activities = activities.filter(year=filters.year)
    if filters.topic:
        activities = activities.filter(topics__slug=filters.topic)
    return activities


def _activities(filters: MapFilters) -> QuerySet[Activity]:
    activities = _filtered_activities(filters).filter(cities__latitude__isnull=False)
    if filters.country:
        activities = activities.filter(cities__country=filters.country)
    return activities.distinct().prefetch_related("cities").order_by("year", "name")


def _unplaced_activities(filters: MapFilters) -> QuerySet[Activity]:
    activities = _filtered_activities(filters).filter(cities__isnull=True)
    if filters.country:
        activities = activities.filter(country=filters.country)
    return activities.order_by("year", "name")


def _regions(activities: list[Activity]) -> tuple[list[RegionMarker], list[Activity]]:
    """Activities with a country and no city grouped at their country's middle; the rest."""
    regions: dict[str, RegionMarker] = {}
    rest = []
    for activity in activities:
        point = None
        if activity.country and (numeric := geography.numeric_code(activity.country)):
            point = country_point(numeric)
        if point is None:
            rest.append(activity)
            continue
        region = regions.setdefault(activity.country, RegionMarker(activity.country, *point))
        region.activities.append(activity)
    return sorted(regions.values(), key=lambda r: r.country), rest


def _affiliation_lines(user: Any, filters: MapFilters) -> list[MapLine]:
    """Memberships and partnerships between organisations in two placed cities."""
    if filters.programme:
        return []
    visible = visible_organisations(user)
    affiliations = Affiliation.objects.filter(
        _placed("organisation__locality"),
        _placed("other__locality"),
        organisation__in=visible,
        other__in=visible,
    ).select_related("organisation__locality", "other__locality")
    if filters.year:
        affiliations = affiliations.filter(
            Q(start_year__lte=filters.year) | Q(start_year__isnull=True)
        ).filter(Q(end_year__gte=filters.year) | Q(end_year__isnull=True))
    if filters.topic:
        affiliations = affiliations.filter(
            Q(organisation__topics__slug=filters.topic) | Q(other__topics__slug=filters.topic)
        )
    if filters.country:
        affiliations = affiliations.filter(
            Q(organisation__country=filters.country) | Q(other__country=filters.country)
        )
    lines = []
    for affiliation in affiliations.distinct().order_by("pk"):
        kind = "membership" if affiliation.kind == AffiliationKind.MEMBERSHIP else "partner"
        start, end = affiliation.organisation.locality, affiliation.other.locality
        assert start is not None and end is not None
        label = f"{affiliation.organisation.display_name} – {affiliation.other.display_name}"
        lines.append(MapLine(kind, start, end, label, affiliation.other.get_absolute_url()))
    return lines


def _visits(user: Any, filters: MapFilters) -> QuerySet[Visit]:
    visible = visible_organisations(user)
    visits = (
        Visit.objects.filter(_placed("host__locality"), host__in=visible)
        .select_related("host__locality")
        .prefetch_related("visitors__locality")
    )
    if filters.programme:
        return visits.none()
    if filters.year:
        visits = visits.filter(date__year=filters.year)
    if filters.topic:
        visits = visits.filter(topics__slug=filters.topic)
    if filters.country:
        visits = visits.filter(
            Q(host__country=filters.country) | Q(visitors__country=filters.country)
        )
    return visits.distinct()


def _organisations(user: Any, filters: MapFilters, pairs: list[Pair]) -> QuerySet[Organisation]:
    organisations = (
        visible_organisations(user).filter(_placed("locality")).select_related("locality")
    )
    if filters.narrows_activity:
        paired = {pk for pair in pairs for pk in (pair.organisation_a_id, pair.organisation_b_id)}
        organisations = organisations.filter(pk__in=paired)
    if filters.topic:
        organisations = organisations.filter(topics__slug=filters.topic)
    if filters.country:
        organisations = organisations.filter(country=filters.country)
    return organisations.distinct().order_by("name")


def network_map(user: Any, filters: MapFilters) -> NetworkMap:
    """Markers per city and lines between cities, projected into a frame around them."""
    markers: dict[int, CityMarker] = {}

    def marker(city: City) -> CityMarker:
        return markers.setdefault(city.pk, CityMarker(city))

    pairs = list(_pairs(user, filters))
    for organisation in _organisations(user, filters, pairs):
        assert organisation.locality is not None
        marker(organisation.locality).organisations.append(organisation)
    for event in _events(filters):
        assert event.locality is not None
        marker(event.locality).events.append(event)
    for activity in _activities(filters):
        for city in activity.cities.all():
            if city.has_coordinates:
                marker(city).activities.append(activity)
    lines: list[MapLine] = []
    for pair in pairs:
        start, end = pair.organisation_a.locality, pair.organisation_b.locality
        assert start is not None and end is not None
        label = f"{pair.organisation_a.display_name} – {pair.organisation_b.display_name} ({pair.cohort.year})"
        lines.append(MapLine("pair", start, end, label, pair.get_absolute_url()))
    for city_pair in _city_pairs(filters):
        label = f"{city_pair.city_a.display_name} – {city_pair.city_b.display_name} ({city_pair.years_label})"
        lines.append(
            MapLine(
                "city-pair",
                city_pair.city_a,
                city_pair.city_b,
                label,
                city_pair.city_a.get_absolute_url(),
            )
        )
    for visit in _visits(user, filters):
        host_city = visit.host.locality
        assert host_city is not None
        marker(host_city)
        for visitor in visit.visitors.all():
            if visitor.locality is not None and visitor.locality.has_coordinates:
                label = (
                    f"{visitor.display_name} → {visit.host.display_name} ({visit.date:%Y-%m-%d})"
                )
                lines.append(
                    MapLine(
                        "visit", visitor.locality, host_city, label, visit.host.get_absolute_url()
                    )
                )
    lines.extend(_affiliation_lines(user, filters))
    for line in lines:
        marker(line.start)
        marker(line.end)
    regions, unplaced = _regions(list(_unplaced_activities(filters)))
    ordered = sorted(markers.values(), key=lambda m: (m.city.country, m.city.name))
    frame = frame_around(
        [
            *((m.city.longitude or 0.0, m.city.latitude or 0.0) for m in ordered),
            *((r.longitude, r.latitude) for r in regions),
        ]
    )
    for region in regions:
        region.x, region.y = frame.project(region.longitude, region.latitude)
    for item in ordered:
        item.x, item.y = frame.project(item.city.longitude or 0.0, item.city.latitude or 0.0)
        # Names near the eastern edge are written to the left of their circle, so none is cut.
        item.label_on_left = item.x > frame.width * 0.8
    projected = []
    for line in lines:
        if line.start.pk == line.end.pk:
            continue
        origin, target = markers[line.start.pk], markers[line.end.pk]
        projected.append(
            MapLine(
                line.kind,
                line.start,
                line.end,
                line.label,
                line.url,
                origin.x,
                origin.y,
                target.x,
                target.y,
            )
        )
    return NetworkMap(
        frame=frame,
        borders=border_paths(frame),
        markers=ordered,
        lines=projected,
        regions=regions,
        unplaced=unplaced,
    )
