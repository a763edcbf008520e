"""The network in figures: charts (server-side SVG) with each chart's CSV and SVG to download."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from twinning.common.cache import public_page
from twinning.directory.access import visible_organisations
from twinning.directory.enums import Region
from twinning.directory.models import bilingual
from twinning.programmes.access import visible_pairs
from twinning.programmes.charts import Chart, Row, bar_chart
from twinning.programmes.figures import NetworkFigures, network_figures
from twinning.programmes.models import Visit


def _pairs_per_year(user: Any, found: NetworkFigures) -> Chart:
    rows = [
        Row(
            f"{bilingual(r['cohort__programme__name'], r['cohort__programme__name_zh'])} {r['cohort__year']}",
            (r["pairs"],),
            reverse("programmes:cohort", args=[r["cohort__programme__slug"], r["cohort__year"]]),
        )
        for r in found.by_year
    ]
    return bar_chart("pairs-per-year", _("Pairs per programme and year"), [_("pairs")], rows)


def _pairs_per_topic(user: Any, found: NetworkFigures) -> Chart:
    rows = [Row(bilingual(r["name"], r["name_zh"]), (r["pair_count"],), "") for r in found.by_topic]
    return bar_chart("pairs-per-topic", _("Pairs per exchange topic"), [_("pairs")], rows)


def _organisations_per_country(user: Any, found: NetworkFigures) -> Chart:
    rows = [
        Row(
            r["name"],
            (r["organisations"], r["paired"]),
            reverse("directory:list") + f"?country={r['country']}",
        )
        for r in found.by_country
    ]
    series = [_("organisations"), _("of them in a twinning pair")]
    return bar_chart("organisations-per-country", _("Organisations per country"), series, rows)


def _exchanges_per_direction(user: Any, found: NetworkFigures) -> Chart:
    visible = visible_organisations(user)
    visits = (
        Visit.objects.filter(host__in=visible)
        .select_related("host")
        .prefetch_related(Prefetch("visitors", queryset=visible))
    )
    counts: Counter[tuple[str, str]] = Counter()
    for visit in visits:
        origins = {visitor.region for visitor in visit.visitors.all()}
        for origin in origins:
            counts[(origin, visit.host.region)] += 1
    names = dict(Region.choices)
    rows = [
        Row(f"{names.get(origin, origin)} → {names.get(host, host)}", (count,), "")
        for (origin, host), count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    return bar_chart(
        "exchanges-per-direction", _("Delegation visits per direction"), [_("visits")], rows
    )


CHARTS: dict[str, Callable[[Any, NetworkFigures], Chart]] = {
    "pairs-per-year": _pairs_per_year,
    "pairs-per-topic": _pairs_per_topic,
    "organisations-per-country": _organisations_per_country,
    "exchanges-per-direction": _exchanges_per_direction,
}


def register_chart(
    name: str, build: Callable[[Any, NetworkFigures], Chart], *, before: str
) -> None:
    """Add a chart built by an app above programmes (calls), shown before chart `before`;
    programmes never imports those apps (ADR 0025)."""
    entries = [(key, value) for key, value in CHARTS.items() if key != name]
    at = next((i for i, (key, _build) in enumerate(entries) if key == before), len(entries))
    entries.insert(at, (name, build))
    CHARTS.clear()
    CHARTS.update(entries)


@public_page
def figures(request: HttpRequest) -> HttpResponse:
    """Every chart of the network, each with its figures as CSV and SVG."""
    found = network_figures(visible_pairs(request.user), visible_organisations(request.user))
    charts = [build(request.user, found) for build in CHARTS.values()]
    return render(request, "programmes/figures.html", {"charts": charts, "figures": found})


def figure_download(request: HttpRequest, name: str, format: str) -> HttpResponse:
    """One chart as a standalone SVG file, or its figures as CSV."""
    build = CHARTS.get(name)
    if build is None:
        raise Http404("No such figure.")
    found = network_figures(visible_pairs(request.user), visible_organisations(request.user))
    chart = build(request.user, found)
    if format == "csv":
        response = HttpResponse(chart.csv(_("label")), content_type="text/csv; charset=utf-8")
    else:
        svg = render_to_string("programmes/_bar_chart.svg", {"chart": chart}, request=request)
        response = HttpResponse(
            '<?xml version="1.0" encoding="UTF-8"?>\n' + svg, content_type="image/svg+xml"
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{format}"'
    return response
