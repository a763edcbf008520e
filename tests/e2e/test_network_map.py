"""The network in real Chromium with every outside request refused: filter the map by year and
topic, open a city, reach an organisation; the graph lays itself out from vendored files.
English and Chinese, phone and desktop."""

import datetime
from urllib.parse import urlparse

import pytest
from django.contrib.staticfiles import finders

from tests.city_factories import CityFactory, CityPairFactory
from tests.e2e.conftest import save_screenshot, watch_policy
from tests.factories import CohortFactory, EventFactory, OrganisationFactory, PairFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture
def network():
    brussels = CityFactory(
        name="Brussels", name_zh="布鲁塞尔", country="BE", latitude=50.85, longitude=4.35
    )
    guangzhou = CityFactory(
        name="Guangzhou", name_zh="广州", country="CN", province="Guangdong", province_zh="广东",
        latitude=23.12, longitude=113.25,
    )  # fmt: skip
    beijing = CityFactory(
        name="Beijing", name_zh="北京", country="CN", latitude=39.91, longitude=116.40
    )
    europe = OrganisationFactory(
        name="Zero Waste Europe", country="BE", city="Brussels", locality=brussels
    )
    china = OrganisationFactory(
        name="Eco Canton", name_zh="宜居广州", country="CN", city="Guangzhou", locality=guangzhou
    )
    iclei = OrganisationFactory(name="ICLEI", country="DE", city="Bonn")
    cohort = CohortFactory(year=2018, programme__name="EU–China NGO Twinning")
    PairFactory(cohort=cohort, organisation_a=europe, organisation_b=china, topics=["waste"])
    event = EventFactory(
        name="EcoProcura China 2014", start=datetime.date(2014, 10, 1), locality=beijing
    )
    event.organisers.add(iclei)
    CityPairFactory(city_a=brussels, city_b=beijing, start_year=2019, end_year=2020)


@pytest.fixture(params=sorted(VIEWPORTS))
def offline_page(request, browser, live_server):
    """A page whose every request to anywhere but the test server is aborted and recorded."""
    context = browser.new_context(locale="en-GB", viewport=VIEWPORTS[request.param])
    outside: list[str] = []
    local = urlparse(live_server.url).netloc

    def route(route_request):
        if urlparse(route_request.request.url).netloc == local:
            route_request.continue_()
        else:
            outside.append(route_request.request.url)
            route_request.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.set_default_timeout(15000)
    violations = watch_policy(page)
    yield page, request.param, outside
    context.close()
    assert violations == [], violations


@pytest.mark.parametrize("prefix", ["", "/zh-hans"])
def test_filter_the_map_open_a_city_reach_an_organisation(
    live_server, offline_page, network, prefix
):
    page, viewport, outside = offline_page
    page.goto(f"{live_server.url}{prefix}/programmes/map/")
    assert page.locator("svg.network-map .borders path").count() > 10 or not finders.find(
        "twinning/vendor/world-atlas/countries-110m.json"
    )
    assert page.locator("svg.network-map circle").count() == 3
    if finders.find("twinning/vendor/@panzoom/panzoom/panzoom.min.js"):
        _pan_and_zoom(page)

    page.select_option("select[name=year]", "2018")
    page.select_option("select[name=topic]", "waste")
    page.locator("#map-filters button[type=submit]").click()
    page.wait_for_url("**year=2018**")
    assert page.locator("svg.network-map circle").count() == 2
    assert page.locator("svg.network-map line.pair").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    save_screenshot(page, f"map-{viewport}{prefix.replace('/', '-')}")

    city_name = "广州" if prefix else "Guangzhou"
    page.locator("#map-list a", has_text=city_name).first.click()
    page.wait_for_url("**/cities/**")
    assert city_name in page.locator("h1").inner_text()
    assert ("广东" if prefix else "Guangdong") in page.locator("dl.facts").inner_text()

    # Chinese pages name Chinese organisations in Chinese first.
    organisation_name = "宜居广州" if prefix else "Eco Canton"
    page.locator("main a", has_text=organisation_name).first.click()
    page.wait_for_url("**/organisations/**")
    assert organisation_name in page.locator("h1").inner_text()
    assert page.locator("dl.facts a", has_text=city_name).count() == 1
    assert outside == []


def _pan_and_zoom(page):
    """The zoom buttons and a drag move the map; a drag that ends on a city opens nothing."""
    page.wait_for_selector("#map-viewport[data-ready]")
    viewport = page.locator("#map-viewport")
    page.locator("#map-zoom [data-zoom=in]").click()
    page.locator("#map-zoom [data-zoom=in]").click()
    page.wait_for_function(
        "() => Number(document.getElementById('map-viewport').dataset.scale) > 1.5"
    )
    before = page.locator("svg.network-map").evaluate("svg => svg.style.transform")
    box = viewport.bounding_box()
    middle_x, middle_y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    url = page.url
    page.mouse.move(middle_x, middle_y)
    page.mouse.down()
    page.mouse.move(middle_x - 60, middle_y - 20, steps=5)
    page.mouse.up()
    assert page.locator("svg.network-map").evaluate("svg => svg.style.transform") != before
    assert page.url == url
    page.locator("#map-zoom [data-zoom=reset]").click()
    page.wait_for_function(
        "() => Number(document.getElementById('map-viewport').dataset.scale) === 1"
    )
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_the_graph_lays_out_offline(live_server, offline_page, network):
    if not finders.find("twinning/vendor/cytoscape/cytoscape.min.js"):
        pytest.skip("front-end packages not vendored (make vendor)")
    page, viewport, outside = offline_page
    page.goto(f"{live_server.url}/zh-hans/programmes/graph/")
    page.wait_for_selector("#cooperation-graph[data-ready]")
    # Zero Waste Europe, Eco Canton, ICLEI, the event it organised and Beijing, where it was held.
    assert page.locator("#cooperation-graph").get_attribute("data-ready") == "5"
    assert page.locator("#graph-list li").count() == 3
    save_screenshot(page, f"graph-{viewport}")
    assert outside == []
