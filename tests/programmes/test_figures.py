import datetime

import pytest
from django.urls import reverse

from tests.factories import CohortFactory, OrganisationFactory, PairFactory
from twinning.programmes.charts import Row, bar_chart
from twinning.programmes.models import Visit

pytestmark = pytest.mark.django_db


def test_bar_chart_scales_bars_to_the_largest_value():
    chart = bar_chart("x", "Pairs", ["pairs", "accepted"], [Row("A", (4, 2)), Row("B", (1, 0))])
    first, second = chart.rows
    assert [bar.width for bar in first.bars] == [360, 180]
    assert [bar.width for bar in second.bars] == [90, 0]
    assert first.text == "4 / 2"
    assert [label for label, _colour, _x in chart.legend] == ["pairs", "accepted"]


def test_bar_chart_csv_has_a_byte_order_mark_and_chinese():
    chart = bar_chart("x", "Pairs", ["pairs"], [Row("中国", (3,))])
    assert chart.csv("label") == "\ufefflabel,pairs\r\n中国,3\r\n"


def test_empty_chart_has_no_rows():
    chart = bar_chart("x", "Pairs", ["pairs"], [])
    assert chart.rows == () and chart.height > 0


def _data():
    cohort = CohortFactory(year=2018, programme__name="EU–China NGO Twinning")
    french = OrganisationFactory(country="FR")
    chinese = OrganisationFactory(country="CN", city="Chongqing")
    PairFactory(cohort=cohort, organisation_a=french, organisation_b=chinese, topics=["waste"])
    visit = Visit.objects.create(date=datetime.date(2023, 11, 28), host=french)
    visit.visitors.add(chinese)


def test_figures_page_draws_every_chart_with_downloads(client):
    _data()
    page = client.get(reverse("programmes:figures")).content.decode()
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 4
    for name in (
        "pairs-per-year",
        "pairs-per-topic",
        "organisations-per-country",
        "exchanges-per-direction",
    ):
        assert f"/programmes/figures/{name}.csv" in page
        assert f"/programmes/figures/{name}.svg" in page
    assert "EU–China NGO Twinning 2018" in page
    assert "China → Europe" in page


def test_figure_csv_and_svg_downloads(client):
    _data()
    response = client.get("/programmes/figures/exchanges-per-direction.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode("utf-8") == "\ufefflabel,visits\r\nChina → Europe,1\r\n"
    svg = client.get("/programmes/figures/pairs-per-topic.svg")
    assert svg["Content-Type"] == "image/svg+xml"
    body = svg.content.decode()
    assert body.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')
    assert "Waste" in body
    assert client.get("/programmes/figures/nothing.csv").status_code == 404


def test_figures_in_chinese(client):
    _data()
    page = client.get("/zh-hans/programmes/figures/").content.decode()
    assert "中国 → 欧洲" in page
