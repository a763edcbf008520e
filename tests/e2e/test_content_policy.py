"""The Content Security Policy in real Chromium: the API docs (Swagger UI from local static
files) work under it, and script that is not a static file of the site is refused."""

import pytest

from tests.e2e.conftest import watch_policy

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_render_under_the_policy(live_server, page):
    page.goto(f"{live_server.url}/api/docs")

    page.locator(".opblock").first.wait_for(state="visible")
    assert page.locator(".opblock-summary-path", has_text="/api/organisations").count() >= 1


def test_injected_inline_script_is_refused(live_server, browser):
    context = browser.new_context()
    page = context.new_page()
    violations = watch_policy(page)
    page.goto(f"{live_server.url}/")

    page.evaluate(
        """() => {
          const script = document.createElement('script');
          script.textContent = 'window.injected = true';
          document.body.appendChild(script);
          document.body.insertAdjacentHTML('beforeend', '<img src="/no-such.png" onerror="window.handler = true">');
        }"""
    )
    page.wait_for_timeout(300)

    assert page.evaluate("() => [window.injected === true, window.handler === true]") == [
        False,
        False,
    ]
    assert len(violations) >= 1
    context.close()


def test_the_admin_renders_under_the_policy(live_server, page, django_user_model):
    """Django's admin (its own templates and scripts) works with `style-src 'self'`; the `page`
    fixture fails the test on any console line reporting a blocked style or script."""
    from tests.factories import OrganisationFactory

    django_user_model.objects.create_superuser("admin", "admin@example.org", "pw-admin-123")
    organisation = OrganisationFactory(name="Green Cities Lab", is_published=True)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "pw-admin-123")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    for path in (
        "/admin/",
        "/admin/directory/organisation/",
        f"/admin/directory/organisation/{organisation.pk}/change/",
        "/admin/directory/organisation/add/",
    ):
        answer = page.goto(f"{live_server.url}{path}")
        assert answer is not None and answer.status == 200, path
        page.wait_for_load_state("load")
    assert page.locator("#id_name").count() == 1
