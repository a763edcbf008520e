"""Privacy: own data, erasure requests, anonymising accounts and people, consent, retention."""

from __future__ import annotations

import datetime
import json

import pytest
from django.contrib.auth import authenticate
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.calls.factories import european, make_call, reviewer_for, staff_of, submitted
from tests.factories import OrganisationFactory, PersonFactory, PositionFactory
from twinning.calls.actions import assign_reviewer, withdraw_application
from twinning.calls.enums import ApplicationStatus
from twinning.calls.models import Application, AuditEntry, Review
from twinning.cli import main
from twinning.directory.actions import claim_staff_membership
from twinning.directory.models import Person, Position
from twinning.privacy.access import PrivacyRefused
from twinning.privacy.actions import (
    anonymise_user,
    apply_retention,
    erase_person,
    personal_data,
    record_consent,
)
from twinning.privacy.models import ErasureRequest
from twinning.programmes.models import Visit, VisitParticipant

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def vocabulary(db):
    from twinning.directory.actions import sync_topics

    sync_topics()


def test_a_signed_in_person_downloads_their_own_data_without_password_hash(member, client):
    organisation = OrganisationFactory(name="River Keepers")
    claim_staff_membership(user=member, organisation=organisation, role="Treasurer")
    client.force_login(member)
    response = client.get(reverse("privacy:download"))
    assert response["Content-Disposition"] == 'attachment; filename="my-twinning-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "member@example.org"
    assert "password" not in json.dumps(data)
    (membership,) = data["records"]["directory.staffmembership"]
    assert (membership["organisation_id"], membership["role"]) == (organisation.pk, "Treasurer")


def test_visitors_are_sent_to_sign_in_and_no_one_reads_another_account(member, coordinator):
    response = Client().get(reverse("privacy:download"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    other = staff_of(european(name="Compost Circle"), "other")
    with pytest.raises(PrivacyRefused):
        personal_data(actor=other, user=member)
    assert personal_data(actor=coordinator, user=member)["account"]["username"] == "member"


def test_asking_for_erasure_records_one_open_request(member_client, member):
    url = reverse("privacy:request_erasure")
    assert member_client.post(url, {"reason": "Leaving the network"}).status_code == 302
    assert member_client.post(url, {"reason": "again"}).status_code == 302
    (request,) = ErasureRequest.objects.all()
    assert (request.user, request.reason, request.status) == (member, "Leaving the network", "open")
    page = member_client.get(reverse("privacy:mine")).content.decode()
    assert "You asked for erasure on" in page


def test_only_coordinators_see_and_handle_requests(member_client, member, coordinator_client):
    ErasureRequest.objects.create(user=member)
    assert member_client.get(reverse("privacy:manage")).status_code == 403
    response = member_client.post(reverse("privacy:anonymise_user", args=[member.pk]))
    assert response.status_code == 403
    member.refresh_from_db()
    assert member.username == "member" and member.is_active
    assert ErasureRequest.objects.get().status == "open"
    page = coordinator_client.get(reverse("privacy:manage")).content.decode()
    assert "member@example.org" in page


@pytest.mark.parametrize("rows", [1, 3])
def test_the_management_page_reads_a_fixed_number_of_queries(
    coordinator_client, django_assert_num_queries, rows
):
    for index in range(rows):
        PersonFactory(name=f"Person {index}")
        ErasureRequest.objects.create(user=staff_of(european(), f"leaver{index}"))
    with django_assert_num_queries(4):
        assert coordinator_client.get(reverse("privacy:manage")).status_code == 200


def test_anonymising_keeps_roles_reviews_and_audit_without_the_name(
    coordinator, coordinator_client
):
    call = make_call()
    applicant_org = european(name="Zero Waste Lyon")
    applicant = staff_of(applicant_org, "lea", first_name="Léa", last_name="Martin")
    application = submitted(call, applicant_org, applicant)
    reviewer = reviewer_for(call, "rita")
    assign_reviewer(application=application, reviewer=reviewer, actor=coordinator)
    AuditEntry.objects.create(
        call=call,
        actor=applicant,
        verb="updated",
        subject_type="application",
        subject_id=application.pk,
        changes={"note": "Léa Martin (lea@example.org) fixed it"},
    )
    ErasureRequest.objects.create(user=applicant)
    response = coordinator_client.post(reverse("privacy:anonymise_user", args=[applicant.pk]))
    assert response.status_code == 302
    applicant.refresh_from_db()
    assert (applicant.username, applicant.email) == (
        f"erased-{applicant.pk}",
        f"erased-{applicant.pk}@erased.invalid",
    )
    assert (applicant.first_name, applicant.last_name, applicant.is_active) == ("", "", False)
    assert authenticate(username="lea", password="a-long-password-1") is None
    assert applicant.staff_memberships.get().organisation == applicant_org  # the role stays
    assert Application.objects.get().created_by == applicant
    assert Review.objects.filter(application=application).count() == 1
    entries = AuditEntry.objects.filter(actor=applicant)
    assert entries.count() >= 1
    assert all("Léa" not in json.dumps(e.changes, ensure_ascii=False) for e in entries)
    assert [e.changes for e in entries if "note" in e.changes] == [
        {"note": "[erased] ([erased]) fixed it"}
    ]
    request = ErasureRequest.objects.get()
    assert (request.status, request.handled_by) == ("done", coordinator)
    with pytest.raises(PrivacyRefused, match="already anonymised"):
        anonymise_user(actor=coordinator, user=applicant)
    with pytest.raises(PrivacyRefused, match="your own account"):
        anonymise_user(actor=coordinator, user=coordinator)


def test_people_without_consent_are_not_shown_publicly(client, coordinator):
    organisation = OrganisationFactory(name="River Keepers")
    shown = PositionFactory(organisation=organisation, person__name="Ada Shown")
    hidden = PositionFactory(
        organisation=organisation, person__name="Bo Hidden", person__consent_at=None
    )
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "Ada Shown" in page and "Bo Hidden" not in page
    record_consent(actor=coordinator, person=hidden.person, source="e-mail of 3 November 2026")
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "Bo Hidden" in page
    assert shown.person.may_be_shown


def test_consent_anonymising_and_erasing_people_need_a_coordinator(
    member_client, coordinator_client
):
    person = PersonFactory(name="Ada Lindqvist", slug="ada", consent_at=None, consent_source="")
    url = reverse("privacy:person", args=["ada"])
    for operation in ("consent", "anonymise", "erase"):
        assert member_client.post(url, {"do": operation, "source": "x"}).status_code == 403
    person.refresh_from_db()
    assert (person.name, person.consent_at) == ("Ada Lindqvist", None)
    coordinator_client.post(url, {"do": "consent", "source": ""})
    person.refresh_from_db()
    assert person.consent_at is None  # a consent needs its source
    coordinator_client.post(url, {"do": "consent", "source": "signed form, 2 Dec 2026"})
    person.refresh_from_db()
    assert person.consent_source == "signed form, 2 Dec 2026" and person.consent_at is not None
    PositionFactory(person=person, title="Chair")
    coordinator_client.post(url, {"do": "anonymise"})
    person.refresh_from_db()
    assert (person.name, person.slug, person.consent_at) == (
        "Anonymised person",
        f"anonymised-{person.pk}",
        None,
    )
    assert Position.objects.get(person=person).title == "Chair"  # the role stays


def test_erasing_a_person_who_took_part_in_a_visit_is_refused(coordinator):
    person = PersonFactory(name="Visitor")
    visit = Visit.objects.create(date=datetime.date(2019, 5, 3), host=OrganisationFactory())
    VisitParticipant.objects.create(visit=visit, person=person)
    with pytest.raises(PrivacyRefused, match="anonymise them instead"):
        erase_person(actor=coordinator, person=person)
    assert Person.objects.filter(pk=person.pk).exists()
    other = PersonFactory(name="Gone")
    erase_person(actor=coordinator, person=other)
    assert not Person.objects.filter(pk=other.pk).exists()


def test_retention_deletes_only_old_unsuccessful_applications(coordinator, member, capsys):
    call = make_call()
    old = submitted(call, european(name="Old Withdrawn"), staff_of(european(), "a1"))
    withdraw_application(application=old, actor=old.created_by)
    recent = submitted(call, european(name="Recent Withdrawn"), staff_of(european(), "a2"))
    withdraw_application(application=recent, actor=recent.created_by)
    kept = submitted(call, european(name="Submitted"), staff_of(european(), "a3"))
    long_ago = timezone.now() - datetime.timedelta(days=400)
    Application.objects.filter(pk__in=[old.pk, kept.pk]).update(updated_at=long_ago)
    with pytest.raises(PrivacyRefused):
        apply_retention(actor=member, days=365)
    assert Application.objects.count() == 3
    assert main(["apply-retention", "--days", "365", "--dry-run"]) == 0
    assert capsys.readouterr().out == "1 unsuccessful application(s) would be deleted.\n"
    assert Application.objects.count() == 3
    assert main(["apply-retention", "--days", "365"]) == 0
    assert set(Application.objects.values_list("pk", flat=True)) == {recent.pk, kept.pk}
    assert Application.objects.get(pk=recent.pk).status == ApplicationStatus.WITHDRAWN


def test_retention_without_a_period_is_refused(settings, capsys):
    settings.TWINNING_RETENTION_DAYS = 0
    assert main(["apply-retention"]) == 2
    assert "No retention period is set" in capsys.readouterr().err


def test_the_command_line_prints_and_anonymises_an_account(member, capsys):
    assert main(["personal-data", "member@example.org"]) == 0
    assert json.loads(capsys.readouterr().out)["account"]["username"] == "member"
    assert main(["anonymise-user", "member"]) == 0
    member.refresh_from_db()
    assert member.username == f"erased-{member.pk}"
    assert main(["anonymise-user", "nobody"]) == 2


def test_the_privacy_pages_render_in_chinese(member_client, coordinator_client):
    assert "下载我的数据" in member_client.get("/zh-hans/privacy/").content.decode()
    assert "删除申请" in coordinator_client.get("/zh-hans/privacy/manage/").content.decode()


def test_the_api_gives_your_own_data_and_takes_an_erasure_request(member_client, member):
    assert Client().get("/api/me/data").status_code == 401
    data = member_client.get("/api/me/data").json()
    assert data["account"]["email"] == "member@example.org"
    assert Client().post("/api/me/erasure", {}, content_type="application/json").status_code == 401
    response = member_client.post(
        "/api/me/erasure", {"reason": "moving on"}, content_type="application/json"
    )
    assert (response.status_code, response.json()["status"]) == (201, "open")
    again = member_client.post("/api/me/erasure", {}, content_type="application/json")
    assert again.status_code == 409
    assert ErasureRequest.objects.get().reason == "moving on"


def test_every_role_but_coordinators_is_kept_out_of_managing_personal_data(coordinator_client):
    call = make_call()
    applicant = staff_of(european(name="Applicant Org"), "applicant1")
    reviewer = reviewer_for(call, "reviewer1")
    person = PersonFactory(name="Kept Person", slug="kept")
    ErasureRequest.objects.create(user=applicant)
    anonymous = Client()
    assert anonymous.get(reverse("privacy:manage")).status_code == 302
    for user in (applicant, reviewer):
        client = Client()
        client.force_login(user)
        assert client.get(reverse("privacy:manage")).status_code == 403
        assert (
            client.post(reverse("privacy:anonymise_user", args=[applicant.pk])).status_code == 403
        )
        assert (
            client.post(reverse("privacy:person", args=["kept"]), {"do": "erase"}).status_code
            == 403
        )
        with pytest.raises(PrivacyRefused):
            apply_retention(actor=user, days=1)
    applicant.refresh_from_db()
    assert applicant.username == "applicant1" and applicant.is_active
    assert Person.objects.get(pk=person.pk).name == "Kept Person"
    assert ErasureRequest.objects.get().status == "open"
    assert coordinator_client.get(reverse("privacy:manage")).status_code == 200
