"""Every button is styled by the site, never the browser's default grey outset box
('Filter', 'Save the draft', 'Record', 'Add' were), checked in real Chromium."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEFAULT_LOOKING = """() => [...document.querySelectorAll('button, input[type=submit]')]
  .filter(b => b.offsetParent !== null)
  .map(b => ({text: b.textContent.trim() || b.value, style: getComputedStyle(b)}))
  .map(({text, style}) => ({text, border: style.borderTopStyle, background: style.backgroundColor,
                            radius: style.borderTopLeftRadius}))"""


@pytest.mark.parametrize("path", ["/organisations/", "/programmes/network/", "/zh-hans/library/"])
def test_buttons_are_styled_by_the_site(live_server, page, path):
    page.goto(live_server.url + path)
    buttons = page.evaluate(DEFAULT_LOOKING)
    assert buttons, "the page should have a button"
    unstyled = [
        button
        for button in buttons
        if button["border"] == "outset" or button["background"] == "rgb(239, 239, 239)"
    ]
    assert unstyled == []
