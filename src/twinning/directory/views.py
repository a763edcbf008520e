"""Public pages of the directory: the searchable list and an organisation's page."""

from __future__ import annotations

from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from twinning.common.cache import public_page
from twinning.common.linked_data import json_ld
from twinning.common.views import paginate, query_without_page
from twinning.directory.access import (
    access_organisation,
    people_shown_to,
    positions_shown_to,
    speaks_for,
    visible_organisations,
)
from twinning.directory.countries import country_choices
from twinning.directory.enums import AffiliationKind, OrganisationType, Region
from twinning.directory.exchange import (
    ORGANISATION_COLUMNS,
    organisation_rows,
    stream_csv,
    stream_json,
)
from twinning.directory.models import Affiliation, Organisation, Topic
from twinning.directory.queries import DirectoryFilters, filter_organisations, sorted_for_language
from twinning.library.queries import sources_for
from twinning.programmes.access import visible_pairs
from twinning.programmes.models import Event, Pair, Programme, Visit, VisitParticipant


@public_page
def organisation_list(request: HttpRequest) -> HttpResponse:
    filters = DirectoryFilters.from_query(request.GET)
    organisations = filter_organisations(visible_organisations(request.user), filters)
    organisations = sorted_for_language(organisations).prefetch_related("topics")
    page = paginate(request, organisations)
    countries = (
        visible_organisations(request.user)
        .exclude(country="")
        .values_list("country", flat=True)
        .distinct()
    )
    context = {
        "page": page,
        "filters": filters,
        "query": query_without_page(request),
        # In the order of the language's country list (alphabetical, or pinyin in Chinese).
        "countries": [item for item in country_choices() if item[0] in set(countries)],
        "active_filters": sum(
            1
            for value in (
                filters.country,
                filters.region,
                filters.type,
                filters.topic,
                filters.programme,
                filters.year,
            )
            if value
        ),
        "regions": Region.choices,
        "types": OrganisationType.choices,
        "topics": Topic.objects.all(),
        "programmes": Programme.objects.all(),
        "years": Pair.objects.values_list("cohort__year", flat=True)
        .distinct()
        .order_by("-cohort__year"),
    }
    template = (
        "directory/_results.html" if request.headers.get("HX-Request") else "directory/list.html"
    )
    return render(request, template, context)


def organisation_json_ld(
    organisation: Organisation, request: HttpRequest, members_of: list[Organisation]
) -> str:
    """schema.org description of the organisation for search engines and linked-data readers."""
    data = {
        "@context": "https://schema.org",
        "@type": "NGO"
        if organisation.type in {OrganisationType.NGO, OrganisationType.YOUTH}
        else "Organization",
        "name": organisation.name,
        "alternateName": [
            n for n in (organisation.name_zh, organisation.acronym, *organisation.other_names) if n
        ],
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
        "description": organisation.description,
        "foundingDate": str(organisation.founded) if organisation.founded else None,
        "address": {
            key: value
            for key, value in {
                "@type": "PostalAddress",
                "addressCountry": organisation.country,
                "addressLocality": organisation.city,
                "addressRegion": organisation.province,
            }.items()
            if value
        },
        "sameAs": [organisation.website] if organisation.website else [],
        "knowsAbout": [topic.name for topic in organisation.topics.all()],
        "identifier": [
            {"@type": "PropertyValue", "propertyID": i.scheme, "value": i.value}
            for i in organisation.identifiers.all()
        ],
        "memberOf": [{"@type": "Organization", "name": network.name} for network in members_of],
    }
    return json_ld(data)


@public_page
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access_organisation(request.user, slug)
    # Relations show only organisations the reader may see: an unpublished partner stays hidden.
    visible = visible_organisations(request.user)
    pairs = (
        visible_pairs(request.user)
        .filter(Q(organisation_a=organisation) | Q(organisation_b=organisation))
        .select_related("cohort__programme", "organisation_a", "organisation_b")
        .prefetch_related("topics")
        .order_by("-cohort__year")
    )
    affiliations = (
        Affiliation.objects.filter(Q(organisation=organisation) | Q(other=organisation))
        .filter(organisation__in=visible, other__in=visible)
        .select_related("organisation", "other")
    )
    members_of = [
        a.other
        for a in affiliations
        if a.kind == AffiliationKind.MEMBERSHIP and a.organisation_id == organisation.pk
    ]
    members = [
        a.organisation
        for a in affiliations
        if a.kind == AffiliationKind.MEMBERSHIP and a.other_id == organisation.pk
    ]
    partners = [
        a.other if a.organisation_id == organisation.pk else a.organisation
        for a in affiliations
        if a.kind == AffiliationKind.PARTNER
    ]
    visits = (
        Visit.objects.filter(Q(host=organisation) | Q(visitors=organisation))
        .filter(host__in=visible)
        .distinct()
        .select_related("host")
        .prefetch_related(
            Prefetch("visitors", queryset=visible),
            Prefetch(
                "participants",
                queryset=VisitParticipant.objects.filter(
                    person__in=people_shown_to(request.user)
                ).select_related("person"),
            ),
            "topics",
        )
    )
    events = (
        Event.objects.filter(Q(organisers=organisation) | Q(participants=organisation))
        .distinct()
        .order_by("-start")
    )
    positions = positions_shown_to(request.user, organisation)
    context = {
        "organisation": organisation,
        "topics": organisation.topics.all(),
        "identifiers": organisation.identifiers.all(),
        "pairs": [(pair, pair.partner_of(organisation)) for pair in pairs],
        "members_of": members_of,
        "members": members,
        "partners": partners,
        "visits": visits,
        "events": events,
        "positions": positions,
        "sources": sources_for(organisation),
        "can_edit": speaks_for(request.user, organisation),
    }
    context["json_ld"] = organisation_json_ld(organisation, request, members_of)
    return render(request, "directory/detail.html", context)


def organisation_export(request: HttpRequest, format: str) -> StreamingHttpResponse:
    """The filtered directory as CSV or JSON, streamed row by row."""
    filters = DirectoryFilters.from_query(request.GET)
    organisations = (
        filter_organisations(visible_organisations(request.user), filters)
        .order_by("pk")
        .prefetch_related("topics")
    )
    rows = organisation_rows(organisations.iterator(chunk_size=500))
    if format == "csv":
        response = StreamingHttpResponse(
            stream_csv(rows, ORGANISATION_COLUMNS), content_type="text/csv; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(
            stream_json(rows), content_type="application/json; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="organisations.{format}"'
    return response
