"""The printable two-sided network diagram in real Chromium: every label is the organisation's
full name and lies wholly inside the SVG's viewBox, on screen and in print, English and Chinese."""

import pytest

from tests.factories import CohortFactory, OrganisationFactory, PairFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LONG_LEFT = "WWF Wetlands and Waterways Alliance of the Mediterranean MMMM Working Group"
LONG_RIGHT = "Guangdong Provincial Association for Watershed Management and Wetland Wardens"

MEASURE = """svg => {
  const box = svg.viewBox.baseVal;
  return [...svg.querySelectorAll('text')].map(text => {
    const b = text.getBBox();
    return {text: text.textContent, left: b.x, right: b.x + b.width, top: b.y,
            bottom: b.y + b.height, viewWidth: box.width, viewHeight: box.height};
  });
}"""


@pytest.fixture
def diagram():
    cohort = CohortFactory(year=2021)
    left = [
        OrganisationFactory(name=LONG_LEFT, country="DE"),
        OrganisationFactory(name="MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM", country="FR"),
        OrganisationFactory(name="Ville de Lyon", country="FR"),
    ]
    right = [
        OrganisationFactory(
            name=LONG_RIGHT, name_zh="广东省流域管理与湿地守护者协会", country="CN"
        ),
        OrganisationFactory(name="Wuhan WWWWWWWWWWWWWWWWWWWWWWWWWW", country="CN"),
        OrganisationFactory(name="Eco Canton", name_zh="宜居广州", country="CN"),
    ]
    for a, b in zip(left, right, strict=True):
        PairFactory(cohort=cohort, organisation_a=a, organisation_b=b)
    return left + right


@pytest.mark.parametrize("prefix", ["", "/zh-hans"])
@pytest.mark.parametrize("media", ["screen", "print"])
def test_every_label_is_whole_and_inside_the_diagram(live_server, browser, diagram, prefix, media):
    context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.emulate_media(media=media)
    page.goto(f"{live_server.url}{prefix}/programmes/network/")
    labels = page.eval_on_selector("svg.network", MEASURE)
    context.close()
    names = [text for text in (label["text"] for label in labels)]
    for organisation in diagram:
        expected = organisation.name_zh if prefix and organisation.name_zh else organisation.name
        assert any(name.startswith(expected) for name in names), (expected, names)
    outside = [
        label
        for label in labels
        if label["left"] < 0
        or label["right"] > label["viewWidth"]
        or label["top"] < 0
        or label["bottom"] > label["viewHeight"]
    ]
    assert len(labels) == 6 and outside == []
