"""The critical visitor flow in real Chromium: home → directory → filter → organisation → pair."""

import pytest

from tests.e2e.conftest import save_screenshot
from tests.factories import CohortFactory, OrganisationFactory, PairFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def directory():
    cohort = CohortFactory(
        programme__name="EU–China NGO Twinning",
        programme__name_zh="中欧社会组织结对交流项目",
        year=2018,
    )
    europe = OrganisationFactory(
        name="Zero Waste Europe", country="BE", city="Brussels", topics=["waste"]
    )
    china = OrganisationFactory(
        name="Eco Canton",
        name_zh="宜居广州",
        country="CN",
        city="Guangzhou",
        topics=["waste"],
        description="Works on household waste sorting.",
    )
    OrganisationFactory(name="River Keepers", country="FI", topics=["water"])
    return PairFactory(cohort=cohort, organisation_a=europe, organisation_b=china, topics=["waste"])


def chinese_glyphs_render(page, selector: str) -> bool:
    """True when the CJK font is available and the text is drawn with real glyph widths."""
    return page.evaluate(
        """(selector) => {
            const element = document.querySelector(selector);
            const style = getComputedStyle(element);
            const fontOk = document.fonts.check(`16px "Noto Sans CJK SC"`);
            const canvas = document.createElement('canvas').getContext('2d');
            canvas.font = `16px ${style.fontFamily}`;
            const wide = canvas.measureText('宜居广州').width;
            return fontOk && wide > 48;
        }""",
        selector,
    )


@pytest.mark.parametrize("prefix", ["", "/zh-hans"])
def test_visitor_browses_to_a_pair(live_server, page, directory, prefix):
    page.goto(f"{live_server.url}{prefix}/")
    assert page.locator("html").get_attribute("lang") == ("zh-hans" if prefix else "en")
    assert page.locator(".main-nav a").first.inner_text() == (
        "组织名录" if prefix == "/zh-hans" else "Directory"
    )
    page.locator(".main-nav a").first.click()
    page.wait_for_url("**/organisations/**")
    assert page.locator(".card h3").count() == 3

    page.select_option("#id_topic", "waste")
    page.wait_for_function("() => document.querySelectorAll('#results .card h3').length === 2")
    assert "topic=waste" in page.url

    # Chinese organisations are named in Chinese first in the Chinese interface.
    page.get_by_role("link", name="宜居广州" if prefix else "Eco Canton").first.click()
    page.wait_for_url("**/organisations/green-society-*/")
    assert page.locator("h1 [lang='zh-hans']").inner_text() == "宜居广州"
    assert chinese_glyphs_render(page, "h1 [lang='zh-hans']")

    page.locator(f"a[href='{prefix}/programmes/pairs/{directory.pk}/']").first.click()
    page.wait_for_url(f"**/programmes/pairs/{directory.pk}/")
    assert "Zero Waste Europe" in page.locator("h1").inner_text()
    save_screenshot(page, f"pair{prefix.replace('/', '-') or '-en'}")


def test_language_switch_keeps_the_page(live_server, page, directory):
    page.goto(f"{live_server.url}/organisations/")
    page.locator("button[value='zh-hans']").click()
    page.wait_for_url("**/zh-hans/organisations/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
