"""Browser tests: Playwright for Python driving Debian's Chromium (never a downloaded browser)."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-results"


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip("Debian's chromium is not installed (make system-deps installs it)")
    # Playwright's sync API runs an event loop; Django must allow its ORM calls beside it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _requests_finish_before_the_flush(request):
    """Close every browser context and wait for the test server's request threads at teardown.

    A page can still be fetching when its test ends; the request thread then holds the shared
    in-memory database while pytest-django flushes it, the flush fails and the next test starts
    on the last one's rows. Set up after the live server (so torn down before its flush) and
    before the test's own pages (so torn down after them).
    """
    if "live_server" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("live_server")
    yield
    if "browser" in request.fixturenames:
        for context in list(request.getfixturevalue("browser").contexts):
            context.close()
    # The server's request threads are daemons it does not keep; Python names each after its
    # target, so they are found by name.
    for thread in threading.enumerate():
        if thread.name.endswith("(process_request_thread)"):
            thread.join(timeout=10)


def watch_policy(page) -> list[str]:
    """The console lines in which Chromium reports what the Content Security Policy blocked."""
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return violations


@pytest.fixture
def page(browser):
    """A page that fails its test if the Content Security Policy blocked anything on it."""
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    violations = watch_policy(page)
    yield page
    context.close()
    assert violations == [], violations


def save_screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def pick(page, select_id: str, search: str, option: str) -> None:
    """Choose in a searchable picker (Tom Select over `select#select_id`) by typing, as a user does.

    The option is chosen by a click event on the option itself, not by a pointer position
    (the dropdown repositions while it filters) and not by Enter (which submits the form if
    the dropdown has just closed). On a busy machine the choice can still be dropped; a user
    would then try again, so the helper does too (also when a click opened no dropdown), three
    times at most, and then fails on what the select holds.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    chosen = (
        f"select => select.selectedOptions.length && select.selectedOptions[0].text === {option!r}"
    )
    dropdown = page.locator(f"#{select_id}-ts-dropdown")
    for _attempt in range(3):
        page.click(f"#{select_id} + .ts-wrapper .ts-control")
        try:  # a click that lands while the form is still re-arranging opens nothing: click again
            dropdown.wait_for(state="visible", timeout=5000)
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            continue
        page.fill(f"#{select_id}-ts-control", search)
        choice = dropdown.locator(".option", has_text=option).first
        choice.wait_for(state="visible")
        choice.dispatch_event("click")
        try:
            page.wait_for_function(
                f"() => ({chosen})(document.getElementById({select_id!r}))", timeout=3000
            )
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    page.keyboard.press("Tab")  # leave the picker, as a keyboard user does
    assert (
        page.eval_on_selector(f"#{select_id}", "select => select.selectedOptions[0].text") == option
    )
