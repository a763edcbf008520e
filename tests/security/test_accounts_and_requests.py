"""Account flows reveal no accounts and take no foreign token; redirects stay on the site; writes need CSRF."""

from __future__ import annotations

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.factories import DocumentFactory, OrganisationFactory, UserFactory
from twinning.accounts.models import User
from twinning.ingest.enums import CandidateKind, CandidateStatus
from twinning.ingest.models import Candidate

pytestmark = pytest.mark.django_db


def sign_up(client, email):
    return client.post(
        reverse("accounts:signup"),
        {
            "email": email,
            "display_name": "Mei",
            "password": "tandem-exchange-42",
            "language": "en",
        },
    )


def test_sign_up_answers_the_same_for_a_taken_address_and_tells_only_its_owner(client):
    UserFactory(username="taken", email="taken@example.org")

    taken = sign_up(client, "Taken@example.org")
    fresh = sign_up(client, "fresh@example.org")

    assert taken.status_code == fresh.status_code == 200
    assert "taken@example.org" in taken.content.decode()
    pages = [[t.name for t in r.templates if t.name.endswith(".html")] for r in (taken, fresh)]
    assert pages[0] == pages[1] and pages[0][0] == "accounts/signup_done.html"
    assert User.objects.filter(email="taken@example.org").count() == 1
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["taken@example.org"], "You already have a Twinning account"),
        (["fresh@example.org"], "Confirm your e-mail address"),
    ]


def test_a_password_reset_token_does_not_confirm_an_account(client):
    user = UserFactory(username="deactivated", is_active=False)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)

    response = client.get(reverse("accounts:confirm", kwargs={"uidb64": uid, "token": token}))

    assert response.status_code == 400
    user.refresh_from_db()
    assert user.is_active is False


def test_a_confirmation_link_works_once(client):
    sign_up(client, "mei@example.org")
    link = next(line for line in mail.outbox[0].body.splitlines() if "/confirm/" in line)
    path = link[link.index("/accounts/") :]

    assert client.get(path).status_code == 302
    assert client.get(path).status_code == 400


def test_the_confirmation_token_does_not_reset_a_password(client):
    sign_up(client, "mei@example.org")
    link = next(line for line in mail.outbox[0].body.splitlines() if "/confirm/" in line)
    uid, token = link.rstrip("/").split("/")[-2:]

    response = client.get(
        reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token}),
        follow=True,
    )

    assert response.context["validlink"] is False


def test_bulk_review_returns_to_pages_of_this_site_only(coordinator_client):
    candidates = [
        Candidate.objects.create(
            document=DocumentFactory(),
            kind=CandidateKind.ORGANISATION,
            data={"name": f"Candidate {n}"},
            fingerprint=str(n),
        )
        for n in range(2)
    ]
    url = reverse("ingest:review_bulk")

    away = coordinator_client.post(
        url,
        {"candidate": [candidates[0].pk], "decision": "reject", "next": "https://evil.example/"},
    )
    home = coordinator_client.post(
        url,
        {"candidate": [candidates[1].pk], "decision": "reject", "next": "/ingest/queue/?page=2"},
    )

    assert away.url == reverse("ingest:queue")
    assert home.url == "/ingest/queue/?page=2"
    assert set(Candidate.objects.values_list("status", flat=True)) == {CandidateStatus.REJECTED}


def test_a_visitor_on_a_decided_call_gets_the_page(client):
    from tests.calls.factories import make_call
    from twinning.calls.enums import CallStatus
    from twinning.calls.models import Call

    call = make_call()
    Call.objects.filter(pk=call.pk).update(status=CallStatus.DECIDED)

    assert client.get(reverse("calls:call", kwargs={"slug": call.slug})).status_code == 200


def test_api_and_page_writes_need_the_csrf_token(coordinator):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(coordinator)
    organisation = OrganisationFactory(slug="open-society", name="Open Society")

    api = browser.post("/api/calls", {}, content_type="application/json")
    page = browser.post(
        reverse("accounts:edit_organisation", kwargs={"slug": "open-society"}),
        {"name": "Renamed"},
    )

    assert api.status_code == 403 and page.status_code == 403
    organisation.refresh_from_db()
    assert organisation.name == "Open Society"


def test_changing_the_language_by_get_changes_nothing_and_never_leaves_the_site(client):
    response = client.get(
        reverse("set_language"), {"language": "zh-hans", "next": "https://evil.example/"}
    )

    assert "django_language" not in response.cookies
    assert not response.get("Location", "/").startswith("https://evil")


def test_a_member_cannot_edit_an_organisation_they_do_not_speak_for(member_client):
    OrganisationFactory(slug="open-society", name="Open Society")

    response = member_client.post(
        reverse("accounts:edit_organisation", kwargs={"slug": "open-society"}),
        {"name": "Taken over"},
    )

    assert response.status_code == 403
    assert not OrganisationFactory._meta.model.objects.filter(name="Taken over").exists()
