"""Browser tests: Playwright for Python driving Debian's Chromium (never a downloaded browser)."""

from __future__ import annotations

import os
import shutil
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


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def save_screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def pick(page, select_id: str, search: str, option: str) -> None:
    """Choose in a searchable picker (Tom Select over `select#select_id`) by typing, as a user does."""
    page.click(f"#{select_id} + .ts-wrapper .ts-control")
    page.keyboard.type(search)
    choice = page.locator(f"#{select_id}-ts-dropdown .option", has_text=option).first
    choice.wait_for(state="attached")
    if "active" in (choice.get_attribute("class") or ""):
        # The highlighted option is taken with Enter, as a keyboard user does; clicking it
        # races the dropdown's own repositioning on a busy machine.
        page.keyboard.press("Enter")
    else:
        choice.click()
    page.keyboard.press("Tab")  # leave the picker, as a keyboard user does
    assert (
        page.eval_on_selector(f"#{select_id}", "select => select.selectedOptions[0].text") == option
    )
