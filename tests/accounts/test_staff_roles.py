"""Revoking a staff role from the site: a list of granted roles and a confirmation step for
coordinators, the audit record, and a refusal for every other role that changes nothing."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.calls.factories import make_call, reviewer_for, staff_of
from tests.factories import OrganisationFactory, UserFactory
from twinning.audit.models import AuditRecord
from twinning.directory.actions import DirectoryError, revoke_staff_membership
from twinning.directory.models import StaffMembership

pytestmark = pytest.mark.django_db


@pytest.fixture
def lyon():
    return OrganisationFactory(name="Zero Waste Lyon", slug="zero-waste-lyon")


@pytest.fixture
def role(lyon):
    editor = staff_of(lyon, "lyon-editor", email="editor@lyon.example.org")
    membership = editor.staff_memberships.get()
    membership.role = "Treasurer"
    membership.save(update_fields=["role"])
    return membership


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _state():
    return (
        sorted(StaffMembership.objects.values_list("user__username", "organisation__slug")),
        AuditRecord.objects.count(),
    )


def test_the_coordinator_sees_every_granted_role_with_a_revoke_link(coordinator_client, role):
    pending = StaffMembership.objects.create(
        user=UserFactory(username="claimant"), organisation=role.organisation
    )
    page = coordinator_client.get(reverse("accounts:staff_roles")).content.decode()
    assert "editor@lyon.example.org (Treasurer)" in page
    assert reverse("accounts:revoke_role", args=[role.pk]) in page
    assert reverse("accounts:revoke_role", args=[pending.pk]) not in page  # a claim, not a role
    mine = coordinator_client.get(reverse("accounts:organisations")).content.decode()
    assert reverse("accounts:staff_roles") in mine


def test_revoking_asks_first_and_a_get_changes_nothing(coordinator_client, role):
    before = _state()
    page = coordinator_client.get(reverse("accounts:revoke_role", args=[role.pk])).content.decode()
    assert (
        "editor@lyon.example.org will no longer speak for Zero Waste Lyon: they can no longer"
        " edit its profile, apply to calls for it or read its history." in page
    )
    assert 'name="csrfmiddlewaretoken"' in page
    assert 'method="post"' in page
    assert _state() == before


def test_the_coordinator_revokes_with_a_message_and_an_audit_record(
    coordinator, coordinator_client, role, lyon
):
    answer = coordinator_client.post(reverse("accounts:revoke_role", args=[role.pk]), follow=True)
    assert answer.redirect_chain == [(reverse("accounts:staff_roles"), 302)]
    assert (
        "editor@lyon.example.org no longer speaks for Zero Waste Lyon." in answer.content.decode()
    )
    assert not StaffMembership.objects.filter(pk=role.pk).exists()
    entry = AuditRecord.objects.get(verb="revoked")
    assert entry.actor == coordinator
    assert entry.record_label == "lyon-editor @ Zero Waste Lyon"
    assert entry.organisation == lyon
    assert entry.channel == "web"
    assert entry.changes == {
        "user": [role.user_id, None],
        "organisation": [lyon.pk, None],
        "role": ["Treasurer", None],
        "is_approved": [True, None],
    }
    history = coordinator_client.get(
        reverse("audit:organisation", args=["zero-waste-lyon"]), headers={"HX-Request": "true"}
    ).content.decode()
    assert "revoked" in history


def test_the_revoked_editor_no_longer_edits_the_profile(coordinator_client, role):
    editor = _client(role.user)
    edit = reverse("accounts:edit_organisation", args=["zero-waste-lyon"])
    assert editor.get(edit).status_code == 200
    coordinator_client.post(reverse("accounts:revoke_role", args=[role.pk]))
    assert editor.get(edit).status_code in (403, 404)


def test_revoking_a_role_revoked_meanwhile_says_so(coordinator, coordinator_client, role):
    stale = StaffMembership.objects.get(pk=role.pk)
    revoke_staff_membership(actor=coordinator, membership=role)
    with pytest.raises(DirectoryError, match="This role was already revoked."):
        revoke_staff_membership(actor=coordinator, membership=stale)
    assert AuditRecord.objects.filter(verb="revoked").count() == 1
    assert (
        coordinator_client.post(reverse("accounts:revoke_role", args=[role.pk])).status_code == 404
    )


def _members_of_every_other_role(role):
    """Signed-in users who are not coordinators: the role's own holder, a colleague, staff of
    another organisation, a reviewer, an account with no role, an inactive coordinator."""
    colleague = staff_of(role.organisation, "colleague")
    elsewhere = staff_of(OrganisationFactory(), "elsewhere")
    reviewer = reviewer_for(make_call(), "reviewer")
    nobody = UserFactory(username="nobody")
    retired = UserFactory(username="retired", is_staff=True, is_active=False)
    return {
        "holder": role.user,
        "colleague": colleague,
        "other staff": elsewhere,
        "reviewer": reviewer,
        "no role": nobody,
        "inactive coordinator": retired,
    }


def test_every_other_role_is_refused_and_nothing_changes(role):
    people = _members_of_every_other_role(role)
    before = _state()
    for who, user in people.items():
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        for url in (
            reverse("accounts:staff_roles"),
            reverse("accounts:revoke_role", args=[role.pk]),
        ):
            answer = client.get(url)
            # an inactive account is signed out by the session middleware: sent to sign in
            expected = 302 if who == "inactive coordinator" else 403
            assert answer.status_code == expected, (who, url)
        answer = client.post(reverse("accounts:revoke_role", args=[role.pk]))
        assert answer.status_code == (302 if who == "inactive coordinator" else 403), who
        assert _state() == before, who
        with pytest.raises(Exception) as refused:
            revoke_staff_membership(actor=user, membership=role)
        assert type(refused.value).__name__ == "PermissionDenied", who
        assert _state() == before, who


def test_anonymous_visitors_are_sent_to_sign_in_and_nothing_changes(client, role):
    before = _state()
    for answer in (
        client.get(reverse("accounts:staff_roles")),
        client.post(reverse("accounts:revoke_role", args=[role.pk])),
    ):
        assert answer.status_code == 302
        assert answer["Location"].startswith(reverse("accounts:login"))
    assert _state() == before


def test_a_post_without_csrf_token_is_refused(coordinator, role):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    assert client.post(reverse("accounts:revoke_role", args=[role.pk])).status_code == 403
    assert StaffMembership.objects.filter(pk=role.pk).exists()


def test_the_pages_speak_chinese(coordinator_client, role):
    listing_url = "/zh-hans" + reverse("accounts:staff_roles")
    revoke_url = "/zh-hans" + reverse("accounts:revoke_role", args=[role.pk])
    assert "员工角色" in coordinator_client.get(listing_url).content.decode()
    confirm = coordinator_client.get(revoke_url).content.decode()
    assert "editor@lyon.example.org 将不再代表 Zero Waste Lyon" in confirm
    assert "确认撤销该角色" in confirm
    answer = coordinator_client.post(revoke_url, follow=True)
    assert "editor@lyon.example.org 不再代表 Zero Waste Lyon。" in answer.content.decode()


@pytest.mark.parametrize("rows", [1, 3])
def test_the_roles_page_query_count_does_not_grow_with_rows(
    coordinator_client, django_assert_num_queries, rows
):
    for number in range(rows):
        staff_of(OrganisationFactory(name=f"Org {number}"), f"editor-{number}")
    url = reverse("accounts:staff_roles")
    coordinator_client.get(url)
    with django_assert_num_queries(4):  # session, user, count, the page of roles
        answer = coordinator_client.get(url)
    assert answer.content.decode().count("/revoke/") == rows
