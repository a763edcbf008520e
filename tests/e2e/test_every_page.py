"""Every page, as every demo role, in English and Chinese, at 390 and 1280 px: no sideways
scroll, no HTTP error, and no critical or serious axe-core violation on the key pages."""

import pytest

from tests.e2e.walk import AXE_NODE_MODULE, walk_site
from twinning.demo.load import load_demo

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_every_page_fits_and_is_accessible(live_server, browser, settings):
    if not AXE_NODE_MODULE.exists():
        pytest.skip("axe-core is not installed (make vendor runs npm ci)")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_demo()
    problems = walk_site(browser, live_server.url)
    assert problems == []
