"""Directory actions write the audit log: organisations, identifiers, people, affiliations,
roles, publication; refused changes write nothing."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied

from tests.factories import OrganisationFactory, PersonFactory, UserFactory
from twinning.audit.models import AuditRecord
from twinning.directory import actions
from twinning.directory.models import Identifier, Organisation, StaffMembership

pytestmark = pytest.mark.django_db


def _only() -> AuditRecord:
    (entry,) = AuditRecord.objects.all()
    return entry


def test_create_organisation_records_its_fields(coordinator):
    organisation = actions.create_organisation(
        name="Blue River", country="FR", founded=1999, actor=coordinator
    )
    entry = _only()
    assert entry.verb == "created"
    assert entry.actor == coordinator
    assert entry.record_type == ContentType.objects.get_for_model(Organisation)
    assert entry.record_id == organisation.pk
    assert entry.organisation == organisation
    assert entry.changes["name"] == [None, "Blue River"]
    assert entry.changes["country"] == [None, "FR"]
    assert entry.changes["founded"] == [None, 1999]


def test_update_organisation_records_only_changed_fields(coordinator):
    organisation = OrganisationFactory(name="Blue River", founded=2001, city="Berlin")
    actions.update_organisation(
        organisation=organisation, actor=coordinator, founded=2003, city="Berlin"
    )
    entry = _only()
    assert (entry.verb, entry.changes) == ("updated", {"founded": [2001, 2003]})


def test_update_without_change_records_nothing(coordinator):
    organisation = OrganisationFactory(founded=2001)
    actions.update_organisation(organisation=organisation, actor=coordinator, founded=2001)
    assert not AuditRecord.objects.exists()


def test_unpublishing_is_its_own_verb(coordinator):
    organisation = OrganisationFactory(is_published=True)
    actions.update_organisation(organisation=organisation, actor=coordinator, is_published=False)
    entry = _only()
    assert (entry.verb, entry.changes) == ("unpublished", {"is_published": [True, False]})


def test_topics_changes_are_recorded_as_ids(coordinator):
    from twinning.directory.models import Topic

    organisation = OrganisationFactory(topics=["water"])
    actions.update_organisation(
        organisation=organisation, actor=coordinator, topics=["water", "waste"], sdgs=[6]
    )
    water, waste = Topic.objects.get(slug="water"), Topic.objects.get(slug="waste")
    changes = _only().changes
    assert changes["topics"] == [[water.pk], sorted([water.pk, waste.pk])]


def test_profile_edit_through_library_is_recorded_once_with_the_editor(member):
    from twinning.library.actions import edit_organisation_profile

    organisation = OrganisationFactory(founded=2001)
    StaffMembership.objects.create(user=member, organisation=organisation, is_approved=True)
    edit_organisation_profile(actor=member, organisation=organisation, founded=2010)
    entry = _only()
    assert (entry.actor, entry.changes) == (member, {"founded": [2001, 2010]})


def test_identifiers_added_and_removed(coordinator):
    organisation = OrganisationFactory()
    identifier = actions.add_identifier(
        actor=coordinator, organisation=organisation, scheme="GB-CHC", value="1234567"
    )
    actions.remove_identifier(actor=coordinator, identifier=identifier)
    added, removed = AuditRecord.objects.order_by("pk")
    assert added.verb == "created"
    assert added.changes["value"] == [None, "1234567"]
    assert added.organisation == organisation
    assert removed.verb == "deleted"
    assert removed.changes["value"] == ["1234567", None]
    assert removed.record_label == "GB-CHC-1234567"


def test_refused_identifier_changes_nothing_and_writes_nothing(member):
    organisation = OrganisationFactory()
    with pytest.raises(PermissionDenied):
        actions.add_identifier(
            actor=member, organisation=organisation, scheme="GB-CHC", value="1234567"
        )
    assert not Identifier.objects.exists()
    assert not AuditRecord.objects.exists()


def test_people_positions_and_affiliations(coordinator):
    person = actions.create_person(name="Li Wei", actor=coordinator)
    organisation, other = OrganisationFactory(), OrganisationFactory()
    actions.appoint(person=person, organisation=organisation, title="Chair", actor=coordinator)
    actions.appoint(person=person, organisation=organisation, title="Chair", actor=coordinator)
    actions.affiliate(kind="member", organisation=organisation, other=other, actor=coordinator)
    kinds = [
        (entry.record_type.model, entry.verb)
        for entry in AuditRecord.objects.order_by("pk").select_related("record_type")
    ]
    assert kinds == [("person", "created"), ("position", "created"), ("affiliation", "created")]
    position_entry = AuditRecord.objects.get(record_type__model="position")
    assert position_entry.organisation == organisation
    assert position_entry.changes["title"] == [None, "Chair"]


def test_roles_granted_and_revoked(coordinator, member):
    organisation = OrganisationFactory()
    membership = actions.claim_staff_membership(user=member, organisation=organisation)
    actions.approve_staff_membership(membership=membership, actor=coordinator)
    actions.revoke_staff_membership(actor=coordinator, membership=membership)
    verbs = list(AuditRecord.objects.order_by("pk").values_list("verb", "actor__username"))
    assert verbs == [("created", "member"), ("granted", "coord"), ("revoked", "coord")]
    assert not StaffMembership.objects.exists()


def test_revoking_is_for_coordinators_only(member):
    organisation = OrganisationFactory()
    other = UserFactory()
    membership = StaffMembership.objects.create(
        user=other, organisation=organisation, is_approved=True
    )
    with pytest.raises(PermissionDenied):
        actions.revoke_staff_membership(actor=member, membership=membership)
    assert StaffMembership.objects.filter(pk=membership.pk, is_approved=True).exists()
    assert not AuditRecord.objects.exists()


def test_cities_and_an_organisations_city(coordinator):
    city = actions.create_city(actor=coordinator, name="Lyon", country="FR", population=500000)
    actions.update_city(actor=coordinator, city=city, population=520000)
    organisation = OrganisationFactory(country="FR", city="")
    actions.set_organisation_city(actor=coordinator, organisation=organisation, city=city)
    created, updated, placed = AuditRecord.objects.order_by("pk")
    assert created.changes["name"] == [None, "Lyon"]
    assert updated.changes == {"population": [500000, 520000]}
    assert placed.changes == {"locality": [None, city.pk], "city": ["", "Lyon"]}


def test_refused_city_change_writes_nothing(member):
    with pytest.raises(PermissionDenied):
        actions.create_city(actor=member, name="Lyon", country="FR")
    assert not AuditRecord.objects.exists()


def test_person_record_label_is_the_name(coordinator):
    person = PersonFactory(name="Anna Berg")
    from twinning.privacy.actions import withdraw_consent

    withdraw_consent(actor=coordinator, person=person)
    entry = _only()
    assert entry.record_label == "Anna Berg"
    assert entry.verb == "unconsented"
    assert entry.changes["consent_source"] == ["e-mail of 5 January 2026", ""]


def test_approving_a_claim_is_for_coordinators_only(member):
    organisation = OrganisationFactory()
    claim = StaffMembership.objects.create(user=UserFactory(), organisation=organisation)
    with pytest.raises(PermissionDenied):
        actions.approve_staff_membership(membership=claim, actor=member)
    claim.refresh_from_db()
    assert not claim.is_approved
    assert not AuditRecord.objects.exists()
