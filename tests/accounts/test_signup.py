"""Sign-up with e-mail confirmation, sign-in by e-mail, password reset, claims and profiles."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import OrganisationFactory, UserFactory
from twinning.accounts.models import User
from twinning.directory.models import Organisation, StaffMembership

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0).split("testserver", 1)[1]


def test_sign_up_confirm_and_sign_in_with_email(client):
    response = client.post(
        reverse("accounts:signup"),
        {
            "email": "Mei@Example.org",
            "display_name": "Mei",
            "password": "tandem-exchange-42",
            "language": "zh-hans",
        },
    )
    assert "mei@example.org" in response.content.decode()
    user = User.objects.get()
    assert (user.email, user.is_active, user.language) == ("mei@example.org", False, "zh-hans")
    assert (
        client.post(
            reverse("accounts:login"),
            {"username": "mei@example.org", "password": "tandem-exchange-42"},
        ).status_code
        == 200
    )
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["mei@example.org"]
    confirmed = client.get(link_in(mail.outbox[0]))
    assert confirmed.url == reverse("accounts:login")
    assert User.objects.get().is_active
    signed_in = client.post(
        reverse("accounts:login"), {"username": "MEI@example.org", "password": "tandem-exchange-42"}
    )
    assert signed_in.status_code == 302
    assert client.get(reverse("accounts:organisations")).status_code == 200


def test_sign_up_refuses_a_weak_password(client):
    page = client.post(
        reverse("accounts:signup"),
        {"email": "weak@example.org", "display_name": "X", "password": "123", "language": "en"},
    ).content.decode()
    assert "This password is too short." in page
    assert User.objects.count() == 0 and mail.outbox == []


def test_a_forged_confirmation_link_activates_nothing(client):
    user = UserFactory(username="sleeper", is_active=False)
    response = client.get(
        reverse("accounts:confirm", kwargs={"uidb64": "MQ", "token": "forged-token"})
    )
    assert response.status_code == 400
    user.refresh_from_db()
    assert user.is_active is False


def test_password_reset_by_email(client):
    UserFactory(username="forgetful", email="forgetful@example.org")
    client.post(reverse("accounts:password_reset"), {"email": "forgetful@example.org"})
    assert mail.outbox[0].subject == "Reset your Twinning password"
    form_url = client.get(link_in(mail.outbox[0])).url
    client.post(
        form_url, {"new_password1": "a-fresh-password-77", "new_password2": "a-fresh-password-77"}
    )
    assert client.login(username="forgetful", password="a-fresh-password-77")


def test_claim_is_approved_by_a_coordinator_then_the_profile_is_editable(coordinator_client):
    organisation = OrganisationFactory(name="River Keepers", founded=2001)
    member = UserFactory(username="keeper")
    client = Client()
    client.force_login(member)
    client.post(
        reverse("accounts:organisations"), {"organisation": organisation.pk, "role": "Director"}
    )
    claim = StaffMembership.objects.get()
    edit = reverse("accounts:edit_organisation", args=[organisation.slug])
    assert client.get(edit).status_code == 403
    assert client.post(reverse("accounts:approve_claim", args=[claim.pk])).status_code == 403
    assert StaffMembership.objects.get().is_approved is False
    assert (
        "keeper@example.org"
        in coordinator_client.get(reverse("accounts:organisations")).content.decode()
    )
    coordinator_client.post(reverse("accounts:approve_claim", args=[claim.pk]))
    data = {
        "name": "River Keepers",
        "country": "FI",
        "founded": 2001,
        "type": "ngo",
        "description": "Rivers, cleaner.",
    }
    assert client.post(edit, data).status_code == 302
    assert Organisation.objects.get().description == "Rivers, cleaner."
