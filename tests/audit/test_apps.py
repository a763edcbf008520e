"""Programmes, exchanges, calls, ingest, accounts and privacy write the generic audit log."""

from __future__ import annotations

import datetime
import decimal

import pytest
from django.core.exceptions import PermissionDenied

from tests.calls.factories import chinese, european, make_call, staff_of, submitted
from tests.factories import OrganisationFactory, PersonFactory, UserFactory
from twinning.audit.models import AuditRecord

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def topics(db):
    from twinning.directory.actions import sync_topics

    sync_topics()


def _entries(model: str) -> list[AuditRecord]:
    return list(AuditRecord.objects.filter(record_type__model=model).order_by("pk"))


def test_programme_cohort_pair_and_status(coordinator):
    from twinning.programmes import actions

    programme = actions.create_programme(name="Green Bridges", actor=coordinator)
    cohort = actions.open_cohort(programme=programme, year=2027, actor=coordinator)
    a, b = european(name="Zero Waste Lyon"), chinese(name="Chengdu Green Home")
    pair = actions.form_pair(cohort=cohort, organisation_a=a, organisation_b=b, actor=coordinator)
    actions.set_pair_status(pair=pair, status="completed", actor=coordinator)
    assert _entries("programme")[0].changes["name"] == [None, "Green Bridges"]
    assert _entries("cohort")[0].changes["year"] == [None, 2027]
    created, updated = _entries("pair")
    assert created.changes["organisation_a"] == [None, a.pk]
    assert created.changes["organisation_b"] == [None, b.pk]
    assert created.organisation == a
    assert updated.changes == {"status": ["active", "completed"]}


def test_grants_record_the_amounts_and_refusal_writes_nothing(coordinator, member):
    from twinning.programmes.actions import ProgrammeError, create_programme, set_programme_grants

    programme = create_programme(name="Green Bridges")
    AuditRecord.objects.all().delete()
    with pytest.raises(PermissionDenied):
        set_programme_grants(actor=member, programme=programme, currency="EUR")
    with pytest.raises(ProgrammeError):
        set_programme_grants(
            actor=coordinator, programme=programme, currency="E", per_partner=decimal.Decimal(5)
        )
    assert not AuditRecord.objects.exists()
    set_programme_grants(
        actor=coordinator, programme=programme, currency="eur", per_partner=decimal.Decimal("1500")
    )
    (entry,) = AuditRecord.objects.all()
    assert entry.changes == {"currency": ["", "EUR"], "grant_per_partner": [None, "1500"]}


def test_events_and_visits(coordinator):
    from twinning.programmes.actions import record_event, record_visit

    host, visitor = OrganisationFactory(name="Host"), OrganisationFactory(name="Visitor")
    record_event(
        name="Forum", start=datetime.date(2026, 5, 2), organisers=[host], actor=coordinator
    )
    record_visit(date=datetime.date(2026, 6, 1), host=host, visitors=[visitor], actor=coordinator)
    (event,) = _entries("event")
    assert event.changes["organisers"] == [None, [host.pk]]
    assert event.changes["start"] == [None, "2026-05-02"]
    assert event.organisation == host
    (visit,) = _entries("visit")
    assert visit.changes["visitors"] == [None, [visitor.pk]]
    assert visit.organisation == host


def test_pairing_run_accepted(cohort, coordinator, django_capture_on_commit_callbacks):
    from twinning.pairing.actions import accept_pairing_run, start_pairing_run

    with django_capture_on_commit_callbacks(execute=True):
        run = start_pairing_run(cohort=cohort, user=coordinator)
    run.refresh_from_db()
    accept_pairing_run(run=run, user=coordinator, reason="Best topical fit.")
    started, accepted = _entries("pairingrun")
    assert started.verb == "created"
    assert accepted.verb == "accepted"
    assert accepted.changes["acceptance_reason"] == [None, "Best topical fit."]
    assert len(_entries("pair")) == len(accepted.changes["accepted_pairs"][1])
    assert {entry.actor for entry in _entries("pair")} == {coordinator}


def test_calls_write_both_logs():
    call = make_call()
    organisation = european(name="Zero Waste Lyon", topics=["waste"])
    user = staff_of(organisation, "lea")
    application = submitted(call, organisation, user)
    assert (
        call.audit_entries.count()
        == AuditRecord.objects.filter(record_type__app_label="calls").count()
    )
    created = _entries("application")[0]
    assert created.changes["organisation"] == [None, organisation.slug]
    assert created.organisation == organisation
    assert _entries("application")[-1].verb == "submitted"
    assert _entries("application")[-1].record_id == application.pk


def test_exchanges_write_the_generic_log():
    from tests.exchanges.conftest import plan
    from twinning.programmes.actions import form_pair

    call = make_call()
    europe_org = european(name="Zero Waste Lyon", topics=["waste"])
    china_org = chinese(name="Chengdu Green Home", topics=["waste"])
    pair = form_pair(cohort=call.cohort, organisation_a=europe_org, organisation_b=china_org)
    fellow = staff_of(europe_org, "lea")
    placement = plan(pair, fellow)
    (entry,) = _entries("placement")
    assert (entry.verb, entry.actor, entry.record_id) == ("planned", fellow, placement.pk)
    assert entry.organisation == europe_org


def test_ingest_document_stored_and_candidate_reviewed(coordinator):
    from twinning.ingest.actions import fingerprint, reject_candidate, store_document
    from twinning.ingest.models import Candidate

    stored = store_document(
        data=b"The Blue River Society was founded in 1999 in Lyon.", filename="blue.txt"
    )
    (document_entry,) = _entries("document")
    assert document_entry.verb == "stored"
    assert document_entry.changes["source"] == [None, "blue.txt"]
    assert "text" not in document_entry.changes
    candidate = Candidate.objects.create(
        document=stored.document,
        kind="organisation",
        data={"name": "Blue River Society"},
        evidence="The Blue River Society",
        fingerprint=fingerprint("organisation", {"name": "Blue River Society"}),
    )
    reject_candidate(candidate=candidate, user=coordinator, note="not an organisation")
    (entry,) = _entries("candidate")
    assert entry.changes == {
        "status": ["pending", "rejected"],
        "note": [None, "not an organisation"],
    }


def test_sign_up_and_confirmation():
    from twinning.accounts.actions import confirm_email, sign_up

    user = sign_up(email="New@Example.org", password="a-long-password-1", language="zh-hans")
    confirm_email(user=user)
    confirm_email(user=user)
    signed_up, confirmed = _entries("user")
    assert signed_up.verb == "signed_up"
    assert signed_up.actor is None
    assert signed_up.changes == {"username": [None, "new"], "language": [None, "zh-hans"]}
    assert "password" not in str(signed_up.changes)
    assert (confirmed.verb, confirmed.actor) == ("confirmed", user)


def test_consent_recorded_and_refused(coordinator, member):
    from twinning.privacy.access import PrivacyRefused
    from twinning.privacy.actions import record_consent

    person = PersonFactory(name="Anna Berg", consent_at=None, consent_source="")
    with pytest.raises(PrivacyRefused):
        record_consent(actor=member, person=person, source="e-mail")
    assert not AuditRecord.objects.exists()
    moment = datetime.datetime(2026, 2, 1, 9, 30, tzinfo=datetime.UTC)
    record_consent(actor=coordinator, person=person, source="e-mail", given_at=moment)
    (entry,) = AuditRecord.objects.all()
    assert entry.changes == {
        "consent_at": [None, "2026-02-01T09:30:00+00:00"],
        "consent_source": ["", "e-mail"],
    }


def test_anonymising_a_person_removes_the_name_from_the_log(coordinator):
    from twinning.directory.actions import appoint, create_person
    from twinning.privacy.actions import ERASED, anonymise_person

    person = create_person(name="Anna Berg", actor=coordinator)
    appoint(person=person, organisation=OrganisationFactory(name="Blue"), title="Chair")
    anonymise_person(actor=coordinator, person=person)
    text = str(list(AuditRecord.objects.values_list("record_label", "changes")))
    assert "Anna Berg" not in text
    assert AuditRecord.objects.filter(verb="anonymised", record_label=ERASED).count() == 1
    assert AuditRecord.objects.filter(record_type__model="position").get().record_label == (
        f"{ERASED} — Chair (Blue)"
    )


def test_anonymising_a_user_removes_them_from_the_log(coordinator):
    from twinning.directory.actions import claim_staff_membership
    from twinning.privacy.actions import anonymise_user

    user = UserFactory(username="annaberg", email="anna@example.org")
    claim_staff_membership(user=user, organisation=OrganisationFactory(name="Blue"))
    anonymise_user(actor=coordinator, user=user)
    text = str(list(AuditRecord.objects.values_list("record_label", "changes")))
    assert "annaberg" not in text
    assert "anna@example.org" not in text
    claim = AuditRecord.objects.get(record_type__model="staffmembership")
    assert claim.actor == user  # the row stays, pointing at the anonymised account
    assert AuditRecord.objects.filter(verb="anonymised", actor=coordinator).count() == 1


def test_erasing_a_person_is_recorded_without_the_name(coordinator):
    from twinning.directory.actions import create_person
    from twinning.privacy.actions import erase_person

    person = create_person(name="Anna Berg", actor=coordinator)
    pk = person.pk
    erase_person(actor=coordinator, person=person)
    entries = _entries("person")
    assert [entry.verb for entry in entries] == ["created", "erased"]
    assert all(entry.record_id == pk for entry in entries)
    assert "Anna Berg" not in str([(e.record_label, e.changes) for e in entries])


def test_a_persons_data_download_holds_the_changes_they_made(coordinator):
    from twinning.directory.actions import create_person
    from twinning.privacy.actions import personal_data

    create_person(name="Anna Berg", actor=coordinator)
    rows = personal_data(actor=coordinator, user=coordinator)["records"]["audit.auditrecord"]
    assert [(row["verb"], row["record_label"]) for row in rows] == [("created", "Anna Berg")]


def test_accepting_a_candidate_creates_the_record_under_the_reviewer(coordinator):
    from twinning.ingest.actions import accept_candidate, fingerprint, merge_candidate
    from twinning.ingest.models import Candidate
    from twinning.library.actions import add_document

    document = add_document(title="Report", text="Blue River Society, Lyon.", source="r.txt")
    (document_entry,) = _entries("document")
    assert "text" not in document_entry.changes
    data = {"name": "Blue River Society", "country": "FR"}
    candidate = Candidate.objects.create(
        document=document,
        kind="organisation",
        data=data,
        evidence="Blue River Society",
        fingerprint=fingerprint("organisation", data),
    )
    organisation = accept_candidate(candidate=candidate, user=coordinator)
    (created,) = _entries("organisation")
    assert (created.verb, created.actor, created.record_id) == (
        "created",
        coordinator,
        organisation.pk,
    )
    (reviewed,) = _entries("candidate")
    assert reviewed.changes["status"] == ["pending", "accepted"]
    assert reviewed.organisation == organisation
    known = OrganisationFactory(name="Red Hill", city="")
    more = {"name": "Red Hill Society", "city": "Lyon"}
    second = Candidate.objects.create(
        document=document,
        kind="organisation",
        data=more,
        evidence="Red Hill Society",
        fingerprint=fingerprint("organisation", more),
    )
    merge_candidate(candidate=second, into=known, user=coordinator)
    merged = [entry for entry in _entries("organisation") if entry.verb == "merged"]
    assert len(merged) == 1
    assert merged[0].changes["city"] == ["", "Lyon"]
    assert merged[0].changes["other_names"] == [[], ["Red Hill Society"]]
